import type { RecordState } from '../../domain/sync/documents'
import type { ScanCursor } from './syncBook'

/**
 * What the sync bridge needs from the workspace (Dexie), behind one interface: the outbox of
 * local changes (the change journal's local entries), the current state of records, remote
 * changes applied as remote (so the outbox ignores them), and a resumable scan of everything
 * for a first connection.
 */
export interface WorkspaceSide {
  /**
   * The latest state of each record changed locally after `afterSeq` (the records of at most
   * `limit` write calls; a write is never split). `complete` is false when the journal was
   * pruned past `afterSeq`: the outbox must then compare every record instead.
   */
  localChanges(afterSeq: number, limit: number): Promise<{ lastSeq: number; states: RecordState[]; complete: boolean }>
  /** The journal's last seq: where the outbox starts when a workspace connects. */
  latestSeq(): Promise<number>
  /** The current state of each record (a tombstone counts as deleted); absent: neither. */
  states(keys: readonly { table: RecordState['table']; id: string }[]): Promise<Map<string, RecordState>>
  /**
   * Writes remote states in one transaction marked as remote, leaving out records with local
   * changes after `pendingAfterSeq` (their local edit goes out first and meets the remote one
   * as a conflict). Returns the document ids left out.
   */
  applyRemote(states: readonly RecordState[], pendingAfterSeq: number): Promise<Set<string>>
  /** Every record and tombstone, table by table in id order, `limit` at a time. */
  scan(cursor: ScanCursor, limit: number): Promise<{ states: RecordState[]; next: ScanCursor | null }>
  /** Records and tombstones in the synced tables. */
  recordCount(): Promise<number>
  /** Registers how far the outbox got, so the journal keeps every entry after it (and none before). */
  saveOutboxCheckpoint(seq: number): Promise<void>
  /** Unregisters the outbox (Disconnect): the journal no longer keeps entries for it. */
  removeOutboxCheckpoint(): Promise<void>
  /** Who resolves a conflict on this machine (settings' currentCoderId), if anyone is set. */
  currentCoderId(): Promise<string | null>
}
