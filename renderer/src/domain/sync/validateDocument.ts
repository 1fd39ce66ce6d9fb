import * as v from 'valibot'
import { RECORD_SCHEMAS } from '../model'
import { firstProblem, shown } from '../validation'
import { parseDocumentId, type RecordState, type SyncedTable, type WorkspaceRecord } from './documents'

// Every document that comes from the server is checked here before it can reach the workspace:
// a server (or a member's modified client) may send anything. A refused document never enters
// the workspace; the reason is kept for the user to see (Team sync › Refused documents).

/** Characters of text an article body may hold; the rest of a record's text is held to FIELD_TEXT_LIMIT. */
export const BODY_TEXT_LIMIT = 20_000_000
export const FIELD_TEXT_LIMIT = 100_000
/** Entries of one list or keys of one object (an assignment lists its articles; an article keeps its attributes). */
export const COLLECTION_LIMIT = 200_000
/** Objects nested in objects: records are at most four deep (a claim's anchor, an attribute's values). */
export const DEPTH_LIMIT = 8

/** Keys that would reach an object's prototype when a record is copied or merged. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export type ValidatedDocument = { ok: true; state: RecordState } | { ok: false; reason: string }

const refuse = (reason: string): ValidatedDocument => ({ ok: false, reason })

/**
 * The first thing wrong with a value's shape as JSON: a forbidden key, nesting too deep, a list
 * or text too long. Walks own keys only, so a `__proto__` key JSON.parse made an own property
 * is found before anything copies the object.
 */
function shapeProblem(value: unknown, path: string, depth: number, textLimit: (path: string) => number): string | null {
  if (typeof value === 'string') {
    const limit = textLimit(path)
    return value.length > limit ? `${path} is too large (${value.length.toLocaleString('en')} characters; at most ${limit.toLocaleString('en')})` : null
  }
  if (value === null || typeof value !== 'object') return null
  if (depth > DEPTH_LIMIT) return `${path} is nested too deeply`
  // A "__proto__" key that a copy on the way turned into a real prototype.
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) return `${path} has the forbidden key "__proto__"`
  const keys = Object.keys(value)
  if (keys.length > COLLECTION_LIMIT) return `${path} has too many entries (${keys.length.toLocaleString('en')})`
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) return `${path} has the forbidden key "${key}"`
    const problem = shapeProblem((value as Record<string, unknown>)[key], Array.isArray(value) ? path : `${path}.${key}`, depth + 1, textLimit)
    if (problem) return problem
  }
  return null
}

const TombstoneFieldsSchema = v.object({
  deletedAt: v.string('must be text'),
  deletedBy: v.string('must be text'),
})

/**
 * Checks a document from the server and reads the record state it carries.
 * @param latestSchema the workspace schema this app writes: a document from a newer one is
 *   refused (applying it would drop the fields this version does not know, and an edit here
 *   would then push the loss back).
 */
export function validateDocument(doc: unknown, latestSchema: number): ValidatedDocument {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return refuse('is not an object')
  const body = doc as Record<string, unknown>
  const docId = body._id
  if (typeof docId !== 'string') return refuse('has no document id')
  if (docId.length > 300) return refuse('has a document id longer than 300 characters')
  const parsed = parseDocumentId(docId)
  if (!parsed) {
    const table = docId.includes(':') ? docId.slice(0, docId.indexOf(':')) : docId
    return refuse(`belongs to no workspace table (${shown(table)})`)
  }
  // eslint-disable-next-line no-control-regex -- control characters have no place in an id
  if (/[\u0000-\u001f\u007f]/.test(parsed.id)) return refuse('has control characters in its id')
  const shape = shapeProblem(body, 'document', 0, (path) => (parsed.table === 'articles' && path === 'document.record.body' ? BODY_TEXT_LIMIT : FIELD_TEXT_LIMIT))
  if (shape) return refuse(shape.replace(/^document\.record\.|^document\./, ''))
  if (body.table !== parsed.table) return refuse(`says table ${shown(body.table)} but its id says ${parsed.table}`)
  if (typeof body.schema !== 'number' || !Number.isInteger(body.schema) || body.schema < 1) return refuse('has no schema version')
  if (body.schema > latestSchema) return refuse(`was written by a newer Standpoint (workspace schema v${body.schema}; this one knows up to v${latestSchema}): update Standpoint to receive it`)
  const hasRecord = body.record !== undefined
  const hasTombstone = body.tombstone !== undefined
  if (hasRecord === hasTombstone) return refuse('must hold either a record or a tombstone')
  if (hasTombstone) {
    const problem = firstProblem(TombstoneFieldsSchema, body.tombstone)
    if (problem) return refuse(`tombstone ${problem}`)
    const { deletedAt, deletedBy } = v.parse(TombstoneFieldsSchema, body.tombstone)
    return { ok: true, state: { kind: 'deleted', table: parsed.table, id: parsed.id, tombstone: { id: parsed.id, table: parsed.table, deletedAt, deletedBy } } }
  }
  return validateRecord(parsed.table, parsed.id, body.record)
}

function validateRecord(table: SyncedTable, id: string, record: unknown): ValidatedDocument {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return refuse('record is not an object')
  if ((record as { id?: unknown }).id !== id) return refuse(`record id ${shown((record as { id?: unknown }).id)} does not match the document id`)
  const schema = (RECORD_SCHEMAS as Readonly<Record<string, v.GenericSchema | undefined>>)[table]
  if (!schema) return refuse(`belongs to a table this Standpoint does not know (${table})`)
  const result = v.safeParse(schema, record, { abortEarly: true })
  if (!result.success) return refuse(`${table.replace(/s$/, '')} ${firstProblem(schema, record) ?? 'is invalid'}`)
  // The schema's output keeps only the fields it knows: nothing the server added rides along.
  return { ok: true, state: { kind: 'record', table, id, record: result.output as WorkspaceRecord } }
}
