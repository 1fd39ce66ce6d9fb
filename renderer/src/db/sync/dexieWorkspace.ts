import type { Table } from 'dexie'
import { documentId, isSyncedTable, SYNCED_TABLES, type RecordState, type SyncedTable, type Tombstone, type WorkspaceRecord } from '../../domain/sync/documents'
import type { StandpointDB } from '../database'
import { changesSince, followJournal, journalHead, markRemote, removeCheckpoint, saveCheckpoint } from '../journal'
import type { ScanCursor } from './syncBook'
import type { WorkspaceSide } from './workspaceSide'

// The workspace side of the sync bridge, on Dexie and the change journal (db/journal): the
// outbox is the journal's local entries after the sync checkpoint; remote changes are written
// in transactions marked remote, so the outbox never sends them back.

/** The journal consumer the sync outbox registers: entries after its checkpoint are never pruned. */
export const SYNC_CONSUMER = 'sync'

export class DexieWorkspace implements WorkspaceSide {
  constructor(private readonly db: StandpointDB) {}

  private table(name: SyncedTable): Table<WorkspaceRecord, string> {
    return this.db.table(name)
  }

  private get tombstones(): Table<Tombstone, string> {
    return this.db.tombstones as unknown as Table<Tombstone, string>
  }

  async localChanges(afterSeq: number, limit: number): Promise<{ lastSeq: number; states: RecordState[]; complete: boolean }> {
    const { entries, head, complete } = await changesSince(this.db, afterSeq, limit)
    const keys = new Map<string, { table: SyncedTable; id: string }>()
    for (const entry of entries) {
      if (entry.origin !== 'local' || !isSyncedTable(entry.table)) continue
      keys.set(documentId(entry.table, entry.id), { table: entry.table, id: entry.id })
    }
    const states = await this.states([...keys.values()])
    return { lastSeq: head, states: [...states.values()], complete }
  }

  latestSeq(): Promise<number> {
    return journalHead(this.db)
  }

  /** Keeps the journal from pruning what the outbox has not sent (saved with every outbox step). */
  async saveOutboxCheckpoint(seq: number): Promise<void> {
    await saveCheckpoint(this.db, SYNC_CONSUMER, seq)
  }

  async removeOutboxCheckpoint(): Promise<void> {
    await removeCheckpoint(this.db, SYNC_CONSUMER)
  }

  async states(keys: readonly { table: SyncedTable; id: string }[]): Promise<Map<string, RecordState>> {
    const found = new Map<string, RecordState>()
    if (keys.length === 0) return found
    const byTable = new Map<SyncedTable, string[]>()
    for (const { table, id } of keys) pushTo(byTable, table, id)
    await this.db.transaction('r', [...byTable.keys()].map((table) => this.table(table)).concat([this.tombstones as unknown as Table<WorkspaceRecord, string>]), async () => {
      const tombstones = await this.tombstones.bulkGet(keys.map((key) => key.id))
      const tombstoneOf = new Map(tombstones.filter((tombstone): tombstone is Tombstone => !!tombstone).map((tombstone) => [`${tombstone.table}:${tombstone.id}`, tombstone]))
      for (const [table, ids] of byTable) {
        const records = await this.table(table).bulkGet(ids)
        ids.forEach((id, index) => {
          const record = records[index]
          const key = documentId(table, id)
          if (record) found.set(key, { kind: 'record', table, id, record })
          else {
            const tombstone = tombstoneOf.get(key)
            if (tombstone) found.set(key, { kind: 'deleted', table, id, tombstone })
          }
        })
      }
    })
    return found
  }

  /**
   * The local changes after a seq the outbox has not sent, as far as the journal was read: a
   * first connection applies page after page with the outbox standing still, and each page
   * then reads only the journal rows written since the page before (the journal only grows).
   */
  private pendingLocal: { after: number; through: number; keys: Set<string> } | null = null

