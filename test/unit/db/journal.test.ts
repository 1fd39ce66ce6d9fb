import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseBackupText } from '../../../renderer/src/db/backup/parseBackup'
import { prepareRestore, restoreBackup } from '../../../renderer/src/db/backup/restore'
import { backupChunks, readWorkspaceSnapshot } from '../../../renderer/src/db/backup/writeBackup'
import { applyClaimsImport } from '../../../renderer/src/db/claimsImport/applyClaimsImport'
import { StandpointDB, workerDatabase } from '../../../renderer/src/db/database'
import {
  changesSince,
  followJournal,
  journalHead,
  markRemote,
  pruneJournal,
  readCheckpoint,
  removeCheckpoint,
  saveCheckpoint,
  type JournalChanges,
  type JournalEntry,
} from '../../../renderer/src/db/journal'
import { deleteActor, mergeActors } from '../../../renderer/src/db/repositories/actors'
import { storeImportedArticles } from '../../../renderer/src/db/repositories/articles'
import { deleteClaim, saveClaimDraft } from '../../../renderer/src/db/repositories/claims'
import { currentCoder } from '../../../renderer/src/db/repositories/coders'
import { deleteIssue } from '../../../renderer/src/db/repositories/issues'
import { applyChangeSet } from '../../../renderer/src/db/repositories/recordChanges'
import { loadSampleWorkspace } from '../../../renderer/src/db/repositories/workspace'
import { createAnchor } from '../../../renderer/src/domain/anchoring'
import { invertChangeSet } from '../../../renderer/src/domain/changeHistory'
import { parseTable } from '../../../renderer/src/domain/claimsImport/parseTable'
import { guessMapping } from '../../../renderer/src/domain/claimsImport/mapping'
import { planClaimsImport } from '../../../renderer/src/domain/claimsImport/plan'
import { detectScheme, distinctStanceValues, stanceMapFor } from '../../../renderer/src/domain/claimsImport/stanceValues'
import type { Article } from '../../../renderer/src/domain/model'
import { trickyWorkspace } from '../export/trickyWorkspace'
import { actor, claim, issue, mention } from '../tagging/fixtures'

// The change journal (db/journal): every write to a synced table, whichever path makes it,
// leaves one entry per record in the same transaction, and a local deletion a tombstone.

const BODY = 'The resistance will stop military operations against Israel, said the Al-Nujaba Movement.'
const ARTICLE: Article = {
  id: 'article-1',
  title: 'Militias halt attacks',
  source: 'WIN',
  author: '',
  publishedAt: '2024-12-23',
  url: '',
  language: 'en',
  direction: 'ltr',
  body: BODY,
  contentHash: 'h1',
  importedAt: '2025-01-01T00:00:00.000Z',
  origin: 'test',
  meta: {},
  updatedAt: '2025-01-01T00:00:00.000Z',
  externalId: '',
}

let db: StandpointDB
let counter = 0
const names: string[] = []

function fresh(tuning?: { tail: number; pruneEvery: number }): StandpointDB {
  const name = `journal-test-${++counter}-${Date.now()}`
  names.push(name)
  return new StandpointDB(name, undefined, tuning)
}

beforeEach(async () => {
  db = fresh()
  await db.open()
})

afterEach(async () => {
  db.close()
  for (const name of names.splice(0)) await StandpointDB.delete(name)
})

type Line = [table: string, id: string, op: string]

/** The journal after `since`, as [table, id, op] in commit order. */
async function journal(since = 0): Promise<Line[]> {
  return (await changesSince(db, since)).entries.map((entry) => [entry.table, entry.id, entry.op])
}

/** Runs a write and returns the journal lines it added. */
async function linesOf(write: () => Promise<unknown>): Promise<Line[]> {
  const head = await journalHead(db)
  await write()
  return journal(head)
}

const sorted = (lines: Line[]): Line[] => [...lines].sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1))

async function tombstoneIds(): Promise<string[]> {
  return (await db.tombstones.toArray()).map((tombstone) => tombstone.id).sort()
}

