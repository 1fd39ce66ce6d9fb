import { lazyScreen } from '../../shared/lazyScreen'

// The Codebook screen, loaded when first opened.
export const CodebookScreen = lazyScreen(() => import('./CodebookScreen').then((module) => module.CodebookScreen))
