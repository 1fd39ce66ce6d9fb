import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { aggregatePositions, preparePositionClaims, type PositionClaim } from '../../../renderer/src/domain/positions/aggregate'
import { BUCKET_SIZES, bucketKey } from '../../../renderer/src/domain/positions/buckets'
import type { Stance } from '../../../renderer/src/domain/model'
import { claim } from './fixtures'

const prepare = (...claims: Parameters<typeof claim>[0][]): PositionClaim[] => preparePositionClaims(claims.map(claim)).claims

describe('preparing claims', () => {
  it('dates a claim by its own date, else by its article, and sets aside claims with neither', () => {
    const claims = [
      claim({ id: 'own', actorId: 'x', issueId: 'i', stance: 1, date: '2024-12-23', articleId: 'a1' }),
      claim({ id: 'article', actorId: 'x', issueId: 'i', stance: 1, date: '', articleId: 'a2' }),
      claim({ id: 'none', actorId: 'x', issueId: 'i', stance: 1, date: '', articleId: 'a3' }),
      claim({ id: 'bad', actorId: 'x', issueId: 'i', stance: 1, date: 'last week', articleId: 'a4' }),
    ]
    const articleDates = new Map([
      ['a1', '2020-01-01'],
      ['a2', '2024-11-05T08:00:00'],
      ['a3', ''],
    ])
    const prepared = preparePositionClaims(claims, articleDates)
    expect(prepared.claims.map((entry) => [entry.id, entry.date])).toEqual([
      ['own', '2024-12-23'],
      ['article', '2024-11-05'],
    ])
    expect(prepared.undated).toEqual(['none', 'bad'])
  })

  it('puts a claim on several issues under each of them, once per issue', () => {
    const prepared = preparePositionClaims([claim({ id: 'multi', actorId: 'x', issueIds: ['i', 'j', 'i'], stance: 2, date: '2024-12-23' })])
    expect(prepared.claims.map((entry) => [entry.id, entry.issueId])).toEqual([
      ['multi', 'i'],
      ['multi', 'j'],
    ])
  })
})

