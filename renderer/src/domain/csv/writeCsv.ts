import Papa from 'papaparse'

// CSV out: RFC 4180 (comma, CRLF rows, fields quoted when they hold a comma, quote or line
// break), UTF-8, optional BOM for Excel, and OWASP's formula-injection defence.

export type CsvCell = string | number | boolean | null | undefined

/** Excel and LibreOffice run a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/
/** A plain number ("-1", "+2.5", "-0.25e3") cannot run; keep it numeric for pandas and R. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** First characters after which a cell may run (or be an apostrophe-protected one). */
const RISKY_FIRST = new Set(["'", '=', '+', '-', '@', '\t', '\r'])

function wouldRun(value: string): boolean {
  // Most cells start with a letter or digit: settled without a regular expression.
  if (!RISKY_FIRST.has(value.charAt(0))) return false
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

export const UTF8_BOM = '\uFEFF'

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8. */
  bom?: boolean
}

/** Papa.unparse quotes a field holding one of these (its BAD_DELIMITERS and the delimiter)... */
const NEEDS_QUOTES = /[",\r\n\uFEFF]/
const QUOTE = /"/g

/** ...or starting or ending with a space. */
function csvField(text: string): string {
  if (text === '') return text
  if (NEEDS_QUOTES.test(text) || text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32) return `"${text.replace(QUOTE, '""')}"`
  return text
}

/**
 * One row as a CSV line, without its line ending: byte for byte that row's line in writeCsv,
 * written without Papa's per-call and per-field overhead. Large exports write their rows
 * with it; writeCsv (the library) stays the reference the tests compare it with.
 */
export function csvLine(cells: readonly CsvCell[]): string {
  // Joined, not concatenated: a flat string, where += would leave a rope that costs its
  // flattening again when the lines are joined into a chunk.
  const fields = new Array<string>(cells.length)
  for (let index = 0; index < cells.length; index++) fields[index] = csvField(cellText(cells[index]))
  return fields.join(',')
}

/** One CSV text from a header and rows; every row is written, in order, CRLF-terminated. */
export function writeCsv(header: string[], rows: Iterable<CsvCell[]>, options: CsvOptions = {}): string {
  const data: string[][] = [header.map(cellText)]
  for (const row of rows) data.push(row.map(cellText))
  const body = Papa.unparse(data, { newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"', delimiter: ',' })
  return (options.bom ? UTF8_BOM : '') + body + '\r\n'
}
