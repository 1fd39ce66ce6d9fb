import { StandpointDB } from '../../../renderer/src/db/database'
import { readPositionsResult, readPositionsSnapshot, savePositionsResult, savePositionsSnapshot } from '../../../renderer/src/db/projection/snapshots'
import { followPositions, loadPositions, readOpening } from '../../../renderer/src/db/queries/positions'
import type { Actor, Article, Claim, Issue } from '../../../renderer/src/domain/model'
import { BUCKET_SIZES, bucketKey, type BucketSize } from '../../../renderer/src/domain/positions/buckets'
import { positionsColumns } from '../../../renderer/src/domain/positions/columns'
import { DEFAULT_OPTIONS, PositionsEngine, type PositionsOptions } from '../../../renderer/src/domain/positions/engine'
import { articleFact, claimFact, type ClaimFact } from '../../../renderer/src/domain/positions/facts'
import { buildPositionsView, createPositionsViewBuilder } from '../../../renderer/src/domain/positions/rows'
import { catchUpStored } from '../../../renderer/src/domain/positions/catchUp'
import { packResult, unpackResult } from '../../../renderer/src/domain/positions/resultPack'
import { packFacts, unpackFacts } from '../../../renderer/src/domain/positions/snapshot'

// Positions computation, timed against a floor: the same aggregation (count, sum, latest stance
// and claim ids per row and bucket) as one plain pass over the facts. Grouping by an attribute
// and the top issue level are timed against floors that do the same grouping plainly.

interface Workspace {
  claims: Claim[]
  actors: Actor[]
  issues: Issue[]
  articles: Article[]
}

/** Claims saved after the stored positions, in the benchmark of an open from them brought up to date. */
export const BEHIND = 20

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

type KeysOf = (fact: ClaimFact) => string[]

/** One plain pass: a Map of cells keyed by row and bucket, as simply as it can be written. */
function floorPass(facts: readonly ClaimFact[], size: BucketSize, keysOf: KeysOf): number {
  const bucketOfDate = new Map<string, string>()
  const cells = new Map<string, { count: number; sum: number; latest: number; latestDate: string; ids: string[] }>()
  for (const fact of facts) {
    let bucket = bucketOfDate.get(fact.date)
    if (bucket === undefined) {
      bucket = bucketKey(fact.date, size) ?? ''
      bucketOfDate.set(fact.date, bucket)
    }
    for (const row of keysOf(fact)) {
      const key = `${row}|${bucket}`
      let cell = cells.get(key)
      if (cell === undefined) {
        cell = { count: 0, sum: 0, latest: fact.stance, latestDate: fact.date, ids: [] }
        cells.set(key, cell)
      }
      cell.count++
      cell.sum += fact.stance
      if (fact.date >= cell.latestDate) {
        cell.latest = fact.stance
        cell.latestDate = fact.date
      }
      cell.ids.push(fact.id)
    }
  }
  return cells.size
}

export interface ComputeFigures {
  factsMs: number
  rows: number
  sizes: Record<BucketSize, { oursMs: number; floorMs: number; buckets: number }>
  grouped: { oursMs: number; floorMs: number; rows: number }
  topLevel: { oursMs: number; floorMs: number; rows: number }
  incremental: { applyMs: number; fullMs: number }
  snapshot: { packMs: number; unpackMs: number; bytes: number }
}

function time(run: () => void): number {
  const started = performance.now()
  run()
  return performance.now() - started
}

