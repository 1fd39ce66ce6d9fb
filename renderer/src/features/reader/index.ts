import { lazyScreen } from '../../shared/lazyScreen'
import './shortcuts'

// The reader as the rest of the app sees it: the screen that reads and tags one article
// (#/library/article/<id>), loaded when first opened.
export const ReaderScreen = lazyScreen(() => import('./ReaderScreen').then((module) => module.ReaderScreen))