describe('every Dexie write path reaches the journal', () => {
  beforeEach(async () => {
    await db.actors.bulkAdd([actor('a1', 'One'), actor('a2', 'Two'), actor('a3', 'Three')])
    await db.issues.add(issue('i1', 'Attacks'))
    await db.articles.add(ARTICLE)
  })

  it('add, put, bulkAdd, bulkPut, update, bulkUpdate, upsert: one put entry per record written', async () => {
    expect(await linesOf(() => db.actors.add(actor('a4', 'Four')))).toEqual([['actors', 'a4', 'put']])
    expect(await linesOf(() => db.actors.put(actor('a4', 'Four again')))).toEqual([['actors', 'a4', 'put']])
    expect(await linesOf(() => db.claims.bulkAdd([claim('c1', 'a1', 'i1'), claim('c2', 'a2', 'i1')]))).toEqual([
      ['claims', 'c1', 'put'],
      ['claims', 'c2', 'put'],
    ])
    expect(await linesOf(() => db.claims.bulkPut([claim('c2', 'a2', 'i1', { stance: 2 }), claim('c3', 'a3', 'i1')]))).toEqual([
      ['claims', 'c2', 'put'],
      ['claims', 'c3', 'put'],
    ])
    expect(await linesOf(() => db.claims.update('c1', { stance: 1 }))).toEqual([['claims', 'c1', 'put']])
    expect(await linesOf(() => db.claims.bulkUpdate([{ key: 'c1', changes: { note: 'n' } }, { key: 'c3', changes: { note: 'm' } }]))).toEqual([
      ['claims', 'c1', 'put'],
      ['claims', 'c3', 'put'],
    ])
    expect(await linesOf(() => db.issues.upsert('i2', { label: 'Talks' }))).toEqual([['issues', 'i2', 'put']])
    // An update of a record that is not there writes nothing, and says nothing.
    expect(await linesOf(() => db.claims.update('missing', { stance: 1 }))).toEqual([])
  })

  it('Collection.modify, with a function or an object, over an index or a filter', async () => {
    await db.claims.bulkAdd([claim('c1', 'a1', 'i1'), claim('c2', 'a1', 'i1'), claim('c3', 'a2', 'i1')])
    expect(sorted(await linesOf(() => db.claims.where('actorId').equals('a1').modify({ stance: 2 })))).toEqual([
      ['claims', 'c1', 'put'],
      ['claims', 'c2', 'put'],
    ])
    expect(await linesOf(() => db.claims.filter((record) => record.actorId === 'a2').modify((record) => void (record.note = 'x')))).toEqual([['claims', 'c3', 'put']])
  })

  it('delete, bulkDelete, Collection.delete (by range, by filter), a modify that deletes, clear: one delete entry per record removed', async () => {
    await db.claims.bulkAdd(['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id, index) => claim(id, index % 2 === 0 ? 'a1' : 'a2', 'i1')))
    expect(await linesOf(() => db.claims.delete('c1'))).toEqual([['claims', 'c1', 'delete']])
    expect(await linesOf(() => db.claims.bulkDelete(['c2', 'missing']))).toEqual([['claims', 'c2', 'delete']])
    expect(await linesOf(() => db.claims.where('id').between('c3', 'c4', true, true).delete())).toEqual([
      ['claims', 'c3', 'delete'],
      ['claims', 'c4', 'delete'],
    ])
    expect(await linesOf(() => db.claims.filter((record) => record.id === 'c5').delete())).toEqual([['claims', 'c5', 'delete']])
    expect(await linesOf(() => db.claims.toCollection().modify((_, context) => void delete (context as { value?: unknown }).value))).toEqual([['claims', 'c6', 'delete']])
    expect(sorted(await linesOf(() => db.actors.clear()))).toEqual([
      ['actors', 'a1', 'delete'],
      ['actors', 'a2', 'delete'],
      ['actors', 'a3', 'delete'],
    ])
    // Deleting what is not there (or clearing an empty table) is no change.
    expect(await linesOf(() => db.claims.delete('c1'))).toEqual([])
    expect(await linesOf(() => db.claims.clear())).toEqual([])
    expect(await tombstoneIds()).toEqual(['a1', 'a2', 'a3', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6'])
  })

  it('journals the records that landed when a bulkAdd partly fails and the caller goes on', async () => {
    const lines = await linesOf(() =>
      db.transaction('rw', db.claims, async () => {
        await db.claims.bulkAdd([claim('c1', 'a1', 'i1'), claim('c2', 'a1', 'i1')])
        await db.claims.bulkAdd([claim('c3', 'a1', 'i1'), claim('c1', 'a1', 'i1'), claim('c4', 'a1', 'i1')]).catch(() => undefined)
      }),
    )
    expect(lines).toEqual([
      ['claims', 'c1', 'put'],
      ['claims', 'c2', 'put'],
      ['claims', 'c3', 'put'],
      ['claims', 'c4', 'put'],
    ])
  })

  it('journals writes made side by side in one transaction one after the other, each counted once', async () => {
    await db.transaction('rw', [db.claims, db.mentions], () =>
      Promise.all([db.claims.bulkAdd([claim('c1', 'a1', 'i1'), claim('c2', 'a1', 'i1')]), db.mentions.bulkAdd([mention('m1', 'a1'), mention('m2', 'a1'), mention('m3', 'a1')])]),
    )
    const rows = await db.journal.toArray()
    let total = 0
    for (const row of rows) expect(row.total).toBe((total += row.ids.length))
    expect(sorted(await journal(rows[rows.length - 3]!.seq))).toEqual(
      sorted([
        ['claims', 'c1', 'put'],
        ['claims', 'c2', 'put'],
        ['mentions', 'm1', 'put'],
        ['mentions', 'm2', 'put'],
        ['mentions', 'm3', 'put'],
      ]),
    )
  })

  it('widens a transaction that names only synced tables, and leaves others alone', async () => {
    // The caller names claims only; journal, tombstones and settings come along by themselves.
    await db.transaction('rw', db.claims, async () => {
      await db.claims.add(claim('c1', 'a1', 'i1'))
      await db.claims.delete('c1')
    })
    expect(await journal()).toContainEqual(['claims', 'c1', 'delete'])
    expect(await tombstoneIds()).toEqual(['c1'])
    // Settings are this machine's: not journaled. Nor are read-only transactions widened.
    expect(await linesOf(() => db.settings.put({ key: 'export.bom', value: true }))).toEqual([])
    await expect(db.transaction('r', db.claims, () => db.claims.count())).resolves.toBe(0)
  })

  it('writes nothing to the journal when the transaction fails: the entries are part of it', async () => {
    const head = await journalHead(db)
    await expect(
      db.transaction('rw', db.claims, async () => {
        await db.claims.add(claim('c1', 'a1', 'i1'))
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect(await journal(head)).toEqual([])
    expect(await db.claims.count()).toBe(0)
  })

  it('stamps entries with the time and origin, in increasing seq; one bulk write is one stored row', async () => {
    const rowsBefore = await db.journal.count()
    await db.claims.bulkAdd([claim('c1', 'a1', 'i1'), claim('c2', 'a1', 'i1')])
    await db.claims.add(claim('c3', 'a1', 'i1'))
    expect(await db.journal.count()).toBe(rowsBefore + 2)
    const { entries } = await changesSince(db, 0)
    const seqs = entries.map((entry) => entry.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    // The records of one write share its seq: a consumer that processed it processed both.
    const [c1, c2, c3] = ['c1', 'c2', 'c3'].map((id) => entries.find((entry) => entry.id === id)!)
    expect(c1!.seq).toBe(c2!.seq)
    expect(c3!.seq).toBeGreaterThan(c2!.seq)
    for (const entry of entries) {
      expect(entry.origin).toBe('local')
      expect(Number.isNaN(Date.parse(entry.at))).toBe(false)
      expect(Object.keys(entry).sort()).toEqual(['at', 'id', 'op', 'origin', 'seq', 'table'])
    }
  })
})

describe('tombstones', () => {
  beforeEach(async () => {
    await db.articles.add(ARTICLE)
  })

  it('a local deletion writes one, by the current coder; writing the record again removes it', async () => {
    const coder = await currentCoder(db)
    await db.actors.add(actor('a1', 'One'))
    await db.actors.delete('a1')
    const [tombstone] = await db.tombstones.toArray()
    expect(tombstone).toMatchObject({ id: 'a1', table: 'actors', deletedBy: coder.id })
    expect(Number.isNaN(Date.parse(tombstone!.deletedAt))).toBe(false)
    await db.actors.put(actor('a1', 'One'))
    expect(await db.tombstones.count()).toBe(0)
  })

  it('a deletion before any coder exists is by nobody', async () => {
    await db.issues.add(issue('i1', 'Attacks'))
    await db.issues.delete('i1')
    expect((await db.tombstones.get('i1'))?.deletedBy).toBe('')
  })

  it('removes only the tombstones of the records written again, many at a time', async () => {
    await db.claims.bulkAdd(Array.from({ length: 30 }, (_, index) => claim(`c${index}`, 'a', 'i')))
    await db.claims.clear()
    expect(await db.tombstones.count()).toBe(30)
    // Fewer written than tombstoned, and more: both ways of finding the tombstones to remove.
    await db.claims.bulkPut([claim('c1', 'a', 'i'), claim('c2', 'a', 'i')])
    expect(await db.tombstones.count()).toBe(28)
    await db.claims.bulkPut(Array.from({ length: 40 }, (_, index) => claim(`c${index + 10}`, 'a', 'i')))
    expect(await tombstoneIds()).toEqual(['c0', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'])
  })
})

describe('changes applied from another copy of the workspace (sync)', () => {
  it('carry origin remote and leave tombstones to the caller', async () => {
    await db.actors.add(actor('a1', 'One'))
    const head = await journalHead(db)
    await db.transaction('rw', db.actors, async (tx) => {
      markRemote(tx)
      await db.actors.put(actor('a2', 'Two'))
      await db.actors.delete('a1')
    })
    const { entries } = await changesSince(db, head)
    expect(entries.map((entry) => [entry.id, entry.op, entry.origin])).toEqual([
      ['a2', 'put', 'remote'],
      ['a1', 'delete', 'remote'],
    ])
    expect(await db.tombstones.count()).toBe(0)
    // The next transaction is local again.
    await db.actors.delete('a2')
    expect((await changesSince(db, head)).entries.at(-1)).toMatchObject({ id: 'a2', origin: 'local' })
    expect(await tombstoneIds()).toEqual(['a2'])
  })

  it('tombstones written directly (by sync or a merge) are journaled themselves', async () => {
    expect(await linesOf(() => db.tombstones.put({ id: 'x', table: 'claims', deletedAt: '2025-01-01T00:00:00.000Z', deletedBy: '' }))).toEqual([['tombstones', 'x', 'put']])
  })
})

describe('reading, checkpoints and pruning', () => {
  it('changesSince gives what came after a seq; a new consumer starts from journalHead', async () => {
    expect(await journalHead(db)).toBe(0)
    await db.actors.add(actor('a1', 'One'))
    const head = await journalHead(db)
    await db.actors.add(actor('a2', 'Two'))
    const changes = await changesSince(db, head)
    expect(changes.entries.map((entry) => entry.id)).toEqual(['a2'])
    expect(changes.complete).toBe(true)
    expect(changes.head).toBe(await journalHead(db))
    expect((await changesSince(db, 0, 1)).entries).toHaveLength(1)
  })

  it('never splits a write, and counts the tail in records, not writes', async () => {
    db.close()
    db = fresh({ tail: 10, pruneEvery: 1 })
    await db.open()
    await db.actors.bulkAdd(Array.from({ length: 8 }, (_, index) => actor(`a${index}`, `Actor ${index}`)))
    await db.actors.bulkAdd(Array.from({ length: 8 }, (_, index) => actor(`b${index}`, `Actor B${index}`)))
    const page = await changesSince(db, 0, 1)
    expect(page.entries.map((entry) => entry.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'])
    expect((await changesSince(db, page.head)).entries).toHaveLength(8)
    // 16 records journaled, 10 to keep: the first write (8) cannot go without the 2 it shares.
    expect(await db.journal.count()).toBe(2)
    await db.actors.add(actor('c0', 'C'))
    await db.actors.add(actor('c1', 'C1'))
    // Now the second write alone holds 8 of the last 10: the first goes.
    expect((await db.journal.toArray()).map((row) => row.ids.length)).toEqual([8, 1, 1])
    expect((await changesSince(db, 0)).complete).toBe(false)
  })

  it('keeps a bounded tail of records without consumers, and everything after the lowest checkpoint with them', async () => {
    db.close()
    db = fresh({ tail: 5, pruneEvery: 3 })
    await db.open()
    for (let index = 0; index < 12; index++) await db.actors.add(actor(`a${index}`, `Actor ${index}`))
    // Pruned at the 3rd, 6th, 9th and 12th entry, each time keeping the last 5.
    const kept = (await db.journal.toArray()).map((entry) => entry.seq)
    expect(kept).toEqual([8, 9, 10, 11, 12])
    const stale = await changesSince(db, 3)
    expect(stale.complete).toBe(false)
    expect((await changesSince(db, 7)).complete).toBe(true)

    await saveCheckpoint(db, 'sync', 9)
    await saveCheckpoint(db, 'slow', 8)
    expect(await readCheckpoint(db, 'sync')).toBe(9)
    for (let index = 12; index < 24; index++) await db.actors.add(actor(`a${index}`, `Actor ${index}`))
    // The slow consumer has seen up to 8: nothing after it goes.
    expect((await db.journal.toArray())[0]!.seq).toBe(9)
    expect((await changesSince(db, 8)).complete).toBe(true)
    await removeCheckpoint(db, 'slow')
    await removeCheckpoint(db, 'sync')
    expect(await readCheckpoint(db, 'slow')).toBeNull()
    expect(await pruneJournal(db, 5)).toBe(19)
    expect((await db.journal.toArray()).map((entry) => entry.seq)).toEqual([20, 21, 22, 23, 24])
    expect(await journalHead(db)).toBe(24)
    await expect(saveCheckpoint(db, 'bad', -1)).rejects.toThrow(/whole number/)
  })

  it('followJournal hands each committed write to a live reader, once, in order', async () => {
    const seen: JournalChanges[] = []
    const stop = followJournal(db, await journalHead(db), (changes) => seen.push(changes))
    await db.actors.add(actor('a1', 'One'))
    await db.actors.bulkAdd([actor('a2', 'Two'), actor('a3', 'Three')])
    await db.settings.put({ key: 'export.bom', value: true })
    await expect.poll(() => seen.flatMap((changes) => changes.entries).map((entry: JournalEntry) => entry.id)).toEqual(['a1', 'a2', 'a3'])
    stop()
    await db.actors.add(actor('a4', 'Four'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen.flatMap((changes) => changes.entries)).toHaveLength(3)
  })
})

describe('the app’s write paths', () => {
  beforeEach(async () => {
    await db.articles.add(ARTICLE)
  })

  const draft = {
    span: { start: BODY.indexOf('will'), end: BODY.indexOf(',') },
    actor: { kind: 'new' as const, name: 'Al-Nujaba Movement', actorKind: 'armed group', aliases: '' },
    issue: { kind: 'new' as const, label: 'Attacks on Israel' },
    stance: -1 as const,
    date: '2024-12-23',
    addressee: null,
    note: '',
  }

  it('tagging a claim, deleting it, and undoing and redoing the deletion', async () => {
    const tagged = await linesOf(() => saveClaimDraft(db, draft, ARTICLE))
    const claimId = tagged.find(([table]) => table === 'claims')![1]
    // The first claim brings the workspace's first coder along.
    expect(tagged.map(([table, , op]) => `${table} ${op}`)).toEqual(['coders put', 'actors put', 'issues put', 'claims put'])
    const deletion = await deleteClaim(db, claimId)
    expect(await tombstoneIds()).toEqual([claimId])
    const undo = invertChangeSet(deletion, new Date().toISOString())
    expect(await linesOf(() => applyChangeSet(db, undo))).toEqual([['claims', claimId, 'put']])
    expect(await tombstoneIds()).toEqual([])
    expect(await linesOf(() => applyChangeSet(db, invertChangeSet(undo, new Date().toISOString())))).toEqual([['claims', claimId, 'delete']])
    expect(await tombstoneIds()).toEqual([claimId])
  })

  it('merging actors and deleting one: every moved claim and mention, and a tombstone for each actor gone', async () => {
    await db.actors.bulkAdd([actor('keep', 'Sudani'), actor('dup', 'al-Sudani'), actor('other', 'Nujaba')])
    await db.issues.add(issue('i1', 'Attacks'))
    await db.claims.bulkAdd([claim('c1', 'dup', 'i1', { articleId: ARTICLE.id, anchor: createAnchor(BODY, 0, 3) }), claim('c2', 'other', 'i1', { articleId: ARTICLE.id, addresseeId: 'dup' })])
    await db.mentions.bulkAdd([mention('m1', 'dup', 0, 3, { articleId: ARTICLE.id })])
    expect(sorted(await linesOf(() => mergeActors(db, 'keep', ['dup'])))).toEqual(
      sorted([
        ['coders', (await db.coders.toArray())[0]?.id ?? '', 'put'],
        ['actors', 'keep', 'put'],
        ['claims', 'c1', 'put'],
        ['claims', 'c2', 'put'],
        ['mentions', 'm1', 'put'],
        ['actors', 'dup', 'delete'],
      ]).filter(([, id]) => id !== ''),
    )
    expect(await tombstoneIds()).toEqual(['dup'])
    expect(sorted(await linesOf(() => deleteActor(db, 'keep', { kind: 'delete' })))).toEqual(
      sorted([
        ['claims', 'c1', 'delete'],
        ['claims', 'c2', 'put'],
        ['mentions', 'm1', 'delete'],
        ['actors', 'keep', 'delete'],
      ]),
    )
    expect(await tombstoneIds()).toEqual(['c1', 'dup', 'keep', 'm1'])
  })

  it('deleting an issue: claims moved or deleted, sub-issues moved up, the issue tombstoned', async () => {
    await currentCoder(db)
    await db.actors.add(actor('a1', 'One'))
    await db.issues.bulkAdd([issue('i1', 'Attacks'), issue('i2', 'Talks'), issue('i3', 'Drones', { parentId: 'i1' })])
    await db.claims.bulkAdd([claim('c1', 'a1', 'i1', { articleId: ARTICLE.id }), claim('c2', 'a1', 'i1', { articleId: ARTICLE.id, issueIds: ['i1', 'i2'] })])
    expect(sorted(await linesOf(() => deleteIssue(db, 'i1', { kind: 'delete' })))).toEqual(
      sorted([
        ['claims', 'c1', 'delete'],
        ['claims', 'c2', 'put'],
        ['issues', 'i3', 'put'],
        ['issues', 'i1', 'delete'],
      ]),
    )
    expect(await tombstoneIds()).toEqual(['c1', 'i1'])
  })

  it('the coded-claims import: every created record, stamped with the current coder', async () => {
    const table = parseTable('actor,issue,stance,title,quote\r\nNujaba,Attacks,1,Doc A,will stop\r\nSudani,Talks,-1,Doc A,said\r\n')
    const mapping = guessMapping(table.header)
    const values = distinctStanceValues(table.rows.map((row) => row[mapping.stance!]!))
    const plan = await planClaimsImport(table.rows, table.rowNumbers, { articles: [], actors: [], issues: [], claims: [] }, {
      mapping,
      stanceMap: stanceMapFor(detectScheme(values), values),
      dateOrder: 'iso',
      fileName: 'coded.csv',
      now: '2025-01-01T00:00:00.000Z',
    })
    const lines = await linesOf(() => applyClaimsImport(db, plan))
    expect(lines.filter(([table]) => table !== 'coders')).toEqual([
      ...plan.articles.map((record): Line => ['articles', record.id, 'put']),
      ...plan.actors.map((record): Line => ['actors', record.id, 'put']),
      ...plan.issues.map((record): Line => ['issues', record.id, 'put']),
      ...plan.claims.map((record): Line => ['claims', record.id, 'put']),
    ])
    const coder = await currentCoder(db)
    for (const stored of await db.claims.toArray()) expect(stored).toMatchObject({ coderId: coder.id, updatedBy: coder.id })
    for (const stored of await db.actors.toArray()) expect(stored.updatedBy).toBe(coder.id)
  })

  it('the article import, through the worker’s own database instance', async () => {
    const worker = workerDatabase(db.name)
    const incoming = ['First text.', 'Second text.', 'First text.'].map((body, index) => ({ ...ARTICLE, id: undefined, title: `T${index}`, body, contentHash: `hash:${body}` }))
    const result = await storeImportedArticles(worker, incoming, '2025-02-01T00:00:00.000Z')
    worker.close()
    expect(result.added).toHaveLength(2)
    expect(await journal(1)).toEqual(result.added.map(({ id }): Line => ['articles', id, 'put']))
    expect((await db.articles.get(result.added[0]!.id))?.externalId).toBe('')
  })

  it('the sample workspace: everything it writes, coded by the current coder', async () => {
    const lines = await linesOf(() => loadSampleWorkspace(db))
    const counts = Object.fromEntries(['coders', 'articles', 'actors', 'issues', 'claims'].map((table) => [table, lines.filter(([name]) => name === table).length]))
    expect(counts).toEqual({ coders: 1, articles: await db.articles.count() - 1, actors: await db.actors.count(), issues: await db.issues.count(), claims: await db.claims.count() })
    const coder = await currentCoder(db)
    expect(new Set((await db.claims.toArray()).map((stored) => stored.coderId))).toEqual(new Set([coder.id]))
  })
})

describe('backups, restores and a wiped workspace', () => {
  async function seeded(target: StandpointDB): Promise<void> {
    const workspace = trickyWorkspace()
    await target.transaction('rw', target.workspaceTables, async () => {
      await target.articles.bulkAdd(workspace.articles)
      await target.actors.bulkAdd(workspace.actors)
      await target.issues.bulkAdd(workspace.issues)
      await target.claims.bulkAdd(workspace.claims)
      await target.mentions.bulkAdd(workspace.mentions)
      await target.coders.bulkAdd(workspace.coders)
      await target.assignments.bulkAdd(workspace.assignments)
      await target.tombstones.bulkAdd(workspace.tombstones)
    })
  }

  async function backupOf(source: StandpointDB): Promise<string> {
    return [...backupChunks(await readWorkspaceSnapshot(source), 'test', '2025-02-01T00:00:00.000Z')].map((chunk) => chunk.text).join('')
  }

  it('leave the journal out of the backup, and a replace makes the tombstones exactly the backup’s', async () => {
    await seeded(db)
    const text = await backupOf(db)
    expect(text).not.toContain('"journal"')
    const before = await db.tombstones.toArray()
    // Wipe: every table cleared through Dexie. Every record leaves a delete entry and a tombstone.
    const head = await journalHead(db)
    await db.transaction('rw', db.workspaceTables, async () => {
      for (const table of db.workspaceTables) await table.clear()
    })
    const wiped = await changesSince(db, head)
    const workspace = trickyWorkspace()
    const recordCount = workspace.articles.length + workspace.actors.length + workspace.issues.length + workspace.claims.length + workspace.mentions.length + workspace.coders.length + workspace.assignments.length
    expect(wiped.entries.filter((entry) => entry.op === 'delete' && entry.table !== 'tombstones')).toHaveLength(recordCount)
    // Restore (replace): every record put again, journaled; the tombstones are the backup's.
    const restoreHead = await journalHead(db)
    await restoreBackup(db, await prepareRestore(parseBackupText(text), db), 'replace')
    expect(await db.tombstones.toArray()).toEqual(before)
    const restored = (await changesSince(db, restoreHead)).entries
    expect(restored.filter((entry) => entry.op === 'put' && entry.table !== 'tombstones')).toHaveLength(recordCount)
    expect(restored.every((entry) => entry.origin === 'local')).toBe(true)
    expect(await backupOf(db)).toBe(text)
  })

  it('a merge journals what it adds or takes from the backup, and brings back a record deleted since (tombstone gone)', async () => {
    await seeded(db)
    const text = await backupOf(db)
    await db.claims.delete('clm-03')
    expect(await tombstoneIds()).toContain('clm-03')
    const head = await journalHead(db)
    await restoreBackup(db, await prepareRestore(parseBackupText(text), db), 'merge')
    expect(await journal(head)).toEqual([['claims', 'clm-03', 'put']])
    expect(await tombstoneIds()).not.toContain('clm-03')
  })

  it('a restore keeps this machine’s journal bookkeeping, whatever the file says', async () => {
    await seeded(db)
    await saveCheckpoint(db, 'sync', 3)
    // A file that carries another machine's checkpoint (a hand-edited one: backups never write them).
    const text = (await backupOf(db))
      .replace(/\n\{"end"/, '\n["settings",{"key":"journal.checkpoint:sync","value":999}]\n{"end"')
      .replace('"settings":{"primaryKey":"key","count":0}', '"settings":{"primaryKey":"key","count":1}')
      .replace('"settings":0', '"settings":1')
    await restoreBackup(db, await prepareRestore(parseBackupText(text), db), 'replace')
    expect(await readCheckpoint(db, 'sync')).toBe(3)
  })
})
