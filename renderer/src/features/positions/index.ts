import { lazyScreen } from '../../shared/lazyScreen'
import './shortcuts'

// The Positions screen, loaded when first opened: it brings the table engine and the charts.
export const PositionsScreen = lazyScreen(() => import('./PositionsScreen').then((module) => module.PositionsScreen))

export { restorePositionsView } from './viewState'