/** Times the positions pipeline for every bucket size, grouped and at the top level; medians of `runs` after a warm-up. */
export function benchPositionsCompute(workspace: Workspace, runs = 5): ComputeFigures {
  let facts: ClaimFact[] = []
  const factsMs = time(() => {
    facts = workspace.claims.map(claimFact)
  })
  const articles = workspace.articles.map(articleFact)
  const actorMap = new Map(workspace.actors.map((actor) => [actor.id, actor]))
  const world = { actors: actorMap, issues: workspace.issues, coders: [], assignments: [], viewerId: null }
  const view = { mode: 'actor-issue' as const, text: '', showAll: false, onlyWithClaims: false }
  const computeOnce = (options: PositionsOptions): number => {
    const engine = new PositionsEngine(facts, articles, world, options)
    const positions = buildPositionsView(engine.result(), actorMap, workspace.issues, view)
    positionsColumns(positions, options.groupBy)
    return positions.rows.length
  }
  const compare = (options: PositionsOptions, keysOf: KeysOf): { oursMs: number; floorMs: number; rows: number } => {
    const ours: number[] = []
    const floor: number[] = []
    let rows = 0
    for (let run = 0; run <= runs; run++) {
      // Alternate which goes first, so neither always gets the warmer caches.
      const measureOurs = (): void => {
        const elapsed = time(() => {
          rows = computeOnce(options)
        })
        if (run > 0) ours.push(elapsed)
      }
      const measureFloor = (): void => {
        const elapsed = time(() => floorPass(facts, options.bucketSize, keysOf))
        if (run > 0) floor.push(elapsed)
      }
      if (run % 2 === 0) {
        measureOurs()
        measureFloor()
      } else {
        measureFloor()
        measureOurs()
      }
    }
    return { oursMs: median(ours), floorMs: median(floor), rows }
  }

  const byActorIssue: KeysOf = (fact) => fact.issueIds.map((issueId) => `${fact.actorId}|${issueId}`)
  const sizes = {} as ComputeFigures['sizes']
  let rows = 0
  for (const size of BUCKET_SIZES) {
    const options = { ...DEFAULT_OPTIONS, bucketSize: size }
    const figures = compare(options, byActorIssue)
    rows = figures.rows
    const engine = new PositionsEngine(facts, articles, world, options)
    const buckets = buildPositionsView(engine.result(), actorMap, workspace.issues, view).buckets.length
    sizes[size] = { oursMs: figures.oursMs, floorMs: figures.floorMs, buckets }
  }

  const partiesOf = (actorId: string): string[] => {
    const values = actorMap.get(actorId)?.attributes.party ?? []
    return values.length > 0 ? [...new Set(values.map((value) => value.toLowerCase()))] : ['']
  }
  const byParty: KeysOf = (fact) => partiesOf(fact.actorId).flatMap((party) => fact.issueIds.map((issueId) => `${party}|${issueId}`))
  const grouped = compare({ ...DEFAULT_OPTIONS, groupBy: { kind: 'attribute', name: 'party' } }, byParty)

  const parentOf = new Map(workspace.issues.map((issue) => [issue.id, issue.parentId]))
  const topOf = (issueId: string): string => parentOf.get(issueId) ?? issueId
  const byTop: KeysOf = (fact) => [...new Set(fact.issueIds.map(topOf))].map((issueId) => `${fact.actorId}|${issueId}`)
  const topLevel = compare({ ...DEFAULT_OPTIONS, level: 'top' }, byTop)

  // One claim edited: applying the change against computing everything again.
  const engine = new PositionsEngine(facts, articles, world, DEFAULT_OPTIONS)
  const rowsOf = createPositionsViewBuilder()
  rowsOf(engine.result(), actorMap, workspace.issues, view)
  const apply: number[] = []
  const full: number[] = []
  for (let run = 0; run < 21; run++) {
    const fact = facts[(run * 7919) % facts.length]!
    const edited = { ...fact, stance: (fact.stance === 2 ? -2 : 2) as ClaimFact['stance'] }
    apply.push(
      time(() => {
        engine.apply({ claims: [{ id: edited.id, fact: edited }] })
        rowsOf(engine.result(), actorMap, workspace.issues, view)
      }),
    )
    facts[(run * 7919) % facts.length] = edited
  }
  for (let run = 0; run < 3; run++) full.push(time(() => computeOnce(DEFAULT_OPTIONS)))

  const packStarted = performance.now()
  const packed = packFacts(facts, articles)
  const packMs = performance.now() - packStarted
  const unpackMs = time(() => unpackFacts(packed))
  // Typed arrays by their bytes; strings by their characters (one byte each: ids and dates are ASCII).
  const texts = [packed.ids, packed.createdAt, packed.strings]
  const typed = [packed.idHashes, packed.articleIdHashes, packed.actor, packed.article, packed.coder, packed.date, packed.stance, packed.adjudicated, packed.issueEnds, packed.issues, packed.byActor, packed.actorRuns, packed.actorRunEnds, packed.articlePublished, packed.articleSource, ...texts.map((list) => list.ends)]
  const bytes = typed.reduce((sum, list) => sum + list.byteLength, 0) + texts.reduce((sum, list) => sum + list.text.length, 0)

  return {
    factsMs,
    rows,
    sizes,
    grouped,
    topLevel,
    incremental: { applyMs: median(apply), fullMs: median(full) },
    snapshot: { packMs, unpackMs, bytes },
  }
}

