import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Dexie from 'dexie'
import { parseBackupText } from '../../../renderer/src/db/backup/parseBackup'
import { prepareRestore, restoreBackup } from '../../../renderer/src/db/backup/restore'
import { backupChunks, readWorkspaceSnapshot } from '../../../renderer/src/db/backup/writeBackup'
import { applyClaimsImport } from '../../../renderer/src/db/claimsImport/applyClaimsImport'
import { StandpointDB, workerDatabase } from '../../../renderer/src/db/database'
import { journalHead, pruneJournal } from '../../../renderer/src/db/journal'
import { projectionInStep, readPositionsResult, readPositionsSnapshot, rebuildProjection, savePositionsFirstRows, savePositionsResult, savePositionsSnapshot } from '../../../renderer/src/db/projection'
import { followPositions, loadPositions, readOpening, readPositionsChanges, readRecordCounts, readStoredFirstRows, type PositionsChanges } from '../../../renderer/src/db/queries/positions'
import { readStoredFirstRowsEarly } from '../../../renderer/src/db/queries/storedFirstRows'
import { deleteActor, mergeActors } from '../../../renderer/src/db/repositories/actors'
import { storeImportedArticles } from '../../../renderer/src/db/repositories/articles'
import { deleteClaim, saveClaimDraft } from '../../../renderer/src/db/repositories/claims'
import { deleteIssue } from '../../../renderer/src/db/repositories/issues'
import { applyChangeSet } from '../../../renderer/src/db/repositories/recordChanges'
import { loadSampleWorkspace } from '../../../renderer/src/db/repositories/workspace'
import { invertChangeSet } from '../../../renderer/src/domain/changeHistory'
import { guessMapping } from '../../../renderer/src/domain/claimsImport/mapping'
import { parseTable } from '../../../renderer/src/domain/claimsImport/parseTable'
import { planClaimsImport } from '../../../renderer/src/domain/claimsImport/plan'
import { detectScheme, distinctStanceValues, stanceMapFor } from '../../../renderer/src/domain/claimsImport/stanceValues'
import type { Article, Claim, Stance } from '../../../renderer/src/domain/model'
import { computePositions, DEFAULT_OPTIONS, PositionsEngine, type PositionsOptions, type PositionsResult, type PositionsWorld } from '../../../renderer/src/domain/positions/engine'
import { catchUpStored } from '../../../renderer/src/domain/positions/catchUp'
import { articleFact, claimFact } from '../../../renderer/src/domain/positions/facts'
import { packFirstRows, unpackFirstRows } from '../../../renderer/src/domain/positions/firstRows'
import { buildPositionsView } from '../../../renderer/src/domain/positions/rows'
import { packResult, unpackResult } from '../../../renderer/src/domain/positions/resultPack'
import { trickyWorkspace } from '../export/trickyWorkspace'
import { mulberry32 } from '../positions/randomWorkspace'
import { asReference } from '../positions/reference'
import { actor, claim, issue } from '../tagging/fixtures'

// The positions projection (schema v5): claimFacts and articleFacts follow every write, whichever
// path makes it, in the same transaction; the snapshot plus the journal after it equals the
// tables; and positions kept up to date change by change equal positions computed afresh.

const BODY = 'The resistance will stop military operations against Israel, said the Al-Nujaba Movement.'

function article(id: string, publishedAt = '2024-12-23', source = 'WIN'): Article {
  return {
    id,
    title: id,
    source,
    author: '',
    publishedAt,
    url: '',
    language: 'en',
    direction: 'ltr',
    body: BODY,
    contentHash: id,
    importedAt: '2025-01-01T00:00:00.000Z',
    origin: 'test',
    meta: {},
    updatedAt: '2025-01-01T00:00:00.000Z',
    externalId: '',
  }
}

let db: StandpointDB
let counter = 0
const names: string[] = []

