import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Actor, Article, Assignment, Claim, Coder, Issue, Stance } from '../../../renderer/src/domain/model'
import { bucketAtOrdinal, BUCKET_SIZES } from '../../../renderer/src/domain/positions/buckets'
import { computePositions, DEFAULT_OPTIONS, PositionsEngine, type PositionsOptions, type PositionsResult, type PositionsWorld } from '../../../renderer/src/domain/positions/engine'
import { articleFact, claimFact } from '../../../renderer/src/domain/positions/facts'
import { NO_VALUE, type GroupBy } from '../../../renderer/src/domain/positions/grouping'
import { packResult, storedSpan, unpackResult } from '../../../renderer/src/domain/positions/resultPack'
import { splitTexts } from '../../../renderer/src/domain/positions/stringTable'
import { buildPositionsView, createPositionsViewBuilder, type ViewOptions } from '../../../renderer/src/domain/positions/rows'
import { actor, article, assignment, child, claim, coder, issue } from './fixtures'
import { ACTOR_IDS, CODERS, freshResult, ISSUE_IDS, random, randomActor, randomArticle, randomClaim, randomIssues, randomOptions, randomWorkspace, refData, stored, withoutClaims } from './randomWorkspace'
import { asReference, recount, type RefData } from './reference'

interface Data {
  claims?: Claim[]
  actors?: Actor[]
  issues?: Issue[]
  articles?: Article[]
  coders?: Coder[]
  assignments?: Assignment[]
  viewerId?: string | null
}

function worldOf(data: Data): PositionsWorld {
  return {
    actors: new Map((data.actors ?? []).map((entry) => [entry.id, entry])),
    issues: data.issues ?? [],
    coders: data.coders ?? [],
    assignments: data.assignments ?? [],
    viewerId: data.viewerId ?? null,
  }
}

function run(data: Data, options: Partial<PositionsOptions> = {}): PositionsResult {
  return computePositions((data.claims ?? []).map(claimFact), (data.articles ?? []).map(articleFact), worldOf(data), { ...DEFAULT_OPTIONS, ...options })
}

const keyOf = (result: PositionsResult, ordinal: number): string => bucketAtOrdinal(ordinal, result.options.bucketSize).key
const seriesOf = (result: PositionsResult, key: string) => result.series.find((entry) => entry.key === key)!