  async applyRemote(states: readonly RecordState[], pendingAfterSeq: number): Promise<Set<string>> {
    const skipped = new Set<string>()
    const tables = [...new Set(states.map((state) => state.table))]
    let read = { after: pendingAfterSeq, through: pendingAfterSeq, keys: new Set<string>() }
    await this.db.transaction('rw', [...tables.map((table) => this.table(table)), this.tombstones, this.db.journal] as Table[], async (tx) => {
      markRemote(tx)
      // Local changes the outbox has not sent yet (few: the outbox runs before every pull).
      const wanted = new Set(states.map((state) => documentId(state.table, state.id)))
      const known = this.pendingLocal?.after === pendingAfterSeq ? this.pendingLocal : read
      read = { after: pendingAfterSeq, through: known.through, keys: new Set(known.keys) }
      await this.db.journal
        .where(':id')
        .above(known.through)
        .each((row) => {
          read.through = Math.max(read.through, row.seq)
          if (row.origin !== 'local' || !isSyncedTable(row.table)) return
          for (const id of row.ids) read.keys.add(documentId(row.table, id))
        })
      const pendingKeys = new Set([...read.keys].filter((key) => wanted.has(key)))
      const puts = new Map<SyncedTable, WorkspaceRecord[]>()
      const deletes = new Map<SyncedTable, string[]>()
      const tombstones: Tombstone[] = []
      for (const state of states) {
        const key = documentId(state.table, state.id)
        if (pendingKeys.has(key)) {
          skipped.add(key)
          continue
        }
        if (state.kind === 'record') pushTo(puts, state.table, state.record)
        else {
          pushTo(deletes, state.table, state.id)
          tombstones.push(state.tombstone)
        }
      }
      // Remote writes keep no tombstones by themselves: a deletion brings its own, and a record
      // that comes back (a conflict resolved by keeping the edit) takes its tombstone away.
      // Most workspaces hold few tombstones, a new one none: only the ones there are deleted.
      const tombstoneCount = await this.tombstones.count()
      const tombstoneIds = tombstoneCount > 0 && tombstoneCount < states.length ? new Set(await this.tombstones.toCollection().primaryKeys()) : null
      for (const [table, records] of puts) {
        await this.table(table).bulkPut(records)
        if (tombstoneCount === 0) continue
        const ids = records.map((record) => record.id)
        await this.tombstones.bulkDelete(tombstoneIds ? ids.filter((id) => tombstoneIds.has(id)) : ids)
      }
      for (const [table, ids] of deletes) await this.table(table).bulkDelete(ids)
      if (tombstones.length > 0) await this.tombstones.bulkPut(tombstones)
      // The journal rows after the ones read above are this transaction's own, all remote (no
      // other write can come between within it): the next page need not read their ids back.
      // Kept only once the transaction has committed (an aborted one's rows are gone).
      const head = await this.db.journal.orderBy(':id').lastKey()
      if (typeof head === 'number') read.through = Math.max(read.through, head)
    })
    this.pendingLocal = read
    return skipped
  }

  async scan(cursor: ScanCursor, limit: number): Promise<{ states: RecordState[]; next: ScanCursor | null }> {
    const states: RecordState[] = []
    let { tableIndex, afterId } = cursor
    while (tableIndex <= SYNCED_TABLES.length && states.length < limit) {
      const want = limit - states.length
      if (tableIndex < SYNCED_TABLES.length) {
        const table = SYNCED_TABLES[tableIndex]!
        const records = await this.table(table).where(':id').above(afterId).limit(want).toArray()
        for (const record of records) states.push({ kind: 'record', table, id: record.id, record })
        if (records.length > 0) afterId = records.at(-1)!.id
        if (records.length < want) {
          tableIndex++
          afterId = ''
        }
      } else {
        const tombstones = await this.tombstones.where(':id').above(afterId).limit(want).toArray()
        for (const tombstone of tombstones) {
          if ((SYNCED_TABLES as readonly string[]).includes(tombstone.table)) states.push({ kind: 'deleted', table: tombstone.table, id: tombstone.id, tombstone })
        }
        if (tombstones.length > 0) afterId = tombstones.at(-1)!.id
        if (tombstones.length < want) tableIndex++
      }
    }
    return { states, next: tableIndex > SYNCED_TABLES.length ? null : { tableIndex, afterId } }
  }

  async recordCount(): Promise<number> {
    const counts = await Promise.all([...SYNCED_TABLES.map((table) => this.table(table).count()), this.tombstones.count()])
    return counts.reduce((sum, count) => sum + count, 0)
  }

  async currentCoderId(): Promise<string | null> {
    const setting = await this.db.settings.get('currentCoderId')
    return typeof setting?.value === 'string' ? setting.value : null
  }

  /** Calls `onChange` after local writes (from any window or worker), until the returned function is called. */
  watchLocalChanges(onChange: () => void): () => void {
    let stop: (() => void) | null = null
    let stopped = false
    void journalHead(this.db).then((head) => {
      if (stopped) return
      stop = followJournal(this.db, head, (changes) => {
        if (changes.entries.some((entry) => entry.origin === 'local') || !changes.complete) onChange()
      })
    })
    return () => {
      stopped = true
      stop?.()
    }
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
