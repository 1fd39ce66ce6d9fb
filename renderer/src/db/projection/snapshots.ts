import type { EntityTable } from 'dexie'
import type { PackedClaimArticles } from '../../domain/claims/articlesPack'
import type { Coder, Id, Issue, SyncedTable } from '../../domain/model'
import type { ArticleFact, ClaimFact } from '../../domain/positions/facts'
import type { PackedFirstRows } from '../../domain/positions/firstRows'
import type { ChangedSince } from '../../domain/positions/catchUp'
import type { PackedResult } from '../../domain/positions/resultPack'
import { packFactsSteps, type PackedFacts } from '../../domain/positions/snapshot'
import { runSliced, timeSlicer } from '../../domain/timeSlices'
import type { StandpointDB } from '../database'

// The positions snapshot: every claim and article fact packed into one record, with the seq of
// the change journal it reflects. Opening Positions reads it and the journal after it. It is a
// cache of the fact tables: losing it costs one slow open, never a wrong number.

export const POSITIONS_SNAPSHOT_KEY = 'positions'

export interface PositionsSnapshotRecord {
  key: string
  /** Every journal entry up to this seq is in the facts. */
  seq: number
  savedAt: string
  packed: PackedFacts
}

export function readPositionsSnapshot(db: StandpointDB): Promise<PositionsSnapshotRecord | undefined> {
  return db.positionsSnapshots.get(POSITIONS_SNAPSHOT_KEY)
}

/**
 * Stores the facts as they stand at `seq`. Another window may have stored a later one
 * meanwhile: that one is kept.
 */
export async function savePositionsSnapshot(db: StandpointDB, claims: readonly ClaimFact[], articles: readonly ArticleFact[], seq: number): Promise<boolean> {
  // In slices: it is stored while the app is idle, and packing 100,000 facts at once made a task of 60-140 ms.
  const packed = await runSliced(packFactsSteps(claims, articles), timeSlicer(8, 'background'))
  return db.transaction('rw', db.positionsSnapshots, async () => {
    const existing = await db.positionsSnapshots.get(POSITIONS_SNAPSHOT_KEY)
    if (existing && existing.seq > seq) return false
    await db.positionsSnapshots.put({ key: POSITIONS_SNAPSHOT_KEY, seq, savedAt: new Date().toISOString(), packed })
    return true
  })
}

export async function deletePositionsSnapshot(db: StandpointDB): Promise<void> {
  await db.positionsSnapshots.bulkDelete([POSITIONS_SNAPSHOT_KEY, POSITIONS_RESULT_KEY, POSITIONS_FIRST_ROWS_KEY, CLAIM_ARTICLES_KEY])
  await db.positionsSnapshots.where('key').startsWith(RECORD_IDS_KEY).delete()
}

// The positions computed for one set of options, stored beside the facts snapshot (same table,
// its own key): a cold open draws the table from it while the engine is built. Valid only at
// the journal seq and for the viewer it was computed at; anything else is read as absent.

export const POSITIONS_RESULT_KEY = 'positions-result'

export interface PositionsResultRecord {
  key: typeof POSITIONS_RESULT_KEY
  /** The journal seq the positions reflect. */
  seq: number
  savedAt: string
  /** The coder who was looking (visibility shapes the result). */
  viewerId: string | null
  /** How many claims the workspace held, and its outlets (the Source filter), at seq. */
  claimCount: number
  sources: string[]
  packed: PackedResult
  /** The facts at seq of what changed after the facts snapshot (domain/positions/catchUp.ts), when few. */
  changed?: ChangedSince
}

/** The snapshots table seen as holding one kind of record (each kind lives under its own key). */
function snapshotsAs<Stored extends { key: string }>(db: StandpointDB): EntityTable<Stored, 'key'> {
  return db.positionsSnapshots as unknown as EntityTable<Stored, 'key'>
}

/** Stores a record made at a journal seq under its key, unless one from a later seq is there (another window's). */
function putUnlessNewer<Made extends { seq: number }>(db: StandpointDB, key: string, record: Made): Promise<boolean> {
  const table = snapshotsAs<{ key: string; seq: number; savedAt: string }>(db)
  return db.transaction('rw', db.positionsSnapshots, async () => {
    const existing = await table.get(key)
    if (existing && existing.seq > record.seq) return false
    await table.put({ ...record, key, savedAt: new Date().toISOString() })
    return true
  })
}

export function readPositionsResult(db: StandpointDB): Promise<PositionsResultRecord | undefined> {
  return snapshotsAs<PositionsResultRecord>(db).get(POSITIONS_RESULT_KEY)
}

