import { lazyScreen } from '../../shared/lazyScreen'

// The Actors screen, loaded when first opened.
export const ActorsScreen = lazyScreen(() => import('./ActorsScreen').then((module) => module.ActorsScreen))
