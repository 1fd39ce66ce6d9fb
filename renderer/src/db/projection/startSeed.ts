import type { Id, SyncedTable } from '../../domain/model'
import { columnsOfSnapshot, type SnapshotColumns } from '../../domain/positions/snapshot'
import type { StandpointDB } from '../database'
import { journalHead } from '../journal'
import { PRUNED_THROUGH_KEY } from '../journal/entries'
import { storeSnapshotFromTablesSoon } from './snapshotFromTables'
import { POSITIONS_SNAPSHOT_KEY, readRecordIds, type PositionsSnapshotRecord } from './snapshots'

// Start-up counts (the status bar, the Codebook's claims per issue, the library's claims per
// article) begin from the packed positions snapshot when there is a usable one, instead of
// walking the claims' indexes. Chromium's IndexedDB serves one origin's requests one after
// another: at 100,000 claims those walks took 1.4 s after a reload, and every screen's first
// read (Positions' stored rows among them) waited behind them. The snapshot holds, for every
// claim, its id, article, actor, coder and issues, and every article's id, as of a journal
// seq; a follower starts from it and reads the journal after that seq like any later write.
// It is read column by column: no object per claim (columnsOfSnapshot).
// Followers that start together (one screen's first render) share one read of the record.
// Without a usable one, a snapshot is made from the fact tables for the next start
// (snapshotFromTables.ts).

export interface FactsSeed {
  /** Every journal entry up to this seq is in the facts; entries after it are all still kept. */
  seq: number
  /** The snapshot's claims and articles, column by column (no object per claim: see columnsOfSnapshot). */
  columns: SnapshotColumns
}

const reading = new WeakMap<StandpointDB, Promise<FactsSeed | null>>()

async function readSeed(db: StandpointDB): Promise<FactsSeed | null> {
  const [snapshot, pruned] = await db.transaction('r', [db.positionsSnapshots, db.settings], () =>
    Promise.all([db.positionsSnapshots.get(POSITIONS_SNAPSHOT_KEY) as Promise<PositionsSnapshotRecord | undefined>, db.settings.get(PRUNED_THROUGH_KEY)]),
  )
  if (!snapshot || !Number.isInteger(snapshot.seq)) return null
  // Entries after the snapshot already pruned: the journal cannot bring it up to date.
  const prunedThrough = typeof pruned?.value === 'number' ? pruned.value : 0
  if (snapshot.seq < prunedThrough) return null
  const columns = columnsOfSnapshot(snapshot.packed)
  return columns && { seq: snapshot.seq, columns }
}

/**
 * The claim and article ids (with each claim's article, actor, coder and issues) as of a
 * journal seq, from the stored positions snapshot; null when there is none usable. A caller
 * follows the journal from `seq` to be current.
 */
export function readFactsSeed(db: StandpointDB): Promise<FactsSeed | null> {
  let pending = reading.get(db)
  if (!pending) {
    pending = readSeed(db).catch(() => null)
    void pending.then((seed) => {
      if (seed === null) storeSnapshotFromTablesSoon(db)
    })
    reading.set(db, pending)
    const forget = (): void => {
      // Kept for followers started in the same moment; a later one reads a fresher record.
      setTimeout(() => {
        if (reading.get(db) === pending) reading.delete(db)
      }, 0)
    }
    void pending.then(forget)
  }
  return pending
}

/**
 * Every record's id in `tables` as of a journal seq, from the ids stored for these tables; null
 * when there are none, they do not cover every table, or the journal no longer holds every entry after
 * their seq (or started again behind it). A caller follows the journal from `seq`.
 */
export async function readRecordIdsSeed(db: StandpointDB, tables: readonly SyncedTable[]): Promise<{ seq: number; ids: Map<SyncedTable, Id[]> } | null> {
  const [record, pruned, head] = await db.transaction('r', [db.positionsSnapshots, db.journal, db.settings], () =>
    Promise.all([readRecordIds(db, tables), db.settings.get(PRUNED_THROUGH_KEY), journalHead(db)]),
  )
  if (!record || !Number.isInteger(record.seq)) return null
  const prunedThrough = typeof pruned?.value === 'number' ? pruned.value : 0
  if (record.seq < prunedThrough || record.seq > head) return null
  const ids = new Map<SyncedTable, Id[]>()
  for (const table of tables) {
    const list: unknown = record.ids?.[table]
    if (!Array.isArray(list)) return null
    for (let k = 0; k < list.length; k++) if (typeof list[k] !== 'string') return null
    ids.set(table, list as Id[])
  }
  return { seq: record.seq, ids }
}
