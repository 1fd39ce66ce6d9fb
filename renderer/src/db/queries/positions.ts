import Dexie, { type ObservabilitySet } from 'dexie'
import type { Actor, Assignment, Coder, Id, Issue } from '../../domain/model'
import type { ArticleFact, ClaimFact } from '../../domain/positions/facts'
import { factsOfSnapshot, readSnapshot, type FactsWalk, type SnapshotReader } from '../../domain/positions/snapshot'
import { CURRENT_CODER } from '../../domain/settings'
import { CLAIM_SLICES, readRecordsInSlices } from '../claimSlices'
import type { StandpointDB } from '../database'
import { changesSince, journalHead, type JournalEntry } from '../journal'
import { rebuildProjection } from '../projection/rebuild'
import { viewerOf } from './storedFirstRows'
import {
  POSITIONS_SNAPSHOT_KEY,
  readPositionsResult,
  type PositionsResultRecord,
  type PositionsSnapshotRecord,
} from '../projection/snapshots'

// What the positions screen reads: the projection (claim and article facts), the small tables
// rows are labelled from, and afterwards only what the journal says changed.
//
// Opening reads the packed snapshot and the journal after it (one record, then only the facts
// written since), all in one read transaction. Without a usable snapshot (none yet, another
// format, the journal pruned past it) it reads the fact tables and checks their counts against
// the records' in the same transaction; when they disagree (records written around Dexie) the
// projection is rebuilt from the records first.

export interface PositionsLoad {
  /** Via the snapshot, a walk that makes each fact as it is reached: take what you need of each. */
  claims: FactsWalk
  articles: ArticleFact[]
  actors: Actor[]
  issues: Issue[]
  coders: Coder[]
  assignments: Assignment[]
  viewerId: Id | null
  /** The journal seq the data reflects: follow the journal from here. */
  seq: number
  /** How the facts were read, for the benchmark and the curious. */
  via: 'snapshot' | 'facts' | 'rebuilt'
  /** Journal entries read after the snapshot (0 unless via snapshot). */
  tail: number
  /** Whether the facts differ enough from the stored snapshot that storing a new one pays. */
  snapshotStale: boolean
  /** Read via the snapshot: its journal seq and the journal entries after it; else null. */
  since: { seq: number; entries: readonly JournalEntry[] } | null
}

/**
 * An open via the snapshot, as read, before the snapshot is unpacked: stored positions a few
 * writes behind are brought up to date from these (domain/positions/catchUp.ts).
 */
export interface SnapshotRead extends Pick<PositionsLoad, 'actors' | 'issues' | 'coders' | 'assignments' | 'viewerId'> {
  /** The snapshot's journal seq, and its facts, read without unpacking them all. */
  seq: number
  facts: SnapshotReader
  /** The journal after the snapshot, and the facts now of every claim and article it names. */
  entries: readonly JournalEntry[]
  tail: Tail
  /** The journal's head: what the read reflects. */
  head: number
}

/** Journal entries after a snapshot beyond which a fresh snapshot is worth writing. */
export const SNAPSHOT_REFRESH_AFTER = 2_000

export interface Tail {
  claims: Map<Id, ClaimFact | null>
  articles: Map<Id, ArticleFact | null>
}

/** The facts of the claims and articles the entries name, as they are now (null: deleted). */
async function factsOf(db: StandpointDB, entries: readonly JournalEntry[]): Promise<Tail> {
  const claimIds = new Set<Id>()
  const articleIds = new Set<Id>()
  for (const entry of entries) {
    if (entry.table === 'claims') claimIds.add(entry.id)
    else if (entry.table === 'articles') articleIds.add(entry.id)
  }
  const claimList = [...claimIds]
  const articleList = [...articleIds]
  const [claimFacts, articleFacts] = await Promise.all([db.claimFacts.bulkGet(claimList), db.articleFacts.bulkGet(articleList)])
  return {
    claims: new Map(claimList.map((id, index) => [id, claimFacts[index] ?? null])),
    articles: new Map(articleList.map((id, index) => [id, articleFacts[index] ?? null])),
  }
}

interface Attempt {
  snapshot: PositionsSnapshotRecord | undefined
  tail: Tail | null
  entries: readonly JournalEntry[]
  tailLength: number
  facts: { claims: ClaimFact[]; articles: ArticleFact[] } | null
  /** The records' counts, read beside the fact tables (not beside a snapshot: see loadPositions). */
  counts: { claims: number; articles: number } | null
  rest: Pick<PositionsLoad, 'actors' | 'issues' | 'coders' | 'assignments' | 'viewerId' | 'seq'>
}

/**
 * The tables rows are labelled from, as read at journal seq `seq` (by readOpening, with the
 * stored positions): an open that reads the fact tables at that seq reads none of them again.
 */
