import { isActorKind, isStance } from '../../domain/model'

// What a record of each table must look like to be restored. Fields we know are checked by
// type; fields we do not know (added by a later schema) are kept untouched. Tables with no
// validator here only need a valid primary key.

type Check = (record: Record<string, unknown>) => string | null

const isString = (value: unknown): value is string => typeof value === 'string'
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function strings(...fields: string[]): Check {
  return (record) => {
    for (const field of fields) if (!isString(record[field])) return `${field} must be text`
    return null
  }
}

function nullableString(field: string): Check {
  return (record) => (record[field] === null || isString(record[field]) ? null : `${field} must be text or empty`)
}

const anchor: Check = (record) => {
  const value = record.anchor
  if (!isRecord(value)) return 'anchor must be an object'
  for (const field of ['exact', 'prefix', 'suffix']) if (!isString(value[field])) return `anchor.${field} must be text`
  const { start, end } = value
  if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) < (start as number)) {
    return 'anchor.start and anchor.end must be whole numbers with 0 ≤ start ≤ end'
  }
  return null
}

/**
 * A field's value for a message. Decoded backup values can be BigInts, dates or binary, which
 * JSON.stringify throws on or flattens; text is quoted and cut short.
 */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

const VALIDATORS: Record<string, Check[]> = {
  articles: [
    strings('id', 'title', 'source', 'author', 'publishedAt', 'url', 'language', 'body', 'contentHash', 'importedAt', 'origin', 'updatedAt'),
    (record) => (record.direction === 'ltr' || record.direction === 'rtl' ? null : 'direction must be "ltr" or "rtl"'),
    (record) =>
      isRecord(record.meta) && Object.values(record.meta).every(isString) ? null : 'meta must be an object of text values',
  ],
  actors: [
    strings('id', 'name', 'notes', 'createdAt', 'updatedAt'),
    (record) => (isActorKind(record.kind) ? null : `kind ${shown(record.kind)} is not an actor kind`),
    (record) => (Array.isArray(record.aliases) && record.aliases.every(isString) ? null : 'aliases must be a list of text'),
  ],
  issues: [strings('id', 'label', 'description', 'createdAt', 'updatedAt'), nullableString('parentId')],
  claims: [
    strings('id', 'articleId', 'actorId', 'issueId', 'date', 'note', 'createdAt', 'updatedAt'),
    (record) => (isStance(record.stance) ? null : 'stance must be a whole number from −2 to +2'),
    nullableString('addresseeId'),
    anchor,
  ],
  mentions: [strings('id', 'articleId', 'actorId', 'createdAt', 'updatedAt'), anchor],
  settings: [strings('key')],
}

/** Whether a value can be an IndexedDB key we restore (string or finite number, as our tables use). */
export function isValidKey(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))
}

/** The first problem with a record, in words, or null when it can be restored. */
export function validateRecord(table: string, primaryKey: string, value: unknown, fullCheck: boolean): string | null {
  if (!isRecord(value)) return 'is not an object'
  if (!isValidKey(value[primaryKey])) return `has no valid ${primaryKey}`
  if (!fullCheck) return null
  for (const check of Object.hasOwn(VALIDATORS, table) ? VALIDATORS[table]! : []) {
    const problem = check(value)
    if (problem) return problem
  }
  return null
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
    { table: 'claims', field: 'issueId', target: issues, what: ['claim refers to an issue', 'claims refer to an issue'] },
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
      if (!check.target.has(value)) count++
    }
    if (count > 0) warnings.push({ count, message: `${count} ${check.what[count === 1 ? 0 : 1]} that is not in the backup` })
  }
  return warnings
}
