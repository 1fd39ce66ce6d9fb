import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { neutraliseCell, restoreCell, UTF8_BOM, writeCsv } from '../../../renderer/src/domain/csv/writeCsv'

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
