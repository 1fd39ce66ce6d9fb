import { lazyScreen } from '../../shared/lazyScreen'
import './shortcuts'

// The Claims screen (the coder's working view), loaded when first opened.
export const ClaimsScreen = lazyScreen(() => import('./ClaimsScreen').then((module) => module.ClaimsScreen))

export { restoreClaimsView } from './savedView'
