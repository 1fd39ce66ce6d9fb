import { sameValue, type RecordState, type SyncedTable, type WorkspaceRecord } from './documents'

// A conflict: two members changed the same record while apart, and CouchDB kept both versions
// (revisions). The workspace shows CouchDB's deterministic winner until a member resolves it:
// keeps one version, or merges them field by field. Pure helpers for the Conflicts list.

export interface ConflictVersion {
  /** CouchDB revision id. */
  rev: string
  state: RecordState
  /** Whether CouchDB currently picks this version (the one the workspace shows). */
  winner: boolean
}

export interface Conflict {
  table: SyncedTable
  id: string
  versions: ConflictVersion[]
}

/** Fields whose values differ between any two versions, in the records' field order. */
export function differingFields(versions: readonly ConflictVersion[]): string[] {
  const records = versions.flatMap((version) => (version.state.kind === 'record' ? [version.state.record] : []))
  const fields: string[] = []
  for (const record of records) for (const field of Object.keys(record)) if (!fields.includes(field)) fields.push(field)
  return fields.filter((field) => records.some((record) => !sameValue(record[field], records[0]?.[field])) || records.length < versions.length)
}

/** Fields a member can pick from either side: the id and bookkeeping times are not choices. */
export function choosableFields(versions: readonly ConflictVersion[]): string[] {
  return differingFields(versions).filter((field) => !['id', 'createdAt', 'updatedAt', 'updatedBy'].includes(field))
}

/**
 * A record merged from the versions: each field from the version picked for it (the base
 * version for fields not picked), stamped as edited now by the member who resolved it.
 */
export function mergeFields(base: WorkspaceRecord, picks: Readonly<Record<string, WorkspaceRecord>>, stamp: { at: string; by: string | null }): WorkspaceRecord {
  const merged: WorkspaceRecord = { ...base }
  for (const [field, source] of Object.entries(picks)) {
    if (field === 'id' || !Object.hasOwn(source, field)) continue
    merged[field] = source[field]
  }
  if ('updatedAt' in merged) merged.updatedAt = stamp.at
  if (stamp.by !== null && 'updatedBy' in merged) merged.updatedBy = stamp.by
  return merged
}

/** A short text of a field's value for the side-by-side view. */
export function shownValue(value: unknown): string {
  if (value === undefined) return '—'
  if (typeof value === 'string') return value === '' ? '(empty)' : value.length > 300 ? `${value.slice(0, 300)}…` : value
  if (value === null) return '(none)'
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const json = JSON.stringify(value)
  return json.length > 300 ? `${json.slice(0, 300)}…` : json
}
