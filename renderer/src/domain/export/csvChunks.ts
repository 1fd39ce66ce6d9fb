import { CSV_NEWLINE, csvLine, UTF8_BOM, type CsvCell, type CsvOptions } from '../csv/writeCsv'

// Large exports are written in slices so the UI can show progress and the text never has to
// be one giant string. Each slice is made of the shared writer's lines (csvLine), so quoting,
// neutralisation and line endings are exactly those of a one-shot writeCsv.

export interface CsvChunk {
  text: string
  /** Data rows in this chunk (the header is not counted). */
  rows: number
}

export const DEFAULT_ROWS_PER_CHUNK = 5_000

/**
 * Yields the CSV for header + rows in chunks whose concatenation is byte for byte
 * writeCsv(header, rows, options). The first chunk carries the BOM (when asked) and the header.
 */
export function csvChunks(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  options: CsvOptions & { rowsPerChunk?: number } = {},
): Generator<CsvChunk> {
  return csvLineChunks(header, (function* () {
    for (const row of rows) yield csvLine(row)
  })(), options)
}

/** csvChunks for rows already written as lines by csvLine (without their line breaks). */
export function* csvLineChunks(
  header: readonly string[],
  rowLines: Iterable<string>,
  options: CsvOptions & { rowsPerChunk?: number } = {},
): Generator<CsvChunk> {
  const rowsPerChunk = Math.max(1, options.rowsPerChunk ?? DEFAULT_ROWS_PER_CHUNK)
  let lines: string[] = [(options.bom ? UTF8_BOM : '') + csvLine(header)]
  let count = 0
  const flush = (): CsvChunk => {
    const chunk = { text: lines.join(CSV_NEWLINE) + CSV_NEWLINE, rows: count }
    lines = []
    count = 0
    return chunk
  }
  let first = true
  for (const line of rowLines) {
    lines.push(line)
    count++
    if (count >= rowsPerChunk) {
      yield flush()
      first = false
    }
  }
  if (first || count > 0) yield flush()
}
