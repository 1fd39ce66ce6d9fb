import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { canonicalJson, decodeValue, encodeValue } from '../../../renderer/src/db/backup/codec'
import { BACKUP_FORMAT_VERSION, BackupFileError } from '../../../renderer/src/db/backup/format'
import { BackupParser, parseBackupText } from '../../../renderer/src/db/backup/parseBackup'
import { prepareRestore, restoreBackup, type RestoreMode } from '../../../renderer/src/db/backup/restore'
import { backupChunks, readWorkspaceSnapshot } from '../../../renderer/src/db/backup/writeBackup'
import { StandpointDB } from '../../../renderer/src/db/database'
import { LATEST_SCHEMA_VERSION } from '../../../renderer/src/db/schema'
import { FIXTURES_BY_VERSION } from '../db/schemaFixtures'
import { trickyWorkspace } from './trickyWorkspace'

let counter = 0
async function freshDb(): Promise<StandpointDB> {
  const db = new StandpointDB(`backup-test-${++counter}-${Date.now()}`)
  await db.open()
  return db
}

/** Settings can hold anything IndexedDB can: the backup must bring all of it back. */
const ODD_SETTINGS = [
  { key: 'lastMapping', value: { actor: 2, issue: null, nested: { $: 'looks like a tag', v: [1, 2] } } },
  { key: 'seenAt', value: new Date('2025-01-02T03:04:05.678Z') },
  { key: 'weird numbers', value: [-0, NaN, Infinity, -Infinity, 1e-300] },
  { key: 'maybe', value: { present: undefined, gone: null } },
  { key: 'bytes', value: new Uint8Array([0, 1, 254, 255]) },
  { key: 'floats', value: new Float64Array([1.5, -2.25]) },
  { key: 'collections', value: { map: new Map<unknown, unknown>([['a', 1], [2, { b: [3] }]]), set: new Set(['x', 'y']) } },
  { key: 'big', value: 12345678901234567890n },
  { key: 'pattern', value: /a+b/gi },
]

async function seed(db: StandpointDB): Promise<void> {
  const workspace = trickyWorkspace()
  await db.transaction('rw', db.tables, async () => {
    await db.articles.bulkAdd(workspace.articles)
    await db.actors.bulkAdd(workspace.actors)
    await db.issues.bulkAdd(workspace.issues)
    await db.claims.bulkAdd(workspace.claims)
    await db.mentions.bulkAdd(workspace.mentions)
    await db.coders.bulkAdd(workspace.coders)
    await db.assignments.bulkAdd(workspace.assignments)
    await db.tombstones.bulkAdd(workspace.tombstones)
    await db.settings.bulkAdd(ODD_SETTINGS)
  })
}

/** Every table a backup holds (all but the local change journal). */
async function dump(db: StandpointDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of db.workspaceTables) out[table.name] = await table.toArray()
  return out
}

/** A record of an older schema as the v4 upgrade leaves it: a claim's one issue becomes its list of issues. */
function asUpgraded(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table !== 'claims') return row
  const { issueId, ...rest } = row
  return { ...rest, issueIds: [issueId] }
}

async function backupText(db: StandpointDB): Promise<string> {
  const snapshot = await readWorkspaceSnapshot(db)
  return [...backupChunks(snapshot, '0.1.0-test', '2025-02-01T00:00:00.000Z')].map((chunk) => chunk.text).join('')
}

async function restoreText(db: StandpointDB, text: string, mode: RestoreMode) {
  const prepared = await prepareRestore(parseBackupText(text), db)
  return restoreBackup(db, prepared, mode)
}

function replaceLine(text: string, find: (line: string) => boolean, change: (line: string) => string): string {
  return text
    .split('\n')
    .map((line) => (find(line) ? change(line) : line))
    .join('\n')
}

describe('backup value codec', () => {
  it('brings back every structured-clone value exactly', () => {
    for (const setting of ODD_SETTINGS) {
      const decoded = decodeValue(JSON.parse(JSON.stringify(encodeValue(setting.value))))
      expect(decoded).toStrictEqual(setting.value)
    }
    expect(Object.is(decodeValue(encodeValue(-0)), -0)).toBe(true)
    expect(Object.keys(decodeValue(encodeValue({ a: undefined })) as object)).toEqual(['a'])
  })

  it('compares records regardless of key order', () => {
    expect(canonicalJson({ a: 1, b: [{ c: 2, d: 3 }] })).toBe(canonicalJson({ b: [{ d: 3, c: 2 }], a: 1 }))
    expect(canonicalJson({ a: undefined })).not.toBe(canonicalJson({}))
  })
})

