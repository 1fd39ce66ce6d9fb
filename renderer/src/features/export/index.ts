import type * as ShownTable from './exportShownTable'

// What other parts of the app use of the export feature: the sidebar's Data section, and
// Export CSV of the table a screen shows.
export { DataSection } from './DataSection'
export { ExportCsvButton } from './ExportCsvButton'

/** Export CSV of the rows a screen shows; the CSV writer loads on the first export. */
export const exportShownTable: typeof ShownTable.exportShownTable = async (table) => (await import('./exportShownTable')).exportShownTable(table)
