import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildUnits, issueSetKey, quotesPair, type CodedClaim } from '../../../renderer/src/domain/agreement/units'
import { coded } from './fixtures'

const keys = (claims: readonly CodedClaim[], coderIds = ['A', 'B']) => buildUnits({ coderIds, claims }).units.map((unit) => unit.key)

describe('the overlap rule: at least half of the shorter quote', () => {
  it('pairs at exactly half and not one character less', () => {
    expect(quotesPair({ start: 0, end: 10 }, { start: 5, end: 25 })).toBe(true)
    expect(quotesPair({ start: 0, end: 10 }, { start: 6, end: 25 })).toBe(false)
    // Odd length: 3 of 7 is less than half, 4 of 7 is more.
    expect(quotesPair({ start: 0, end: 7 }, { start: 4, end: 30 })).toBe(false)
    expect(quotesPair({ start: 0, end: 7 }, { start: 3, end: 30 })).toBe(true)
  })

  it('measures against the shorter quote, so a short quote inside a long one pairs', () => {
    expect(quotesPair({ start: 0, end: 400 }, { start: 200, end: 210 })).toBe(true)
  })

  it('never pairs touching, disjoint or empty quotes', () => {
    expect(quotesPair({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false)
    expect(quotesPair({ start: 0, end: 10 }, { start: 30, end: 40 })).toBe(false)
    expect(quotesPair({ start: 5, end: 5 }, { start: 0, end: 10 })).toBe(false)
  })

  it('holds in the units: exactly half pairs, less than half leaves both unpaired', () => {
    const half = buildUnits({ coderIds: ['A', 'B'], claims: [coded({ id: 'a', coderId: 'A', start: 0, end: 10 }), coded({ id: 'b', coderId: 'B', start: 5, end: 25 })] })
    expect(half.units.map((unit) => unit.key)).toEqual(['a+b'])
    const less = buildUnits({ coderIds: ['A', 'B'], claims: [coded({ id: 'a', coderId: 'A', start: 0, end: 10 }), coded({ id: 'b', coderId: 'B', start: 6, end: 25 })] })
    expect(less.units).toEqual([])
    expect(less.unpaired.map((list) => list.map((entry) => [entry.claim.id, entry.reason]))).toEqual([[['a', 'no-match']], [['b', 'no-match']]])
  })
})

describe('pairing is one to one, largest overlap first', () => {
  it('gives a contested claim to the larger overlap and leaves the other unpaired', () => {
    // b overlaps a1 by 10 (half of a1) and a2 by 15: it goes to a2.
    const claims = [
      coded({ id: 'a1', coderId: 'A', start: 0, end: 20 }),
      coded({ id: 'a2', coderId: 'A', start: 15, end: 40 }),
      coded({ id: 'b', coderId: 'B', start: 10, end: 30 }),
    ]
    const result = buildUnits({ coderIds: ['A', 'B'], claims })
    expect(result.units.map((unit) => unit.key)).toEqual(['a2+b'])
    expect(result.unpaired[0]!.map((entry) => entry.claim.id)).toEqual(['a1'])
  })

  it('takes largest first even where another matching would pair more claims', () => {
    // a1–b1 overlap 9 is the largest; a1–b2 (6) and a2–b1 (6) would pair all four, but greedy
    // largest-first is the rule the analyst can check by hand.
    const claims = [
      coded({ id: 'a1', coderId: 'A', start: 0, end: 12 }),
      coded({ id: 'a2', coderId: 'A', start: 12, end: 22 }),
      coded({ id: 'b1', coderId: 'B', start: 3, end: 18 }),
      coded({ id: 'b2', coderId: 'B', start: 0, end: 6 }),
    ]
    const result = buildUnits({ coderIds: ['A', 'B'], claims })
    expect(result.units.map((unit) => unit.key)).toEqual(['a1+b1'])
    expect(result.unpaired.map((list) => list.map((entry) => entry.claim.id))).toEqual([['a2'], ['b2']])
  })

  it('breaks a tie of equal overlaps by the closer match (less text together)', () => {
    const claims = [
      coded({ id: 'a', coderId: 'A', start: 0, end: 10 }),
      coded({ id: 'b-wide', coderId: 'B', start: 0, end: 14 }),
      coded({ id: 'b-exact', coderId: 'B', start: 0, end: 10 }),
    ]
    expect(keys(claims)).toEqual(['a+b-exact'])
  })

  it('breaks a full tie by claim id, whatever the order of claims or coders', () => {
    const claims = [
      coded({ id: 'a', coderId: 'A', start: 0, end: 10 }),
      coded({ id: 'b2', coderId: 'B', start: 0, end: 10 }),
      coded({ id: 'b1', coderId: 'B', start: 0, end: 10 }),
    ]
    expect(keys(claims)).toEqual(['a+b1'])
    expect(keys([...claims].reverse(), ['B', 'A'])).toEqual(['a+b1'])
  })

  it('never pairs claims of the same coder, or on different articles', () => {
    const claims = [
      coded({ id: 'a1', coderId: 'A', start: 0, end: 10 }),
      coded({ id: 'a2', coderId: 'A', start: 0, end: 10 }),
      coded({ id: 'b', coderId: 'B', start: 0, end: 10, articleId: 'other' }),
    ]
    expect(keys(claims)).toEqual([])
  })

  it('does not depend on the order of the claims or of the coders (property)', () => {
    const claim = fc.record({
      coderId: fc.constantFrom('A', 'B', 'C'),
      articleId: fc.constantFrom('x', 'y'),
      start: fc.integer({ min: 0, max: 60 }),
      length: fc.integer({ min: 0, max: 30 }),
    })
    const claimsAndOrder = fc
      .array(claim, { maxLength: 14 })
      .chain((raw) => fc.tuple(fc.constant(raw), fc.shuffledSubarray([...raw.keys()], { minLength: raw.length }), fc.shuffledSubarray(['A', 'B', 'C'], { minLength: 3 })))
    fc.assert(
      fc.property(claimsAndOrder, ([raw, order, coderOrder]) => {
        const claims = raw.map((entry, index) => coded({ id: `c${index}`, coderId: entry.coderId, articleId: entry.articleId, start: entry.start, end: entry.start + entry.length }))
        const shuffled = order.map((index) => claims[index]!)
        const original = buildUnits({ coderIds: ['A', 'B', 'C'], claims, articles: [{ id: 'x' }, { id: 'y' }] })
        const reordered = buildUnits({ coderIds: coderOrder, claims: shuffled, articles: [{ id: 'x' }, { id: 'y' }] })
        expect(reordered.units.map((unit) => unit.key)).toEqual(original.units.map((unit) => unit.key))
        // Every unit holds at most one claim per coder, and every two of its claims pair on their own.
        for (const unit of original.units) {
          const present = unit.claims.filter((entry): entry is CodedClaim => entry !== null)
          expect(new Set(present.map((entry) => entry.coderId)).size).toBe(present.length)
          for (const x of present) for (const y of present) if (x !== y) expect(quotesPair(x, y)).toBe(true)
        }
        // Every claim is in exactly one unit or listed once as unpaired.
        const placed = [...original.units.flatMap((unit) => unit.claims.filter((entry) => entry !== null).map((entry) => entry.id)), ...original.unpaired.flat().map((entry) => entry.claim.id)]
        expect([...placed].sort()).toEqual(claims.map((entry) => entry.id).sort())
      }),
      { numRuns: 200 },
    )
  })
})

describe('units of three or more coders', () => {
  it('joins the claims of all coders on one stretch of text into one unit', () => {
    const claims = [
      coded({ id: 'a', coderId: 'A', start: 0, end: 20 }),
      coded({ id: 'b', coderId: 'B', start: 2, end: 20 }),
      coded({ id: 'c', coderId: 'C', start: 0, end: 18 }),
    ]
    const result = buildUnits({ coderIds: ['A', 'B', 'C'], claims })
    expect(result.units).toHaveLength(1)
    expect(result.units[0]!.claims.map((entry) => entry?.id)).toEqual(['a', 'b', 'c'])
    expect(result.units[0]).toMatchObject({ start: 0, end: 20 })
  })

  it('leaves a coder who has no claim there as a missing value', () => {
    const claims = [coded({ id: 'a', coderId: 'A' }), coded({ id: 'c', coderId: 'C' })]
    const result = buildUnits({ coderIds: ['A', 'B', 'C'], claims })
    expect(result.units[0]!.claims.map((entry) => entry?.id ?? null)).toEqual(['a', null, 'c'])
  })

  it('does not chain: a claim joins a unit only if it pairs with every claim already in it', () => {
    // b's long quote covers both a's and c's, which do not overlap each other.
    const claims = [
      coded({ id: 'a', coderId: 'A', start: 0, end: 10 }),
      coded({ id: 'b', coderId: 'B', start: 0, end: 30 }),
      coded({ id: 'c', coderId: 'C', start: 20, end: 30 }),
    ]
    const result = buildUnits({ coderIds: ['A', 'B', 'C'], claims })
    expect(result.units.map((unit) => unit.key)).toEqual(['a+b'])
    expect(result.unpaired.map((list) => list.map((entry) => entry.claim.id))).toEqual([[], [], ['c']])
  })

  it('keeps one claim per coder per unit', () => {
    const claims = [
      coded({ id: 'a1', coderId: 'A', start: 0, end: 10 }),
      coded({ id: 'a2', coderId: 'A', start: 5, end: 10 }),
      coded({ id: 'b', coderId: 'B', start: 0, end: 10 }),
      coded({ id: 'c', coderId: 'C', start: 1, end: 10 }),
    ]
    const result = buildUnits({ coderIds: ['A', 'B', 'C'], claims })
    expect(result.units.map((unit) => unit.key)).toEqual(['a1+b+c'])
    expect(result.unpaired[0]!.map((entry) => entry.claim.id)).toEqual(['a2'])
  })

  it('lets a closer match between two coders win over joining a third', () => {
    // a2 and c quote exactly the same text; a1 and b too. Two units, not one.
    const claims = [
      coded({ id: 'a1', coderId: 'A', start: 0, end: 10 }),
      coded({ id: 'a2', coderId: 'A', start: 1, end: 10 }),
      coded({ id: 'b', coderId: 'B', start: 0, end: 10 }),
      coded({ id: 'c', coderId: 'C', start: 1, end: 10 }),
    ]
    expect(buildUnits({ coderIds: ['A', 'B', 'C'], claims }).units.map((unit) => unit.key)).toEqual(['a1+b', 'a2+c'])
  })
})

describe('unpaired and ignored claims', () => {
  it('lists each coder\'s unpaired claims in text order, claims without a quote last', () => {
    const claims = [
      coded({ id: 'late', coderId: 'A', start: 50, end: 60 }),
      coded({ id: 'none', coderId: 'A', start: 0, end: 0 }),
      coded({ id: 'early', coderId: 'A', start: 10, end: 20 }),
      coded({ id: 'reversed', coderId: 'A', start: 9, end: 3 }),
      coded({ id: 'nan', coderId: 'B', start: Number.NaN, end: 4 }),
    ]
    const result = buildUnits({ coderIds: ['A', 'B'], claims })
    expect(result.unpaired.map((list) => list.map((entry) => `${entry.claim.id}:${entry.reason}`))).toEqual([
      ['early:no-match', 'late:no-match', 'none:no-quote', 'reversed:no-quote'],
      ['nan:no-quote'],
    ])
  })

  it('ignores claims of other coders, on other articles, and repeated ids, saying why', () => {
    const claims = [
      coded({ id: 'a', coderId: 'A' }),
      coded({ id: 'a', coderId: 'B' }),
      coded({ id: 'z', coderId: 'Z' }),
      coded({ id: 'elsewhere', coderId: 'B', articleId: 'not-assigned' }),
      coded({ id: 'b', coderId: 'B' }),
    ]
    const result = buildUnits({ coderIds: ['A', 'B', 'A'], claims, articles: [{ id: 'art' }] })
    expect(result.coderIds).toEqual(['A', 'B'])
    expect(result.ignored).toEqual([
      { claimId: 'a', reason: 'duplicate-id' },
      { claimId: 'z', reason: 'other-coder' },
      { claimId: 'elsewhere', reason: 'other-article' },
    ])
    expect(result.units.map((unit) => unit.key)).toEqual(['a+b'])
  })

  it('orders units by the articles given, then by position in the text', () => {
    const claims = [
      coded({ id: 'x2a', coderId: 'A', articleId: 'x', start: 30, end: 40 }),
      coded({ id: 'x2b', coderId: 'B', articleId: 'x', start: 30, end: 40 }),
      coded({ id: 'y1a', coderId: 'A', articleId: 'y', start: 0, end: 10 }),
      coded({ id: 'y1b', coderId: 'B', articleId: 'y', start: 0, end: 10 }),
      coded({ id: 'x1a', coderId: 'A', articleId: 'x', start: 0, end: 10 }),
      coded({ id: 'x1b', coderId: 'B', articleId: 'x', start: 0, end: 10 }),
    ]
    expect(buildUnits({ coderIds: ['A', 'B'], claims, articles: [{ id: 'y' }, { id: 'x' }] }).units.map((unit) => unit.key)).toEqual(['y1a+y1b', 'x1a+x1b', 'x2a+x2b'])
    // Without a list of articles: the articles claims are on, by id.
    expect(buildUnits({ coderIds: ['A', 'B'], claims }).articleIds).toEqual(['x', 'y'])
  })
})

describe('full agreement and issue sets', () => {
  it('compares issues as sets: order and repeats do not matter, a missing or extra issue does', () => {
    expect(issueSetKey(['i1', 'i2'])).toBe(issueSetKey(['i2', 'i1', 'i1']))
    expect(issueSetKey(['i1'])).not.toBe(issueSetKey(['i1', 'i2']))
    expect(issueSetKey([])).not.toBe(issueSetKey(['']))
  })

  it('marks a unit as agreeing fully only when actor, issue set and stance are all the same', () => {
    const unit = (b: Partial<CodedClaim>) =>
      buildUnits({ coderIds: ['A', 'B'], claims: [coded({ id: 'a', coderId: 'A', actorId: 'x', issueIds: ['i1', 'i2'], stance: 1 }), coded({ id: 'b', coderId: 'B', actorId: 'x', issueIds: ['i2', 'i1'], stance: 1, ...b })] }).units[0]!.agreesFully
    expect(unit({})).toBe(true)
    expect(unit({ actorId: 'y' })).toBe(false)
    expect(unit({ issueIds: ['i1'] })).toBe(false)
    expect(unit({ stance: 2 })).toBe(false)
  })
})