describe('aggregating positions', () => {
  it('counts, averages and keeps the latest stance and the claims behind each cell', () => {
    const claims = prepare(
      { id: 'n1', actorId: 'nujaba', issueId: 'israel', stance: 1, date: '2024-11-20' },
      { id: 'n2', actorId: 'nujaba', issueId: 'israel', stance: 2, date: '2024-11-05' },
      { id: 'n3', actorId: 'nujaba', issueId: 'israel', stance: -1, date: '2024-12-23' },
      { id: 'o1', actorId: 'other', issueId: 'israel', stance: 0, date: '2024-12-01' },
    )
    const result = aggregatePositions(claims, { bucketSize: 'month' })
    expect(result.buckets.map((bucket) => bucket.key)).toEqual(['2024-11', '2024-12'])
    expect(result.counted).toBe(4)
    const nujaba = result.series.find((series) => series.actorId === 'nujaba')!
    expect(nujaba.cells.map((cell) => [result.buckets[cell.bucket]!.key, cell.count, cell.mean, cell.latest])).toEqual([
      ['2024-11', 2, 1.5, 1],
      ['2024-12', 1, -1, -1],
    ])
    expect(nujaba.cells[0]!.counts).toEqual([0, 0, 0, 1, 1])
    expect(nujaba.cells[0]!.claims.map((entry) => entry.id)).toEqual(['n2', 'n1'])
    expect(nujaba.cells[0]!.latestDate).toBe('2024-11-20')
    expect(nujaba.claimList.map((entry) => entry.id)).toEqual(['n2', 'n1', 'n3'])
    expect([nujaba.count, nujaba.firstStance, nujaba.lastStance, nujaba.shift, nujaba.firstSeen, nujaba.lastSeen]).toEqual([3, 2, -1, -3, '2024-11-05', '2024-12-23'])
  })

  it('breaks same-day ties by when the claim was recorded', () => {
    const claims = prepare(
      { id: 'later', actorId: 'a', issueId: 'i', stance: -1, date: '2024-12-23', createdAt: '2025-01-02T00:00:00Z' },
      { id: 'earlier', actorId: 'a', issueId: 'i', stance: 1, date: '2024-12-23', createdAt: '2025-01-01T00:00:00Z' },
    )
    const [series] = aggregatePositions(claims, { bucketSize: 'day' }).series
    expect(series!.firstStance).toBe(1)
    expect(series!.lastStance).toBe(-1)
    expect(series!.cells[0]!.latest).toBe(-1)
    expect(series!.cells[0]!.mean).toBe(0)
  })

  it('spans every bucket between the first and last claim, and exactly the chosen date range', () => {
    const claims = prepare(
      { actorId: 'a', issueId: 'i', stance: 1, date: '2024-01-15' },
      { actorId: 'a', issueId: 'i', stance: 1, date: '2024-06-15' },
      { actorId: 'a', issueId: 'i', stance: -1, date: '2025-02-01' },
    )
    expect(aggregatePositions(claims, { bucketSize: 'quarter' }).buckets.map((bucket) => bucket.key)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1'])
    const ranged = aggregatePositions(claims, { bucketSize: 'month', from: '2024-05-01', to: '2024-08-31' })
    expect(ranged.buckets.map((bucket) => bucket.key)).toEqual(['2024-05', '2024-06', '2024-07', '2024-08'])
    expect(ranged.counted).toBe(1)
    expect(ranged.series[0]!.cells.map((cell) => cell.bucket)).toEqual([1])
  })

  it('is empty for no claims, and for a range with no claims still lists its buckets', () => {
    expect(aggregatePositions([], { bucketSize: 'week' })).toMatchObject({ buckets: [], series: [], counted: 0 })
    const claims = prepare({ actorId: 'a', issueId: 'i', stance: 1, date: '2020-01-01' })
    const empty = aggregatePositions(claims, { bucketSize: 'year', from: '2023-01-01', to: '2024-12-31' })
    expect(empty.buckets.map((bucket) => bucket.key)).toEqual(['2023', '2024'])
    expect(empty.series).toEqual([])
  })

  it('keeps only claims from the chosen articles (the source filter)', () => {
    const claims = prepare(
      { id: 'x', actorId: 'a', issueId: 'i', stance: 1, date: '2024-01-01', articleId: 'reuters-1' },
      { id: 'y', actorId: 'a', issueId: 'i', stance: -1, date: '2024-01-02', articleId: 'akhbar-1' },
    )
    const result = aggregatePositions(claims, { bucketSize: 'month', articleIds: new Set(['akhbar-1']) })
    expect(result.series[0]!.claimList.map((entry) => entry.id)).toEqual(['y'])
  })

  it('keeps the latest buckets of a span that is too long, and says how many claims that hid', () => {
    const claims = prepare(
      { actorId: 'a', issueId: 'i', stance: 1, date: '1901-01-01' },
      { actorId: 'a', issueId: 'i', stance: 1, date: '2024-12-20' },
      { actorId: 'a', issueId: 'i', stance: -1, date: '2024-12-23' },
    )
    const result = aggregatePositions(claims, { bucketSize: 'day', maxBuckets: 10 })
    expect(result.truncated).toBe(true)
    expect(result.buckets).toHaveLength(10)
    expect(result.buckets[9]!.key).toBe('2024-12-23')
    expect(result.hiddenBefore).toBe(1)
    expect(result.counted).toBe(2)
    expect(result.series[0]!.firstSeen).toBe('2024-12-20')
  })

  it('agrees with a plain recount for any claims (on one issue or several) and any bucket size', () => {
    const arbitraryClaim = fc.record({
      actorId: fc.constantFrom('a', 'b', 'c'),
      issueIds: fc.uniqueArray(fc.constantFrom('i', 'j', 'k'), { minLength: 1, maxLength: 3 }),
      stance: fc.constantFrom<Stance>(-2, -1, 0, 1, 2),
      date: fc.date({ min: new Date(2023, 0, 1), max: new Date(2025, 11, 31), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
    })
    fc.assert(
      fc.property(fc.array(arbitraryClaim, { maxLength: 60 }), fc.constantFrom(...BUCKET_SIZES), (records, size) => {
        const claims = prepare(...records)
        const result = aggregatePositions(claims, { bucketSize: size })
        // The recount works from the records as coded: a claim counts once under each of its issues.
        const expected = new Map<string, number[]>()
        for (const record of records) {
          for (const issueId of record.issueIds) {
            const key = `${record.actorId}|${issueId}|${bucketKey(record.date, size)}`
            expected.set(key, [...(expected.get(key) ?? []), record.stance])
          }
        }
        const actual = new Map<string, number[]>()
        for (const series of result.series) {
          for (const cell of series.cells) {
            const key = `${series.actorId}|${series.issueId}|${result.buckets[cell.bucket]!.key}`
            actual.set(key, cell.claims.map((entry) => entry.stance))
            expect(cell.mean).toBeCloseTo(cell.claims.reduce((sum, entry) => sum + entry.stance, 0) / cell.count)
          }
          expect(series.count).toBe(series.claimList.length)
        }
        expect(new Set(actual.keys())).toEqual(new Set(expected.keys()))
        for (const [key, stances] of expected) expect([...actual.get(key)!].sort()).toEqual([...stances].sort())
        // ...and the claims in the period are the claims, each once.
        expect(result.counted).toBe(records.length)
      }),
      { numRuns: 150 },
    )
  })
})

describe('shift detection', () => {
  const shiftsOf = (...entries: [string, Stance][]) => {
    const claims = prepare(...entries.map(([date, stance]) => ({ actorId: 'a', issueId: 'i', stance, date })))
    const result = aggregatePositions(claims, { bucketSize: 'month' })
    const series = result.series[0]!
    return { shifts: series.cells.filter((cell) => cell.shift).map((cell) => result.buckets[cell.bucket]!.key), reversals: series.reversals }
  }

  it('marks the bucket where the mean changes sign from the previous non-empty bucket', () => {
    expect(shiftsOf(['2024-11-20', 1], ['2024-12-23', -1])).toEqual({ shifts: ['2024-12'], reversals: 1 })
  })

  it('looks across empty buckets to the previous non-empty one', () => {
    expect(shiftsOf(['2024-01-10', -2], ['2024-06-10', 1], ['2024-07-10', 2])).toEqual({ shifts: ['2024-06'], reversals: 1 })
  })

  it('counts every reversal, back and forth', () => {
    expect(shiftsOf(['2024-01-10', 1], ['2024-02-10', -1], ['2024-03-10', 1], ['2024-04-10', -2])).toEqual({ shifts: ['2024-02', '2024-03', '2024-04'], reversals: 3 })
  })

  it('does not mark a move within one side, nor through a neutral bucket', () => {
    expect(shiftsOf(['2024-01-10', 2], ['2024-02-10', 1])).toEqual({ shifts: [], reversals: 0 })
    expect(shiftsOf(['2024-01-10', 1], ['2024-02-10', 0], ['2024-03-10', -1])).toEqual({ shifts: [], reversals: 0 })
  })

  it('judges a bucket by its mean, not by single claims inside it', () => {
    // November: +2 and −1 (mean +0.5); December: −1. A sign change of the means.
    expect(shiftsOf(['2024-11-01', 2], ['2024-11-02', -1], ['2024-12-01', -1])).toEqual({ shifts: ['2024-12'], reversals: 1 })
    // November: +1 and −1 (mean 0); December: −1. No sign to change from.
    expect(shiftsOf(['2024-11-01', 1], ['2024-11-02', -1], ['2024-12-01', -1])).toEqual({ shifts: [], reversals: 0 })
  })

  it('depends on the bucket size: a reversal inside one bucket is no shift', () => {
    const claims = prepare({ actorId: 'a', issueId: 'i', stance: 1, date: '2024-11-20' }, { actorId: 'a', issueId: 'i', stance: -1, date: '2024-12-23' })
    expect(aggregatePositions(claims, { bucketSize: 'month' }).series[0]!.reversals).toBe(1)
    expect(aggregatePositions(claims, { bucketSize: 'quarter' }).series[0]!.reversals).toBe(0)
  })

  it('records the previous non-empty bucket for the tooltip', () => {
    const claims = prepare({ actorId: 'a', issueId: 'i', stance: 1, date: '2024-09-20' }, { actorId: 'a', issueId: 'i', stance: -1, date: '2024-12-23' })
    const result = aggregatePositions(claims, { bucketSize: 'month' })
    const last = result.series[0]!.cells[1]!
    expect(last.previous).toEqual({ bucket: 0, mean: 1 })
    expect(result.buckets[last.bucket]!.key).toBe('2024-12')
  })
})
