import Papa from 'papaparse'
import { restoreCell } from '../csv/writeCsv'
import { DELIMITERS_TO_GUESS, hasCellsBeyond } from '../import/csv'

export interface ParsedTable {
  header: string[]
  /** Data rows; each has header.length cells (short rows padded with ''). */
  rows: string[][]
  /**
   * The spreadsheet row number of each data row (the header is row 1), as Excel or
   * LibreOffice would show it, so a summary's "row 12" is the row the analyst sees.
   */
  rowNumbers: number[]
  /** Rows the file has that hold more cells than the header names, by spreadsheet row number. */
  wideRows: number[]
  /** Problems the CSV parser reported (an unclosed quote, ...). */
  problems: string[]
  delimiter: string
}

export class TableParseError extends Error {
  override name = 'TableParseError'
}

/**
 * Parses a CSV (or TSV / semicolon CSV: papaparse guesses the delimiter, as for article
 * collections) with a header row. Unlike an article collection, every row is kept: short rows
 * are padded, wide ones cut to the header and listed, and rows are numbered as spreadsheets do.
 * Every cell goes through restoreCell, which undoes the apostrophe our exports (and other
 * tools following OWASP) put before cells that a spreadsheet would run as formulas.
 */
export function parseTable(text: string): ParsedTable {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text
  const result = Papa.parse<string[]>(input, { header: false, skipEmptyLines: false, delimitersToGuess: DELIMITERS_TO_GUESS })
  const data = result.data
  const headerIndex = data.findIndex((row) => row.some((cell) => cell.trim() !== ''))
  if (headerIndex < 0) throw new TableParseError('The file is empty: it has no header row and no data.')
  const header = data[headerIndex]!.map((cell) => restoreCell(cell).trim())
  const width = header.length
  const rows: string[][] = []
  const rowNumbers: number[] = []
  const wideRows: number[] = []
  for (let index = headerIndex + 1; index < data.length; index++) {
    const raw = data[index]!
    if (raw.every((cell) => cell === '')) continue
    const cells = raw.map(restoreCell)
    if (hasCellsBeyond(cells, width)) wideRows.push(index + 1)
    while (cells.length < width) cells.push('')
    rows.push(cells.length > width ? cells.slice(0, width) : cells)
    rowNumbers.push(index + 1)
  }
  const problems = result.errors
    .filter((error) => error.code !== 'UndetectableDelimiter')
    .map((error) => (typeof error.row === 'number' ? `row ${error.row + 1}: ${error.message}` : error.message))
  return { header, rows, rowNumbers, wideRows, problems, delimiter: result.meta.delimiter }
}
