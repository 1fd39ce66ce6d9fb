import { SYNCED_TABLES, type Id, type SyncedTable } from '../../domain/model'

// What the change journal holds: every record written or deleted in a synced table (or a
// tombstone written directly), in commit order: the outbox of sync, the feed of live
// projections and screens. Entries name records, never copy them.
//
// Stored, one row per write call (a bulkPut of 5,000 claims is one row listing 5,000 ids): in
// Chromium's IndexedDB a row costs about as much as a claim, whatever its size (measured: 100,000
// one-record rows 14 s, the same ids in 20 rows 0.24 s), so a row per record would double the
// cost of every bulk write. Readers get one entry per record (changesSince).

/** Tables whose every write is journaled: the synced tables and the tombstones themselves. */
export type JournaledTable = SyncedTable | 'tombstones'
export const JOURNALED_TABLES: ReadonlySet<string> = new Set<string>([...SYNCED_TABLES, 'tombstones'])
export const SYNCED_TABLE_SET: ReadonlySet<string> = new Set<string>(SYNCED_TABLES)

export type JournalOp = 'put' | 'delete'
/** 'local': written on this machine; 'remote': applied from another copy of the workspace (sync). */
export type JournalOrigin = 'local' | 'remote'

/** One change to one record, as readers see it. */
export interface JournalEntry {
  /**
   * The seq of the write it belongs to: increasing in commit order, never reused, shared by the
   * records of one write call. A consumer that has processed seq n has processed all of them.
   */
  seq: number
  table: JournaledTable
  id: Id
  op: JournalOp
  origin: JournalOrigin
  /** When the write was made (ISO 8601). */
  at: string
}

/** One write call as stored: the records it touched in one table, with one op. */
export interface JournalRow {
  /** Assigned by IndexedDB (auto-increment). */
  seq: number
  table: JournaledTable
  op: JournalOp
  origin: JournalOrigin
  at: string
  ids: Id[]
  /** Records journaled up to and including this row, since the journal began: what pruning counts. */
  total: number
}

/** The entries a row stands for, one per record. */
export function rowEntries(row: JournalRow): JournalEntry[] {
  return row.ids.map((id) => ({ seq: row.seq, table: row.table, id, op: row.op, origin: row.origin, at: row.at }))
}

/** Settings rows that are this machine's journal bookkeeping: never backed up, restored or merged. */
export const JOURNAL_SETTING_PREFIX = 'journal.'
export const PRUNED_THROUGH_KEY = `${JOURNAL_SETTING_PREFIX}prunedThrough`
export const CHECKPOINT_PREFIX = `${JOURNAL_SETTING_PREFIX}checkpoint:`

export function isLocalSettingKey(key: unknown): boolean {
  return typeof key === 'string' && key.startsWith(JOURNAL_SETTING_PREFIX)
}

/** The settings key under which the current coder's id is kept (domain/settings.ts CURRENT_CODER). */
export const CURRENT_CODER_KEY = 'currentCoderId'

export interface JournalTuning {
  /** Entries (records) kept for live screens when no consumer needs older ones. */
  tail: number
  /** Prune after about this many new entries. */
  pruneEvery: number
}

export const DEFAULT_JOURNAL_TUNING: JournalTuning = { tail: 10_000, pruneEvery: 1_000 }
