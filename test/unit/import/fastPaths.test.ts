import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseForHash } from '../../../renderer/src/domain/contentHash'
import { countSplitPieces } from '../../../renderer/src/domain/import/language'
import { neutraliseCell } from '../../../renderer/src/domain/csv/writeCsv'

// Faster forms of text rules every import runs per article, checked against the plain form
// they replace on text made of the characters that matter (every kind of whitespace).

const WHITESPACE = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']
const NOT_WHITESPACE = ['a', 'Z', 'é', 'e\u0301', 'ب', '\u200b', '\u200c', '\u180e', '\u0085', '-', '0']
const text = fc.array(fc.constantFrom(...WHITESPACE, ...NOT_WHITESPACE), { maxLength: 60 }).map((parts) => parts.join(''))

describe('import fast paths', () => {
  it('normaliseForHash collapses whitespace exactly as /\\s+/ → " " does', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 })), (input) => {
        expect(normaliseForHash(input)).toBe(input.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase())
      }),
      { numRuns: 3000 },
    )
  })

  it('countSplitPieces counts what split(/\\s+/) returns', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 })), (input) => {
        expect(countSplitPieces(input)).toBe(input.split(/\s+/).length)
      }),
      { numRuns: 3000 },
    )
  })

  it('neutraliseCell decides as the plain rule does, first character check or not', () => {
    const plain = (value: string): string => {
      const core = value.replace(/^'+/, '')
      return /^[=+\-@\t\r]/.test(core) && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(core) ? `'${value}` : value
    }
    const cell = fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', '.', 'e', 'a', ' ', 'ب'), { maxLength: 8 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(cell, fc.string({ maxLength: 12 })), (value) => {
        expect(neutraliseCell(value)).toBe(plain(value))
      }),
      { numRuns: 5000 },
    )
  })
})