describe('counting claims into cells', () => {
  it('counts, averages and keeps the latest stance and the claims behind each cell', () => {
    const result = run({
      claims: [
        claim({ id: 'n1', actorId: 'nujaba', issueId: 'israel', stance: 1, date: '2024-11-20' }),
        claim({ id: 'n2', actorId: 'nujaba', issueId: 'israel', stance: 2, date: '2024-11-05' }),
        claim({ id: 'n3', actorId: 'nujaba', issueId: 'israel', stance: -1, date: '2024-12-23' }),
        claim({ id: 'o1', actorId: 'other', issueId: 'israel', stance: 0, date: '2024-12-01' }),
      ],
    })
    expect(result.counted).toBe(4)
    const nujaba = seriesOf(result, 'nujaba|israel')
    expect(nujaba.cells.map((cell) => [keyOf(result, cell.ordinal), cell.count, cell.mean, cell.latest])).toEqual([
      ['2024-11', 2, 1.5, 1],
      ['2024-12', 1, -1, -1],
    ])
    expect(nujaba.cells[0]!.counts).toEqual([0, 0, 0, 1, 1])
    expect(nujaba.cells[0]!.claims.map((entry) => entry.id)).toEqual(['n2', 'n1'])
    expect(nujaba.cells[0]!.latestDate).toBe('2024-11-20')
    expect(nujaba.claimList.map((entry) => entry.id)).toEqual(['n2', 'n1', 'n3'])
    expect([nujaba.count, nujaba.mean, nujaba.firstStance, nujaba.lastStance, nujaba.shift, nujaba.firstSeen, nujaba.lastSeen]).toEqual([3, 2 / 3, 2, -1, -3, '2024-11-05', '2024-12-23'])
  })

  it('dates a claim by its own date, else by its article, and sets aside claims with neither', () => {
    const result = run({
      articles: [article('a1', '2020-01-01'), article('a2', '2024-11-05T08:00:00'), article('a3', '')],
      claims: [
        claim({ id: 'own', actorId: 'x', issueId: 'i', stance: 1, date: '2024-12-23', articleId: 'a1' }),
        claim({ id: 'article', actorId: 'x', issueId: 'i', stance: 1, date: '', articleId: 'a2' }),
        claim({ id: 'none', actorId: 'x', issueId: 'i', stance: 1, date: '', articleId: 'a3' }),
        claim({ id: 'bad', actorId: 'x', issueId: 'i', stance: 1, date: 'last week', articleId: 'a4' }),
      ],
    })
    expect(seriesOf(result, 'x|i').claimList.map((entry) => [entry.id, entry.date])).toEqual([
      ['article', '2024-11-05'],
      ['own', '2024-12-23'],
    ])
    expect(result.undated).toBe(2)
  })

  it('breaks same-day ties by when the claim was recorded', () => {
    const [series] = run(
      {
        claims: [
          claim({ id: 'later', actorId: 'a', issueId: 'i', stance: -1, date: '2024-12-23', createdAt: '2025-01-02T00:00:00Z' }),
          claim({ id: 'earlier', actorId: 'a', issueId: 'i', stance: 1, date: '2024-12-23', createdAt: '2025-01-01T00:00:00Z' }),
        ],
      },
      { bucketSize: 'day' },
    ).series
    expect([series!.firstStance, series!.lastStance, series!.cells[0]!.latest, series!.cells[0]!.mean]).toEqual([1, -1, -1, 0])
  })

  it('keeps only claims in the date range and from the chosen source', () => {
    const data: Data = {
      articles: [article('r', '2024-01-01', 'Reuters'), article('k', '2024-01-01', 'Al-Akhbar')],
      claims: [
        claim({ id: 'x', actorId: 'a', issueId: 'i', stance: 1, date: '2024-01-15', articleId: 'r' }),
        claim({ id: 'y', actorId: 'a', issueId: 'i', stance: -1, date: '2024-06-15', articleId: 'k' }),
        claim({ id: 'z', actorId: 'a', issueId: 'i', stance: -1, date: '2025-02-01', articleId: 'k' }),
      ],
    }
    expect(run(data, { from: '2024-05-01', to: '2024-08-31' }).series[0]!.claimList.map((entry) => entry.id)).toEqual(['y'])
    expect(run(data, { source: 'Al-Akhbar' }).series[0]!.claimList.map((entry) => entry.id)).toEqual(['y', 'z'])
    expect(run(data, { source: 'Nobody' })).toMatchObject({ series: [], counted: 0 })
  })

  it('keeps the latest buckets of a span that is too long, and says how many claims that hid', () => {
    const result = run(
      {
        claims: [
          claim({ actorId: 'a', issueId: 'i', stance: 1, date: '1901-01-01' }),
          claim({ actorId: 'a', issueId: 'i', stance: 1, date: '2024-12-20' }),
          claim({ actorId: 'a', issueId: 'i', stance: -1, date: '2024-12-23' }),
        ],
      },
      { bucketSize: 'day', maxBuckets: 10 },
    )
    expect(result.truncated).toBe(true)
    expect(keyOf(result, result.cutoff!)).toBe('2024-12-14')
    expect([result.hiddenBefore, result.counted]).toEqual([1, 2])
    expect(result.series[0]!.firstSeen).toBe('2024-12-20')
  })
})

