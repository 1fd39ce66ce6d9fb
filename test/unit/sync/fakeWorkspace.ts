import type { ScanCursor } from '../../../renderer/src/db/sync/syncBook'
import type { WorkspaceSide } from '../../../renderer/src/db/sync/workspaceSide'
import { documentId, SYNCED_TABLES, type RecordState, type SyncedTable, type WorkspaceRecord } from '../../../renderer/src/domain/sync/documents'

// A workspace in memory with the change journal's semantics (local and remote entries, a seq
// per write, tombstones on delete), to drive the sync engine in unit tests without Dexie. The
// Dexie implementation (db/sync/dexieWorkspace.ts) has its own tests against fake-indexeddb.

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]))
}

interface JournalEntry {
  seq: number
  table: SyncedTable
  id: string
  origin: 'local' | 'remote'
}

export class FakeWorkspace implements WorkspaceSide {
  readonly tables = new Map<SyncedTable, Map<string, WorkspaceRecord>>(SYNCED_TABLES.map((table) => [table, new Map()]))
  readonly tombstones = new Map<string, { id: string; table: SyncedTable; deletedAt: string; deletedBy: string }>()
  readonly journal: JournalEntry[] = []
  coder: string | null = 'coder-1'
  onChange: (() => void) | null = null

  private log(table: SyncedTable, id: string, origin: 'local' | 'remote'): void {
    this.journal.push({ seq: this.journal.length + 1, table, id, origin })
    if (origin === 'local') this.onChange?.()
  }

  put(table: SyncedTable, record: WorkspaceRecord): void {
    this.tables.get(table)!.set(record.id, structuredClone(record))
    this.tombstones.delete(record.id)
    this.log(table, record.id, 'local')
  }

  remove(table: SyncedTable, id: string): void {
    this.tables.get(table)!.delete(id)
    this.tombstones.set(id, { id, table, deletedAt: new Date().toISOString(), deletedBy: this.coder ?? '' })
    this.log(table, id, 'local')
  }

  get(table: SyncedTable, id: string): WorkspaceRecord | undefined {
    return this.tables.get(table)!.get(id)
  }

  /** Every table as sorted plain data (keys in order too), for comparing two workspaces. */
  dump(): Record<string, unknown[]> {
    const out: Record<string, unknown[]> = {}
    for (const [table, rows] of this.tables) out[table] = [...rows.values()].sort((a, b) => a.id.localeCompare(b.id)).map(sortedKeys)
    out.tombstones = [...this.tombstones.values()].map(({ id, table }) => ({ id, table })).sort((a, b) => a.id.localeCompare(b.id))
    return out
  }

  private stateOf(table: SyncedTable, id: string): RecordState | null {
    const record = this.tables.get(table)!.get(id)
    if (record) return { kind: 'record', table, id, record: structuredClone(record) }
    const tombstone = this.tombstones.get(id)
    return tombstone && tombstone.table === table ? { kind: 'deleted', table, id, tombstone: { ...tombstone } } : null
  }

  /** Entries up to this seq are gone, as a pruned journal's are (a test sets it). */
  prunedThrough = 0

  async localChanges(afterSeq: number, limit: number) {
    if (afterSeq < this.prunedThrough) return { lastSeq: this.journal.length, states: [], complete: false }
    const entries = this.journal.filter((entry) => entry.seq > afterSeq).slice(0, limit)
    const lastSeq = entries.at(-1)?.seq ?? afterSeq
    const latest = new Map<string, JournalEntry>()
    for (const entry of entries) if (entry.origin === 'local') latest.set(documentId(entry.table, entry.id), entry)
    const states = [...latest.values()].flatMap((entry) => {
      const state = this.stateOf(entry.table, entry.id)
      return state ? [state] : []
    })
    return { lastSeq, states, complete: true }
  }

  async latestSeq() {
    return this.journal.length
  }

  async states(keys: readonly { table: SyncedTable; id: string }[]) {
    const found = new Map<string, RecordState>()
    for (const { table, id } of keys) {
      const state = this.stateOf(table, id)
      if (state) found.set(documentId(table, id), state)
    }
    return found
  }

  async applyRemote(states: readonly RecordState[], pendingAfterSeq: number) {
    const pending = new Set(this.journal.filter((entry) => entry.seq > pendingAfterSeq && entry.origin === 'local').map((entry) => documentId(entry.table, entry.id)))
    const skipped = new Set<string>()
    for (const state of states) {
      const key = documentId(state.table, state.id)
      if (pending.has(key)) {
        skipped.add(key)
        continue
      }
      if (state.kind === 'record') {
        this.tables.get(state.table)!.set(state.id, structuredClone(state.record))
        this.tombstones.delete(state.id)
      } else {
        this.tables.get(state.table)!.delete(state.id)
        this.tombstones.set(state.id, { ...state.tombstone })
      }
      this.log(state.table, state.id, 'remote')
    }
    return skipped
  }

  async scan(cursor: ScanCursor, limit: number) {
    const states: RecordState[] = []
    let { tableIndex, afterId } = cursor
    while (tableIndex <= SYNCED_TABLES.length && states.length < limit) {
      const ids =
        tableIndex < SYNCED_TABLES.length
          ? [...this.tables.get(SYNCED_TABLES[tableIndex]!)!.keys()]
          : [...this.tombstones.keys()]
      const next = ids.sort().filter((id) => id > afterId).slice(0, limit - states.length)
      for (const id of next) {
        const table = tableIndex < SYNCED_TABLES.length ? SYNCED_TABLES[tableIndex]! : this.tombstones.get(id)!.table
        states.push(this.stateOf(table, id)!)
        afterId = id
      }
      if (states.length < limit) {
        tableIndex++
        afterId = ''
      }
    }
    return { states, next: tableIndex > SYNCED_TABLES.length ? null : { tableIndex, afterId } }
  }

  async recordCount() {
    let count = this.tombstones.size
    for (const rows of this.tables.values()) count += rows.size
    return count
  }

  checkpoint: number | null = null

  async saveOutboxCheckpoint(seq: number) {
    this.checkpoint = seq
  }

  async removeOutboxCheckpoint() {
    this.checkpoint = null
  }

  async currentCoderId() {
    return this.coder
  }
}