/** The opens from the fact tables and the snapshot, and what the opens from stored positions are run with, in a fresh page. */
export interface LiveSetup {
  /** The bench database, left in place (with the stored positions) for the opens from them. */
  dbName: string
  claims: number
  /** Floors: reading the compact data raw. */
  readFactsMs: number
  readSnapshotMs: number
  /** Opening: loadPositions + engine + first result + rows, from the fact tables and from the snapshot. */
  openFromFactsMs: number
  openFromSnapshotMs: number
  via: string
  /** The claims saved after the positions were stored, the claims saved live and the import chunk, by id. */
  behindIds: string[]
  savedIds: string[]
  chunkIds: string[]
}

export interface LiveFigures {
  /** Stored positions: reading the record raw, the tables its rows are labelled from raw, and the rows drawn from them (read, unpack, rows). */
  readStoredMs: number
  readTablesMs: number
  openFromStoredMs: number
  /** Stored positions BEHIND saves behind: the raw reads of the record and the snapshot, and the rows drawn from them brought up to date. */
  behind: number
  readBehindMs: number
  openFromBehindMs: number
  storedBytes: number
  /** One claim saved → the engine's result and rows reflect it (median); of which the put, and the apply with the rows. */
  saveReflectedMs: number
  savePutMs: number
  saveApplyMs: number
  /** An import chunk of 1,000 claims → reflected; of which the bulkPut, and the apply with the rows. */
  chunkReflectedMs: number
  chunkPutMs: number
  chunkApplyMs: number
  /** What a full re-read would cost instead (loadPositions + compute). */
  fullReloadMs: number
  /** Whether every reflected save showed the saved stance. */
  reflectedCorrectly: boolean
}

const LIVE_VIEW = { mode: 'actor-issue' as const, text: '', showAll: false, onlyWithClaims: false }

/** The full open the bench compares with: loadPositions, the engine, its first result and the rows. */
async function openPositions(db: StandpointDB): Promise<{ ms: number; engine: PositionsEngine; seq: number; via: string }> {
  const started = performance.now()
  const loaded = await loadPositions(db)
  const world = { actors: new Map(loaded.actors.map((actor) => [actor.id, actor])), issues: loaded.issues, coders: loaded.coders, assignments: loaded.assignments, viewerId: loaded.viewerId }
  const engine = new PositionsEngine(loaded.claims, loaded.articles, world, DEFAULT_OPTIONS)
  buildPositionsView(engine.result(), world.actors, world.issues, LIVE_VIEW)
  return { ms: performance.now() - started, engine, seq: loaded.seq, via: loaded.via }
}

/**
 * The positions data path against real IndexedDB, through the app's own Dexie database (so
 * the projection middleware and the journal run as in the app), first part: the workspace
 * written, then the cold open from the fact tables and from the packed snapshot beside a raw
 * read of the same data, and the stored positions saved. The database is left for
 * benchPositionsLiveStored, run in a fresh page.
 */
export async function benchPositionsLiveFacts(workspace: Workspace): Promise<LiveSetup> {
  const dbName = `bench-positions-${crypto.randomUUID()}`
  const db = new StandpointDB(dbName)
  await db.open()
  try {
    await db.transaction('rw', [db.articles, db.actors, db.issues], async () => {
      await db.articles.bulkPut(workspace.articles)
      await db.actors.bulkPut(workspace.actors)
      await db.issues.bulkPut(workspace.issues)
    })
    for (let start = 0; start < workspace.claims.length; start += 10_000) await db.claims.bulkPut(workspace.claims.slice(start, start + 10_000))
    const claimCount = workspace.claims.length
    const behindIds = Array.from({ length: BEHIND }, (_, run) => workspace.claims[(run * 104_729 + 13) % claimCount]!.id)
    const savedIds = Array.from({ length: 21 }, (_, run) => workspace.claims[(run * 7919) % claimCount]!.id)
    const chunkIds = workspace.claims.slice(0, 1_000).map((claim) => claim.id)
    // A window opening Positions holds none of the 100,000 generated claims and 20,000 articles.
    workspace.claims = []
    workspace.articles = []

    const readFacts: number[] = []
    const fromFacts: number[] = []
    for (let run = 0; run < 3; run++) {
      readFacts.push((await timeAsync(() => db.claimFacts.toArray())) + (await timeAsync(() => db.articleFacts.toArray())))
      fromFacts.push((await openPositions(db)).ms)
    }
    {
      const first = await openPositions(db)
      const { claims, articles } = first.engine.allFacts()
      await savePositionsSnapshot(db, claims, articles, first.seq)
    }
    const readSnapshot: number[] = []
    const fromSnapshot: number[] = []
    let opened: Awaited<ReturnType<typeof openPositions>> | null = null
    for (let run = 0; run < 5; run++) {
      readSnapshot.push(await timeAsync(() => readPositionsSnapshot(db)))
      opened = await openPositions(db)
      fromSnapshot.push(opened.ms)
    }

    // Stored positions: what a cold open draws its first rows from, stored as the app stores
    // them (in the order of the rows last shown).
    const last = opened!
    const actorMap = new Map(workspace.actors.map((actor) => [actor.id, actor]))
    const shownOrder = buildPositionsView(last.engine.result(), actorMap, workspace.issues, LIVE_VIEW).rows.map((row) => row.id)
    await savePositionsResult(db, { seq: last.seq, viewerId: null, claimCount: last.engine.size, sources: [], packed: packResult(last.engine.result(), shownOrder) })
    db.close()
    return {
      dbName,
      claims: claimCount,
      readFactsMs: median(readFacts),
      readSnapshotMs: median(readSnapshot),
      openFromFactsMs: median(fromFacts),
      openFromSnapshotMs: median(fromSnapshot),
      via: last.via,
      behindIds,
      savedIds,
      chunkIds,
    }
  } catch (error) {
    db.close()
    await db.delete().catch(() => undefined)
    throw error
  }
}