function fresh(tuning?: { tail: number; pruneEvery: number }): StandpointDB {
  const name = `projection-test-${++counter}-${Date.now()}`
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

const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

/** The stored facts equal the facts of the stored records, one for one. */
async function expectInStep(target: StandpointDB = db, label = ''): Promise<void> {
  const [claims, articles, claimFacts, articleFacts] = await Promise.all([target.claims.toArray(), target.articles.toArray(), target.claimFacts.toArray(), target.articleFacts.toArray()])
  expect(byId(claimFacts), `claim facts ${label}`).toEqual(byId(claims.map(claimFact)))
  expect(byId(articleFacts), `article facts ${label}`).toEqual(byId(articles.map(articleFact)))
}

describe('every Dexie write path keeps the facts in step', () => {
  beforeEach(async () => {
    await db.actors.bulkAdd([actor('a1', 'One'), actor('a2', 'Two')])
    await db.issues.add(issue('i1', 'Attacks'))
    await db.articles.add(article('art1'))
  })

  it('add, put, bulk writes, update, modify, upsert, deletes of every kind, clear', async () => {
    await db.claims.add(claim('c1', 'a1', 'i1', { articleId: 'art1' }))
    await db.claims.bulkAdd([claim('c2', 'a2', 'i1', { articleId: 'art1', date: '' }), claim('c3', 'a1', 'i1', { articleId: 'art1', adjudicatedFrom: ['c1'] })])
    await expectInStep()
    await db.claims.put(claim('c1', 'a2', 'i1', { stance: 2, issueIds: ['i1', 'i2'] }))
    await db.claims.update('c2', { date: '2020-01-01', coderId: 'someone' })
    await db.claims.bulkUpdate([{ key: 'c3', changes: { stance: 0 } }])
    await db.claims.where('actorId').equals('a2').modify({ stance: -2 })
    await db.claims.filter((record) => record.id === 'c3').modify((record) => void (record.issueIds = ['i9']))
    await expectInStep(db, 'after edits')
    await db.articles.update('art1', { publishedAt: '2019-05-05', source: 'Reuters' })
    await db.articles.upsert('art2', article('art2', '', 'AFP'))
    await db.articles.bulkPut([article('art3'), article('art4')])
    await expectInStep(db, 'after article edits')
    await db.claims.delete('c1')
    await db.claims.bulkDelete(['c2', 'missing'])
    await db.articles.where('id').between('art3', 'art4', true, true).delete()
    await expectInStep(db, 'after deletes')
    await db.claims.clear()
    await db.articles.clear()
    expect([await db.claimFacts.count(), await db.articleFacts.count()]).toEqual([0, 0])
  })

  it('writes nothing when the transaction fails: the facts are part of it', async () => {
    await expect(
      db.transaction('rw', db.claims, async () => {
        await db.claims.add(claim('c1', 'a1', 'i1'))
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect(await db.claimFacts.count()).toBe(0)
    // A bulkAdd that partly fails, caught: the records that landed have facts, the others not.
    await db.transaction('rw', db.claims, async () => {
      await db.claims.add(claim('c1', 'a1', 'i1'))
      await db.claims.bulkAdd([claim('c2', 'a1', 'i1'), claim('c1', 'a2', 'i1'), claim('c3', 'a1', 'i1')]).catch(() => undefined)
    })
    await expectInStep()
    expect((await db.claimFacts.get('c1'))?.actorId).toBe('a1')
  })

  it('the app’s write paths: tagging, undo, merging and deleting actors and issues, imports, the sample', async () => {
    const draft = {
      span: { start: BODY.indexOf('will'), end: BODY.indexOf(',') },
      actor: { kind: 'new' as const, name: 'Al-Nujaba Movement', actorKind: 'armed group', aliases: '' },
      issue: { kind: 'new' as const, label: 'Attacks on Israel' },
      stance: -1 as const,
      date: '2024-12-23',
      addressee: null,
      note: '',
    }
    const { claim: tagged } = await saveClaimDraft(db, draft, await db.articles.get('art1').then((found) => found!))
    await expectInStep(db, 'tagged')
    const deletion = await deleteClaim(db, tagged.id)
    await expectInStep(db, 'deleted')
    await applyChangeSet(db, invertChangeSet(deletion, new Date().toISOString()))
    await expectInStep(db, 'undone')
    expect(await db.claimFacts.get(tagged.id)).toEqual(claimFact(tagged))

    await db.claims.bulkAdd([claim('c1', 'a2', 'i1', { articleId: 'art1' }), claim('c2', 'a1', 'i1', { articleId: 'art1', addresseeId: 'a2' })])
    await mergeActors(db, 'a1', ['a2'])
    await expectInStep(db, 'merged')
    await db.issues.add(issue('i2', 'Talks', { parentId: 'i1' }))
    await db.claims.update('c1', { issueIds: ['i1', 'i2'] })
    await deleteIssue(db, 'i1', { kind: 'delete' })
    await expectInStep(db, 'issue deleted')
    await deleteActor(db, 'a1', { kind: 'delete' })
    await expectInStep(db, 'actor deleted')

    const table = parseTable('actor,issue,stance,title,quote,date\r\nNujaba,Attacks,1,Doc A,will stop,2024-01-02\r\nSudani,Talks,-1,Doc B,said,\r\n')
    const mapping = guessMapping(table.header)
    const values = distinctStanceValues(table.rows.map((row) => row[mapping.stance!]!))
    const plan = await planClaimsImport(table.rows, table.rowNumbers, { articles: [], actors: [], issues: [], claims: [] }, {
      mapping,
      stanceMap: stanceMapFor(detectScheme(values), values),
      dateOrder: 'iso',
      fileName: 'coded.csv',
      now: '2025-01-01T00:00:00.000Z',
    })
    await applyClaimsImport(db, plan)
    await expectInStep(db, 'claims import')

    const worker = workerDatabase(db.name)
    const { id: _id, ...incoming } = article('x')
    await storeImportedArticles(worker, [{ ...incoming, body: 'Another text.', contentHash: 'other' }], '2025-02-01T00:00:00.000Z')
    worker.close()
    await expectInStep(db, 'article import in a worker')
    await loadSampleWorkspace(db)
    await expectInStep(db, 'sample workspace')
  })

  it('restores, replacing and merging, and a wipe', async () => {
    const workspace = trickyWorkspace()
    await db.transaction('rw', db.workspaceTables, async () => {
      await db.articles.bulkPut(workspace.articles)
      await db.actors.bulkPut(workspace.actors)
      await db.issues.bulkPut(workspace.issues)
      await db.claims.bulkPut(workspace.claims)
    })
    const text = [...backupChunks(await readWorkspaceSnapshot(db), 'test', '2025-02-01T00:00:00.000Z')].map((chunk) => chunk.text).join('')
    // The projection is derived: never in a backup.
    expect(text).not.toContain('claimFacts')
    expect(text).not.toContain('positionsSnapshots')
    await db.transaction('rw', db.workspaceTables, async () => {
      for (const table of db.workspaceTables) await table.clear()
    })
    await expectInStep(db, 'wiped')
    await restoreBackup(db, await prepareRestore(parseBackupText(text), db), 'replace')
    await expectInStep(db, 'replaced')
    await db.claims.delete(workspace.claims[0]!.id)
    await db.articles.update(workspace.articles[0]!.id, { publishedAt: '1999-01-01' })
    await restoreBackup(db, await prepareRestore(parseBackupText(text), db), 'merge')
    await expectInStep(db, 'merged')
  })
})

/** The stored positions as a cold open reads them. */
async function storedNow(db: StandpointDB) {
  return (await readOpening(db)).stored
}

describe('opening: the snapshot and the journal after it, or the fact tables', () => {
  beforeEach(async () => {
    await db.actors.bulkAdd([actor('a1', 'One'), actor('a2', 'Two')])
    await db.issues.add(issue('i1', 'Attacks'))
    await db.articles.bulkAdd([article('art1'), article('art2', '2020-02-02', 'AFP')])
    await db.claims.bulkAdd([claim('c1', 'a1', 'i1', { articleId: 'art1' }), claim('c2', 'a2', 'i1', { articleId: 'art2', date: '' })])
  })

  const ids = (load: { claims: Iterable<{ id: string }> }): string[] => Array.from(load.claims, (fact) => fact.id).sort()

  it('reads the fact tables first, then the snapshot and only what changed since', async () => {
    const first = await loadPositions(db)
    expect([first.via, ids(first), first.snapshotStale]).toEqual(['facts', ['c1', 'c2'], true])
    expect(first.actors).toHaveLength(2)
    await savePositionsSnapshot(db, [...first.claims], first.articles, first.seq)
    await db.claims.add(claim('c3', 'a1', 'i1', { articleId: 'art1' }))
    await db.claims.delete('c1')
    await db.articles.update('art2', { source: 'Reuters' })
    const second = await loadPositions(db)
    expect([second.via, second.tail, ids(second), second.snapshotStale]).toEqual(['snapshot', 3, ['c2', 'c3'], false])
    expect(second.articles.find((fact) => fact.id === 'art2')?.source).toBe('Reuters')
    // An older snapshot does not replace a newer one (another window stored it).
    expect(await savePositionsSnapshot(db, [], [], first.seq - 1)).toBe(false)
    expect((await readPositionsSnapshot(db))?.seq).toBe(first.seq)
  })

  it('reads the tables rows are labelled from again only when the journal moved since they were handed over', async () => {
    const first = await loadPositions(db)
    const handed = { seq: first.seq, actors: [actor('a1', 'As handed over'), actor('a2', 'Two')], issues: first.issues, coders: first.coders, assignments: first.assignments }
    // No snapshot yet (the fact tables are read), then via the snapshot: at the same head, the
    // tables handed over are the ones loaded.
    expect((await loadPositions(db, undefined, undefined, handed)).actors).toBe(handed.actors)
    // Handed over at an older head, with no snapshot: read again.
    expect((await loadPositions(db, undefined, undefined, { ...handed, seq: first.seq - 1 })).actors.map((entry) => entry.name).sort()).toEqual(['One', 'Two'])
    await savePositionsSnapshot(db, [...first.claims], first.articles, first.seq)
    const viaSnapshot = await loadPositions(db, undefined, undefined, handed)
    expect([viaSnapshot.via, viaSnapshot.actors]).toEqual(['snapshot', handed.actors])
    // Who looks is not journaled: it is read every time.
    await db.settings.put({ key: 'currentCoderId', value: 'someone' })
    expect((await loadPositions(db, undefined, undefined, handed)).viewerId).toBe('someone')
    // A write to any of them moves the journal: they are read again.
    await db.actors.update('a2', { name: 'Renamed' })
    const moved = await loadPositions(db, undefined, undefined, handed)
    expect(moved.actors.map((entry) => entry.name).sort()).toEqual(['One', 'Renamed'])
    await db.issues.add(issue('i2', 'Ceasefire'))
    const withIssue = await loadPositions(db, undefined, undefined, { ...handed, seq: moved.seq })
    expect(withIssue.issues.map((entry) => entry.id).sort()).toEqual(['i1', 'i2'])
    await db.coders.add({ id: 'k1', name: 'Coder One', color: '#336699', role: 'coder', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' })
    expect((await loadPositions(db, undefined, undefined, { ...handed, seq: withIssue.seq })).coders.map((entry) => entry.id)).toEqual(['k1'])
  })

  it('stored positions are current only at the journal head, for the same viewer', async () => {
    const loaded = await loadPositions(db)
    const world: PositionsWorld = { actors: new Map(loaded.actors.map((entry) => [entry.id, entry])), issues: loaded.issues, coders: loaded.coders, assignments: loaded.assignments, viewerId: loaded.viewerId }
    const result = computePositions(loaded.claims, loaded.articles, world, DEFAULT_OPTIONS)
    const record = { seq: loaded.seq, viewerId: loaded.viewerId, claimCount: loaded.claims.length, sources: ['AFP', 'WIN'], packed: packResult(result) }
    expect(await storedNow(db)).toBeNull()
    expect(await savePositionsResult(db, record)).toBe(true)
    const stored = await storedNow(db)
    expect(stored?.current).toBe(true)
    expect(stored?.record.sources).toEqual(['AFP', 'WIN'])
    expect(stored?.actors).toHaveLength(2)
    expect(unpackResult(stored?.record.packed)?.counted).toBe(2)
    // The facts snapshot lives beside it under its own key: neither replaces the other.
    await savePositionsSnapshot(db, [...loaded.claims], loaded.articles, loaded.seq)
    expect((await readPositionsResult(db))?.seq).toBe(loaded.seq)
    // Any write after it, or another coder looking, and it is not current.
    await db.settings.put({ key: 'currentCoderId', value: 'someone' })
    expect((await storedNow(db))?.current).toBe(false)
    await db.settings.delete('currentCoderId')
    expect((await storedNow(db))?.current).toBe(true)
    await db.claims.update('c1', { stance: -2 })
    expect((await storedNow(db))?.current).toBe(false)
    // An older record never replaces a newer one.
    expect(await savePositionsResult(db, { ...record, seq: record.seq - 1 })).toBe(false)

    // A save behind: the open via the snapshot hands its read over before unpacking it, and the
    // stored positions brought up to date from it are the positions computed from what it loads.
    const behind = (await storedNow(db))!
    let caughtUp: PositionsResult | null = null
    const reloaded = await loadPositions(db, undefined, async (read) => {
      const worldNow: PositionsWorld = { actors: new Map(read.actors.map((entry) => [entry.id, entry])), issues: read.issues, coders: read.coders, assignments: read.assignments, viewerId: read.viewerId }
      const unpacked = unpackResult(behind.record.packed)!
      caughtUp = catchUpStored({ stored: unpacked, storedSeq: behind.record.seq, world: worldNow, snapshot: { seq: read.seq, facts: read.facts }, entries: read.entries, tail: read.tail })?.result ?? null
      expect(read.head).toBeGreaterThan(behind.record.seq)
      return Promise.resolve()
    })
    expect(reloaded.via).toBe('snapshot')
    expect(reloaded.since?.seq).toBe(loaded.seq)
    const now = computePositions(reloaded.claims, reloaded.articles, { ...world, actors: new Map(reloaded.actors.map((entry) => [entry.id, entry])) }, DEFAULT_OPTIONS)
    expect(caughtUp).not.toBeNull()
    expect(caughtUp!.counted).toBe(now.counted)
    const cellsOf = (positions: PositionsResult) => Object.fromEntries(positions.series.map((entry) => [entry.key, entry.cells.map((cell) => [cell.ordinal, cell.count, cell.sum])]))
    expect(cellsOf(caughtUp!)).toEqual(cellsOf(now))
  })

  it('the opening read: the stored positions and the snapshot read at once, and handed to the open as its read', async () => {
    // Nothing stored yet: no stored positions, no read to hand over; the open reads the fact tables.
    expect(await readOpening(db)).toEqual({ stored: null, read: null })
    const loaded = await loadPositions(db, undefined, undefined, undefined, null)
    expect(loaded.via).toBe('facts')
    const world: PositionsWorld = { actors: new Map(loaded.actors.map((entry) => [entry.id, entry])), issues: loaded.issues, coders: loaded.coders, assignments: loaded.assignments, viewerId: loaded.viewerId }
    const record = { seq: loaded.seq, viewerId: loaded.viewerId, claimCount: loaded.claims.length, sources: [], packed: packResult(computePositions(loaded.claims, loaded.articles, world, DEFAULT_OPTIONS)) }
    await savePositionsSnapshot(db, [...loaded.claims], loaded.articles, loaded.seq)
    await savePositionsResult(db, record)

    // Current: both read at the head, and the stored positions handed over first, on their own,
    // outside the transaction; the open takes the read as handed over, so a write after it is
    // not in what it loads (the open follows the journal from the read's seq).
    const handed: unknown[] = []
    const current = await readOpening(db, (stored) => handed.push(stored, Dexie.currentTransaction))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(handed).toEqual([current.stored, null])
    expect([current.stored?.current, current.stored?.head, current.stored?.actors.length]).toEqual([true, loaded.seq, 2])
    await db.claims.add(claim('c3', 'a1', 'i1', { articleId: 'art1' }))
    const fromRead = await loadPositions(db, undefined, undefined, undefined, current.read)
    expect([fromRead.via, fromRead.seq, ids(fromRead)]).toEqual(['snapshot', loaded.seq, ['c1', 'c2']])
    expect(fromRead.actors).toEqual(current.stored!.actors)

    // Behind: the read is at the head, past the stored positions; brought up to date from it,
    // they are the positions computed from what the open loads.
    await db.claims.update('c1', { stance: -2 })
    const behind = await readOpening(db)
    expect(behind.stored?.current).toBe(false)
    let caughtUp: PositionsResult | null = null
    const reloaded = await loadPositions(
      db,
      undefined,
      (read) => {
        expect(read.head).toBe(behind.stored!.head)
        const worldNow: PositionsWorld = { actors: new Map(read.actors.map((entry) => [entry.id, entry])), issues: read.issues, coders: read.coders, assignments: read.assignments, viewerId: read.viewerId }
        caughtUp = catchUpStored({ stored: unpackResult(behind.stored!.record.packed)!, storedSeq: behind.stored!.record.seq, world: worldNow, snapshot: { seq: read.seq, facts: read.facts }, entries: read.entries, tail: read.tail })?.result ?? null
        return Promise.resolve()
      },
      undefined,
      behind.read,
    )
    expect([reloaded.via, reloaded.tail, ids(reloaded)]).toEqual(['snapshot', 2, ['c1', 'c2', 'c3']])
    const now = computePositions(reloaded.claims, reloaded.articles, { ...world, actors: new Map(reloaded.actors.map((entry) => [entry.id, entry])) }, DEFAULT_OPTIONS)
    const cellsOf = (positions: PositionsResult) => Object.fromEntries(positions.series.map((entry) => [entry.key, entry.cells.map((cell) => [cell.ordinal, cell.count, cell.sum])]))
    expect(caughtUp).not.toBeNull()
    expect(cellsOf(caughtUp!)).toEqual(cellsOf(now))

    // The journal pruned past the snapshot: no read to hand over; the open reads the fact tables.
    await db.claims.add(claim('c4', 'a2', 'i1', { articleId: 'art2' }))
    await pruneJournal(db, 1)
    const pruned = await readOpening(db)
    expect([pruned.stored?.current, pruned.read]).toEqual([false, null])
    expect(ids(await loadPositions(db, undefined, undefined, undefined, pruned.read))).toEqual(['c1', 'c2', 'c3', 'c4'])
    await db.claims.delete('c4')

    // A damaged snapshot: the stored positions are still read; the open reads the fact tables.
    const snapshot = (await readPositionsSnapshot(db))!
    await db.positionsSnapshots.put({ ...snapshot, packed: { ...snapshot.packed, claimCount: 99 } })
    const damaged = await readOpening(db)
    expect(damaged.stored).not.toBeNull()
    const fallback = await loadPositions(db, undefined, undefined, undefined, damaged.read)
    expect([fallback.via, ids(fallback)]).toEqual(['facts', ['c1', 'c2', 'c3']])
  })

  it('an opening read that fails rejects once, leaving no rejection unhandled', async () => {
    const failing = vi.spyOn(db.positionsSnapshots, 'get').mockImplementation(() => Dexie.Promise.reject(new Error('disk gone')))
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      await expect(readOpening(db, () => undefined)).rejects.toThrow('disk gone')
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
      failing.mockRestore()
    }
  })

  it('a stored first screen is used only at the journal head, for the same viewer, and kept beside the other records', async () => {
    const loaded = await loadPositions(db)
    const world: PositionsWorld = { actors: new Map(loaded.actors.map((entry) => [entry.id, entry])), issues: loaded.issues, coders: loaded.coders, assignments: loaded.assignments, viewerId: loaded.viewerId }
    const result = computePositions(loaded.claims, loaded.articles, world, DEFAULT_OPTIONS)
    const view = buildPositionsView(result, world.actors, world.issues, { mode: 'actor-issue', text: '', showAll: false, onlyWithClaims: null })
    const record = {
      seq: loaded.seq,
      viewerId: loaded.viewerId,
      setup: 'month, sorted by claims',
      claimCount: loaded.claims.length,
      sources: ['AFP', 'WIN'],
      issues: loaded.issues,
      coders: loaded.coders,
      attributes: [],
      busiestIssueId: null,
      firstRows: packFirstRows(result, view, view.rows),
    }
    expect(await readStoredFirstRows(db)).toBeNull()
    expect(await savePositionsFirstRows(db, record)).toBe(true)
    await savePositionsResult(db, { seq: loaded.seq, viewerId: loaded.viewerId, claimCount: loaded.claims.length, sources: [], packed: packResult(result) })
    const stored = await readStoredFirstRows(db)
    expect(stored?.setup).toBe('month, sorted by claims')
    expect(unpackFirstRows(stored?.firstRows)?.view.rows.map((row) => row.id)).toEqual(view.rows.map((row) => row.id))
    await db.settings.put({ key: 'currentCoderId', value: 'someone' })
    expect(await readStoredFirstRows(db)).toBeNull()
    await db.settings.delete('currentCoderId')
    expect(await readStoredFirstRows(db)).not.toBeNull()
    expect(await savePositionsFirstRows(db, { ...record, seq: record.seq - 1 })).toBe(false)
    await db.claims.update('c1', { stance: -2 })
    expect(await readStoredFirstRows(db)).toBeNull()
    // Read early (as the app starts): taken by the next read unless something was written since.
    await savePositionsFirstRows(db, { ...record, seq: await journalHead(db) })
    readStoredFirstRowsEarly(db)
    const reads = vi.spyOn(db.positionsSnapshots, 'get')
    await new Promise((resolve) => setTimeout(resolve, 20))
    reads.mockClear()
    expect((await readStoredFirstRows(db))?.setup).toBe('month, sorted by claims')
    expect(reads).not.toHaveBeenCalled()
    readStoredFirstRowsEarly(db)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await db.claims.update('c1', { stance: 1 })
    reads.mockClear()
    // A save since: the stored first screen is behind, known without reading it again.
    expect(await readStoredFirstRows(db)).toBeNull()
    expect(reads).not.toHaveBeenCalled()
    await savePositionsFirstRows(db, { ...record, seq: await journalHead(db) })
    readStoredFirstRowsEarly(db)
    await db.settings.put({ key: 'currentCoderId', value: 'someone' })
    expect(await readStoredFirstRows(db)).toBeNull()
    await db.settings.delete('currentCoderId')
    // Another setting written since: the early read stands.
    readStoredFirstRowsEarly(db)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await db.settings.put({ key: 'export.bom', value: true })
    reads.mockClear()
    expect((await readStoredFirstRows(db))?.setup).toBe('month, sorted by claims')
    expect(reads).not.toHaveBeenCalled()
    // The coder setting written (to no coder, as before): read again, and current.
    readStoredFirstRowsEarly(db)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await db.settings.put({ key: 'currentCoderId', value: '' })
    reads.mockClear()
    expect((await readStoredFirstRows(db))?.setup).toBe('month, sorted by claims')
    expect(reads).toHaveBeenCalled()
    await db.settings.delete('currentCoderId')
    reads.mockRestore()
    // A rebuild of the projection drops it with the other positions records.
    await rebuildProjection(db)
    expect(await db.positionsSnapshots.get('positions-first-rows')).toBeUndefined()
  })

  it('falls back to the fact tables when the snapshot is damaged or the journal was pruned past it', async () => {
    const first = await loadPositions(db)
    await savePositionsSnapshot(db, [...first.claims], first.articles, first.seq)
    const record = (await readPositionsSnapshot(db))!
    await db.positionsSnapshots.put({ ...record, packed: { ...record.packed, claimCount: 99 } })
    expect((await loadPositions(db)).via).toBe('facts')

    db.close()
    db = fresh({ tail: 2, pruneEvery: 1 })
    await db.open()
    await db.claims.add(claim('c1', 'a1', 'i1'))
    const early = await loadPositions(db)
    await savePositionsSnapshot(db, [...early.claims], early.articles, early.seq)
    for (let index = 2; index < 8; index++) await db.claims.add(claim(`c${index}`, 'a1', 'i1'))
    await pruneJournal(db, 2)
    const late = await loadPositions(db)
    expect([late.via, late.claims.length]).toEqual(['facts', 7])
  })

  it('rebuilds the projection when records were written around Dexie', async () => {
    await savePositionsSnapshot(db, [...(await loadPositions(db)).claims], [], (await loadPositions(db)).seq)
    const idb = db.backendDB()
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(['claims', 'articles'], 'readwrite')
      tx.objectStore('claims').put(claim('raw', 'a2', 'i1', { articleId: 'art3' }))
      tx.objectStore('articles').put(article('art3', '2018-08-08'))
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('raw write failed'))
    })
    expect(await projectionInStep(db)).toBe(false)
    // From the snapshot the open does not count the records (a walk of every claim): it draws
    // what the snapshot and the journal hold, and the screen compares the counts when idle.
    const fromSnapshot = await loadPositions(db)
    expect([fromSnapshot.via, ids(fromSnapshot)]).toEqual(['snapshot', ['c1', 'c2']])
    const counts = await readRecordCounts(db)
    expect(counts).toEqual({ seq: fromSnapshot.seq, claims: 3, articles: 3 })
    expect(fromSnapshot.claims).toHaveLength(2)
    await rebuildProjection(db)
    const load = await loadPositions(db)
    expect([load.via, ids(load)]).toEqual(['facts', ['c1', 'c2', 'raw']])
    await expectInStep()
  })

  it('rebuilds the projection when records were written around Dexie and no snapshot is stored', async () => {
    const idb = db.backendDB()
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(['claims'], 'readwrite')
      tx.objectStore('claims').put(claim('raw', 'a2', 'i1', { articleId: 'art1' }))
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('raw write failed'))
    })
    const load = await loadPositions(db)
    expect([load.via, ids(load)]).toEqual(['rebuilt', ['c1', 'c2', 'raw']])
    await expectInStep()
  })
})

