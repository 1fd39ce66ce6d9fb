// CSV out: RFC 4180 (comma, CRLF rows, fields quoted when they hold a comma, quote or line
// break), UTF-8, optional BOM for Excel, and OWASP's formula-injection defence.
//
// The writer is a few lines rather than papaparse's unparse, which was most of the time of a
// 100,000-claim export (it scans every cell seven times and grows one string cell by cell).
// Its output is byte for byte what Papa.unparse wrote with the options this module used
// (test/unit/domain/writeCsv.test.ts checks that on generated tables, and that papaparse reads
// every file back to the same cells), including papaparse's habit of quoting a field that
// starts or ends with a space or holds a byte order mark.

export type CsvCell = string | number | boolean | null | undefined

/** Excel and LibreOffice run a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/
/** A plain number ("-1", "+2.5", "-0.25e3") cannot run; keep it numeric for pandas and R. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** True when a value's first character is one neutralisation looks at: ' = + - @ tab CR. */
function mayRun(value: string): boolean {
  const first = value.charCodeAt(0)
  return first === 39 || first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13
}

function wouldRun(value: string): boolean {
  if (!mayRun(value)) return false
  // Leading apostrophes are looked through, so a value that already starts with one survives
  // the round trip exactly ("'=x" is written "''=x" and read back as "'=x").
  const core = value.replace(/^'+/, '')
  return FORMULA_START.test(core) && !PLAIN_NUMBER.test(core)
}

/**
 * Neutralises a text cell that a spreadsheet would evaluate, by prefixing an apostrophe
 * (OWASP CSV injection guidance). Our own importers undo it with restoreCell.
 */
export function neutraliseCell(value: string): string {
  return wouldRun(value) ? `'${value}` : value
}

/** Reverses neutraliseCell for a cell read back from one of our exports. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && wouldRun(value) ? value.slice(1) : value
}

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return neutraliseCell(value)
}

/** A field must be quoted when it holds a quote, comma, CR, LF or BOM, or starts or ends with a space. */
const NEEDS_QUOTES = /[",\r\n\uFEFF]/

function field(text: string): string {
  if (text === '') return text
  if (NEEDS_QUOTES.test(text) || text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32) {
    return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`
  }
  return text
}

/** One cell as it appears between the commas of a line: neutralised, quoted where needed. */
export function csvField(value: CsvCell): string {
  return field(cellText(value))
}

/** One row as a CSV line, without its line break: cells neutralised, quoted where needed. */
export function csvLine(row: readonly CsvCell[]): string {
  // An array joined once: appending field by field builds a rope that is flattened again
  // later, and measured twice as slow.
  const fields = new Array<string>(row.length)
  for (let index = 0; index < row.length; index++) fields[index] = field(cellText(row[index]))
  return fields.join(',')
}

export const UTF8_BOM = '\uFEFF'
export const CSV_NEWLINE = '\r\n'

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8. */
  bom?: boolean
}

/** One CSV text from a header and rows; every row is written, in order, CRLF-terminated. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, options: CsvOptions = {}): string {
  const lines = [csvLine(header)]
  for (const row of rows) lines.push(csvLine(row))
  return (options.bom ? UTF8_BOM : '') + lines.join(CSV_NEWLINE) + CSV_NEWLINE
}