describe('workspace backup and restore', () => {
  it('round-trips every table, field and id exactly into an empty workspace', async () => {
    const source = await freshDb()
    await seed(source)
    const before = await dump(source)
    const text = await backupText(source)
    const target = await freshDb()
    const report = await restoreText(target, text, 'replace')
    expect(await dump(target)).toStrictEqual(before)
    expect(report.tables.map((table) => [table.table, table.added])).toEqual(Object.entries(before).map(([name, rows]) => [name, rows.length]))
    // A backup of the restored workspace is the same file.
    expect(await backupText(target)).toBe(text)
  })

  it('backup, wipe, restore: the same tables again (replace drops what came after)', async () => {
    const db = await freshDb()
    await seed(db)
    const before = await dump(db)
    const text = await backupText(db)
    await db.claims.clear()
    await db.actors.update('act-1', { name: 'Renamed', updatedAt: '2030-01-01T00:00:00.000Z' })
    await db.issues.add({ id: 'iss-new', label: 'Later', description: '', parentId: null, createdAt: 'x', updatedAt: 'x', code: '', updatedBy: '' })
    const report = await restoreText(db, text, 'replace')
    expect(await dump(db)).toStrictEqual(before)
    expect(report.tables.find((table) => table.table === 'issues')).toMatchObject({ removed: 3, added: 2, inWorkspaceAfter: 2 })
  })

  it('merges by id: newer updatedAt wins, nothing is dropped, and the report says what came from where', async () => {
    const db = await freshDb()
    await seed(db)
    const text = await backupText(db)
    // After the backup: one actor edited (newer than the backup), one claim deleted, one issue
    // added; and the backup's copy of another actor is made newer than the workspace's.
    await db.actors.update('act-1', { name: 'Nujaba (edited later)', updatedAt: '2025-06-01T00:00:00.000Z' })
    await db.claims.delete('clm-03')
    await db.issues.add({ id: 'iss-new', label: 'Added later', description: '', parentId: null, createdAt: '2025-06-01T00:00:00.000Z', updatedAt: '2025-06-01T00:00:00.000Z', code: '', updatedBy: '' })
    const newerInBackup = replaceLine(
      text,
      (line) => line.startsWith('["actors",') && line.includes('"act-3"'),
      (line) => line.replace('"name":"@Government"', '"name":"Government (from backup)"').replace(/"updatedAt":"[^"]+"/, '"updatedAt":"2026-01-01T00:00:00.000Z"'),
    )
    const sameTimeDifferent = replaceLine(
      newerInBackup,
      (line) => line.startsWith('["issues",') && line.includes('"iss-2"'),
      (line) => line.replace('"description":"d"', '"description":"changed in the backup, same time"'),
    )
    const report = await restoreText(db, sameTimeDifferent, 'merge')

    expect((await db.actors.get('act-1'))!.name).toBe('Nujaba (edited later)')
    expect((await db.actors.get('act-3'))!.name).toBe('Government (from backup)')
    expect(await db.claims.get('clm-03')).toBeDefined()
    expect(await db.issues.get('iss-new')).toBeDefined()
    expect((await db.issues.get('iss-2'))!.description).toBe('d')

    const byTable = Object.fromEntries(report.tables.map((table) => [table.table, table]))
    expect(byTable.actors).toMatchObject({ added: 0, updatedFromBackup: 1, keptFromWorkspace: 1, identical: 1, onlyInWorkspace: 0, inWorkspaceAfter: 3 })
    expect(byTable.claims).toMatchObject({ added: 1, identical: trickyWorkspace().claims.length - 1, inWorkspaceAfter: trickyWorkspace().claims.length })
    expect(byTable.issues).toMatchObject({ added: 0, keptFromWorkspace: 1, identical: 1, onlyInWorkspace: 1, inWorkspaceAfter: 3 })
    expect(report.conflicts.map((conflict) => [conflict.table, conflict.key, conflict.kept, conflict.reason])).toEqual([
      ['actors', 'act-1', 'workspace', 'the workspace’s version is newer'],
      ['actors', 'act-3', 'backup', 'the backup’s version is newer'],
      ['issues', 'iss-2', 'workspace', 'both versions have the same update time; the workspace’s was kept'],
    ])
  })

  it('writes nothing when the restore fails part way', async () => {
    const db = await freshDb()
    await seed(db)
    const text = await backupText(db)
    await db.actors.update('act-1', { name: 'Changed after backup', updatedAt: '2020-01-01T00:00:00.000Z' })
    const before = await dump(db)
    const claimsTable = db.tables.find((table) => table.name === 'claims')!
    const spy = vi.spyOn(claimsTable, 'bulkPut').mockRejectedValue(new Error('disk full'))
    await expect(restoreText(db, text, 'replace')).rejects.toThrow('disk full')
    spy.mockRestore()
    expect(await dump(db)).toStrictEqual(before)
  })

  it('restores a backup written by an older schema through the app’s own migrations', async () => {
    const fixture = FIXTURES_BY_VERSION[1]!
    const tables = { articles: 'id', actors: 'id', issues: 'id', claims: 'id', mentions: 'id' }
    const header = {
      format: 'standpoint-backup',
      formatVersion: 1,
      schemaVersion: 1,
      app: '0.0.1',
      createdAt: '2025-01-01T00:00:00.000Z',
      tables: Object.fromEntries(Object.entries(tables).map(([name, primaryKey]) => [name, { primaryKey, count: fixture.tables[name]?.length ?? 0 }])),
    }
    const lines = [JSON.stringify(header)]
    for (const name of Object.keys(tables)) for (const row of fixture.tables[name] ?? []) lines.push(JSON.stringify([name, encodeValue(row)]))
    lines.push(JSON.stringify({ end: true, counts: Object.fromEntries(Object.keys(tables).map((name) => [name, fixture.tables[name]?.length ?? 0])) }))
    const db = await freshDb()
    const prepared = await prepareRestore(parseBackupText(lines.join('\n') + '\n'), db)
    expect(prepared.upgradedFrom).toBe(1)
    await restoreBackup(db, prepared, 'replace')
    const article = (await db.articles.get('a1'))!
    expect(article).toMatchObject({ title: 'Militias pause attacks', meta: {}, updatedAt: '2025-01-02T10:00:00.000Z' })
    expect((await db.claims.get('c1'))!.addresseeId).toBeNull()
    // The scratch database used for the upgrade is gone.
    const names = (await indexedDB.databases()).map((info) => info.name)
    expect(names.some((name) => name?.startsWith('standpoint-restore-'))).toBe(false)
  })

  it('restores a backup written at schema v2, settings and addressees included', async () => {
    const fixture = FIXTURES_BY_VERSION[2]!
    const tables = { articles: 'id', actors: 'id', issues: 'id', claims: 'id', mentions: 'id', settings: 'key' }
    const count = (name: string): number => fixture.tables[name]?.length ?? 0
    const header = {
      format: 'standpoint-backup',
      formatVersion: 1,
      schemaVersion: 2,
      app: '0.1.0',
      createdAt: '2025-01-06T00:00:00.000Z',
      tables: Object.fromEntries(Object.entries(tables).map(([name, primaryKey]) => [name, { primaryKey, count: count(name) }])),
    }
    const lines = [JSON.stringify(header)]
    for (const name of Object.keys(tables)) for (const row of fixture.tables[name] ?? []) lines.push(JSON.stringify([name, encodeValue(row)]))
    lines.push(JSON.stringify({ end: true, counts: Object.fromEntries(Object.keys(tables).map((name) => [name, count(name)])) }))
    const db = await freshDb()
    const prepared = await prepareRestore(parseBackupText(lines.join('\n') + '\n'), db)
    expect(prepared.upgradedFrom).toBe(2)
    await restoreBackup(db, prepared, 'replace')
    for (const name of Object.keys(tables)) {
      expect(await db.table(name).toArray(), name).toEqual(expect.arrayContaining(fixture.tables[name]!.map((row): unknown => expect.objectContaining(asUpgraded(name, row)))))
    }
    expect((await db.claims.where('addresseeId').equals('p2').toArray()).map((claim) => claim.id)).toEqual(['c2'])
  })

  it('restores a backup written at schema v3 (format 1) into v4: issueIds, a default coder who coded everything, the new fields empty', async () => {
    const fixture = FIXTURES_BY_VERSION[3]!
    const tables = { articles: 'id', actors: 'id', issues: 'id', claims: 'id', mentions: 'id', settings: 'key' }
    const count = (name: string): number => fixture.tables[name]?.length ?? 0
    const header = {
      format: 'standpoint-backup',
      formatVersion: 1,
      schemaVersion: 3,
      app: '0.1.0',
      createdAt: '2025-02-06T00:00:00.000Z',
      tables: Object.fromEntries(Object.entries(tables).map(([name, primaryKey]) => [name, { primaryKey, count: count(name) }])),
    }
    const lines = [JSON.stringify(header)]
    for (const name of Object.keys(tables)) for (const row of fixture.tables[name] ?? []) lines.push(JSON.stringify([name, encodeValue(row)]))
    lines.push(JSON.stringify({ end: true, counts: Object.fromEntries(Object.keys(tables).map((name) => [name, count(name)])) }))
    const db = await freshDb()
    const prepared = await prepareRestore(parseBackupText(lines.join('\n') + '\n'), db)
    expect(prepared.upgradedFrom).toBe(3)
    expect([...prepared.tables.keys()].sort()).toEqual(['actors', 'articles', 'assignments', 'claims', 'coders', 'issues', 'mentions', 'settings', 'tombstones'])
    await restoreBackup(db, prepared, 'replace')
    for (const name of Object.keys(tables)) {
      expect(await db.table(name).toArray(), name).toEqual(expect.arrayContaining(fixture.tables[name]!.map((row): unknown => expect.objectContaining(asUpgraded(name, row)))))
    }
    const coders = await db.coders.toArray()
    expect(coders).toEqual([expect.objectContaining({ name: 'Coder 1', role: 'lead', color: '#0072b2' })])
    expect(await db.settings.get('currentCoderId')).toEqual({ key: 'currentCoderId', value: coders[0]!.id })
    for (const claim of await db.claims.toArray()) {
      expect(claim).toMatchObject({ coderId: coders[0]!.id, updatedBy: coders[0]!.id, externalId: '', attributes: {}, adjudicatedFrom: [] })
      expect(claim).not.toHaveProperty('issueId')
    }
    for (const mention of await db.mentions.toArray()) expect(mention).toMatchObject({ coderId: coders[0]!.id, updatedBy: coders[0]!.id })
    for (const actor of await db.actors.toArray()) expect(actor).toMatchObject({ attributes: {}, updatedBy: '' })
    for (const issue of await db.issues.toArray()) expect(issue).toMatchObject({ code: '', updatedBy: '' })
    for (const article of await db.articles.toArray()) expect(article.externalId).toBe('')
    expect(await db.assignments.count()).toBe(0)
    expect(await db.tombstones.count()).toBe(0)
    // Whose-claims-are-these is answered from the index, and a backup of the result is a v4 one.
    expect(await db.claims.where('coderId').equals(coders[0]!.id).count()).toBe(count('claims'))
    expect(JSON.parse((await backupText(db)).split('\n')[0]!)).toMatchObject({ formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: LATEST_SCHEMA_VERSION })
  })
})

