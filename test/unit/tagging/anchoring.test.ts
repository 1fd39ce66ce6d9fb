import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchorSpan, createAnchor, describeSpan, trimSpan } from '../../../renderer/src/domain/anchoring'

const SEED_BODY = [
  'Iraqi militias aligned with Iran are suspending their military operations in Syria, as well as their attacks against Israel.',
  '“The resistance will stop military operations against Israel as part of its support for Gaza and will not interfere in political changes in Syria,” the official continued.',
  'The decision to halt operations against Israel marks a major shift.',
].join('\n\n')

const QUOTE = 'will stop military operations against Israel'

function anchorFor(body: string, quote: string, occurrence = 0) {
  let start = -1
  for (let index = 0; index <= occurrence; index++) start = body.indexOf(quote, start + 1)
  expect(start).toBeGreaterThanOrEqual(0)
  return createAnchor(body, start, start + quote.length)
}

describe('describeSpan / anchorSpan', () => {
  it('are symmetric: a span described from the text is found at the same place', () => {
    const anchor = anchorFor(SEED_BODY, QUOTE)
    const match = anchorSpan(SEED_BODY, anchor)
    expect(match).toMatchObject({ start: anchor.start, end: anchor.end, method: 'position', score: 1 })
    expect(describeSpan(SEED_BODY, match!)).toEqual(anchor)
  })

  it('round-trips any span of any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.nat(), fc.nat(), (body, a, b) => {
        const start = a % body.length
        const end = start + 1 + (b % (body.length - start))
        const anchor = describeSpan(body, { start, end })
        const match = anchorSpan(body, anchor)
        expect(match).not.toBeNull()
        expect(body.slice(match!.start, match!.end)).toBe(anchor.exact)
      }),
    )
  })

  it('keeps prefix and suffix context of 32 characters, shorter at the edges', () => {
    const anchor = createAnchor('abc def ghi', 4, 7)
    expect(anchor).toEqual({ exact: 'def', prefix: 'abc ', suffix: ' ghi', start: 4, end: 7 })
    expect(anchorFor(SEED_BODY, QUOTE).prefix).toHaveLength(32)
  })

  it('refuses a span outside the text', () => {
    expect(() => createAnchor('short', 2, 9)).toThrow(RangeError)
  })

  it('re-anchors by quote when text was inserted before the quote (offsets drift)', () => {
    const anchor = anchorFor(SEED_BODY, QUOTE)
    const edited = 'EDITOR’S NOTE: this report was updated on Tuesday.\n\n' + SEED_BODY
    const match = anchorSpan(edited, anchor)
    expect(match?.method).toBe('quote')
    expect(edited.slice(match!.start, match!.end)).toBe(QUOTE)
    expect(match!.start).toBe(anchor.start + 52)
  })

  it('stays at its offsets when the text after the quote changes', () => {
    const anchor = anchorFor(SEED_BODY, QUOTE)
    const edited = SEED_BODY.replace('marks a major shift', 'was welcomed in Baghdad')
    expect(anchorSpan(edited, anchor)).toMatchObject({ start: anchor.start, end: anchor.end, method: 'position' })
  })

  it('re-anchors when text was removed before the quote', () => {
    const anchor = anchorFor(SEED_BODY, QUOTE)
    const edited = SEED_BODY.replace('Iraqi militias aligned with Iran are', 'Militias are')
    const match = anchorSpan(edited, anchor)
    expect(edited.slice(match!.start, match!.end)).toBe(QUOTE)
  })

  it('re-anchors when the context right next to the quote was edited', () => {
    const anchor = anchorFor(SEED_BODY, QUOTE)
    const edited = 'New first line.\n\n' + SEED_BODY.replace('“The resistance will stop', '"The Resistance will stop').replace('Israel as part', 'Israel, as part')
    const match = anchorSpan(edited, anchor)
    expect(match).not.toBeNull()
    expect(edited.slice(match!.start, match!.end)).toBe(QUOTE)
  })

  it('picks the right one of a repeated phrase by its context', () => {
    const body = 'The army said it will withdraw. The rebels said it will withdraw. The mayor said nothing.'
    const second = anchorFor(body, 'it will withdraw', 1)
    // An edit before both occurrences shifts them: the context still tells them apart.
    const edited = 'Update: ' + body
    const match = anchorSpan(edited, second)
    expect(match!.start).toBe(edited.indexOf('it will withdraw', edited.indexOf('rebels')))
    const first = anchorFor(body, 'it will withdraw', 0)
    expect(anchorSpan(edited, first)!.start).toBe(edited.indexOf('it will withdraw'))
  })

  it('does not take a repeated phrase that slid into the old offsets for the real one', () => {
    // "against Israel" occurs three times; removing exactly the words between the first and the
    // second moves the second to where the first was.
    const body = 'Attacks against Israel stopped. Militias said operations against Israel end. Halt against Israel now.'
    const anchor = anchorFor(body, 'against Israel', 1)
    const edited = body.replace('Attacks against Israel stopped. ', '')
    const match = anchorSpan(edited, anchor)
    expect(match!.start).toBe(edited.indexOf('against Israel'))
    expect(edited.slice(match!.start - 11, match!.start)).toBe('operations ')
  })

  it('finds a quote whose words were lightly edited (fuzzy), and says so', () => {
    const anchor = anchorFor(SEED_BODY, QUOTE)
    const edited = SEED_BODY.replace(QUOTE, 'will stop military operation against Israël')
    const match = anchorSpan(edited, anchor)
    expect(match?.method).toBe('fuzzy')
    expect(match!.score).toBeLessThan(1)
    expect(edited.slice(match!.start, match!.end)).toBe('will stop military operation against Israël')
  })

  it('finds a long quote after edits inside it and drift before it', () => {
    const long = 'The factions have decided not to interfere in Syrian affairs and to monitor the situation from a distance while also awaiting the policy directions of US President-elect Donald Trump'
    const body = `Intro paragraph.\n\n“${long}, particularly regarding the Middle East and Iran.”\n\nMore text follows here.`
    const anchor = anchorFor(body, long)
    const edited = 'A new lead paragraph was added by the editors.\n\n' + body.replace('not to interfere', 'not to meddle').replace('President-elect', 'President')
    const match = anchorSpan(edited, anchor)
    expect(match?.method).toBe('fuzzy')
    const found = edited.slice(match!.start, match!.end)
    expect(found.startsWith('The factions have decided not to meddle')).toBe(true)
    expect(found.endsWith('Donald Trump')).toBe(true)
  })

  it('returns null when the quote is gone (an orphan, never a wrong highlight)', () => {
    const anchor = anchorFor(SEED_BODY, QUOTE)
    const edited = SEED_BODY.replace(/“The resistance[^”]*”/u, 'The official declined to comment.')
    expect(anchorSpan(edited, anchor)).toBeNull()
  })

  it('returns null for an empty quote or an empty text', () => {
    expect(anchorSpan('', anchorFor(SEED_BODY, QUOTE))).toBeNull()
    expect(anchorSpan(SEED_BODY, { exact: '', prefix: '', suffix: '', start: 0, end: 0 })).toBeNull()
  })

  it('handles stored offsets beyond the end of a shortened text', () => {
    const anchor = { ...anchorFor(SEED_BODY, QUOTE), start: 9000, end: 9044 }
    const match = anchorSpan(SEED_BODY, anchor)
    expect(SEED_BODY.slice(match!.start, match!.end)).toBe(QUOTE)
  })

  it('anchors right-to-left text the same way', () => {
    const body = 'قال رئيس الوزراء محمد شياع السوداني إن الحكومة ستواصل الحوار. وأضاف السوداني أن الفصائل ستتوقف.'
    const anchor = anchorFor(body, 'الفصائل ستتوقف')
    const edited = 'تحديث: ' + body
    const match = anchorSpan(edited, anchor)
    expect(edited.slice(match!.start, match!.end)).toBe('الفصائل ستتوقف')
  })

  it('is quick on a long article with a drifted short quote', () => {
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(3600)
    const body = filler + SEED_BODY + filler
    const anchor = anchorFor(body, QUOTE)
    const edited = body.replace(QUOTE, 'will stop military operation against Israel')
    const started = performance.now()
    const match = anchorSpan('x'.repeat(50) + edited, anchor)
    expect(match?.method).toBe('fuzzy')
    // Generous bound: a regression to quadratic behaviour takes seconds.
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('anchorSpan on long articles', () => {
  const WORDS = 'militia government minister said will would not attacks against border talks ceasefire forces spokesman official reported statement factions parliament decision support oppose'.split(' ')

  /** Pseudo-news of about `length` characters, the same for the same seed. */
  function article(length: number, seed: number): string {
    let state = seed >>> 0
    const next = (): number => {
      state = (state + 0x6d2b79f5) >>> 0
      let t = Math.imul(state ^ (state >>> 15), state | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const sentences: string[] = []
    let size = 0
    while (size < length) {
      const words = Array.from({ length: 8 + Math.floor(next() * 12) }, () => WORDS[Math.floor(next() * WORDS.length)]!)
      const sentence = `${words.join(' ')} ${Math.floor(next() * 10_000)}.`
      sentences.push(sentence)
      size += sentence.length + 1
    }
    return sentences.join(' ')
  }

  it('finds an edited quote in a 200,000-character article after a long insertion moved it far from its offsets', () => {
    const body = article(200_000, 7)
    const start = 120_000
    const anchor = createAnchor(body, start, start + 70)
    const edited = anchor.exact.slice(0, 20) + 'X' + anchor.exact.slice(21, 45) + anchor.exact.slice(47)
    const moved = article(30_000, 11) + ' ' + body.slice(0, start) + edited + body.slice(start + 70)
    const match = anchorSpan(moved, anchor)
    expect(match?.method).toBe('fuzzy')
    expect(moved.slice(match!.start, match!.end)).toBe(edited)
  })

  it('finds a long quote edited in several places in a 200,000-character article', () => {
    const body = article(200_000, 3)
    const start = 50_000
    const anchor = createAnchor(body, start, start + 1_000)
    let edited = anchor.exact
    for (const at of [100, 400, 401, 402, 750]) edited = edited.slice(0, at) + '#' + edited.slice(at + 1)
    edited = edited.slice(0, 600) + edited.slice(610)
    const changed = body.slice(0, start) + edited + body.slice(start + 1_000)
    const moved = changed.slice(0, 10_000) + changed.slice(20_000) + changed.slice(10_000, 20_000)
    const match = anchorSpan(moved, anchor)
    expect(match?.method).toBe('fuzzy')
    expect(moved.slice(match!.start, match!.end)).toBe(edited)
  })

  it('finds lightly edited quotes wherever the text moved them (property)', () => {
    const body = article(40_000, 5)
    const inserted = article(20_000, 9)
    fc.assert(
      fc.property(
        fc.nat({ max: body.length - 200 }),
        fc.integer({ min: 30, max: 150 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.nat({ max: 20_000 }),
        (start, length, edits, shift) => {
          const anchor = createAnchor(body, start, start + length)
          let quote = anchor.exact
          // Edits well inside the quote, so its first and last characters still mark its ends.
          for (const edit of edits) {
            const at = 2 + (edit % (quote.length - 4))
            quote = quote.slice(0, at) + '~' + quote.slice(at + 1)
          }
          const edited = body.slice(0, start) + quote + body.slice(start + length)
          // Text inserted before the quote moves it, as far as the whole article.
          const moved = inserted.slice(0, shift) + edited
          // An exact copy of the old words elsewhere is taken for the quote, by design: not this case.
          fc.pre(!moved.includes(anchor.exact))
          const match = anchorSpan(moved, anchor)
          expect(match).not.toBeNull()
          const expectedStart = Math.min(shift, inserted.length) + start
          expect(moved.slice(match!.start, match!.end)).toBe(quote)
          expect(match!.start).toBe(expectedStart)
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('trimSpan', () => {
  it('drops whitespace a selection dragged along', () => {
    const body = 'one  two three\n'
    expect(trimSpan(body, { start: 3, end: 15 })).toEqual({ start: 5, end: 14 })
    expect(trimSpan(body, { start: 3, end: 5 })).toEqual({ start: 5, end: 5 })
  })
})