// --- Random edit sequences through the real write paths -------------------------------------

function worldOf(load: Awaited<ReturnType<typeof loadPositions>>): PositionsWorld {
  return { actors: new Map(load.actors.map((entry) => [entry.id, entry])), issues: load.issues, coders: load.coders, assignments: load.assignments, viewerId: load.viewerId }
}

function applyTo(engine: PositionsEngine, changes: PositionsChanges): void {
  engine.apply({
    claims: changes.claims,
    articles: changes.articles,
    actors: changes.actors,
    ...(changes.issues ? { issues: changes.issues } : {}),
    ...(changes.coders ? { coders: changes.coders } : {}),
    ...(changes.assignments ? { assignments: changes.assignments } : {}),
    ...(changes.viewerId !== engine.getWorld().viewerId ? { viewerId: changes.viewerId } : {}),
  })
}

describe('random edit sequences through the real write paths', () => {
  it('keep the projection equal to a fresh recompute, and incremental positions equal to a full recompute', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const next = mulberry32(seed)
      const int = (n: number): number => Math.floor(next() * n)
      const pick = <T,>(list: readonly T[]): T => list[int(list.length)]!
      const dates = ['2024-01-05', '2024-02-11', '2024-06-30', '2025-01-01', '']
      await db.transaction('rw', [db.actors, db.issues, db.articles], async () => {
        await db.actors.bulkPut(['a1', 'a2', 'a3', 'a4'].map((id, index) => actor(id, `Actor ${id}`, [], { kind: index % 2 === 0 ? 'person' : 'party', attributes: { party: [pick(['CDU', 'SPD'])] } })))
        await db.issues.bulkPut([issue('t1', 'Top one'), issue('t2', 'Top two'), issue('k1', 'Child', { parentId: 't1' }), issue('k2', 'Child two', { parentId: 't2' })])
        await db.articles.bulkPut(['p1', 'p2', 'p3'].map((id) => article(id, pick(dates), pick(['WIN', 'AFP']))))
      })
      const options: PositionsOptions = {
        ...DEFAULT_OPTIONS,
        bucketSize: pick(['week', 'month', 'year'] as const),
        level: pick(['coded', 'top'] as const),
        groupBy: pick([{ kind: 'actor' }, { kind: 'attribute', name: 'party' }, { kind: 'kind' }] as const),
      }
      const start = await loadPositions(db)
      const engine = new PositionsEngine(start.claims, start.articles, worldOf(start), options)
      engine.result()
      let seq = start.seq
      let made = 0
      const undo: Parameters<typeof applyChangeSet>[1][] = []
      for (let step = 0; step < 25; step++) {
        const claims = await db.claims.toArray()
        const roll = next()
        const someClaim = (): Claim | undefined => (claims.length > 0 ? pick(claims) : undefined)
        const newClaim = (): Claim =>
          claim(`s${seed}-c${made++}`, pick(['a1', 'a2', 'a3', 'a4', 'gone']), pick(['t1', 't2', 'k1', 'k2']), {
            articleId: pick(['p1', 'p2', 'p3']),
            date: pick(dates),
            stance: pick([-2, -1, 0, 1, 2] as Stance[]),
            issueIds: [...new Set([pick(['t1', 'k1']), pick(['k1', 'k2', 't2'])])],
            createdAt: `2025-01-01T00:00:${String(step).padStart(2, '0')}.000Z`,
          })
        if (roll < 0.25) await db.claims.bulkPut(Array.from({ length: 1 + int(4) }, newClaim))
        else if (roll < 0.35 && someClaim()) await db.claims.update(someClaim()!.id, { stance: pick([-2, 2] as Stance[]), date: pick(dates) })
        else if (roll < 0.42 && someClaim()) undo.push(await deleteClaim(db, someClaim()!.id))
        else if (roll < 0.48 && undo.length > 0) await applyChangeSet(db, invertChangeSet(undo.pop()!, new Date().toISOString()))
        else if (roll < 0.56) await db.articles.update(pick(['p1', 'p2', 'p3']), { publishedAt: pick(dates), source: pick(['WIN', 'AFP', 'dpa']) })
        else if (roll < 0.64) await db.actors.update(pick(['a1', 'a2', 'a3', 'a4']), { attributes: { party: [pick(['CDU', 'SPD', 'Greens'])] }, kind: pick(['person', 'party']) })
        else if (roll < 0.7) await db.issues.update(pick(['k1', 'k2']), { parentId: pick(['t1', 't2', null]) })
        else if (roll < 0.76) await db.claims.where('actorId').equals(pick(['a1', 'a2'])).modify({ stance: 1 })
        else if (roll < 0.8 && (await db.actors.count()) > 2) await mergeActors(db, 'a1', [pick(['a2', 'a3'])]).catch(() => undefined)
        else if (roll < 0.84) await db.articles.put(article(pick(['p1', 'p2', 'p3', 'p4']), pick(dates), 'Reuters'))
        else if (roll < 0.88) await db.claims.bulkDelete(claims.slice(0, 2).map((entry) => entry.id))
        else await db.claims.add(newClaim())

        await expectInStep(db, `seed ${seed} step ${step}`)
        const changes = await readPositionsChanges(db, seq)
        expect(changes.complete).toBe(true)
        applyTo(engine, changes)
        seq = changes.head
        const now = await loadPositions(db)
        const full = computePositions(now.claims, now.articles, worldOf(now), options)
        expect(asReference(engine.result()), `seed ${seed} step ${step}`).toEqual(asReference(full))
      }
      await db.transaction('rw', db.workspaceTables, async () => {
        for (const table of db.workspaceTables) await table.clear()
      })
    }
  })

  it('a follower sees writes from this window and a worker, and the current coder changing', async () => {
    const seen: PositionsChanges[] = []
    const stop = followPositions(db, (await loadPositions(db)).seq, (changes) => seen.push(changes), (error) => {
      throw error
    })
    await db.claims.add(claim('c1', 'a1', 'i1'))
    const worker = workerDatabase(db.name)
    await worker.claims.put(claim('c2', 'a1', 'i1'))
    worker.close()
    await db.settings.put({ key: 'currentCoderId', value: 'someone' })
    await expect.poll(() => seen.flatMap((changes) => changes.claims.map((entry) => entry.id))).toEqual(['c1', 'c2'])
    await expect.poll(() => seen.at(-1)?.viewerId).toBe('someone')
    stop()
  })
})
