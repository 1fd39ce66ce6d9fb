import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { followActorUsage } from '../../../renderer/src/db/queries/actorUsage'
import { journalHead } from '../../../renderer/src/db/journal'
import { readRecordIds, savePositionsSnapshot, saveRecordIds } from '../../../renderer/src/db/projection'
import { followClaimIssueLists } from '../../../renderer/src/db/queries/claimIssues'
import { followKeyCounts } from '../../../renderer/src/db/queries/keyCounts'
import { followRecordCounts, type RecordCounts } from '../../../renderer/src/db/queries/recordCounts'
import { createActor, deleteActor, mergeActors, type ActorUsage } from '../../../renderer/src/db/repositories/actors'
import { storeImportedArticles } from '../../../renderer/src/db/repositories/articles'
import { applyChangeSet, writeEdits } from '../../../renderer/src/db/repositories/recordChanges'
import { deleteEdit, invertChangeSet, putEdit, type ChangeSet } from '../../../renderer/src/domain/changeHistory'
import type { Id, SyncedTable } from '../../../renderer/src/domain/model'
import { actor, article, claim, issue, LEAD } from '../team/fixtures'
import { actorUsage, claimIssueLists } from './fullRecounts'

// The Actors screen's usage column, the Codebook's claims per issue and the status bar's counts
// are applied write by write from the change journal. Here they are compared with a full
// recount (every claim's and mention's actor and every claim's issues read from the indexes,
// every table counted) after random sequences of the writes the app makes: claims tagged, moved to another actor and deleted, mentions, imports of claims
// and of articles, actors created, merged and deleted, and undo.

const TABLES: SyncedTable[] = ['articles', 'actors', 'issues', 'claims', 'mentions']
const ACTORS = ['a0', 'a1', 'a2', 'a3']
const NOW = '2025-03-02T00:00:00.000Z'

type Operation =
  | { type: 'tag'; id: number; actor: number; issues: number }
  | { type: 'move'; id: number; actor: number }
  | { type: 'untag'; id: number }
  | { type: 'mention'; id: number; actor: number; remove: boolean }
  | { type: 'importClaims'; from: number; actor: number }
  | { type: 'importArticles'; from: number; count: number }
  | { type: 'createActor'; actor: number }
  | { type: 'merge'; survivor: number; absorbed: number }
  | { type: 'deleteActor'; actor: number; reassignTo: number | null }
  | { type: 'undo' }

const operation = fc.oneof(
  fc.record({ type: fc.constant('tag' as const), id: fc.integer({ min: 0, max: 12 }), actor: fc.integer({ min: 0, max: 3 }), issues: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ type: fc.constant('move' as const), id: fc.integer({ min: 0, max: 12 }), actor: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ type: fc.constant('untag' as const), id: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ type: fc.constant('mention' as const), id: fc.integer({ min: 0, max: 6 }), actor: fc.integer({ min: 0, max: 3 }), remove: fc.boolean() }),
  fc.record({ type: fc.constant('importClaims' as const), from: fc.integer({ min: 0, max: 80 }), actor: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ type: fc.constant('importArticles' as const), from: fc.integer({ min: 0, max: 80 }), count: fc.integer({ min: 1, max: 70 }) }),
  fc.record({ type: fc.constant('createActor' as const), actor: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ type: fc.constant('merge' as const), survivor: fc.integer({ min: 0, max: 3 }), absorbed: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ type: fc.constant('deleteActor' as const), actor: fc.integer({ min: 0, max: 3 }), reassignTo: fc.option(fc.integer({ min: 0, max: 3 })) }),
  fc.record({ type: fc.constant('undo' as const) }),
)

