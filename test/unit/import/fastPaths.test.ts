import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseForHash } from '../../../renderer/src/domain/contentHash'
import { decodeBytes } from '../../../renderer/src/domain/import/decode'
import { countSplitPieces, detectLanguage } from '../../../renderer/src/domain/import/language'
import { normaliseBody, normaliseLineEnds, unwrapHardWrappedLines } from '../../../renderer/src/domain/import/normaliseText'
import { neutraliseCell } from '../../../renderer/src/domain/csv/writeCsv'

// Faster forms of text rules every import runs per article, checked against the plain form
// they replace on text made of the characters that matter (every kind of whitespace).

const WHITESPACE = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']
const NOT_WHITESPACE = ['a', 'Z', 'é', 'e\u0301', 'ب', '\u200b', '\u200c', '\u180e', '\u0085', '-', '0']
const text = fc.array(fc.constantFrom(...WHITESPACE, ...NOT_WHITESPACE), { maxLength: 60 }).map((parts) => parts.join(''))

/** detectLanguage as it was written first: one character at a time, no lookup table. */
function plainDetectLanguage(text: string): { language: string; direction: 'ltr' | 'rtl' } {
  const isArabicScript = (code: number): boolean =>
    (code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f) || (code >= 0x08a0 && code <= 0x08ff) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)
  const persianOnly = new Set([0x067e, 0x0686, 0x0698, 0x06af])
  const urduOnly = new Set([0x0679, 0x0688, 0x0691, 0x06ba, 0x06d2, 0x06be])
  const sample = text.slice(0, 2000)
  let [latin, arabic, hebrew, other, persian, urdu, taMarbuta] = [0, 0, 0, 0, 0, 0, 0]
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index)
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)) latin++
    else if (isArabicScript(code)) {
      arabic++
      if (persianOnly.has(code)) persian++
      else if (urduOnly.has(code)) urdu++
      else if (code === 0x0629) taMarbuta++
    } else if (code >= 0x0590 && code <= 0x05ff) hebrew++
    else if (code > 0x24f && /\p{L}/u.test(sample[index]!)) other++
  }
  const letters = latin + arabic + hebrew + other
  if (letters === 0) return { language: '', direction: 'ltr' }
  if (arabic > letters * 0.3) {
    if (urdu > arabic * 0.01) return { language: 'ur', direction: 'rtl' }
    if (persian > arabic * 0.005 && taMarbuta === 0) return { language: 'fa', direction: 'rtl' }
    return { language: 'ar', direction: 'rtl' }
  }
  if (hebrew > letters * 0.3) return { language: 'he', direction: 'rtl' }
  if (latin > letters * 0.5) {
    const opening = sample.slice(0, 1500)
    const words = opening.split(/\s+/).length
    if (words >= 8 && (opening.match(/\b(the|and|of|to|in|that|is|was|for|with|said|on|by|has|have|from)\b/gi)?.length ?? 0) > words * 0.08) return { language: 'en', direction: 'ltr' }
  }
  return { language: '', direction: 'ltr' }
}

/** normaliseBody as it was written first, with a regular expression trimming each line. */
function plainNormaliseBody(text: string): string {
  const lines = normaliseLineEnds(text)
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/u, ''))
  return unwrapHardWrappedLines(lines.join('\n'))
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, '').replace(/^[ \t]+/, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .join('\n\n')
    .trim()
}

// Letters of every script detectLanguage tells apart (Persian-only, Urdu-only, ta marbuta,
// Hebrew, CJK, Greek), halves of surrogate pairs, English function words, spaces.
const SCRIPT_PIECES = ['the ', 'and ', 'said ', 'of ', 'a', 'Z', 'é', '×', 'ب', 'ة', 'پ', 'گ', 'ٹ', 'ے', '\u06f1', 'ﻻ', 'ש', '中', 'λ', '\ud83d', '\ude00', '😀', ' ', '\n', '.', '1']
const scriptText = fc.array(fc.constantFrom(...SCRIPT_PIECES), { maxLength: 700 }).map((parts) => parts.join(''))

describe('import fast paths', () => {
  it('detectLanguage by lookup table answers as the character-by-character form', () => {
    fc.assert(
      fc.property(fc.oneof(scriptText, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 })), (input) => {
        expect(detectLanguage(input)).toEqual(plainDetectLanguage(input))
      }),
      { numRuns: 3000 },
    )
  })

  it('normaliseBody trims line ends as the regular expression did', () => {
    const piece = fc.constantFrom(' ', '\t', '\u00a0', '\u2003', '\n', '\r\n', '\n\n', '\f', 'word', 'Word.', '    ', '- ', '1) ', 'ب', '\u2029')
    const body = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(body, fc.string({ unit: 'binary', maxLength: 80 })), (input) => {
        expect(normaliseBody(input)).toBe(plainNormaliseBody(input))
      }),
      { numRuns: 3000 },
    )
  })

  it('the control-code check of decoding refuses exactly what counting every character would', () => {
    const CONTROLS = ['\u0001', '\u0008', '\u000b', '\u000e', '\u001f', '\u007f', '\t', '\n', '\r', '\f', 'a', 'b', ' ', 'ب']
    const controlText = fc.array(fc.constantFrom(...CONTROLS), { minLength: 1, maxLength: 3000 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(controlText, (input) => {
        let controls = 0
        for (const char of input) {
          const code = char.charCodeAt(0)
          if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) controls++
        }
        const refused = controls > 16 && controls > input.length * 0.01
        let threw = false
        try {
          decodeBytes(new TextEncoder().encode(input), { name: 'x.txt' })
        } catch (error) {
          threw = error instanceof Error && /mostly control codes/.test(error.message)
        }
        expect(threw).toBe(refused)
      }),
      { numRuns: 1500 },
    )
  })

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
