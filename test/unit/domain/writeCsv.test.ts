import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { neutraliseCell, restoreCell, UTF8_BOM, writeCsv, type CsvCell } from '../../../renderer/src/domain/csv/writeCsv'
import { csvChunks } from '../../../renderer/src/domain/export/csvChunks'
import { expectedTable } from '../export/csvRoundTrip'

describe('writeCsv', () => {
  it('writes RFC 4180: CRLF rows, quoting only where needed, doubled quotes', () => {
    const csv = writeCsv(['a', 'b'], [['plain', 'with, comma'], ['say "hi"', 'line\nbreak'], [1, null]])
    expect(csv).toBe('a,b\r\nplain,"with, comma"\r\n"say ""hi""","line\nbreak"\r\n1,\r\n')
  })

  it('round-trips through a parser, Arabic and all', () => {
    const rows = [['قال الجبير، اليوم', '"quoted"'], ['multi\r\nline', ' spaced ']]
    const parsed = Papa.parse<string[]>(writeCsv(['x', 'y'], rows), { skipEmptyLines: true }).data
    expect(parsed).toEqual([['x', 'y'], ...rows])
  })

  it('neutralises cells a spreadsheet would run, but keeps numbers numeric', () => {
    expect(neutraliseCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")')
    expect(neutraliseCell('+cmd')).toBe("'+cmd")
    expect(neutraliseCell('-2+3')).toBe("'-2+3")
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(neutraliseCell('\tx')).toBe("'\tx")
    expect(neutraliseCell('\rx')).toBe("'\rx")
    expect(neutraliseCell('-1')).toBe('-1')
    expect(neutraliseCell('+2.5')).toBe('+2.5')
    expect(neutraliseCell('plain = fine')).toBe('plain = fine')
    for (const value of ['=1+1', '-x', '@a', 'text', '-1', "'quoted", "'=x", "''@y", "'-1"]) expect(restoreCell(neutraliseCell(value))).toBe(value)
  })

  it('adds a BOM on request', () => {
    expect(writeCsv(['a'], [], { bom: true }).startsWith(UTF8_BOM)).toBe(true)
    expect(writeCsv(['a'], []).startsWith(UTF8_BOM)).toBe(false)
  })
})

// The writer replaced Papa.unparse for speed; it must write exactly what papaparse wrote, and
// papaparse must read every file back to the cells that went in.
describe('writeCsv against papaparse', () => {
  /** What writeCsv was before: every cell through cellText, then Papa.unparse with these options. */
  function papaWriteCsv(header: string[], rows: CsvCell[][], bom: boolean): string {
    const text = (value: CsvCell): string =>
      value === null || value === undefined
        ? ''
        : typeof value === 'number'
          ? Number.isFinite(value)
            ? String(value)
            : ''
          : typeof value === 'boolean'
            ? String(value)
            : neutraliseCell(value)
    const data = [header.map(text), ...rows.map((row) => row.map(text))]
    return (bom ? UTF8_BOM : '') + Papa.unparse(data, { newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"', delimiter: ',' }) + '\r\n'
  }

  // Characters that matter to quoting and neutralisation, plus Arabic and plain text.
  const tricky = fc.constantFrom('"', ',', '\r', '\n', '\r\n', '\uFEFF', ' ', '=', '+', '-', '@', '\t', "'", '1', '.', 'e', 'a', 'قال', 'é', '\u200f')
  const text = fc.oneof(fc.string({ unit: tricky, maxLength: 12 }), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }))
  const cell: fc.Arbitrary<CsvCell> = fc.oneof(
    { weight: 6, arbitrary: text },
    fc.integer({ min: -5, max: 100_000 }),
    fc.double(),
    fc.constantFrom(null, undefined, true, false, Number.NaN, Number.POSITIVE_INFINITY),
  )
  const table = fc.integer({ min: 0, max: 6 }).chain((width) =>
    fc.record({
      header: fc.array(text, { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
      bom: fc.boolean(),
    }),
  )

  it('writes byte for byte what Papa.unparse wrote', () => {
    fc.assert(
      fc.property(table, ({ header, rows, bom }) => {
        expect(writeCsv(header, rows, { bom })).toBe(papaWriteCsv(header, rows, bom))
      }),
      { numRuns: 2_000 },
    )
  })

  it('reads back through papaparse to the same cells, after restoreCell', () => {
    fc.assert(
      fc.property(table, ({ header, rows, bom }) => {
        fc.pre(header.length > 0)
        const csv = writeCsv(header, rows, { bom })
        const parsed = Papa.parse<string[]>(bom ? csv.slice(1) : csv, { delimiter: ',', newline: '\r\n', skipEmptyLines: false })
        expect(parsed.errors).toEqual([])
        // The file ends with CRLF, which papaparse reads as one more, empty row.
        expect(parsed.data.pop()).toEqual([''])
        // A number that is not finite is written as an empty cell.
        const finite = rows.map((row) => row.map((value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value)))
        expect(parsed.data.map((row) => row.map(restoreCell))).toEqual(expectedTable(header, finite))
      }),
      { numRuns: 2_000 },
    )
  })

  it('streams in chunks that join to the one-shot text', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 5 }), ({ header, rows, bom }, rowsPerChunk) => {
        const chunks = [...csvChunks(header, rows, { bom, rowsPerChunk })]
        expect(chunks.map((chunk) => chunk.text).join('')).toBe(writeCsv(header, rows, { bom }))
        expect(chunks.reduce((sum, chunk) => sum + chunk.rows, 0)).toBe(rows.length)
      }),
      { numRuns: 500 },
    )
  })
})
