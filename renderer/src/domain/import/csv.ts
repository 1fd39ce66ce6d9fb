import Papa from 'papaparse'
import { ImportRejection, type Collection, type RowRejection } from './types'
import { setField } from './recordFields'

// CSV exports of news collections, read with Papa Parse (RFC 4180 quoting, embedded newlines,
// CRLF or LF). The delimiter is detected (comma, semicolon, tab, pipe); the first row names the
// columns. A row that cannot be split cleanly is reported and skipped, never imported shifted.

const DELIMITER_NAMES: Record<string, string> = {
  ',': 'comma-separated',
  ';': 'semicolon-separated',
  '\t': 'tab-separated',
  '|': 'pipe-separated',
}

/** The delimiters Papa Parse chooses among, for every CSV Standpoint reads. */
export const DELIMITERS_TO_GUESS = Object.keys(DELIMITER_NAMES)

/** "comma-separated", "tab-separated", ... for the delimiter Papa Parse detected. */
export function describeDelimiter(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? `separated by "${delimiter}"`
}

/** True when a row has non-blank cells past the header's columns (trailing blanks are harmless). */
export function hasCellsBeyond(cells: readonly string[], width: number): boolean {
  return cells.length > width && cells.slice(width).some((cell) => cell.trim() !== '')
}

function lineAt(text: string, index: number): number {
  let line = 1
  const end = Math.min(index, text.length)
  for (let position = 0; position < end; position++) if (text.charCodeAt(position) === 10) line++
  return line
}

/** Header names made usable as keys: blanks named by position, repeats numbered. */
export function uniqueColumnNames(raw: string[]): string[] {
  const seen = new Map<string, number>()
  return raw.map((name, index) => {
    const base = name.trim() === '' ? `column ${index + 1}` : name.trim()
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return count === 1 ? base : `${base} (${count})`
  })
}

export function readCsv(text: string, options: { fileName?: string } = {}): Collection {
  const tabular = /\.(tsv|tab)$/i.test(options.fileName ?? '')
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: 'greedy',
    delimiter: tabular ? '\t' : '',
    delimitersToGuess: DELIMITERS_TO_GUESS,
  })

  const unterminated = parsed.errors.find((error) => error.code === 'MissingQuotes')
  if (unterminated) {
    const line = lineAt(text, unterminated.index ?? text.length)
    throw new ImportRejection(
      `A quoted field that opens on line ${line} is never closed (unterminated quote), so every row after it would be garbled. Nothing was imported from this file; fix the quote and import it again.`,
    )
  }

  const rows = parsed.data
  const headerRow = rows[0]
  if (!headerRow || headerRow.every((cell) => cell.trim() === '')) throw new ImportRejection('The CSV file has no header row naming its columns.')
  if (rows.length < 2) throw new ImportRejection('The CSV file has a header row but no data rows.')
  const columns = uniqueColumnNames(headerRow)

  // Papa Parse reports rows whose quoting it had to guess at; those rows are not trusted.
  const badQuoteRows = new Map<number, string>()
  for (const error of parsed.errors) {
    if (error.code === 'InvalidQuotes' && typeof error.row === 'number') {
      badQuoteRows.set(error.row, 'its quotes are malformed (text after a closing quote, or a stray quote)')
    }
  }

  const records: Record<string, string>[] = []
  const rowNumbers: number[] = []
  const rejectedRows: RowRejection[] = []
  for (let index = 1; index < rows.length; index++) {
    const cells = rows[index]!
    const rowNumber = index
    const quoteProblem = badQuoteRows.get(index)
    if (quoteProblem) {
      rejectedRows.push({ row: rowNumber, reason: `Row ${rowNumber} was skipped: ${quoteProblem}.` })
      continue
    }
    if (hasCellsBeyond(cells, columns.length)) {
      rejectedRows.push({
        row: rowNumber,
        reason: `Row ${rowNumber} was skipped: it has ${cells.length} fields but the header names ${columns.length}, so its values would land in the wrong columns.`,
      })
      continue
    }
    const record: Record<string, string> = {}
    // Exports often drop trailing empty cells; those rows are complete, just short.
    columns.forEach((column, position) => {
      setField(record, column, cells[position] ?? '')
    })
    records.push(record)
    rowNumbers.push(rowNumber)
  }

  const delimiter = parsed.meta.delimiter
  return {
    format: 'csv',
    columns,
    records,
    rowNumbers,
    rejectedRows,
    layout: describeDelimiter(delimiter),
  }
}

/** Plain header-keyed objects, as csv-spectrum's expected JSON has them. */
export function csvToObjects(text: string): Record<string, string>[] {
  return readCsv(text).records
}