export interface KnownWorld {
  seq: number
  actors: Actor[]
  issues: Issue[]
  coders: Coder[]
  assignments: Assignment[]
}

type World = [Actor[], Issue[], Coder[], Assignment[]]

function readWorld(db: StandpointDB): Promise<World> {
  return Promise.all([db.actors.toArray(), db.issues.toArray(), db.coders.toArray(), db.assignments.toArray()])
}

/** Every table an open reads, so that the reads below can share one transaction. */
function openTables(db: StandpointDB) {
  return [db.positionsSnapshots, db.journal, db.settings, db.claimFacts, db.articleFacts, db.claims, db.articles, db.actors, db.issues, db.coders, db.assignments]
}

interface SnapshotAndTail {
  snapshot: PositionsSnapshotRecord
  tail: Tail
  entries: readonly JournalEntry[]
  head: number
}

/**
 * Inside a read transaction: the facts snapshot and the journal after it, with the facts now of
 * what the journal names. Null without a snapshot, or when the journal was pruned past it.
 */
async function readSnapshotAndTail(db: StandpointDB): Promise<SnapshotAndTail | null> {
  const snapshot = await db.positionsSnapshots.get(POSITIONS_SNAPSHOT_KEY)
  if (!snapshot) return null
  const changes = await changesSince(db, snapshot.seq)
  if (!changes.complete) return null
  return { snapshot, tail: await factsOf(db, changes.entries), entries: changes.entries, head: changes.head }
}

function viaSnapshot(read: SnapshotAndTail, world: World, viewer: { value?: unknown } | undefined): Attempt {
  const [actors, issues, coders, assignments] = world
  return {
    snapshot: read.snapshot,
    tail: read.tail,
    entries: read.entries,
    tailLength: read.entries.length,
    facts: null,
    counts: null,
    rest: { actors, issues, coders, assignments, viewerId: viewerOf(viewer?.value), seq: read.head },
  }
}

function readOnce(db: StandpointDB, useSnapshot: boolean, onProgress?: (fraction: number) => void, known?: KnownWorld): Promise<Attempt> {
  return db.transaction('r', openTables(db), async () => {
    // Every write to these tables moves the journal head (catchUp.ts counts on it too), so
    // tables read at the head found below are these tables now. Two thousand actors take
    // a read as long as the packed snapshot's.
    const worldPromise = known ? null : readWorld(db)
    const viewerPromise = db.settings.get(CURRENT_CODER.key)
    const read = useSnapshot ? await readSnapshotAndTail(db) : null
    const worldAt = (seq: number): Promise<World> => worldPromise ?? (known && known.seq === seq ? Promise.resolve([known.actors, known.issues, known.coders, known.assignments]) : readWorld(db))
    if (read) {
      const [world, viewer] = await Promise.all([worldAt(read.head), viewerPromise])
      return viaSnapshot(read, world, viewer)
    }
    const countsPromise = Promise.all([db.claims.count(), db.articles.count()])
    let slices = 0
    onProgress?.(0)
    const [claims, articles, seq] = await Promise.all([readRecordsInSlices(db.claimFacts, () => onProgress?.(++slices / CLAIM_SLICES)), db.articleFacts.toArray(), journalHead(db)])
    const [[actors, issues, coders, assignments], viewer, counts] = await Promise.all([worldAt(seq), viewerPromise, countsPromise])
    return {
      snapshot: undefined,
      tail: null,
      entries: [],
      tailLength: 0,
      facts: { claims, articles },
      counts: { claims: counts[0], articles: counts[1] },
      rest: { actors, issues, coders, assignments, viewerId: viewerOf(viewer?.value), seq },
    }
  })
}

function applyTail<T extends { id: Id }>(base: readonly T[], changes: ReadonlyMap<Id, T | null>): T[] {
  if (changes.size === 0) return base as T[]
  const result: T[] = []
  for (const fact of base) if (!changes.has(fact.id)) result.push(fact)
  for (const fact of changes.values()) if (fact) result.push(fact)
  return result
}

/**
 * Everything positions are computed from, as of one moment. onProgress follows the slow paths
 * (reading every fact, rebuilding the projection), 0..1. Via the snapshot, the claims are a walk
 * over it (factsOfSnapshot): no claim's fact is made until the engine is built from them, in
 * its slices (the strings and the articles are unpacked here). onSnapshot is handed an open via the snapshot as read, and awaited, before that. `known`: the small
 * tables as just read, used when the journal has not moved since. `first`: readOpening's read,
 * used instead of reading again (what it loads is then as of that read); null when readOpening
 * found no usable snapshot.
 */