async function perform(db: StandpointDB, op: Operation, history: ChangeSet[]): Promise<void> {
  const actorId = (index: number): Id => ACTORS[index]!
  const exists = async (id: Id): Promise<boolean> => (await db.actors.get(id)) !== undefined
  switch (op.type) {
    case 'tag':
    case 'move': {
      const existing = await db.claims.get(`c${op.id}`)
      if (op.type === 'move' && !existing) return
      if (!(await exists(actorId(op.actor)))) return
      const base = existing ?? claim(`c${op.id}`, LEAD.id, { articleId: 'art-1', issueIds: ['i1'] })
      // A tag may also change the claim's issues (one, the other, or both).
      const issueIds = op.type === 'tag' ? [['i1'], ['i2'], ['i2', 'i1']][op.issues]! : base.issueIds
      history.push(await writeEdits(db, 'Tag claim', [putEdit('claims', { ...base, actorId: actorId(op.actor), issueIds, updatedAt: NOW })]))
      return
    }
    case 'untag':
      if (await db.claims.get(`c${op.id}`)) history.push(await writeEdits(db, 'Delete claim', [deleteEdit('claims', `c${op.id}`)]))
      return
    case 'mention': {
      const id = `m${op.id}`
      if (op.remove) {
        if (await db.mentions.get(id)) history.push(await writeEdits(db, 'Delete mention', [deleteEdit('mentions', id)]))
      } else if (await exists(actorId(op.actor))) {
        const mention = { id, articleId: 'art-1', actorId: actorId(op.actor), anchor: { exact: 'The', prefix: '', suffix: '', start: 0, end: 3 }, createdAt: NOW, updatedAt: NOW, coderId: LEAD.id, updatedBy: LEAD.id }
        history.push(await writeEdits(db, 'Mention', [putEdit('mentions', mention)]))
      }
      return
    }
    case 'importClaims':
      // A claims import writes in bulk (more records than Dexie names in its change notice).
      if (await exists(actorId(op.actor))) {
        await db.claims.bulkPut(Array.from({ length: 60 }, (_, k) => claim(`b${op.from + k}`, LEAD.id, { articleId: 'art-1', issueIds: ['i1'], actorId: actorId(op.actor) })))
      }
      return
    case 'importArticles':
      await storeImportedArticles(
        db,
        Array.from({ length: op.count }, (_, k) => {
          const { id: _id, importedAt: _importedAt, updatedAt: _updatedAt, ...rest } = article(`x${op.from + k}`)
          return { ...rest, contentHash: `hash-${op.from + k}` }
        }),
        NOW,
      )
      return
    case 'createActor':
      if (!(await exists(actorId(op.actor)))) history.push(await createActor(db, actor(actorId(op.actor), `Actor ${op.actor}`)))
      return
    case 'merge':
      if (op.survivor !== op.absorbed && (await exists(actorId(op.survivor))) && (await exists(actorId(op.absorbed)))) {
        history.push((await mergeActors(db, actorId(op.survivor), [actorId(op.absorbed)])).set)
      }
      return
    case 'deleteActor': {
      const to = op.reassignTo === null ? null : actorId(op.reassignTo)
      if (!(await exists(actorId(op.actor))) || to === actorId(op.actor) || (to !== null && !(await exists(to)))) return
      history.push((await deleteActor(db, actorId(op.actor), to === null ? { kind: 'delete' } : { kind: 'reassign', to })).set)
      return
    }
    case 'undo': {
      const set = history.pop()
      // An undo that meets records edited since is refused by the app too; nothing is written.
      if (set) await applyChangeSet(db, invertChangeSet(set, NOW)).catch(() => undefined)
      return
    }
  }
}

async function recountTables(db: StandpointDB): Promise<RecordCounts> {
  const counts = { articles: 0, actors: 0, issues: 0, claims: 0, mentions: 0, coders: 0, assignments: 0 }
  for (const table of TABLES) counts[table] = await db.table(table).count()
  return counts
}

async function seedWorkspace(db: StandpointDB): Promise<void> {
  await db.transaction('rw', [db.coders, db.settings, db.articles, db.actors, db.issues, db.claims], async () => {
    await db.coders.add(LEAD)
    await db.settings.put({ key: 'currentCoderId', value: LEAD.id })
    await db.articles.add(article('art-1'))
    await db.actors.bulkAdd([actor('a0', 'Actor 0'), actor('a1', 'Actor 1')])
    await db.issues.bulkAdd([issue('i1', 'Ceasefire'), issue('i2', 'Talks')])
    await db.claims.bulkAdd([claim('c0', LEAD.id, { articleId: 'art-1', issueIds: ['i1'], actorId: 'a0' }), claim('c1', LEAD.id, { articleId: 'art-1', issueIds: ['i1'], actorId: 'a1' })])
  })
}