describe('several issues per claim, and the issue level', () => {
  // Controlling migration › Ceiling, › Deportation; Integration (no children).
  const issues = [issue('mig', 'Controlling migration'), child('ceil', 'Ceiling', 'mig'), child('dep', 'Deportation', 'mig'), issue('int', 'Integration')]
  const claims = [
    claim({ id: 'both', actorId: 'merkel', issueIds: ['ceil', 'dep'], stance: 2, date: '2015-09-04' }),
    claim({ id: 'ceil-only', actorId: 'merkel', issueIds: ['ceil'], stance: -1, date: '2015-09-20' }),
    claim({ id: 'three', actorId: 'merkel', issueIds: ['dep', 'int', 'mig'], stance: 1, date: '2015-10-01' }),
  ]

  it('counts a claim once under each issue it carries, as coded', () => {
    const result = run({ claims, issues })
    expect(result.series.map((entry) => [entry.issueId, entry.count, entry.mean]).sort()).toEqual([
      ['ceil', 2, 0.5],
      ['dep', 2, 1.5],
      ['int', 1, 1],
      ['mig', 1, 1],
    ])
    // Each claim counts once in the period, however many rows it is in.
    expect(result.counted).toBe(3)
  })

  it('at the top level counts a claim once under its top-level issue, the mean over those distinct claims', () => {
    const result = run({ claims, issues }, { level: 'top' })
    expect(result.series.map((entry) => [entry.issueId, entry.count, entry.sum, entry.mean]).sort()).toEqual([
      ['int', 1, 1, 1],
      // both (+2), ceil-only (−1), three (+1): three claims, not five issue codes.
      ['mig', 3, 2, 2 / 3],
    ])
  })

  it('an issue filter on a parent takes in its children', () => {
    const coded = run({ claims, issues }, { issueId: 'mig' })
    expect(coded.series.map((entry) => entry.issueId).sort()).toEqual(['ceil', 'dep', 'mig'])
    expect(coded.counted).toBe(3)
    const top = run({ claims, issues }, { issueId: 'mig', level: 'top' })
    expect(top.series.map((entry) => [entry.issueId, entry.count])).toEqual([['mig', 3]])
    // A child filter keeps only that child, at either level.
    expect(run({ claims, issues }, { issueId: 'ceil' }).series.map((entry) => [entry.issueId, entry.count])).toEqual([['ceil', 2]])
    expect(run({ claims, issues }, { issueId: 'ceil', level: 'top' }).series.map((entry) => [entry.issueId, entry.count])).toEqual([['mig', 2]])
  })

  it('one issue per row: the chosen issue and everything below it count as one', () => {
    const result = run({ claims, issues }, { issueId: 'mig', oneIssue: true })
    expect(result.series.map((entry) => [entry.key, entry.count])).toEqual([['merkel|mig', 3]])
  })
})

describe('grouping actors', () => {
  const actors = [
    actor('merkel', 'Angela Merkel', 'person', [], { Party: ['CDU'] }),
    actor('seehofer', 'Horst Seehofer', 'person', [], { party: ['csu'] }),
    actor('union', 'Union faction', 'party', [], { party: ['CDU', 'CSU'] }),
    actor('proasyl', 'Pro Asyl', 'organization'),
  ]
  const claims = [
    claim({ id: 'm1', actorId: 'merkel', issueId: 'i', stance: 2, date: '2015-09-04' }),
    claim({ id: 'm2', actorId: 'merkel', issueId: 'i', stance: 1, date: '2015-09-10' }),
    claim({ id: 's1', actorId: 'seehofer', issueId: 'i', stance: -2, date: '2015-09-12' }),
    claim({ id: 'u1', actorId: 'union', issueId: 'i', stance: -1, date: '2015-09-30' }),
    claim({ id: 'p1', actorId: 'proasyl', issueId: 'i', stance: 2, date: '2015-09-30' }),
  ]
  const party: GroupBy = { kind: 'attribute', name: 'party' }

  it('one row per party aggregates every claim of its actors; a claim counts once per group it belongs to', () => {
    const result = run({ claims, actors }, { groupBy: party })
    const rows = Object.fromEntries(result.series.map((entry) => [entry.groupKey, [entry.count, entry.sum, entry.actorCount, entry.claimList.map((claim) => claim.id)]]))
    expect(rows).toEqual({
      cdu: [3, 2, 2, ['m1', 'm2', 'u1']],
      csu: [2, -3, 2, ['s1', 'u1']],
      [NO_VALUE]: [1, 2, 1, ['p1']],
    })
    // The union faction's claim counts in both parties, but once among the claims shown.
    expect(result.counted).toBe(5)
  })

  it('groups by kind', () => {
    const result = run({ claims, actors }, { groupBy: { kind: 'kind' } })
    expect(Object.fromEntries(result.series.map((entry) => [entry.groupKey, entry.count]))).toEqual({ person: 3, party: 1, organization: 1 })
  })

  it('filters by actor kind before grouping', () => {
    const result = run({ claims, actors }, { groupBy: party, actorKind: 'Person' })
    expect(Object.fromEntries(result.series.map((entry) => [entry.groupKey, entry.count]))).toEqual({ cdu: 2, csu: 1 })
  })
})