/**
 * Second part, in a fresh page: the opens from the stored positions (current, then brought up
 * to date after saves), as a cold open runs, with none of the first part's garbage in the heap.
 * In one page, the heap held 390-510 MB of it by these opens, and major collections landed in
 * them: in four traced runs one open in five took 143-317 ms against 64-88 ms for the others,
 * and the median of the opens 20 saves behind varied between full runs (1.48x, 2.26x its floor).
 * Then claim saves and an import chunk reflected by applying the journal's changes rather than
 * reading again. The database is deleted at the end.
 */
export async function benchPositionsLiveStored(setup: LiveSetup): Promise<LiveFigures> {
  const db = new StandpointDB(setup.dbName)
  try {
    await db.open()
    const readStored: number[] = []
    const fromStored: number[] = []
    // What a row is labelled from: the actors (their names, kinds and parties), the codebook and the
    // team, read at once in one transaction, as the app reads them.
    const readTables: number[] = []
    for (let run = 0; run < 5; run++) {
      readStored.push(await timeAsync(() => readPositionsResult(db)))
      readTables.push(
        await timeAsync(() => db.transaction('r', [db.actors, db.issues, db.coders, db.assignments], () => Promise.all([db.actors.toArray(), db.issues.toArray(), db.coders.toArray(), db.assignments.toArray()]))),
      )
      // As the app opens: the stored positions are handed over as soon as they are read, and their
      // rows built while the snapshot is still being read (which the next run waits for).
      const started = performance.now()
      let rowsBuilt = 0
      await readOpening(db, (stored) => {
        if (!stored?.current) return
        buildPositionsView(unpackResult(stored.record.packed)!, new Map(stored.actors.map((actor) => [actor.id, actor])), stored.issues, LIVE_VIEW)
        rowsBuilt = performance.now()
      })
      await new Promise((resolve) => setTimeout(resolve, 0))
      if (rowsBuilt === 0) throw new Error('the stored positions were not used')
      fromStored.push(rowsBuilt - started)
    }
    // Some tagging since they were stored (saves through the app's Dexie, each journaled): the
    // stored positions are brought up to date from the snapshot and the journal after them.
    for (const original of await claimsById(db, setup.behindIds)) await db.claims.put({ ...original, stance: original.stance === 2 ? -2 : 2, updatedAt: new Date().toISOString() })
    const readBehind: number[] = []
    const fromBehind: number[] = []
    for (let run = 0; run < 5; run++) {
      readBehind.push((await timeAsync(() => readPositionsResult(db))) + (await timeAsync(() => readPositionsSnapshot(db))))
      // As the app opens: the stored positions with the snapshot and journal, read at once,
      // brought up to date and their rows built before the snapshot is unpacked for the engine.
      const started = performance.now()
      const opening = await readOpening(db)
      const stored = opening.stored
      if (!stored || stored.current || !opening.read) throw new Error('the stored positions were not behind')
      let rowsBuilt = 0
      const known = { seq: stored.head, actors: stored.actors, issues: stored.issues, coders: stored.coders, assignments: stored.assignments }
      // As the app does: the stored positions are unpacked in a task of their own.
      const unpacking = new Promise<ReturnType<typeof unpackResult>>((resolve) => setTimeout(() => resolve(unpackResult(stored.record.packed)), 0))
      await loadPositions(db, undefined, async (read) => {
        const unpacked = await unpacking
        if (!unpacked) throw new Error('the stored positions did not unpack')
        const world = { actors: new Map(read.actors.map((actor) => [actor.id, actor])), issues: read.issues, coders: read.coders, assignments: read.assignments, viewerId: read.viewerId }
        const caughtUp = catchUpStored({ stored: unpacked, storedSeq: stored.record.seq, world, snapshot: { seq: read.seq, facts: read.facts }, entries: read.entries, tail: read.tail })
        if (!caughtUp) throw new Error('the stored positions were not brought up to date')
        buildPositionsView(caughtUp.result, world.actors, world.issues, LIVE_VIEW)
        rowsBuilt = performance.now()
      }, known, opening.read)
      if (rowsBuilt === 0) throw new Error('the open did not go through the snapshot')
      fromBehind.push(rowsBuilt - started)
    }
    const opened = await openPositions(db)

    const storedRecord = (await readPositionsResult(db))!.packed
    const storedBytes =
      Object.values(storedRecord).reduce<number>((sum, value) => sum + (ArrayBuffer.isView(value) ? value.byteLength : 0), 0) + storedRecord.strings.text.length + storedRecord.strings.ends.byteLength

    // Live: follow the journal as the screen does; each change applied, then the rows rebuilt.
    const [actors, issues, savedClaims, chunkClaims] = await Promise.all([db.actors.toArray(), db.issues.toArray(), claimsById(db, setup.savedIds), claimsById(db, setup.chunkIds)])
    const actorMap = new Map(actors.map((actor) => [actor.id, actor]))
    const engine = opened.engine
    const rowsOf = createPositionsViewBuilder()
    rowsOf(engine.result(), actorMap, issues, LIVE_VIEW)
    let resolveApplied: (() => void) | null = null
    const applyTimes: number[] = []
    const putTimes: number[] = []
    const stop = followPositions(
      db,
      opened.seq,
      (changes) => {
        if (changes.entries === 0) return
        const started = performance.now()
        engine.apply({ claims: changes.claims, articles: changes.articles, actors: changes.actors })
        rowsOf(engine.result(), actorMap, issues, LIVE_VIEW)
        applyTimes.push(performance.now() - started)
        resolveApplied?.()
      },
      (error) => {
        throw error
      },
    )
    const saves: number[] = []
    let reflectedCorrectly = true
    for (const original of savedClaims) {
      const stance = (original.stance === 2 ? -2 : 2) as Claim['stance']
      const applied = new Promise<void>((resolve) => (resolveApplied = resolve))
      const started = performance.now()
      await db.claims.put({ ...original, stance, updatedAt: new Date().toISOString() })
      putTimes.push(performance.now() - started)
      await applied
      saves.push(performance.now() - started)
      if (engine.claim(original.id)?.stance !== stance) reflectedCorrectly = false
    }
    const chunk = chunkClaims.map((claim) => ({ ...claim, id: `chunk-${claim.id}`, createdAt: new Date().toISOString() }))
    const chunkApplied = new Promise<void>((resolve) => (resolveApplied = resolve))
    const chunkStarted = performance.now()
    await db.claims.bulkPut(chunk)
    const chunkPutMs = performance.now() - chunkStarted
    await chunkApplied
    const chunkReflectedMs = performance.now() - chunkStarted
    const chunkApplyMs = applyTimes[applyTimes.length - 1]!
    if (engine.claim(chunk[0]!.id) === undefined) reflectedCorrectly = false
    stop()
    const fullReloadMs = (await openPositions(db)).ms
    return {
      readStoredMs: median(readStored),
      readTablesMs: median(readTables),
      openFromStoredMs: median(fromStored),
      behind: setup.behindIds.length,
      readBehindMs: median(readBehind),
      openFromBehindMs: median(fromBehind),
      storedBytes,
      saveReflectedMs: median(saves),
      savePutMs: median(putTimes),
      saveApplyMs: median(applyTimes.slice(0, saves.length)),
      chunkReflectedMs,
      chunkPutMs,
      chunkApplyMs,
      fullReloadMs,
      reflectedCorrectly,
    }
  } finally {
    db.close()
    await db.delete()
  }
}

/** The claims of these ids, in their order; one missing fails the run. */
async function claimsById(db: StandpointDB, ids: string[]): Promise<Claim[]> {
  const claims = await db.claims.bulkGet(ids)
  return claims.map((claim, index) => {
    if (!claim) throw new Error(`claim ${ids[index]} was not in the bench database`)
    return claim
  })
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}