export async function loadPositions(
  db: StandpointDB,
  onProgress?: (fraction: number) => void,
  onSnapshot?: (read: SnapshotRead) => Promise<void>,
  known?: KnownWorld,
  first?: OpeningRead['read'],
): Promise<PositionsLoad> {
  // null: readOpening found no usable snapshot, so the fact tables are read, not the snapshot again.
  let attempt = first ?? (await readOnce(db, first === undefined, onProgress, known))
  let via: PositionsLoad['via'] = 'facts'
  let claims: FactsWalk | null = null
  let articles: ArticleFact[] = []
  let since: PositionsLoad['since'] = null
  if (attempt.snapshot && attempt.tail && onSnapshot) {
    const facts = readSnapshot(attempt.snapshot.packed)
    if (facts) await onSnapshot({ ...attempt.rest, seq: attempt.snapshot.seq, facts, entries: attempt.entries, tail: attempt.tail, head: attempt.rest.seq })
  }
  if (attempt.snapshot && attempt.tail) {
    // Changed claims go to the end, out of time order; the engine's sort puts them in place.
    const unpacked = factsOfSnapshot(attempt.snapshot.packed, attempt.tail.claims)
    if (unpacked) {
      claims = unpacked.claims
      articles = applyTail(unpacked.articles, attempt.tail.articles)
      since = { seq: attempt.snapshot.seq, entries: attempt.entries }
      via = 'snapshot'
    } else attempt = await readOnce(db, false, onProgress)
  }
  if (claims === null) {
    claims = attempt.facts!.claims
    articles = attempt.facts!.articles
  }
  // Facts read from their tables are checked against the records' counts: records written
  // around Dexie (a benchmark's raw seeding, a damaged profile) have no facts. Chromium counts
  // a store by walking it (a third of a second at 100,000 claims), so an open from the snapshot
  // leaves that check for when the page is idle (readRecordCounts).
  if (attempt.counts && (claims.length !== attempt.counts.claims || articles.length !== attempt.counts.articles)) {
    await rebuildProjection(db, onProgress)
    attempt = await readOnce(db, false, onProgress)
    claims = attempt.facts!.claims
    articles = attempt.facts!.articles
    via = 'rebuilt'
    since = null
  }
  return {
    claims,
    articles,
    ...attempt.rest,
    via,
    tail: attempt.tailLength,
    snapshotStale: via !== 'snapshot' || attempt.tailLength > SNAPSHOT_REFRESH_AFTER,
    since,
  }
}

/**
 * The records' counts with the journal seq they are at, asked when the page is idle after an
 * open from the snapshot: the caller compares them with the facts it holds at that seq.
 */
export function readRecordCounts(db: StandpointDB): Promise<{ seq: number; claims: number; articles: number }> {
  return db.transaction('r', [db.claims, db.articles, db.journal, db.settings], async () => {
    const [claims, articles, seq] = await Promise.all([db.claims.count(), db.articles.count(), journalHead(db)])
    return { seq, claims, articles }
  })
}

export interface StoredPositions {
  record: PositionsResultRecord
  /** Computed at the journal's head, for the coder now looking; else some writes behind (or another coder's). */
  current: boolean
  /** The journal's head when read: what the small tables below reflect. */
  head: number
  actors: Actor[]
  issues: Issue[]
  coders: Coder[]
  assignments: Assignment[]
  viewerId: Id | null
}

function storedOf(record: PositionsResultRecord | undefined, head: number, viewer: { value?: unknown } | undefined, world: World): StoredPositions | null {
  if (!record) return null
  const viewerId = viewerOf(viewer?.value)
  const [actors, issues, coders, assignments] = world
  return { record, current: record.seq === head && record.viewerId === viewerId, head, actors, issues, coders, assignments, viewerId }
}

export interface OpeningRead {
  /** The stored positions (null when none are stored), with the small tables their rows are labelled from. */
  stored: StoredPositions | null
  /** For loadPositions: the snapshot and the journal after it, as read; null when the snapshot cannot be used. */
  read: Attempt | null
}

/**
 * What a cold open reads first, asked for at once in one read transaction: the stored positions,
 * whether they are current (computed at the journal's head, for the coder now looking) and the
 * small tables their rows are labelled from; then the facts snapshot with the journal after it,
 * which loadPositions takes as its read. The open needs both, whether the stored positions are
 * current or behind. In two transactions one after the other, the reads of an open 20 saves
 * behind took 53-76 ms at 100,000 claims; asked for at once, 49-66 ms (bench page, medians of 11
 * opens in each of five runs).
 *
 * `onStored` is handed the stored positions as soon as they are read, ahead of the snapshot
 * (asked for first), in a task of its own outside the transaction: current ones are drawn while
 * the snapshot is still being read.
 */