describe('coders: visibility first, then the claim set', () => {
  const coders = [coder('lead', 'lead'), coder('ann'), coder('bob')]
  const articles = [article('blind', '2024-01-01'), article('open', '2024-01-01')]
  const claims = [
    claim({ id: 'ann-blind', actorId: 'a', issueId: 'i', stance: 1, date: '2024-01-01', articleId: 'blind', coderId: 'ann' }),
    claim({ id: 'bob-blind', actorId: 'a', issueId: 'i', stance: -1, date: '2024-01-01', articleId: 'blind', coderId: 'bob' }),
    claim({ id: 'bob-open', actorId: 'a', issueId: 'i', stance: 2, date: '2024-01-01', articleId: 'open', coderId: 'bob' }),
    claim({ id: 'decided', actorId: 'a', issueId: 'i', stance: 1, date: '2024-01-01', articleId: 'blind', coderId: 'lead', adjudicatedFrom: ['ann-blind', 'bob-blind'] }),
  ]
  const assignments = [assignment('task', ['blind'], ['ann', 'bob'])]
  const ids = (result: PositionsResult): string[] => result.series.flatMap((entry) => entry.claimList.map((claim) => claim.id)).sort()

  it('a coder in a blind assignment sees only their own claims on its articles; a lead sees all', () => {
    // (The lead's adjudicated claim on the blind article is another coder's claim there too.)
    expect(ids(run({ claims, coders, articles, assignments, viewerId: 'ann' }))).toEqual(['ann-blind', 'bob-open'])
    expect(ids(run({ claims, coders, articles, assignments, viewerId: 'lead' }))).toEqual(['ann-blind', 'bob-blind', 'bob-open', 'decided'])
    expect(ids(run({ claims, coders, articles, assignments, viewerId: null }))).toHaveLength(4)
  })

  it('shows all claims, the adjudicated ones, or one coder’s, and tells who coded what is counted', () => {
    const all = run({ claims, coders, articles, assignments, viewerId: 'lead' })
    expect(Object.fromEntries(all.mix.byCoder)).toEqual({ ann: 1, bob: 2 })
    expect(all.mix.adjudicated).toBe(1)
    expect(ids(run({ claims, coders, articles, assignments, viewerId: 'lead' }, { claimSet: { kind: 'adjudicated' } }))).toEqual(['decided'])
    expect(ids(run({ claims, coders, articles, assignments, viewerId: 'lead' }, { claimSet: { kind: 'coder', coderId: 'bob' } }))).toEqual(['bob-blind', 'bob-open'])
    // Visibility comes first: Ann choosing Bob's claims sees only those outside the blind task.
    expect(ids(run({ claims, coders, articles, assignments, viewerId: 'ann' }, { claimSet: { kind: 'coder', coderId: 'bob' } }))).toEqual(['bob-open'])
  })
})

