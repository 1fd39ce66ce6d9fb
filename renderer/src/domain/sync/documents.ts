// How workspace records travel as CouchDB documents (issue 14). Pure: no PouchDB, no Dexie.
//
// One document per record, `_id` = "<table>:<uuid>" ("claims:6f1c…"):
// - the table is part of the id, so a server cannot move a record into another table (the
//   body's `table` must repeat it), each table is one key range of _all_docs, and ids of
//   different tables can never collide;
// - a record is `{ table, schema, record }`, its fields under `record`, so none can clash with
//   CouchDB's own `_` fields;
// - a deletion is NOT CouchDB's `_deleted`: it is the next revision of the same document,
//   `{ table, schema, tombstone: { deletedAt, deletedBy } }` (the workspace's tombstone record).
//   A deletion made on one side and an edit made on the other are then two live leaves of one
//   document, which CouchDB reports in `_conflicts` like any other conflict, and both stay
//   visible until a member resolves them. Had the deletion been `_deleted`, CouchDB would hide
//   it behind the edit (a deleted leaf never wins and is not listed in `_conflicts`).
//   `_deleted` is used only to close the losing branches of a resolved conflict, as CouchDB's
//   documentation prescribes; a document deleted whole on the server (by some other tool) is
//   read as a deletion.

export const SYNCED_TABLES = ['articles', 'actors', 'issues', 'claims', 'mentions', 'coders', 'assignments'] as const
export type SyncedTable = (typeof SYNCED_TABLES)[number]

export function isSyncedTable(value: unknown): value is SyncedTable {
  return typeof value === 'string' && (SYNCED_TABLES as readonly string[]).includes(value)
}

/** A record of a synced table as the workspace stores it. */
export type WorkspaceRecord = { id: string } & Record<string, unknown>

export interface Tombstone {
  id: string
  table: SyncedTable
  deletedAt: string
  deletedBy: string
}

/** What a document says about one record: it exists with these fields, or it was deleted. */
export type RecordState = { kind: 'record'; table: SyncedTable; id: string; record: WorkspaceRecord } | { kind: 'deleted'; table: SyncedTable; id: string; tombstone: Tombstone }

export interface DocumentBody {
  _id: string
  table: SyncedTable
  /** The workspace schema version that wrote it; a newer one than ours is refused, not flattened. */
  schema: number
  record?: WorkspaceRecord
  tombstone?: { deletedAt: string; deletedBy: string }
}

export function documentId(table: SyncedTable, id: string): string {
  return `${table}:${id}`
}

/** The table and record id of a document id, or null for an id that is not a workspace record. */
export function parseDocumentId(docId: string): { table: SyncedTable; id: string } | null {
  const colon = docId.indexOf(':')
  if (colon < 0) return null
  const table = docId.slice(0, colon)
  const id = docId.slice(colon + 1)
  return isSyncedTable(table) && id !== '' ? { table, id } : null
}

/** The document body for a record's current state (no `_rev`: the revision store adds it). */
export function toDocument(state: RecordState, schema: number): DocumentBody {
  const _id = documentId(state.table, state.id)
  if (state.kind === 'record') return { _id, table: state.table, schema, record: state.record }
  return { _id, table: state.table, schema, tombstone: { deletedAt: state.tombstone.deletedAt, deletedBy: state.tombstone.deletedBy } }
}

/**
 * Deep equality of two JSON-like values, key order ignored: the same record read from
 * IndexedDB and parsed from the server's JSON must compare equal.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]))
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined)
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined)
  if (aKeys.length !== bKeys.length) return false
  return aKeys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

/** Whether two states say the same thing: the same fields, or both deleted. */
export function sameState(a: RecordState | null, b: RecordState | null): boolean {
  if (a === null || b === null) return a === b
  if (a.kind !== b.kind || a.table !== b.table || a.id !== b.id) return false
  if (a.kind === 'deleted' && b.kind === 'deleted') return true
  return a.kind === 'record' && b.kind === 'record' && sameValue(a.record, b.record)
}
