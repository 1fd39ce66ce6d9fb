// The library is the first screen: it loads with the shell.
export { LibraryScreen } from './LibraryScreen'

// The article list, search and filters, for features that pick articles (the assignment editor).
export { searchLibrary, useLibraryState } from './libraryStore'
export { filterRows, NO_FILTERS, sourceCounts, type LibraryFilters } from './filterRows'
export type { LibraryRow } from './search/libraryTypes'
export { prepareLibrary, startLibrary } from './libraryStore'

// Claims the person here may see (blind coding applied), for the status bar.
export { useVisibleClaimTotal } from './useClaimCounts'
