import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openWorkspace, StandpointDB } from '../../../renderer/src/db/database'
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../renderer/src/db/schema'
import { describeStorageError } from '../../../renderer/src/db/storageErrors'
import { FIXTURES_BY_VERSION } from './schemaFixtures'

let counter = 0
const uniqueName = (): string => `migration-test-${++counter}-${Date.now()}`

async function writeAtVersion(name: string, version: number, tables: Record<string, Record<string, unknown>[]> = FIXTURES_BY_VERSION[version]!.tables): Promise<void> {
  const old = new StandpointDB(name, version)
  await old.open()
  await old.transaction('rw', Object.keys(tables), async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows)
  })
  old.close()
}

/** An older record as v4 holds it: a claim's one issue becomes its list of issues. */
function asUpgraded(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table !== 'claims') return row
  const { issueId, ...rest } = row
  return { ...rest, issueIds: [issueId] }
}

describe('schema migrations', () => {
  it('has a fixture for every version older than the newest', () => {
    for (const entry of SCHEMA_VERSIONS.slice(0, -1)) {
      expect(FIXTURES_BY_VERSION[entry.version], `fixture for schema v${entry.version}`).toBeDefined()
    }
  })

  for (const entry of SCHEMA_VERSIONS.slice(0, -1)) {
    it(`upgrades a database written at v${entry.version} to v${LATEST_SCHEMA_VERSION} with every record intact`, async () => {
      const name = uniqueName()
      await writeAtVersion(name, entry.version)

      const db = new StandpointDB(name)
      await db.open()
      expect(db.verno).toBe(LATEST_SCHEMA_VERSION)
      const fixture = FIXTURES_BY_VERSION[entry.version]!
      for (const [table, rows] of Object.entries(fixture.tables)) {
        // (v4 adds one setting of its own, the current coder, checked below.)
        const stored = (await db.table(table).toArray()).filter((record: Record<string, unknown>) => table !== 'settings' || record.key !== 'currentCoderId')
        expect(stored, table).toHaveLength(rows.length)
        const primaryKey = db.table(table).schema.primKey.keyPath as string
        for (const row of rows) {
          const upgraded = stored.find((candidate: Record<string, unknown>) => candidate[primaryKey] === row[primaryKey]) as Record<string, unknown>
          // Every field the old version wrote is still there with the same value (a claim's
          // issueId as the one entry of its issueIds)...
          expect(upgraded, `${table} ${String(row[primaryKey])}`).toMatchObject(asUpgraded(table, row))
          // ...and the fields newer versions rely on now exist.
          if (table !== 'settings') expect(typeof upgraded.updatedAt, `${table}.updatedAt`).toBe('string')
        }
      }
      const article = (await db.articles.get('a1'))!
      expect(article.meta).toEqual({})
      expect(article.updatedAt).toBe('2025-01-02T10:00:00.000Z')
      const claim = (await db.claims.get('c1'))!
      expect(claim.addresseeId).toBeNull()
      expect(claim.updatedAt).toBe('2025-01-02T11:00:00.000Z')
      expect((await db.issues.get('i1'))!.parentId).toBeNull()
      // v4: the work already coded belongs to one default coder, the current one.
      const coders = await db.coders.toArray()
      expect(coders).toHaveLength(1)
      expect(coders[0]).toMatchObject({ name: 'Coder 1', color: '#0072b2', role: 'lead' })
      expect(Object.keys(coders[0]!).sort()).toEqual(['color', 'createdAt', 'id', 'name', 'role', 'updatedAt'])
      const coderId = coders[0]!.id
      expect(await db.settings.get('currentCoderId')).toEqual({ key: 'currentCoderId', value: coderId })
      expect(await db.settings.count()).toBe((fixture.tables.settings?.length ?? 0) + 1)
      for (const claim of await db.claims.toArray()) {
        expect(claim).toMatchObject({ coderId, updatedBy: coderId, externalId: '', attributes: {}, adjudicatedFrom: [] })
        expect(claim).not.toHaveProperty('issueId')
      }
      for (const mention of await db.mentions.toArray()) expect(mention).toMatchObject({ coderId, updatedBy: coderId })
      for (const actor of await db.actors.toArray()) expect(actor).toMatchObject({ attributes: {}, updatedBy: '' })
      for (const issue of await db.issues.toArray()) expect(issue).toMatchObject({ code: '', updatedBy: '' })
      for (const article of await db.articles.toArray()) expect(article.externalId).toBe('')
      expect(await db.assignments.count()).toBe(0)
      expect(await db.tombstones.count()).toBe(0)
      // Rewriting records in the upgrade is not a change anyone follows: the journal starts empty.
      expect(await db.journal.count()).toBe(0)
      // The indexes the queries use answer over the upgraded data...
      const claims = fixture.tables.claims!
      const count = (field: string, value: unknown): number => claims.filter((row) => row[field] === value).length
      expect(await db.claims.where('actorId').equals('p1').count()).toBe(count('actorId', 'p1'))
      expect(await db.claims.where('issueIds').equals('i1').count()).toBe(count('issueId', 'i1'))
      expect(await db.claims.where('coderId').equals(coderId).count()).toBe(claims.length)
      expect(await db.mentions.where('coderId').equals(coderId).count()).toBe(fixture.tables.mentions!.length)
      expect(await db.claims.where('articleId').equals('a1').count()).toBe(count('articleId', 'a1'))
      expect(await db.claims.where('addresseeId').equals('p2').count()).toBe(count('addresseeId', 'p2'))
      expect(await db.mentions.where('articleId').equals('a1').count()).toBe(fixture.tables.mentions!.length)
      expect(await db.articles.where('updatedAt').above('').count()).toBe(fixture.tables.articles!.length)
      db.close()
    })
  }

  it('declares exactly the indexes the queries use', async () => {
    const db = new StandpointDB(uniqueName())
    await db.open()
    const indexes = Object.fromEntries(db.tables.map((table) => [table.name, table.schema.indexes.map((index) => index.name).sort()]))
    expect(indexes).toEqual({
      articles: ['contentHash', 'externalId', 'importedAt', 'publishedAt', 'source', 'updatedAt'],
      actors: ['name'],
      issues: ['code', 'label', 'parentId'],
      claims: ['actorId', 'addresseeId', 'articleId', 'coderId', 'externalId', 'issueIds'],
      mentions: ['actorId', 'articleId', 'coderId'],
      coders: ['name'],
      assignments: [],
      tombstones: ['deletedAt', 'table'],
      settings: [],
      journal: ['total'],
    })
    // The dropped ones are gone from the database itself, not only from the declaration.
    const idb = db.backendDB()
    const stored = (name: string): string[] => [...idb.transaction(name).objectStore(name).indexNames].sort()
    expect(stored('claims')).toEqual(['actorId', 'addresseeId', 'articleId', 'coderId', 'externalId', 'issueIds'])
    expect(idb.transaction('claims').objectStore('claims').index('issueIds').multiEntry).toBe(true)
    expect(stored('actors')).toEqual(['name'])
    db.close()
  })

  it('drops the unused indexes from a database upgraded from v2', async () => {
    const name = uniqueName()
    await writeAtVersion(name, 2)
    const db = new StandpointDB(name)
    await db.open()
    const idb = db.backendDB()
    const stored = (table: string): string[] => [...idb.transaction(table).objectStore(table).indexNames].sort()
    expect(stored('claims')).toEqual(['actorId', 'addresseeId', 'articleId', 'coderId', 'externalId', 'issueIds'])
    expect(stored('actors')).toEqual(['name'])
    expect(stored('issues')).toEqual(['code', 'label', 'parentId'])
    expect(stored('mentions')).toEqual(['actorId', 'articleId', 'coderId'])
    expect(stored('articles')).toEqual(['contentHash', 'externalId', 'importedAt', 'publishedAt', 'source', 'updatedAt'])
    // An addressee is found through its index, and the settings survive as they were.
    expect((await db.claims.where('addresseeId').anyOf(['p2']).toArray()).map((claim) => claim.id)).toEqual(['c2'])
    expect(await db.settings.get('positions.view')).toEqual({ key: 'positions.view', value: { bucketSize: 'quarter', mode: 'actor' } })
    db.close()
  })

  it('opens a fresh database at the newest version', async () => {
    const db = new StandpointDB(uniqueName())
    await db.open()
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION)
    expect(db.tables.map((table) => table.name).sort()).toEqual(['actors', 'articles', 'assignments', 'claims', 'coders', 'issues', 'journal', 'mentions', 'settings', 'tombstones'])
    expect(db.workspaceTables.map((table) => table.name)).not.toContain('journal')
    db.close()
  })

  it('creates no coder when upgrading a workspace with nothing coded', async () => {
    const name = uniqueName()
    const { articles, actors, issues, settings } = FIXTURES_BY_VERSION[3]!.tables
    await writeAtVersion(name, 3, { articles: articles!, actors: actors!, issues: issues!, settings: settings! })
    const db = new StandpointDB(name)
    await db.open()
    expect(await db.coders.count()).toBe(0)
    expect(await db.settings.get('currentCoderId')).toBeUndefined()
    expect((await db.actors.toArray()).every((actor) => actor.updatedBy === '' && Object.keys(actor.attributes).length === 0)).toBe(true)
    db.close()
  })

  it('refuses, with a clear message, a database written by a newer release', async () => {
    const name = uniqueName()
    const future = new Dexie(name)
    future.version(LATEST_SCHEMA_VERSION + 5).stores({ articles: 'id', somethingNew: 'id' })
    await future.open()
    future.close()

    const db = new StandpointDB(name)
    const error = await openWorkspace(db).then(
      () => null,
      (caught: unknown) => caught,
    )
    expect(error).not.toBeNull()
    expect(describeStorageError(error, 'open the workspace')).toMatch(/newer version of Standpoint/)
    // Nothing was written into the newer database.
    const after = new Dexie(name)
    await after.open()
    expect(after.tables.map((table) => table.name).sort()).toEqual(['articles', 'somethingNew'])
    after.close()
  })
})
