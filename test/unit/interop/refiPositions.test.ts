import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codePointLength, filePositionsToUtf16, normaliseLineEndings, utf16ToCodePoints } from '../../../renderer/src/domain/interop/refiqda/positions'

describe('utf16ToCodePoints', () => {
  it('counts a character outside the BMP as one position', () => {
    const text = 'a🇮🇶b𝟐c'
    // a=0, 🇮 (2 units)=1, 🇶=2, b=3, 𝟐=4, c=5
    const map = utf16ToCodePoints(text, [0, 1, 3, 5, 6, 8, 9])
    expect([...map.entries()].sort(([a], [b]) => a - b)).toEqual([
      [0, 0],
      [1, 1],
      [3, 2],
      [5, 3],
      [6, 4],
      [8, 5],
      [9, 6],
    ])
  })

  it('refuses offsets that split a surrogate pair or leave the text', () => {
    const map = utf16ToCodePoints('x😀y', [2, -1, 5, 1.5])
    expect(map.get(2)).toBeNull()
    expect(map.get(-1)).toBeNull()
    expect(map.get(5)).toBeNull()
    expect(map.get(1.5)).toBeNull()
  })

  it('agrees with Array.from on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, seed) => {
        const offset = seed % (text.length + 1)
        const position = utf16ToCodePoints(text, [offset]).get(offset)
        const prefix = text.slice(0, offset)
        const splits = /[\uD800-\uDBFF]$/.test(prefix) && /^[\uDC00-\uDFFF]/.test(text.slice(offset))
        expect(position).toBe(splits ? null : [...prefix].length)
      }),
    )
  })
})

describe('filePositionsToUtf16', () => {
  it('maps code points in a CRLF file to offsets in the normalised text, CRLF counted as two', () => {
    const raw = 'ab\r\ncd😀e'
    const normal = normaliseLineEndings(raw)
    expect(normal).toBe('ab\ncd😀e')
    // positions: a0 b1 \r2 \n3 c4 d5 😀6 e7 end8
    const map = filePositionsToUtf16(raw, [0, 2, 3, 4, 6, 7, 8, 9], 'two')
    expect(map.get(0)).toBe(0)
    expect(map.get(2)).toBe(2)
    expect(map.get(3)).toBe(2)
    expect(map.get(4)).toBe(3)
    expect(map.get(6)).toBe(5)
    expect(map.get(7)).toBe(7)
    expect(map.get(8)).toBe(8)
    expect(map.get(9)).toBeNull()
    expect(normal.slice(map.get(4)!, map.get(7)!)).toBe('cd😀')
  })

  it('counts CRLF as one position when the file was written that way (ATLAS.ti)', () => {
    const raw = 'ab\r\ncd\re'
    // positions: a0 b1 CRLF2 c3 d4 CR5 e6 end7
    const map = filePositionsToUtf16(raw, [3, 5, 6, 7], 'one')
    expect(normaliseLineEndings(raw).slice(map.get(3)!, map.get(6)!)).toBe('cd\n')
    expect(map.get(7)).toBe(7)
  })

  it('inverts utf16ToCodePoints on LF text, for any string and offsets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.nat()), (any, seeds) => {
        const text = normaliseLineEndings(any)
        const points = codePointLength(text)
        const positions = seeds.map((seed) => seed % (points + 1))
        const offsets = filePositionsToUtf16(text, positions, 'two')
        const back = utf16ToCodePoints(text, [...offsets.values()].filter((value): value is number => value !== null))
        for (const position of positions) {
          const offset = offsets.get(position)
          expect(offset).not.toBeNull()
          expect(back.get(offset!)).toBe(position)
        }
      }),
    )
  })
})
