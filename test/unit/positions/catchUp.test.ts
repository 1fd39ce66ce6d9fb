import { describe, expect, it } from 'vitest'
import { CATCH_UP_LIMITS, catchUpStored, type CatchUpSource, type CaughtUp, type ChangedSince } from '../../../renderer/src/domain/positions/catchUp'
import { DEFAULT_OPTIONS, type PositionsOptions, type PositionsResult, type PositionsWorld } from '../../../renderer/src/domain/positions/engine'
import { articleFact, claimFact, type ArticleFact, type ClaimFact } from '../../../renderer/src/domain/positions/facts'
import { packFacts, readSnapshot } from '../../../renderer/src/domain/positions/snapshot'
import { buildPositionsView, createPositionsViewBuilder, type PositionsView, type ViewOptions } from '../../../renderer/src/domain/positions/rows'
import {
  ACTOR_IDS,
  CODERS,
  freshResult,
  ISSUE_IDS,
  random,
  randomActor,
  randomArticle,
  randomClaim,
  randomIssues,
  randomOptions,
  randomWorkspace,
  stored,
  withoutClaims,
  type Random,
  type Workspace,
} from './randomWorkspace'

// The stored positions a cold open draws first, brought up to date with what was saved after
// them: checked against a full recompute of the workspace as it is now, after random edits
// before and after the positions were stored.

interface Journal {
  seq: number
  entries: { seq: number; table: string; id: string }[]
}

function worldOf(workspace: Workspace): PositionsWorld {
  return { actors: new Map(workspace.actors), issues: workspace.issues, coders: CODERS, assignments: workspace.assignments, viewerId: workspace.viewerId }
}

/** The workspace's facts packed as a snapshot at `seq`, read back as the app reads it. */
function snapshotOf(workspace: Workspace, seq: number): CatchUpSource['snapshot'] {
  const packed = packFacts([...workspace.claims.values()].map(claimFact), [...workspace.articles.values()].map(articleFact))
  return { seq, facts: readSnapshot(structuredClone(packed))! }
}

/** The facts now of everything the journal names after `since`. */
function tailOf(workspace: Workspace, journal: Journal, since: number): CatchUpSource['tail'] {
  const tail: CatchUpSource['tail'] = { claims: new Map(), articles: new Map() }
  for (const entry of journal.entries) {
    if (entry.seq <= since) continue
    const claim = workspace.claims.get(entry.id)
    const article = workspace.articles.get(entry.id)
    if (entry.table === 'claims') (tail.claims as Map<string, unknown>).set(entry.id, claim ? claimFact(claim) : null)
    if (entry.table === 'articles') (tail.articles as Map<string, unknown>).set(entry.id, article ? articleFact(article) : null)
  }
  return tail
}

/** One write, journaled as the app journals it: claims, articles, or (withWorld) actors, the codebook, the team, a mention. */
function edit(r: Random, workspace: Workspace, journal: Journal, withWorld: boolean): void {
  const seq = ++journal.seq
  const note = (table: string, id: string): void => void journal.entries.push({ seq, table, id })
  const roll = r.next()
  if (roll < 0.6) {
    // A claim saved, edited or deleted; sometimes a batch (an import chunk).
    for (let count = r.chance(0.2) ? 1 + r.int(6) : 1; count > 0; count--) {
      const existing = [...workspace.claims.keys()]
      if (existing.length > 0 && r.chance(0.2)) {
        const id = r.pick(existing)
        workspace.claims.delete(id)
        note('claims', id)
        continue
      }
      const id = existing.length > 0 && r.chance(0.5) ? r.pick(existing) : `n${seq}-${count}`
      workspace.claims.set(id, randomClaim(r, id, `2025-02-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`))
      note('claims', id)
    }
  } else if (roll < 0.8 || !withWorld) {
    const id = r.chance(0.8) ? `art${r.int(6)}` : `art${6 + r.int(3)}`
    if (r.chance(0.15)) workspace.articles.delete(id)
    else workspace.articles.set(id, randomArticle(r, id))
    note('articles', id)
  } else if (roll < 0.86) {
    const id = r.pick(ACTOR_IDS)
    workspace.actors.set(id, randomActor(r, id))
    note('actors', id)
  } else if (roll < 0.9) {
    workspace.issues = randomIssues(r)
    note('issues', r.pick(ISSUE_IDS))
  } else if (roll < 0.94) {
    note('assignments', 'task')
  } else note('mentions', `m${seq}`)
}