describe('shift detection', () => {
  const shiftsOf = (...entries: [string, Stance][]) => {
    const result = run({ claims: entries.map(([date, stance]) => claim({ actorId: 'a', issueId: 'i', stance, date })) })
    const series = result.series[0]!
    return { shifts: series.cells.filter((cell) => cell.shift).map((cell) => keyOf(result, cell.ordinal)), reversals: series.reversals }
  }

  it('marks the bucket where the mean changes sign from the previous non-empty bucket', () => {
    expect(shiftsOf(['2024-11-20', 1], ['2024-12-23', -1])).toEqual({ shifts: ['2024-12'], reversals: 1 })
    expect(shiftsOf(['2024-01-10', -2], ['2024-06-10', 1], ['2024-07-10', 2])).toEqual({ shifts: ['2024-06'], reversals: 1 })
    expect(shiftsOf(['2024-01-10', 1], ['2024-02-10', -1], ['2024-03-10', 1], ['2024-04-10', -2])).toEqual({ shifts: ['2024-02', '2024-03', '2024-04'], reversals: 3 })
  })

  it('does not mark a move within one side, nor through a neutral bucket; judges a bucket by its mean', () => {
    expect(shiftsOf(['2024-01-10', 2], ['2024-02-10', 1])).toEqual({ shifts: [], reversals: 0 })
    expect(shiftsOf(['2024-01-10', 1], ['2024-02-10', 0], ['2024-03-10', -1])).toEqual({ shifts: [], reversals: 0 })
    expect(shiftsOf(['2024-11-01', 2], ['2024-11-02', -1], ['2024-12-01', -1])).toEqual({ shifts: ['2024-12'], reversals: 1 })
    expect(shiftsOf(['2024-11-01', 1], ['2024-11-02', -1], ['2024-12-01', -1])).toEqual({ shifts: [], reversals: 0 })
  })

  it('records the previous non-empty bucket for the tooltip', () => {
    const result = run({ claims: [claim({ actorId: 'a', issueId: 'i', stance: 1, date: '2024-09-20' }), claim({ actorId: 'a', issueId: 'i', stance: -1, date: '2024-12-23' })] })
    const last = result.series[0]!.cells[1]!
    expect(keyOf(result, last.previous!.ordinal)).toBe('2024-09')
    expect(last.previous!.mean).toBe(1)
  })
})


