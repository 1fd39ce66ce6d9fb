import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { overlaySpan, paragraphAt, segmentParagraphs, splitParagraphs } from '../../../renderer/src/domain/textLayout'

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps body offsets', () => {
    const body = 'First para.\nSame para.\n\n  \n\nSecond.\n\n'
    const paragraphs = splitParagraphs(body)
    expect(paragraphs.map((p) => body.slice(p.start, p.end))).toEqual(['First para.\nSame para.', 'Second.'])
    expect(paragraphAt(paragraphs, body.indexOf('Second'))?.index).toBe(1)
    expect(paragraphAt(paragraphs, body.indexOf('\n\n'))?.index).toBe(1)
  })
})

describe('segmentParagraphs', () => {
  it('cuts at every boundary and lists covering highlights outermost first', () => {
    const body = 'abcdefghij\n\nklmnopqrst'
    const paragraphs = splitParagraphs(body)
    const segments = segmentParagraphs(paragraphs, [
      { id: 'outer', start: 2, end: 16 },
      { id: 'inner', start: 4, end: 6 },
    ])
    expect(segments[0]).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 4, ids: ['outer'] },
      { start: 4, end: 6, ids: ['outer', 'inner'] },
      { start: 6, end: 10, ids: ['outer'] },
    ])
    expect(segments[1]).toEqual([
      { start: 12, end: 16, ids: ['outer'] },
      { start: 16, end: 22, ids: [] },
    ])
  })

  it('covers every paragraph exactly, and each segment has exactly the highlights overlapping it (property)', () => {
    const spanArb = fc.tuple(fc.nat(199), fc.integer({ min: 1, max: 60 }))
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 30 }), fc.array(fc.nat(199), { maxLength: 8 }), (spans, breaks) => {
        const chars = Array.from({ length: 200 }, () => 'x')
        for (const at of breaks) if (at > 0 && at < 198) chars.splice(at, 2, '\n', '\n')
        const body = chars.join('')
        const paragraphs = splitParagraphs(body)
        const highlights = spans.map(([start, length], index) => ({ id: `h${index}`, start, end: Math.min(200, start + length) }))
        const segments = segmentParagraphs(paragraphs, highlights)
        paragraphs.forEach((paragraph, index) => {
          const list = segments[index]!
          expect(list[0]?.start).toBe(paragraph.start)
          expect(list[list.length - 1]?.end).toBe(paragraph.end)
          for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBe(list[i - 1]!.end)
          for (const segment of list) {
            const expected = highlights.filter((h) => h.start < segment.end && segment.start < h.end).map((h) => h.id).sort()
            expect([...segment.ids].sort()).toEqual(expected)
            for (const h of highlights) {
              // No highlight starts or ends strictly inside a segment.
              expect(h.start > segment.start && h.start < segment.end).toBe(false)
              expect(h.end > segment.start && h.end < segment.end).toBe(false)
            }
          }
        })
      }),
    )
  })
})

describe('overlaySpan', () => {
  it('re-cuts only the paragraphs the extra span touches, and matches a full segmentation', () => {
    const body = 'aaaa bbbb\n\ncccc dddd\n\neeee ffff'
    const paragraphs = splitParagraphs(body)
    const highlights = [{ id: 'x', start: 2, end: 7 }, { id: 'y', start: 13, end: 20 }]
    const base = segmentParagraphs(paragraphs, highlights)
    const extra = { id: 'pending', start: 15, end: 18 }
    const overlaid = overlaySpan(paragraphs, base, highlights, extra)
    expect(overlaid[0]).toBe(base[0])
    expect(overlaid[2]).toBe(base[2])
    expect(overlaid[1]).toEqual(segmentParagraphs(paragraphs, [...highlights, extra])[1])
  })
})