describe('a backup that must not be restored is refused, with a reason, before anything is written', () => {
  async function refusal(mutate: (text: string) => string): Promise<string> {
    const db = await freshDb()
    await seed(db)
    const text = mutate(await backupText(db))
    try {
      parseBackupText(text)
    } catch (error) {
      expect(error).toBeInstanceOf(BackupFileError)
      return (error as Error).message
    }
    throw new Error('the backup was accepted')
  }

  it('from a newer schema version', async () => {
    const message = await refusal((text) => text.replace(`"schemaVersion":${LATEST_SCHEMA_VERSION}`, `"schemaVersion":${LATEST_SCHEMA_VERSION + 1}`))
    expect(message).toBe(
      `This backup was made by a newer version of Standpoint 0.1.0-test (workspace schema v${LATEST_SCHEMA_VERSION + 1}; this version knows up to v${LATEST_SCHEMA_VERSION}). ` +
        'Update Standpoint to restore it. Nothing in your workspace was changed.',
    )
  })

  it('from a newer backup format, as soon as the header is read', () => {
    const parser = new BackupParser()
    expect(() => parser.push(`{"format":"standpoint-backup","formatVersion":${BACKUP_FORMAT_VERSION + 1},"schemaVersion":1,"tables":{}}\n`)).toThrow(
      new RegExp(`newer version of Standpoint \\(backup format ${BACKUP_FORMAT_VERSION + 1}; this version reads format ${BACKUP_FORMAT_VERSION}\\)`),
    )
  })

  it('that is not a backup at all', async () => {
    expect(await refusal(() => 'actor,issue\nA,B\n')).toMatch(/not a Standpoint backup/)
    expect(await refusal(() => '{"format":"something-else"}\n')).toMatch(/not a Standpoint backup/)
    expect(await refusal(() => '')).toMatch(/empty/)
  })

  it('that was cut off', async () => {
    const message = await refusal((text) => text.slice(0, Math.floor(text.length * 0.6)))
    expect(message).toMatch(/incomplete: it stops at line \d+ before its end marker/)
  })

  it('with a damaged record, naming the line and the field', async () => {
    const message = await refusal((text) => replaceLine(text, (line) => line.includes('"clm-02"'), (line) => line.replace('"stance":0', '"stance":7')))
    expect(message).toMatch(/damaged: 1 problem found\. line \d+ \(claims clm-02\) stance must be a whole number from −2 to \+2/)
  })

  it('with a record twice, a missing record or an unknown table', async () => {
    expect(await refusal((text) => replaceLine(text, (line) => line.includes('"clm-02"'), (line) => `${line}\n${line}`))).toMatch(/appears twice/)
    expect(await refusal((text) => replaceLine(text, (line) => line.includes('"clm-02"'), () => ''))).toMatch(/should hold \d+ records but the file has/)
    expect(await refusal((text) => text.replace('"mentions":{', '"gossip":{"primaryKey":"id","count":0},"mentions":{'))).toMatch(/table “gossip”/)
  })

  // Found by test/unit/fuzz/backupRestore.test.ts.
  it('with a line filed under a name Object’s prototype has (constructor, __proto__, toString)', async () => {
    for (const table of ['constructor', '__proto__', 'toString']) {
      const message = await refusal((text) => text.replace(/\n\{"end":true/, `\n["${table}",{"id":"x","undefined":"y"}]\n{"end":true`))
      expect(message).toMatch(new RegExp(`belongs to a table “${table}” the header does not list`))
    }
  })

  it('with a record whose fields hide under "__proto__": it is refused as missing them, never stored without them', async () => {
    const shadow = { title: 't', source: '', author: '', publishedAt: '', url: '', language: '', body: 'b', contentHash: 'h', importedAt: '', origin: '', updatedAt: '', direction: 'ltr', meta: {} }
    const message = await refusal((text) => text.replace(/\n\["articles",\{"id":"art-en",[^\n]*/, `\n["articles",{"id":"art-en","__proto__":${JSON.stringify(shadow)}}]`))
    expect(message).toMatch(/articles art-en\) title must be text/)
  })
})

describe('keys named "__proto__"', () => {
  it('round-trip through the codec as ordinary own fields', () => {
    const record = JSON.parse('{"id":"s1","value":{"__proto__":{"polluted":true},"plain":1}}') as Record<string, unknown>
    const decoded = decodeValue(JSON.parse(JSON.stringify(encodeValue(record)))) as { value: Record<string, unknown> }
    expect(Object.getPrototypeOf(decoded.value)).toBe(Object.prototype)
    expect(Object.hasOwn(decoded.value, '__proto__')).toBe(true)
    expect((decoded.value as { polluted?: unknown }).polluted).toBeUndefined()
    expect(canonicalJson(decoded)).toBe(canonicalJson(record))
    expect(canonicalJson(decoded)).toContain('"__proto__":{"polluted":true}')
  })
})
