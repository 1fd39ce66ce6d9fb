import Papa from 'papaparse'
import { restoreCell, type CsvCell } from '../../../renderer/src/domain/csv/writeCsv'

/**
 * "The same values", precisely: every cell a CSV reader returns, passed through restoreCell,
 * equals the text the row builder produced — strings exactly (quotes, commas, line breaks,
 * Arabic, leading spaces, formula-looking text), numbers as String(n), empty for null.
 * What the reader returns *before* restoreCell differs only by the one apostrophe
 * neutraliseCell put in front of cells a spreadsheet would run.
 */
export function expectedText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return String(cell)
  if (typeof cell === 'boolean') return cell ? 'true' : 'false'
  return cell
}

export function expectedTable(header: readonly string[], rows: Iterable<CsvCell[]>): string[][] {
  return [[...header], ...[...rows].map((row) => row.map(expectedText))]
}

/** Parses our CSV the way an analyst's papaparse script would, and undoes neutralisation. */
export function papaReadBack(csv: string): string[][] {
  const text = csv.startsWith('\uFEFF') ? csv.slice(1) : csv
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false, newline: '\r\n' })
  expectNoErrors(result.errors)
  const rows = result.data
  // The file ends with CRLF, which papaparse reports as one empty last row.
  if (rows.length > 0 && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0] === '') rows.pop()
  return rows.map((row) => row.map(restoreCell))
}

function expectNoErrors(errors: Papa.ParseError[]): void {
  if (errors.length > 0) throw new Error(`papaparse: ${errors.map((error) => error.message).join('; ')}`)
}
