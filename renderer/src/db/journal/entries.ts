import { SYNCED_TABLES, type Id, type SyncedTable } from '../../domain/model'

// What the change journal holds. One entry per record written or deleted in a synced table (or
// a tombstone written directly), in commit order: the outbox of sync, the feed of live
// projections and screens. Entries are tiny on purpose: they name the record, never copy it.

/** Tables whose every write is journaled: the synced tables and the tombstones themselves. */
export type JournaledTable = SyncedTable | 'tombstones'
export const JOURNALED_TABLES: ReadonlySet<string> = new Set<string>([...SYNCED_TABLES, 'tombstones'])
export const SYNCED_TABLE_SET: ReadonlySet<string> = new Set<string>(SYNCED_TABLES)

export type JournalOp = 'put' | 'delete'
/** 'local': written on this machine; 'remote': applied from another copy of the workspace (sync). */
export type JournalOrigin = 'local' | 'remote'

export interface JournalEntry {
  /** Assigned by IndexedDB, increasing in commit order; never reused. */
  seq: number
  table: JournaledTable
  id: Id
  op: JournalOp
  origin: JournalOrigin
  /** When the write was made (ISO 8601). */
  at: string
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
  /** Entries kept for live screens when no consumer needs older ones. */
  tail: number
  /** Prune after about this many new entries. */
  pruneEvery: number
}

export const DEFAULT_JOURNAL_TUNING: JournalTuning = { tail: 10_000, pruneEvery: 1_000 }
