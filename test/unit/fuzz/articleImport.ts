import fc from 'fast-check'
import { expect } from 'vitest'
import { validateRecord } from '../../../renderer/src/db/backup/validate'
import { StandpointDB } from '../../../renderer/src/db/database'
import { contentHash } from '../../../renderer/src/domain/contentHash'
import type { DateOrder, MappableField, MappingOptions } from '../../../renderer/src/domain/import/types'
import { MAPPABLE_FIELDS } from '../../../renderer/src/domain/import/types'
import type { CollectionPreview, FileOutcome } from '../../../renderer/src/features/import/importTypes'
import { ImportSession } from '../../../renderer/src/features/import/worker/importSession'
import type { FuzzFile } from './mutations'

// One fuzz input through the import worker's own session (the code the app runs in its import
// worker, minus postMessage), into a fake IndexedDB, then the properties every import keeps:
// nothing throws, the file ends imported, duplicate or rejected with a reason, every row of a
// collection is accounted for, and the database holds exactly the articles reported, each whole.

let databases = 0

export async function freshDatabase(label: string): Promise<StandpointDB> {
  const db = new StandpointDB(`fuzz-${label}-${++databases}-${Date.now()}`)
  await db.open()
  return db
}

/** How the analyst answers the mapping step: the proposed mapping, or one with fields moved. */
export interface MappingChoice {
  /** Per field: keep the proposal, clear it, or take the column at this index (modulo). */
  changes: Partial<Record<MappableField, 'keep' | 'clear' | number>>
  dateOrder: DateOrder | 'proposed'
  defaultSource: string
}

export const mappingChoiceArbitrary: fc.Arbitrary<MappingChoice> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<MappingChoice>({ changes: {}, dateOrder: 'proposed', defaultSource: '' }) },
  {
    weight: 2,
    arbitrary: fc.record({
      changes: fc.dictionary(fc.constantFrom(...MAPPABLE_FIELDS), fc.oneof(fc.constant('keep' as const), fc.constant('clear' as const), fc.nat({ max: 50 })), { maxKeys: 3 }),
      dateOrder: fc.constantFrom('dmy' as const, 'mdy' as const, 'proposed' as const),
      defaultSource: fc.constantFrom('', 'Wire', '  ', 'وكالة'),
    }),
  },
)

function mappingFor(preview: CollectionPreview, choice: MappingChoice): MappingOptions {
  const mapping = { ...preview.proposed }
  for (const [field, change] of Object.entries(choice.changes) as [MappableField, MappingChoice['changes'][MappableField]][]) {
    if (change === 'clear') mapping[field] = null
    else if (typeof change === 'number' && preview.columns.length > 0) mapping[field] = preview.columns[change % preview.columns.length]!
  }
  return { mapping, defaultSource: choice.defaultSource, dateOrder: choice.dateOrder === 'proposed' ? preview.dateOrder : choice.dateOrder }
}

// C0 controls but tab and newline, DEL, C1 controls, the BOM: the normaliser removes them all.
// eslint-disable-next-line no-control-regex -- the point is to find control codes
const STRAY_CODES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/

/** A reason a user reads: words, not an internal error or a stringified nothing. */
export function expectReason(reason: unknown): void {
  expect(typeof reason).toBe('string')
  const text = reason as string
  expect(text.trim().length).toBeGreaterThan(0)
  // Reasons may quote the file (which can say "undefined"), but never print an object.
  expect(text).not.toContain('[object Object]')
  // The session's catch-all for a parser bug: "Could not read this file (<exception>)".
  expect(text, 'an internal error reached the user instead of a reason').not.toMatch(/^Could not read this file \(/)
}

let stamps = 0

/** Imports one file and checks every property; returns a one-word outcome for the tally. */
export async function importAndCheck(db: StandpointDB, input: FuzzFile, choice: MappingChoice): Promise<string> {
  // Each run stamps its articles with its own importedAt, which tells them from earlier runs'.
  const importedAt = new Date(Date.UTC(2030, 0, 1) + ++stamps * 1000).toISOString()
  const before = await db.articles.count()
  const session = new ImportSession(db, importedAt)
  const outcomes: FileOutcome[] = []
  const step = await session.inspectFile('f', input.name, input.bytes.slice(), null)
  outcomes.push(...step.outcomes)
  let options: MappingOptions | null = null
  let preview: CollectionPreview | null = null
  if (step.inspect?.type === 'rejected') expectReason(step.inspect.reason)
  if (step.inspect?.type === 'needs-mapping') {
    preview = step.inspect.preview
    expect(new Set(preview.columns).size, 'column names are unique').toBe(preview.columns.length)
    expect(preview.columns.every((column) => column !== '')).toBe(true)
    options = mappingFor(preview, choice)
    outcomes.push(...(await session.importCollection('f', options)).outcomes)
  }
  outcomes.push(...(await session.finish()).outcomes)

  const mine = outcomes.filter((outcome) => outcome.fileId === 'f')
  expect(mine, 'exactly one outcome for the file').toHaveLength(1)
  const outcome = mine[0]!
  expect(['imported', 'duplicate', 'rejected']).toContain(outcome.status)
  for (const reason of outcome.rejections) expectReason(reason)
  if (outcome.status === 'rejected') expect(outcome.rejections.length, 'a rejected file says why').toBeGreaterThan(0)
  if (outcome.status === 'imported') expect(outcome.imported).toBeGreaterThan(0)
  if (outcome.status === 'duplicate') expect(outcome.duplicates.length).toBeGreaterThan(0)

  if (preview && options) {
    expect(outcome.total).toBe(preview.recordCount + preview.rejectedRowCount)
    if (options.mapping.body === null) {
      expect(outcome.status).toBe('rejected')
      expect(outcome.imported).toBe(0)
    } else {
      // Every row ends imported, duplicate or refused with its reason.
      expect(outcome.imported + outcome.duplicates.length + outcome.rejections.length, 'rows accounted for').toBe(outcome.total)
    }
  } else {
    expect(outcome.imported).toBeLessThanOrEqual(1)
    expect(outcome.imported + outcome.duplicates.length + (outcome.status === 'rejected' ? 1 : 0)).toBe(1)
  }

  // The database holds exactly what the summary reports, each article whole.
  const added = await db.articles.where('importedAt').equals(importedAt).toArray()
  expect(added, 'articles stored = articles reported').toHaveLength(outcome.imported)
  expect(await db.articles.count()).toBe(before + outcome.imported)
  for (const article of added) {
    expect(validateRecord('articles', 'id', article, true), `article ${article.origin} is whole`).toBeNull()
    expect(article.body.trim()).not.toBe('')
    expect(article.body).not.toMatch(STRAY_CODES)
    expect(article.body).not.toMatch(/\r/)
    for (const line of [article.title, article.source, article.author, article.url]) expect(line).not.toMatch(/[\r\n]/)
    expect(article.contentHash).toBe(await contentHash(article.body))
    expect(article.updatedAt).toBe(importedAt)
    expect(article.publishedAt === '' || /^\d{4}-\d{2}-\d{2}/.test(article.publishedAt), `date ${article.publishedAt}`).toBe(true)
    expect(article.origin.startsWith(preview ? `${preview.format}:${input.name}#` : `file:${input.name}`)).toBe(true)
    // No two articles with the same text.
    expect(await db.articles.where('contentHash').equals(article.contentHash).count()).toBe(1)
  }
  return outcome.status
}
