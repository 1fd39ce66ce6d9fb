import { writeCsv, type CsvCell, type CsvOptions } from '../csv/writeCsv'

// Large exports are written in slices so the UI can show progress and the text never has to
// be one giant string. Each slice goes through the shared writer (writeCsv), so quoting,
// neutralisation and line endings are exactly those of a one-shot export.

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
export function* csvChunks(
  header: string[],
  rows: Iterable<CsvCell[]>,
  options: CsvOptions & { rowsPerChunk?: number } = {},
): Generator<CsvChunk> {
  const rowsPerChunk = Math.max(1, options.rowsPerChunk ?? DEFAULT_ROWS_PER_CHUNK)
  // writeCsv always starts with the header line; later slices drop exactly that prefix.
  const headerLine = writeCsv(header, [])
  let batch: CsvCell[][] = []
  let first = true
  const flush = (): CsvChunk => {
    const text = writeCsv(header, batch, first ? { bom: options.bom === true } : {})
    const chunk = { text: first ? text : text.slice(headerLine.length), rows: batch.length }
    first = false
    batch = []
    return chunk
  }
  for (const row of rows) {
    batch.push(row)
    if (batch.length >= rowsPerChunk) yield flush()
  }
  if (first || batch.length > 0) yield flush()
}