/** Stores computed positions as they stand at `seq`, unless a later one was stored meanwhile. */
export function savePositionsResult(db: StandpointDB, record: Omit<PositionsResultRecord, 'key' | 'savedAt'>): Promise<boolean> {
  return putUnlessNewer(db, POSITIONS_RESULT_KEY, record)
}

// The table's first screen for the setup the analyst last looked at (domain/positions/firstRows),
// with what the screen around it shows before any other table is read: the codebook, coders,
// outlets and actor attributes for the filters. Valid, like the stored positions, only at the
// journal seq and for the viewer it was made at, and only for the same setup.

export const POSITIONS_FIRST_ROWS_KEY = 'positions-first-rows'

export interface PositionsFirstRowsRecord {
  key: typeof POSITIONS_FIRST_ROWS_KEY
  seq: number
  savedAt: string
  viewerId: Id | null
  /** The screen's setup (options, rows, filters, sort) the rows were drawn for, as a key. */
  setup: string
  claimCount: number
  sources: string[]
  issues: Issue[]
  coders: Coder[]
  /** Actor attribute names (the Group by choices). */
  attributes: string[]
  /** The issue with the most claims, which "Actor, one issue" starts on. */
  busiestIssueId: Id | null
  firstRows: PackedFirstRows
}

export function readPositionsFirstRows(db: StandpointDB): Promise<PositionsFirstRowsRecord | undefined> {
  return snapshotsAs<PositionsFirstRowsRecord>(db).get(POSITIONS_FIRST_ROWS_KEY)
}

/** Stores a first screen as it stands at `seq`, unless a later one was stored meanwhile. */
export function savePositionsFirstRows(db: StandpointDB, record: Omit<PositionsFirstRowsRecord, 'key' | 'savedAt'>): Promise<boolean> {
  return putUnlessNewer(db, POSITIONS_FIRST_ROWS_KEY, record)
}

// Every record's id in some tables, as of a journal seq: where the status bar's counts start
// when there is no positions snapshot to start from (a library of 100,000 articles and no
// claims). Reading the ids from the stores means a walk of every key: 1 s at 100,000 articles,
// during which Chromium serves no other read of the origin, the library's first rows included.

export const RECORD_IDS_KEY = 'record-ids'

/** Each set of tables followed together keeps its own record: one follower never replaces another's. */
function recordIdsKey(tables: readonly SyncedTable[]): string {
  return `${RECORD_IDS_KEY}:${[...tables].sort().join(',')}`
}

export interface RecordIdsRecord {
  key: string
  /** Every journal entry up to this seq is reflected in the ids. */
  seq: number
  savedAt: string
  ids: Partial<Record<SyncedTable, Id[]>>
}

export function readRecordIds(db: StandpointDB, tables: readonly SyncedTable[]): Promise<RecordIdsRecord | undefined> {
  return snapshotsAs<RecordIdsRecord>(db).get(recordIdsKey(tables))
}

/** Stores the ids of `tables` as they stand at `seq`, unless ids from a later seq were stored meanwhile. */
export function saveRecordIds(db: StandpointDB, seq: number, tables: readonly SyncedTable[], ids: Partial<Record<SyncedTable, Id[]>>): Promise<boolean> {
  return putUnlessNewer(db, recordIdsKey(tables), { seq, ids })
}

// What the claims table shows of every article (domain/claims/articlesPack), as of a journal
// seq: its cold open reads this and the articles written since, not every article's text. A
// cache like the others here: without it (or with the journal pruned past it) the table reads
// the articles whole.

export const CLAIM_ARTICLES_KEY = 'claim-articles'

export interface ClaimArticlesRecord {
  key: string
  /** Every journal entry up to this seq is reflected in the articles. */
  seq: number
  /** The schema version it was stored under (db.verno). */
  schema: number
  savedAt: string
  packed: PackedClaimArticles
}

export function readClaimArticles(db: StandpointDB): Promise<ClaimArticlesRecord | undefined> {
  return snapshotsAs<ClaimArticlesRecord>(db).get(CLAIM_ARTICLES_KEY)
}

/** Stores the articles as they stand at `seq`, unless a later record was stored meanwhile. */
export function saveClaimArticles(db: StandpointDB, seq: number, schema: number, packed: PackedClaimArticles): Promise<boolean> {
  return putUnlessNewer(db, CLAIM_ARTICLES_KEY, { seq, schema, packed })
}