/** Stores the positions snapshot as Positions does: the fact tables as they stand, with the journal's head. */
async function storeSnapshot(db: StandpointDB): Promise<void> {
  const [claims, articles, seq] = await db.transaction('r', [db.claimFacts, db.articleFacts, db.journal, db.settings], () =>
    Promise.all([db.claimFacts.toArray(), db.articleFacts.toArray(), journalHead(db)]),
  )
  await savePositionsSnapshot(db, claims, articles, seq)
}

/** Stores every table's ids with the journal's head, as the record counts do after a walk. */
async function storeRecordIds(db: StandpointDB): Promise<void> {
  const [keys, seq] = await db.transaction('r', [...TABLES.map((table) => db.table(table)), db.journal, db.settings], () =>
    Promise.all([Promise.all(TABLES.map((table) => db.table(table).toCollection().primaryKeys() as Promise<Id[]>)), journalHead(db)]),
  )
  await saveRecordIds(db, seq, TABLES, Object.fromEntries(TABLES.map((table, index) => [table, keys[index]])))
}

/** Claims per article, read whole from the index. */
async function claimsPerArticle(db: StandpointDB): Promise<[Id, number][]> {
  const tally = new Map<Id, number>()
  for (const key of await db.claims.orderBy('articleId').keys()) tally.set(key as Id, (tally.get(key as Id) ?? 0) + 1)
  return [...tally].sort(([a], [b]) => (a < b ? -1 : 1))
}

const sorted = (usage: ReadonlyMap<Id, ActorUsage>): [Id, ActorUsage][] => [...usage].sort(([a], [b]) => (a < b ? -1 : 1))
const sortedLists = (lists: readonly (readonly Id[])[]): string[] => lists.map((list) => [...list].sort().join('+')).sort()
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5))