describe('stored positions (a cold open draws the table from them)', () => {
  it('hold every number of the positions computed, for random workspaces and options', () => {
    for (let seed = 1; seed <= 80; seed++) {
      const r = random(5000 + seed)
      const workspace = randomWorkspace(r, 5 + r.int(60))
      const options = { ...randomOptions(r), maxBuckets: r.chance(0.2) ? 12 : DEFAULT_OPTIONS.maxBuckets }
      const full = freshResult(workspace, options)
      const read = stored(full)
      // Drawn before any of its cells was read, as a cold open draws them (the bucket columns
      // come from the packed ordinals), and again once the cells are made.
      const lazyView: ViewOptions = { mode: 'actor-issue', text: '', showAll: false, onlyWithClaims: r.pick([null, true, false]) }
      const lazy = stored(full)
      const fromLazy = buildPositionsView(lazy, workspace.actors, workspace.issues, lazyView)
      expect(fromLazy.buckets, `seed ${seed}`).toEqual(buildPositionsView(full, workspace.actors, workspace.issues, lazyView).buckets)
      // A cold open's view goes from the stored rows to the engine's (same tables): the kept-up-
      // to-date builder then changes the rows' series only, and must end where a whole build does.
      const builder = createPositionsViewBuilder()
      const stripRows = (rows: ReturnType<typeof buildPositionsView>) => ({ ...rows, rows: rows.rows.map((row) => ({ ...row, series: row.series?.key ?? null })) })
      builder(stored(full), workspace.actors, workspace.issues, lazyView)
      const handedOver = builder(full, workspace.actors, workspace.issues, lazyView)
      expect(stripRows(handedOver), `seed ${seed}`).toEqual(stripRows(buildPositionsView(full, workspace.actors, workspace.issues, lazyView)))
      expect(handedOver.rows.every((row) => row.series === full.series.find((entry) => entry.key === row.id))).toBe(true)
      expect(withoutClaims(lazy), `seed ${seed}`).toEqual(withoutClaims(full))
      expect(read.claimsBehind).toBe(false)
      expect(full.claimsBehind).toBe(true)
      expect(withoutClaims(read), `seed ${seed}`).toEqual(withoutClaims(full))
      // The rows drawn from them are the rows drawn from the engine's result.
      const view: ViewOptions = { mode: 'actor-issue', text: '', showAll: false, onlyWithClaims: r.pick([null, true, false]) }
      const strip = (rows: ReturnType<typeof buildPositionsView>) => ({ ...rows, rows: rows.rows.map((row) => ({ ...row, series: row.series?.key ?? null })) })
      expect(strip(buildPositionsView(read, workspace.actors, workspace.issues, view))).toEqual(strip(buildPositionsView(full, workspace.actors, workspace.issues, view)))
    }
  })

  it('are ignored when damaged or of another format, never half-used', () => {
    const r = random(77)
    const packed = packResult(freshResult(randomWorkspace(r, 40), DEFAULT_OPTIONS))
    expect(unpackResult(null)).toBeNull()
    expect(unpackResult({ ...packed, format: 3 })).toBeNull()
    // A record of the first format (its strings a plain list), as an earlier release stored it.
    expect(unpackResult({ ...packed, format: 1, strings: splitTexts(packed.strings) })).toBeNull()
    expect(unpackResult({ ...packed, strings: { text: packed.strings.text.slice(1), ends: packed.strings.ends } })).toBeNull()
    expect(unpackResult({ ...packed, ordinal: packed.ordinal.subarray(1) })).toBeNull()
    expect(unpackResult({ ...packed, group: packed.group.map(() => 1e6) })).toBeNull()
    expect(unpackResult({ ...packed, counts: new Uint32Array(packed.counts.length) })).toBeNull()
    expect(unpackResult({ ...packed, latestDate: packed.latestDate.map((ref, at) => (at === packed.latestDate.length - 1 ? packed.strings.ends.length : ref)) })).toBeNull()
    // A series whose cells are not in time order (its span would be read wrong).
    const longer = [...Array(packed.seriesCount).keys()].find((index) => packed.cellStart[index + 1]! - packed.cellStart[index]! > 1)!
    const unordered = packed.ordinal.slice()
    unordered.set([unordered[packed.cellStart[longer]! + 1]!, unordered[packed.cellStart[longer]!]!], packed.cellStart[longer])
    expect(unpackResult({ ...packed, ordinal: unordered })).toBeNull()
    expect(unpackResult(packed)).not.toBeNull()
  })

  it('know their bucket span as unpacked: the first and last ordinal of any cell', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = random(700 + seed)
      const result = freshResult(randomWorkspace(r, 5 + r.int(60)), randomOptions(r))
      const unpacked = unpackResult(packResult(result))!
      const ordinals = result.series.flatMap((entry) => entry.cells.map((cell) => cell.ordinal))
      expect(storedSpan(unpacked), `seed ${seed}`).toEqual(ordinals.length > 0 ? { first: Math.min(...ordinals), last: Math.max(...ordinals) } : null)
    }
    expect(storedSpan(freshResult(randomWorkspace(random(1), 20), DEFAULT_OPTIONS))).toBeNull()
  })
})

describe('the engine built in slices', () => {
  it('equals the engine built at once, whether or not it pauses', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const r = random(9000 + seed)
      const workspace = randomWorkspace(r, 5 + r.int(80))
      const options = { ...randomOptions(r), maxBuckets: r.chance(0.2) ? 12 : DEFAULT_OPTIONS.maxBuckets }
      let pauses = 0
      const world = { actors: workspace.actors, issues: workspace.issues, coders: CODERS, assignments: workspace.assignments, viewerId: workspace.viewerId }
      const sliced = await PositionsEngine.create(
        [...workspace.claims.values()].map(claimFact),
        [...workspace.articles.values()].map(articleFact),
        world,
        options,
        () => (++pauses % 2 === 0 ? Promise.resolve() : null),
      )
      const full = freshResult(workspace, options)
      expect(asReference(sliced.result()), `seed ${seed}`).toEqual(asReference(full))
      expect(withoutClaims(sliced.result())).toEqual(withoutClaims(full))
      expect(sliced.size).toBe(workspace.claims.size)
    }
  })
})