export function readOpening(db: StandpointDB, onStored?: (stored: StoredPositions | null) => void): Promise<OpeningRead> {
  // No claim count here: Chromium counts a store by walking every record (seconds at 100,000
  // claims), and every write through Dexie moves the journal head anyway. Records written around
  // Dexie show until the engine, which does count, replaces these rows moments later.
  return db.transaction('r', openTables(db), async () => {
    const storedPromise = Promise.all([readPositionsResult(db), journalHead(db), db.settings.get(CURRENT_CODER.key), readWorld(db)])
    const readPromise = readSnapshotAndTail(db)
    // Awaited below; if the reads above fail first, the transaction's own rejection reports it.
    readPromise.catch(() => undefined)
    const [record, head, viewer, world] = await storedPromise
    const stored = storedOf(record, head, viewer, world)
    // A timer: the caller's work then runs outside this transaction's zone, and after its reads are made.
    if (onStored) setTimeout(() => onStored(stored), 0)
    const read = await readPromise
    return { stored, read: read ? viaSnapshot(read, world, viewer) : null }
  })
}

export { readStoredFirstRows } from './storedFirstRows'

export interface PositionsChanges {
  /** false: entries were pruned before they were read; load again. */
  complete: boolean
  head: number
  claims: { id: Id; fact: ClaimFact | null }[]
  articles: { id: Id; fact: ArticleFact | null }[]
  actors: { id: Id; actor: Actor | null }[]
  /** The whole codebook, when any issue changed. */
  issues?: Issue[]
  coders?: Coder[]
  assignments?: Assignment[]
  viewerId: Id | null
  /** How many journal entries this covers. */
  entries: number
}

/**
 * What changed after `since`, with the changed facts and records as they are now, read in one
 * transaction: one small read per write, never the whole tables.
 */
export function readPositionsChanges(db: StandpointDB, since: number): Promise<PositionsChanges> {
  return db.transaction('r', [db.journal, db.settings, db.claimFacts, db.articleFacts, db.actors, db.issues, db.coders, db.assignments], async () => {
    const [changes, viewer] = await Promise.all([changesSince(db, since), db.settings.get(CURRENT_CODER.key)])
    const viewerId = viewerOf(viewer?.value)
    if (!changes.complete) return { complete: false, head: changes.head, claims: [], articles: [], actors: [], viewerId, entries: 0 }
    const tables = new Set(changes.entries.map((entry) => entry.table))
    const actorIds = [...new Set(changes.entries.filter((entry) => entry.table === 'actors').map((entry) => entry.id))]
    const [facts, actors, issues, coders, assignments] = await Promise.all([
      factsOf(db, changes.entries),
      db.actors.bulkGet(actorIds),
      tables.has('issues') ? db.issues.toArray() : undefined,
      tables.has('coders') ? db.coders.toArray() : undefined,
      tables.has('assignments') ? db.assignments.toArray() : undefined,
    ])
    return {
      complete: true,
      head: changes.head,
      claims: [...facts.claims].map(([id, fact]) => ({ id, fact })),
      articles: [...facts.articles].map(([id, fact]) => ({ id, fact })),
      actors: actorIds.map((id, index) => ({ id, actor: actors[index] ?? null })),
      ...(issues ? { issues } : {}),
      ...(coders ? { coders } : {}),
      ...(assignments ? { assignments } : {}),
      viewerId,
      entries: changes.entries.length,
    }
  })
}

/**
 * Calls `onChanges` with what changed after every committed write to the workspace (from this
 * window, a worker or another window), starting after `since`; and when the current coder
 * changes (a setting, not journaled); and once at the start, for what was written after
 * `since` before this was called. One small read per write. Returns the unsubscribe.
 */
export function followPositions(db: StandpointDB, since: number, onChanges: (changes: PositionsChanges) => void, onError: (error: unknown) => void): () => void {
  const parts = [`idb://${db.name}/journal/`, `idb://${db.name}/settings/`]
  let seen = since
  let reading = false
  let again = false
  let stopped = false
  const read = async (): Promise<void> => {
    if (reading) {
      again = true
      return
    }
    reading = true
    try {
      do {
        again = false
        const changes = await readPositionsChanges(db, seen)
        if (stopped) return
        seen = changes.head
        onChanges(changes)
      } while (again && !stopped)
    } catch (error) {
      if (!stopped) onError(error)
    } finally {
      reading = false
    }
  }
  const listener = (mutated: ObservabilitySet): void => {
    if (Object.keys(mutated).some((key) => parts.some((part) => key.startsWith(part)))) void read()
  }
  Dexie.on('storagemutated', listener)
  // Writes made between `since` and now (while the caller was building from the data read at
  // `since`) raised no event this listener heard: read them once at the start.
  void read()
  return () => {
    stopped = true
    Dexie.on('storagemutated').unsubscribe(listener)
  }
}