function catchUp(workspace: Workspace, result: PositionsResult, storedSeq: number, snapshot: CatchUpSource['snapshot'], journal: Journal, changedBefore?: ChangedSince): CaughtUp | null {
  return catchUpStored({ stored: result, storedSeq, world: worldOf(workspace), snapshot, entries: journal.entries, tail: tailOf(workspace, journal, snapshot.seq), changedBefore })
}

/** What the app stores beside the positions: the facts then of everything changed after the snapshot. */
function changedSince(workspace: Workspace, journal: Journal, since: number): ChangedSince {
  const claims = new Map<string, ClaimFact | null>()
  const articles = new Map<string, ArticleFact | null>()
  for (const entry of journal.entries) {
    if (entry.seq <= since) continue
    const claim = workspace.claims.get(entry.id)
    const article = workspace.articles.get(entry.id)
    if (entry.table === 'claims') claims.set(entry.id, claim ? claimFact(claim) : null)
    if (entry.table === 'articles') articles.set(entry.id, article ? articleFact(article) : null)
  }
  return { since, claims: [...claims], articles: [...articles] }
}

const strip = (view: PositionsView) => ({ ...view, rows: view.rows.map((row) => ({ ...row, series: row.series?.key ?? null })) })
/** The rows with their series' numbers: each row's cells, not only which series it shows. */
const withSeries = (view: PositionsView) => ({
  ...view,
  rows: view.rows.map(({ series, ...row }) => ({
    ...row,
    series: series && { key: series.key, count: series.count, sum: series.sum, first: series.firstStance, last: series.lastStance, reversals: series.reversals, cells: series.cells.map((cell) => [cell.ordinal, cell.count, cell.sum, cell.latest, cell.shift]) },
  })),
})

