import { RECORD_SCHEMAS } from '../../domain/model'
import { firstProblem } from '../../domain/validation'

// What a record of each table must look like to be restored: the record schemas of
// domain/model.ts. Fields we know are checked by type; fields we do not know (added by a
// later schema) pass and are kept untouched, because the record restored is the one read,
// not the schema's output. Tables with no schema only need a valid primary key.

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Whether a value can be an IndexedDB key we restore (string or finite number, as our tables use). */
export function isValidKey(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))
}

/** The first problem with a record, in words, or null when it can be restored. */
export function validateRecord(table: string, primaryKey: string, value: unknown, fullCheck: boolean): string | null {
  if (!isRecord(value)) return 'is not an object'
  if (!isValidKey(value[primaryKey])) return `has no valid ${primaryKey}`
  if (!fullCheck || !Object.hasOwn(RECORD_SCHEMAS, table)) return null
  return firstProblem(RECORD_SCHEMAS[table as keyof typeof RECORD_SCHEMAS], value)
}

export interface ReferenceWarning {
  message: string
  count: number
}

/** References that point outside the backup (a claim whose article is missing, ...). Restored as they are. */
export function findDanglingReferences(tables: ReadonlyMap<string, unknown[]>): ReferenceWarning[] {
  const ids = (name: string): Set<unknown> => new Set((tables.get(name) ?? []).map((row) => (row as Record<string, unknown>).id))
  const articles = ids('articles')
  const actors = ids('actors')
  const issues = ids('issues')
  const checks: { table: string; field: string; target: Set<unknown>; what: [string, string]; nullable?: boolean }[] = [
    { table: 'claims', field: 'articleId', target: articles, what: ['claim refers to an article', 'claims refer to an article'] },
    { table: 'claims', field: 'actorId', target: actors, what: ['claim refers to an actor', 'claims refer to an actor'] },
    { table: 'claims', field: 'issueIds', target: issues, what: ['claim refers to an issue', 'claims refer to an issue'] },
    { table: 'claims', field: 'addresseeId', target: actors, what: ['claim names an addressee', 'claims name an addressee'], nullable: true },
    { table: 'mentions', field: 'articleId', target: articles, what: ['mention refers to an article', 'mentions refer to an article'] },
    { table: 'mentions', field: 'actorId', target: actors, what: ['mention refers to an actor', 'mentions refer to an actor'] },
    { table: 'issues', field: 'parentId', target: issues, what: ['issue names a parent issue', 'issues name a parent issue'], nullable: true },
  ]
  const warnings: ReferenceWarning[] = []
  for (const check of checks) {
    let count = 0
    for (const row of tables.get(check.table) ?? []) {
      const value = (row as Record<string, unknown>)[check.field]
      if (check.nullable && (value === null || value === undefined)) continue
      // A list of references (a claim's issues) dangles when any of them does.
      if (Array.isArray(value) ? value.some((entry) => !check.target.has(entry)) : !check.target.has(value)) count++
    }
    if (count > 0) warnings.push({ count, message: `${count} ${check.what[count === 1 ? 0 : 1]} that is not in the backup` })
  }
  return warnings
}