describe('against a brute-force recount from the raw claims', () => {
  it('agrees for random workspaces and random options (grouping, level, filters, claim sets, visibility)', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const r = random(seed)
      const workspace = randomWorkspace(r, 5 + r.int(60))
      const options = { ...randomOptions(r), maxBuckets: 100_000 }
      expect(asReference(freshResult(workspace, options)), `seed ${seed}`).toEqual(recount(refData(workspace), options))
    }
  })

  it('agrees for any claims on one issue or several and any bucket size (fast-check)', () => {
    const arbitraryClaim = fc.record({
      actorId: fc.constantFrom('a', 'b', 'c'),
      issueIds: fc.uniqueArray(fc.constantFrom('i', 'j', 'k'), { minLength: 1, maxLength: 3 }),
      stance: fc.constantFrom<Stance>(-2, -1, 0, 1, 2),
      date: fc.date({ min: new Date(2023, 0, 1), max: new Date(2025, 11, 31), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
    })
    fc.assert(
      fc.property(fc.array(arbitraryClaim, { maxLength: 60 }), fc.constantFrom(...BUCKET_SIZES), (records, size) => {
        const claims = records.map((record) => claim(record))
        const options = { ...DEFAULT_OPTIONS, bucketSize: size }
        const data: RefData = { claims, articles: [], actors: [], issues: [], coders: [], assignments: [], viewerId: null }
        expect(asReference(run({ claims }, options))).toEqual(recount(data, options))
      }),
      { numRuns: 150 },
    )
  })
})