describe('stored positions brought up to date with what was saved after them', () => {
  it('equal a full recompute after random edits before and after they were stored, or are refused', () => {
    let caughtUp = 0
    let refused = 0
    // Brought up to date with a claim or article changed on both sides of the stored positions.
    let bothSides = 0
    for (let seed = 1; seed <= 160; seed++) {
      const r = random(20_000 + seed)
      const workspace = randomWorkspace(r, 20 + r.int(60))
      const options: PositionsOptions = { ...randomOptions(r), maxBuckets: r.chance(0.15) ? 30 : DEFAULT_OPTIONS.maxBuckets }
      const journal: Journal = { seq: 0, entries: [] }
      for (let count = r.int(3); count > 0; count--) edit(r, workspace, journal, false)
      // Sometimes claims on an article the snapshot lacks (deleted before it), saved again after
      // the stored positions: those claims find it in the tail.
      const lacked = r.chance(0.3) ? `art${r.int(6)}` : null
      if (lacked) {
        workspace.articles.delete(lacked)
        journal.entries.push({ seq: ++journal.seq, table: 'articles', id: lacked })
      }
      const snapshot = snapshotOf(workspace, journal.seq)
      // Between the snapshot and the stored positions, anything may change (the world too).
      for (let count = r.int(4); count > 0; count--) edit(r, workspace, journal, true)
      const storedSeq = journal.seq
      const storedResult = stored(freshResult(workspace, options))
      const storedClaims = workspace.claims.size
      const changedBefore = r.chance(0.5) ? changedSince(workspace, journal, snapshot.seq) : undefined
      const withWorld = r.chance(0.2)
      for (let count = 1 + r.int(6); count > 0; count--) edit(r, workspace, journal, withWorld)
      if (lacked && r.chance(0.7)) {
        workspace.articles.set(lacked, randomArticle(r, lacked))
        journal.entries.push({ seq: ++journal.seq, table: 'articles', id: lacked })
      }
      // A claim or article edited again after being edited between the snapshot and the positions.
      const twice = journal.entries.filter((entry) => entry.seq > snapshot.seq && entry.seq <= storedSeq && (entry.table === 'claims' || entry.table === 'articles'))
      if (twice.length > 0 && r.chance(0.7)) {
        const { table, id } = r.pick(twice)
        const seq = ++journal.seq
        journal.entries.push({ seq, table, id })
        if (table === 'articles') workspace.articles.set(id, randomArticle(r, id))
        else if (r.chance(0.2)) workspace.claims.delete(id)
        else workspace.claims.set(id, randomClaim(r, id, `2025-03-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`))
      }
      const caught = catchUp(workspace, storedResult, storedSeq, snapshot, journal, changedBefore)
      if (caught === null) {
        refused++
        continue
      }
      caughtUp++
      if (changedBefore && journal.entries.some((entry) => entry.seq > storedSeq && twice.some((earlier) => earlier.table === entry.table && earlier.id === entry.id))) bothSides++
      const { result } = caught
      expect(storedClaims + caught.addedClaims, `seed ${seed}`).toBe(workspace.claims.size)
      const full = freshResult(workspace, options)
      expect(withoutClaims(result), `seed ${seed}`).toEqual(withoutClaims(full))
      expect(result.claimsBehind).toBe(false)
      // Rows stored keep their stored order (the rows' last sorted order), recounted or not.
      const storedOrder = new Map(storedResult.series.map((entry, index) => [entry.key, index]))
      const kept = result.series.flatMap((entry) => storedOrder.get(entry.key) ?? [])
      expect(kept, `seed ${seed}`).toEqual([...kept].sort((a, b) => a - b))
      const view: ViewOptions = { mode: 'actor-issue', text: '', showAll: r.chance(0.3), onlyWithClaims: r.pick([null, true, false]) }
      expect(strip(buildPositionsView(result, workspace.actors, workspace.issues, view)), `view, seed ${seed}`).toEqual(strip(buildPositionsView(full, workspace.actors, workspace.issues, view)))
      // The kept-up-to-date rows builder, handed the stored positions and then these (the same
      // series object for every row not recounted), ends where a whole build does. Not after a
      // change of the world's tables: rows are then labelled afresh.
      if (!withWorld) {
        const builder = createPositionsViewBuilder()
        builder(storedResult, workspace.actors, workspace.issues, view)
        expect(withSeries(builder(result, workspace.actors, workspace.issues, view)), `rows updated, seed ${seed}`).toEqual(withSeries(buildPositionsView(full, workspace.actors, workspace.issues, view)))
      }
    }
    // Most cases are brought up to date; the refusals are the cases named below.
    expect(caughtUp).toBeGreaterThan(60)
    expect(bothSides).toBeGreaterThan(10)
    expect(refused).toBeGreaterThan(0)
  })

  it('are the stored positions themselves when nothing positions count changed (a mention saved)', () => {
    const r = random(3)
    const workspace = randomWorkspace(r, 30)
    const result = stored(freshResult(workspace, DEFAULT_OPTIONS))
    const journal: Journal = { seq: 2, entries: [{ seq: 2, table: 'mentions', id: 'm1' }] }
    expect(catchUp(workspace, result, 1, snapshotOf(workspace, 1), journal)).toEqual({ result, addedClaims: 0 })
    expect(catchUp(workspace, result, 1, snapshotOf(workspace, 1), journal)?.result).toBe(result)
  })

  it('are refused when what they cannot know changed: the world after them, a claim on both sides, a cut span, too many changes', () => {
    const r = random(4)
    const workspace = randomWorkspace(r, 30)
    const snapshot = snapshotOf(workspace, 1)
    const result = stored(freshResult(workspace, DEFAULT_OPTIONS))
    const claimId = [...workspace.claims.keys()][0]!
    const source = (entries: Journal['entries'], storedResult = result): CatchUpSource => ({
      stored: storedResult,
      storedSeq: 2,
      world: worldOf(workspace),
      snapshot,
      entries,
      tail: tailOf(workspace, { seq: 3, entries }, 1),
    })
    for (const table of ['actors', 'issues', 'coders', 'assignments']) expect(catchUpStored(source([{ seq: 3, table, id: 'x' }])), table).toBeNull()
    // The same table changed before the positions were stored is in them already.
    expect(catchUpStored(source([{ seq: 2, table: 'actors', id: 'a1' }, { seq: 3, table: 'claims', id: claimId }]))).not.toBeNull()
    const bothSides = [
      { seq: 2, table: 'claims', id: claimId },
      { seq: 3, table: 'claims', id: claimId },
    ]
    expect(catchUpStored(source(bothSides))).toBeNull()
    // ...unless its fact then was stored with the positions, whole and counted from this snapshot or an earlier one.
    const fact = claimFact(workspace.claims.get(claimId)!)
    expect(catchUpStored({ ...source(bothSides), changedBefore: { since: 1, claims: [[claimId, fact]], articles: [] } })).not.toBeNull()
    expect(catchUpStored({ ...source(bothSides), changedBefore: { since: 0, claims: [[claimId, fact]], articles: [] } })).not.toBeNull()
    expect(catchUpStored({ ...source(bothSides), changedBefore: { since: 2, claims: [[claimId, fact]], articles: [] } })).toBeNull()
    expect(catchUpStored({ ...source(bothSides), changedBefore: { since: 1, claims: [[claimId, { ...fact, stance: 'strong' }]], articles: [] } })).toBeNull()
    expect(catchUpStored({ ...source(bothSides), changedBefore: { since: 1, claims: [[claimId]], articles: [] } })).toBeNull()
    expect(catchUpStored({ ...source(bothSides), changedBefore: 'damaged' })).toBeNull()
    expect(catchUpStored(source([{ seq: 2, table: 'articles', id: 'art1' }, { seq: 3, table: 'articles', id: 'art1' }]))).toBeNull()
    // Positions stored before the snapshot: what they were built from is not in it.
    expect(catchUpStored({ ...source([{ seq: 3, table: 'claims', id: claimId }]), storedSeq: 0 })).toBeNull()
    const cut = stored(freshResult(workspace, { ...DEFAULT_OPTIONS, bucketSize: 'day', maxBuckets: 10 }))
    expect(cut.truncated).toBe(true)
    expect(catchUpStored(source([{ seq: 3, table: 'claims', id: claimId }], cut))).toBeNull()
    const many = Array.from({ length: CATCH_UP_LIMITS.changes + 1 }, (_, index) => ({ seq: 3, table: 'claims', id: `new${index}` }))
    expect(catchUpStored(source(many))).toBeNull()
    expect(catchUpStored(source([{ seq: 3, table: 'claims', id: claimId }]), { changes: 10, recount: 1 })).toBeNull()
  })

  it('are refused when a claim saved after them widens the span past the buckets kept', () => {
    const r = random(5)
    const workspace = randomWorkspace(r, 30)
    const options = { ...DEFAULT_OPTIONS, bucketSize: 'year' as const, maxBuckets: 4 }
    const snapshot = snapshotOf(workspace, 1)
    const snapshotWorkspace = { ...workspace, claims: new Map(workspace.claims) }
    const result = stored(freshResult(workspace, options))
    expect(result.truncated).toBe(false)
    workspace.claims.set('far', { ...workspace.claims.values().next().value!, id: 'far', date: '2030-01-01', issueIds: ['t1'] })
    const journal: Journal = { seq: 2, entries: [{ seq: 2, table: 'claims', id: 'far' }] }
    expect(freshResult(workspace, options).truncated).toBe(true)
    expect(catchUp(workspace, result, 1, snapshot, journal)).toBeNull()
    // Positions not unpacked from a record (their span read from their cells) are refused too.
    expect(catchUp(workspace, freshResult(snapshotWorkspace, options), 1, snapshot, journal)).toBeNull()
  })
})
