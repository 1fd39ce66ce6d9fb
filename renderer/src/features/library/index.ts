// The library is the first screen: it loads with the shell.
export { LibraryScreen } from './LibraryScreen'
export { startLibrary } from './libraryStore'