describe('incremental updates equal a full recompute', () => {
  it('after random sequences of claim, article, actor, codebook and team edits', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const r = random(1000 + seed)
      const workspace = randomWorkspace(r, 20 + r.int(40))
      const options = { ...randomOptions(r), maxBuckets: r.chance(0.2) ? 30 : DEFAULT_OPTIONS.maxBuckets }
      const engine = new PositionsEngine(
        [...workspace.claims.values()].map(claimFact),
        [...workspace.articles.values()].map(articleFact),
        { actors: new Map(workspace.actors), issues: workspace.issues, coders: CODERS, assignments: workspace.assignments, viewerId: workspace.viewerId },
        options,
      )
      // Claims by id, before any change and after the changes below. Their index is made on first
      // need: here for half the seeds, by the first change for the others.
      const deleted = new Set<string>()
      const byIdHeld = (): void => {
        expect(engine.size).toBe(workspace.claims.size)
        for (const [id, saved] of workspace.claims) expect(engine.claim(id)?.stance).toBe(saved.stance)
        for (const id of deleted) if (!workspace.claims.has(id)) expect(engine.claim(id)).toBeUndefined()
      }
      if (seed % 2 === 0) byIdHeld()
      let next = workspace.claims.size
      // The rows as the screen keeps them: updated from the changed series, not rebuilt.
      const buildView = createPositionsViewBuilder()
      const viewOptions: ViewOptions = { mode: options.issueId !== null && r.chance(0.5) ? 'actor' : 'actor-issue', text: '', showAll: false, onlyWithClaims: r.pick([null, true, false]) }
      buildView(engine.result(), engine.getWorld().actors, engine.getWorld().issues, viewOptions)
      for (let step = 0; step < 30; step++) {
        // A result handed out stays as it was: the screen may still draw it (series share their claims with the engine until it changes them).
        const before = engine.result()
        const beforeReference = asReference(before)
        const roll = r.next()
        if (roll < 0.45) {
          // Claims saved, edited or deleted, one or a batch at a time; now and then a batch big
          // enough (an import chunk) to move the time order in one pass rather than a splice each.
          const changes = Array.from({ length: r.chance(0.2) ? 1 + r.int(8) : r.chance(0.08) ? 33 + r.int(40) : 1 }, () => {
            const existing = [...workspace.claims.keys()]
            if (existing.length > 0 && r.chance(0.25)) {
              const id = r.pick(existing)
              workspace.claims.delete(id)
              deleted.add(id)
              return { id, fact: null }
            }
            const id = existing.length > 0 && r.chance(0.5) ? r.pick(existing) : `c${next++}`
            const created = randomClaim(r, id, `2025-02-01T00:00:${String(step).padStart(2, '0')}.000Z`)
            workspace.claims.set(id, created)
            return { id, fact: claimFact(created) }
          })
          engine.apply({ claims: changes })
        } else if (roll < 0.6) {
          const id = r.chance(0.8) ? `art${r.int(6)}` : `art${6 + r.int(3)}`
          if (r.chance(0.15)) {
            workspace.articles.delete(id)
            engine.apply({ articles: [{ id, fact: null }] })
          } else {
            const edited = randomArticle(r, id)
            workspace.articles.set(id, edited)
            engine.apply({ articles: [{ id, fact: articleFact(edited) }] })
          }
        } else if (roll < 0.8) {
          const id = r.pick(ACTOR_IDS)
          if (r.chance(0.15)) {
            workspace.actors.delete(id)
            engine.apply({ actors: [{ id, actor: null }] })
          } else {
            const edited = randomActor(r, id)
            workspace.actors.set(id, edited)
            engine.apply({ actors: [{ id, actor: edited }] })
          }
        } else if (roll < 0.88) {
          // The codebook: relabel, reshape, add under a parent.
          const issues = r.chance(0.5) ? randomIssues(r) : workspace.issues.map((entry) => ({ ...entry, label: `${entry.label}'` }))
          if (r.chance(0.3)) issues.push(child(`new${step}`, 'New', r.pick(ISSUE_IDS)))
          workspace.issues = issues
          engine.apply({ issues })
        } else if (roll < 0.94) {
          workspace.assignments = [assignment('task', [`art${r.int(6)}`, `art${r.int(6)}`], ['ann', 'bob'], r.chance(0.5))]
          engine.apply({ assignments: workspace.assignments })
        } else {
          workspace.viewerId = r.pick([null, 'lead', 'ann', 'bob'])
          engine.apply({ viewerId: workspace.viewerId })
        }
        const incremental = engine.result()
        const full = freshResult(workspace, options)
        expect(asReference(incremental), `seed ${seed} step ${step}`).toEqual(asReference(full))
        expect(asReference(before), `earlier result, seed ${seed} step ${step}`).toEqual(beforeReference)
        expect([incremental.hiddenBefore, incremental.cutoff, Object.fromEntries(incremental.mix.byCoder), incremental.mix.adjudicated]).toEqual([
          full.hiddenBefore,
          full.cutoff,
          Object.fromEntries(full.mix.byCoder),
          full.mix.adjudicated,
        ])
        if (options.maxBuckets > 1000 && step % 5 === 4) expect(asReference(incremental)).toEqual(recount(refData(workspace), options))
        // The positions stored for a cold open, written from the incremental engine, read back as a full recompute's.
        expect(withoutClaims(stored(incremental)), `stored, seed ${seed} step ${step}`).toEqual(withoutClaims(full))
        const { actors, issues } = engine.getWorld()
        expect(buildView(incremental, actors, issues, viewOptions), `view, seed ${seed} step ${step}`).toEqual(buildPositionsView(incremental, actors, issues, viewOptions))
      }
      // The facts held are the facts given (a snapshot is written from them).
      const held = engine.allFacts()
      const byId = (facts: readonly { id: string }[]) => [...facts].sort((a, b) => (a.id < b.id ? -1 : 1))
      expect(byId(held.claims)).toEqual(byId([...workspace.claims.values()].map(claimFact)))
      expect(byId(held.articles)).toEqual(byId([...workspace.articles.values()].map(articleFact)))
      for (const [id, saved] of workspace.claims) expect(engine.fact(id)).toEqual(claimFact(saved))
      byIdHeld()
      // Changing the options afterwards recomputes from memory, to the same as a fresh start.
      const other = { ...randomOptions(r), maxBuckets: DEFAULT_OPTIONS.maxBuckets }
      engine.setOptions(other)
      expect(asReference(engine.result())).toEqual(asReference(freshResult(workspace, other)))
    }
  })
})
