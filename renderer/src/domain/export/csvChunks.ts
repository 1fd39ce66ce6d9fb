import { csvLine, UTF8_BOM, type CsvCell, type CsvOptions } from '../csv/writeCsv'

// Large exports are written in slices so the UI can show progress and the text never has to
// be one giant string. Each row goes through the shared line writer (csvLine), so quoting,
// neutralisation and line endings are exactly those of a one-shot export (writeCsv).

export interface CsvChunk {
  text: string
  /** Data rows in this chunk (the header is not counted). */
  rows: number
}

export const DEFAULT_ROWS_PER_CHUNK = 5_000

const CRLF = '\r\n'

/**
 * Chunks of a CSV from its header and its rows' lines (csvLine, no line ending): the first
 * carries the BOM (when asked) and the header, every line ends in CRLF.
 */
export function* csvLineChunks(header: readonly string[], lines: Iterable<string>, options: CsvOptions & { rowsPerChunk?: number } = {}): Generator<CsvChunk> {
  const rowsPerChunk = Math.max(1, options.rowsPerChunk ?? DEFAULT_ROWS_PER_CHUNK)
  let batch: string[] = [(options.bom === true ? UTF8_BOM : '') + csvLine(header)]
  let rows = 0
  let first = true
  const flush = (): CsvChunk => {
    const chunk = { text: batch.join(CRLF) + CRLF, rows }
    first = false
    batch = []
    rows = 0
    return chunk
  }
  for (const line of lines) {
    batch.push(line)
    rows++
    if (rows >= rowsPerChunk) yield flush()
  }
  if (first || rows > 0) yield flush()
}

/**
 * Yields the CSV for header + rows in chunks whose concatenation is byte for byte
 * writeCsv(header, rows, options). The first chunk carries the BOM (when asked) and the header.
 */
export function csvChunks(header: string[], rows: Iterable<CsvCell[]>, options: CsvOptions & { rowsPerChunk?: number } = {}): Generator<CsvChunk> {
  return csvLineChunks(
    header,
    (function* () {
      for (const row of rows) yield csvLine(row)
    })(),
    options,
  )
}
