import { csvCell, type ClaimColumn } from '../../domain/claims/columns'
import type { ClaimLookups, ClaimRow } from '../../domain/claims/rows'
import type { CsvCell } from '../../domain/csv/writeCsv'
import { exportShownTable } from '../export'

/**
 * `Export CSV`: the claims as the table shows them: its columns in its order (headers as on
 * screen), its rows after search and filters, in its sort. Several values in a cell (issues,
 * attribute values) are joined with " | " as in the claims export; the stance is its number.
 */
export function exportShownClaims(columns: readonly ClaimColumn[], rows: readonly ClaimRow[], order: Uint32Array, lookups: ClaimLookups): Promise<void> {
  return exportShownTable({
    what: 'claims',
    noun: 'claims',
    build: () => {
      const out: CsvCell[][] = new Array<CsvCell[]>(order.length)
      for (let position = 0; position < order.length; position++) {
        const row = rows[order[position]!]!
        out[position] = columns.map((column) => csvCell(column, row, lookups))
      }
      return { header: columns.map((column) => column.label), rows: out }
    },
  })
}