describe('live counts from the change journal', () => {
  it('keep actor usage and record counts equal to a full recount after random edit sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 25 }), fc.boolean(), fc.boolean(), async (operations, smallJournal, pauses) => {
        // A small journal is pruned under the followers' feet now and then: they must read again.
        const db = new StandpointDB(`live-counts-${crypto.randomUUID()}`, undefined, smallJournal ? { tail: 5, pruneEvery: 3 } : undefined)
        await db.open()
        await seedWorkspace(db)
        let usage: Map<Id, ActorUsage> | null = null
        let counts: RecordCounts | null = null
        let issueLists: readonly (readonly Id[])[] | null = null
        const errors: unknown[] = []
        const stopUsage = followActorUsage(db, (next) => (usage = next), (error) => errors.push(error))
        const stopCounts = followRecordCounts(db, TABLES, (next) => (counts = next), (error) => errors.push(error))
        const stopIssues = followClaimIssueLists(db, (next) => (issueLists = next), (error) => errors.push(error))
        const history: ChangeSet[] = []
        for (const op of operations) {
          await perform(db, op, history)
          if (pauses && Math.random() < 0.5) await settle()
        }
        const expectedUsage = JSON.stringify(sorted(await actorUsage(db)))
        const expectedCounts = JSON.stringify(await recountTables(db))
        const expectedIssues = JSON.stringify(sortedLists(await claimIssueLists(db)))
        const same = (): boolean =>
          usage !== null &&
          counts !== null &&
          issueLists !== null &&
          JSON.stringify(sorted(usage)) === expectedUsage &&
          JSON.stringify(counts) === expectedCounts &&
          JSON.stringify(sortedLists(issueLists)) === expectedIssues
        // The followers apply a write after its change notice: give them time, then compare.
        for (let wait = 0; wait < 200 && !same(); wait++) await settle()
        expect(errors).toEqual([])
        expect(usage && sorted(usage)).toEqual(sorted(await actorUsage(db)))
        expect(counts).toEqual(await recountTables(db))
        expect(issueLists && sortedLists(issueLists)).toEqual(sortedLists(await claimIssueLists(db)))
        stopUsage()
        stopCounts()
        stopIssues()
        db.close()
        await StandpointDB.delete(db.name)
      }),
      { numRuns: 40 },
    )
  })

  it('apply a single write without reading any table again', async () => {
    const db = new StandpointDB(`live-counts-single-${crypto.randomUUID()}`)
    await db.open()
    await db.coders.add(LEAD)
    await db.articles.add(article('art-1'))
    await db.actors.bulkAdd([actor('a0', 'Actor 0'), actor('a1', 'Actor 1')])
    await db.issues.add(issue('i1', 'Ceasefire'))
    await db.claims.bulkAdd(Array.from({ length: 200 }, (_, k) => claim(`c${k}`, LEAD.id, { articleId: 'art-1', issueIds: ['i1'], actorId: 'a0' })))
    let usage: Map<Id, ActorUsage> | null = null
    let counts: RecordCounts | null = null
    const stopUsage = followActorUsage(db, (next) => (usage = next), (error) => { throw error })
    const stopCounts = followRecordCounts(db, TABLES, (next) => (counts = next), (error) => { throw error })
    let issueLists: readonly (readonly Id[])[] = []
    const stopIssues = followClaimIssueLists(db, (next) => (issueLists = next), (error) => { throw error })
    for (let wait = 0; wait < 200 && (usage === null || counts === null || issueLists.length === 0); wait++) await settle()
    expect(usage!.get('a0')).toEqual({ claims: 200, mentions: 0 })
    const wholeReads = TABLES.flatMap((table) => [vi.spyOn(db.table(table), 'orderBy'), vi.spyOn(db.table(table), 'toCollection'), vi.spyOn(db.table(table), 'count')])
    const moved = (await db.claims.get('c7'))!
    await writeEdits(db, 'Edit claim', [putEdit('claims', { ...moved, actorId: 'a1' })])
    await writeEdits(db, 'Tag claim', [putEdit('claims', claim('new', LEAD.id, { articleId: 'art-1', issueIds: ['i1'], actorId: 'a1' }))])
    for (let wait = 0; wait < 200 && (usage!.get('a1')?.claims !== 2 || counts!.claims !== 201 || issueLists.length !== 201); wait++) await settle()
    expect(issueLists).toHaveLength(201)
    expect(usage!.get('a0')).toEqual({ claims: 199, mentions: 0 })
    expect(usage!.get('a1')).toEqual({ claims: 2, mentions: 0 })
    expect(counts!.claims).toBe(201)
    for (const spy of wholeReads) expect(spy).not.toHaveBeenCalled()
    stopUsage()
    stopCounts()
    stopIssues()
    db.close()
    await StandpointDB.delete(db.name)
  })

  it('start from the stored positions snapshot and stay equal to a full recount, whatever was written before and after it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 12 }), fc.array(operation, { maxLength: 12 }), fc.array(operation, { maxLength: 12 }), fc.boolean(), async (before, between, after, smallJournal) => {
        const db = new StandpointDB(`live-counts-seed-${crypto.randomUUID()}`, undefined, smallJournal ? { tail: 5, pruneEvery: 3 } : undefined)
        await db.open()
        await seedWorkspace(db)
        const history: ChangeSet[] = []
        for (const op of before) await perform(db, op, history)
        await storeSnapshot(db)
        // Written after the snapshot and before anyone follows: the journal's tail brings these.
        for (const op of between) await perform(db, op, history)
        let usage: Map<Id, ActorUsage> | null = null
        let counts: RecordCounts | null = null
        let issueLists: readonly (readonly Id[])[] | null = null
        let perArticle: [Id, number][] | null = null
        const errors: unknown[] = []
        const stops = [
          followActorUsage(db, (next) => (usage = next), (error) => errors.push(error)),
          followRecordCounts(db, TABLES, (next) => (counts = next), (error) => errors.push(error)),
          followClaimIssueLists(db, (next) => (issueLists = next), (error) => errors.push(error)),
          followKeyCounts(db, 'claims', 'articleId', (next) => (perArticle = [...next].sort(([a], [b]) => (a < b ? -1 : 1))), (error) => errors.push(error)),
        ]
        for (const op of after) await perform(db, op, history)
        const expected = async (): Promise<string> =>
          JSON.stringify([sorted(await actorUsage(db)), await recountTables(db), sortedLists(await claimIssueLists(db)), await claimsPerArticle(db)])
        const want = await expected()
        const current = (): string | null =>
          usage && counts && issueLists && perArticle ? JSON.stringify([sorted(usage), counts, sortedLists(issueLists), perArticle]) : null
        for (let wait = 0; wait < 200 && current() !== want; wait++) await settle()
        expect(errors).toEqual([])
        expect(current()).toBe(want)
        for (const stop of stops) stop()
        db.close()
        await StandpointDB.delete(db.name)
      }),
      { numRuns: 40 },
    )
  })

  it('do not walk the claims or articles at the start when a usable snapshot is stored', async () => {
    const db = new StandpointDB(`live-counts-start-${crypto.randomUUID()}`)
    await db.open()
    await seedWorkspace(db)
    await db.claims.bulkAdd(Array.from({ length: 300 }, (_, k) => claim(`s${k}`, LEAD.id, { articleId: 'art-1', issueIds: ['i2', 'i1'], actorId: 'a1' })))
    await storeSnapshot(db)
    await writeEdits(db, 'Tag claim', [putEdit('claims', claim('late', LEAD.id, { articleId: 'art-1', issueIds: ['i2'], actorId: 'a0' }))])
    const walks = (['claims', 'articles'] as const).flatMap((table) => [vi.spyOn(db.table(table), 'orderBy'), vi.spyOn(db.table(table), 'toCollection'), vi.spyOn(db.table(table), 'count')])
    let counts = null as RecordCounts | null
    let issueLists: readonly (readonly Id[])[] = []
    const stopCounts = followRecordCounts(db, ['articles', 'actors', 'issues', 'claims'], (next) => (counts = next), (error) => { throw error })
    const stopIssues = followClaimIssueLists(db, (next) => (issueLists = next), (error) => { throw error })
    let onlySeeded = null as RecordCounts | null
    const stopSeeded = followRecordCounts(db, ['claims', 'articles'], (next) => (onlySeeded = next), (error) => { throw error })
    for (let wait = 0; wait < 200 && (counts?.claims !== 303 || issueLists.length !== 303 || onlySeeded?.claims !== 303); wait++) await settle()
    expect(onlySeeded).toMatchObject({ articles: 1, claims: 303 })
    stopSeeded()
    expect(counts).toMatchObject({ articles: 1, actors: 2, issues: 2, claims: 303 })
    expect(issueLists.filter((list) => list.length === 2)).toHaveLength(300)
    for (const spy of walks) expect(spy).not.toHaveBeenCalled()
    stopCounts()
    stopIssues()
    db.close()
    await StandpointDB.delete(db.name)
  })

  it('stop counting from the snapshot when stopped midway (a screen left before its count was done)', async () => {
    const db = new StandpointDB(`live-counts-stop-${crypto.randomUUID()}`)
    await db.open()
    await seedWorkspace(db)
    await db.claims.bulkAdd(Array.from({ length: 5_000 }, (_, k) => claim(`s${k}`, LEAD.id, { articleId: 'art-1', issueIds: ['i1'], actorId: 'a1' })))
    await storeSnapshot(db)
    // Every slice over budget: the count gives the thread back every 1,024 facts.
    let now = 0
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 10))
    const fail = (error: unknown): void => {
      throw error
    }
    try {
      // The count asks `visible` once per fact it reaches.
      const seen = vi.fn(() => true)
      const whole = vi.fn()
      const stopWhole = followKeyCounts(db, 'claims', 'issueIds', whole, fail, seen)
      for (let wait = 0; wait < 400 && whole.mock.calls.length === 0; wait++) await settle()
      stopWhole()
      expect(seen).toHaveBeenCalledTimes(5_002)

      // Stopped at the 1,500th fact, from inside the loop: it ends at the next pause (2,048).
      let stop = (): void => undefined
      const reached = vi.fn(() => {
        if (reached.mock.calls.length === 1_500) stop()
        return true
      })
      const partial = vi.fn()
      stop = followKeyCounts(db, 'claims', 'issueIds', partial, fail, reached)
      for (let wait = 0; wait < 40; wait++) await settle()
      expect(reached.mock.calls.length).toBeGreaterThanOrEqual(1_500)
      expect(reached.mock.calls.length).toBeLessThanOrEqual(2_048)
      expect(partial).not.toHaveBeenCalled()
    } finally {
      clock.mockRestore()
      db.close()
      await StandpointDB.delete(db.name)
    }
  })

  it('start from the stored record ids and stay equal to a full recount, whatever was written before and after them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 12 }), fc.array(operation, { maxLength: 12 }), fc.array(operation, { maxLength: 12 }), fc.boolean(), async (before, between, after, smallJournal) => {
        const db = new StandpointDB(`live-counts-ids-${crypto.randomUUID()}`, undefined, smallJournal ? { tail: 5, pruneEvery: 3 } : undefined)
        await db.open()
        await seedWorkspace(db)
        const history: ChangeSet[] = []
        for (const op of before) await perform(db, op, history)
        await storeRecordIds(db)
        for (const op of between) await perform(db, op, history)
        let counts: RecordCounts | null = null
        const errors: unknown[] = []
        const stop = followRecordCounts(db, TABLES, (next) => (counts = next), (error) => errors.push(error))
        for (const op of after) await perform(db, op, history)
        const want = JSON.stringify(await recountTables(db))
        for (let wait = 0; wait < 200 && JSON.stringify(counts) !== want; wait++) await settle()
        expect(errors).toEqual([])
        expect(JSON.stringify(counts)).toBe(want)
        stop()
        db.close()
        await StandpointDB.delete(db.name)
      }),
      { numRuns: 40 },
    )
  })

  it('store the ids after walking a large table, and start from them next time without a walk', async () => {
    const db = new StandpointDB(`live-counts-stored-ids-${crypto.randomUUID()}`)
    await db.open()
    await seedWorkspace(db)
    await db.articles.bulkAdd(Array.from({ length: 30 }, (_, k) => article(`bulk-${k}`)))
    const tables: SyncedTable[] = ['articles', 'actors', 'issues']
    let first = null as RecordCounts | null
    const stopFirst = followRecordCounts(db, tables, (next) => (first = next), (error) => { throw error }, { storeIdsFrom: 20 })
    for (let wait = 0; wait < 400 && (await readRecordIds(db, tables)) === undefined; wait++) await settle()
    expect(first).toMatchObject({ articles: 31, actors: 2, issues: 2 })
    expect((await readRecordIds(db, tables))?.ids.articles).toHaveLength(31)
    stopFirst()
    // Written after the ids were stored: the journal brings it.
    await db.articles.delete('bulk-3')
    const walks = tables.flatMap((table) => [vi.spyOn(db.table(table), 'orderBy'), vi.spyOn(db.table(table), 'toCollection'), vi.spyOn(db.table(table), 'count')])
    let next = null as RecordCounts | null
    const stop = followRecordCounts(db, tables, (counts) => (next = counts), (error) => { throw error })
    for (let wait = 0; wait < 200 && next?.articles !== 30; wait++) await settle()
    expect(next).toMatchObject({ articles: 30, actors: 2, issues: 2 })
    for (const spy of walks) expect(spy).not.toHaveBeenCalled()
    // Another set of tables has ids of its own: it walks rather than read these.
    expect(await readRecordIds(db, ['articles', 'claims'])).toBeUndefined()
    stop()
    db.close()
    await StandpointDB.delete(db.name)
  })
})
