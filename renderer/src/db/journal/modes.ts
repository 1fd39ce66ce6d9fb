import type { Transaction } from 'dexie'
import type { JournalOrigin } from './entries'

// How the journal treats the writes of one transaction. The default (local, with tombstones)
// is right for every edit made on this machine; sync and restore say otherwise.

export interface JournalMode {
  origin: JournalOrigin
  /**
   * Whether deletions write tombstones and re-creations remove them. Off where the caller writes
   * the tombstones table itself: sync (tombstones arrive as records) and a restore that replaces
   * the workspace with a backup (its tombstones are the backup's).
   */
  tombstones: boolean
}

export const LOCAL_MODE: JournalMode = { origin: 'local', tombstones: true }

/** Keyed by the transaction object DBCore passes along with every request of the transaction. */
const modes = new WeakMap<object, JournalMode>()

/**
 * Sets how the journal treats the writes of this transaction (call it first thing inside
 * db.transaction). A nested transaction shares its parent's IndexedDB transaction, and so its mode.
 */
export function setJournalMode(tx: Transaction, mode: Partial<JournalMode>): void {
  const current = modes.get(tx.idbtrans) ?? LOCAL_MODE
  modes.set(tx.idbtrans, { ...current, ...mode })
}

/** Marks a transaction as applying changes that came from another copy of the workspace. */
export function markRemote(tx: Transaction): void {
  setJournalMode(tx, { origin: 'remote', tombstones: false })
}

export function journalModeOf(trans: object): JournalMode {
  return modes.get(trans) ?? LOCAL_MODE
}
