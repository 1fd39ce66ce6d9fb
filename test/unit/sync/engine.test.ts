import 'fake-indexeddb/auto'
import PouchDB from 'pouchdb-core'
import HttpAdapter from 'pouchdb-adapter-http'
import MemoryAdapter from 'pouchdb-adapter-memory'
import Replication from 'pouchdb-replication'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startCouchServer, type CouchTestServer } from '../../../scripts/lib/couchServer.cjs'
import { SyncEngine, type PouchStatic } from '../../../renderer/src/features/sync/engine/engine'
import { DirectTransfer } from '../../../renderer/src/features/sync/engine/directTransfer'
import { SyncBook } from '../../../renderer/src/db/sync/syncBook'
import type { SyncStatus } from '../../../renderer/src/features/sync/engine/status'
import { FakeWorkspace } from './fakeWorkspace'

// The sync engine against a real CouchDB-protocol server (scripts/couch-test-server.mjs, a
// child process that can be stopped and started again on its data), with two workspaces in
// memory standing for two members' machines. Both must converge to identical tables, and
// every case the issue lists ends with nothing lost.

const Pouch = PouchDB.plugin(MemoryAdapter).plugin(HttpAdapter).plugin(Replication) as unknown as PouchStatic

let server: CouchTestServer
beforeAll(async () => {
  server = await startCouchServer({ port: 0 })
  await server.createUser('alice', 'alice-pw')
  await server.createUser('bob', 'bob-pw')
})
afterAll(async () => server.dispose())

let running: SyncEngine[] = []
afterEach(async () => {
  for (const engine of running) await engine.close()
  running = []
  await server.start()
})

let counter = 0
interface Member {
  workspace: FakeWorkspace
  engine: SyncEngine
  statuses: SyncStatus[]
  last(): SyncStatus
}

function member(database: string, user: 'alice' | 'bob', workspace = new FakeWorkspace(), password = `${user}-pw`, workspaceName = `ws-${++counter}`): Member {
  const statuses: SyncStatus[] = []
  const engine = new SyncEngine(
    { serverUrl: server.url, database, userName: user, password },
    { Pouch, localAdapter: 'memory', workspace, workspaceName, schema: 4, onStatus: (status) => statuses.push(status), tick: 100 },
  )
  workspace.onChange = () => engine.schedule()
  running.push(engine)
  return { workspace, engine, statuses, last: () => statuses.at(-1)! }
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const actor = (id: string, name: string, updatedAt = '2026-01-01T00:00:00.000Z') => ({ id, name, kind: 'person', aliases: [], notes: '', attributes: {}, createdAt: '2026-01-01T00:00:00.000Z', updatedAt, updatedBy: '' })

async function converged(a: Member, b: Member): Promise<boolean> {
  await a.engine.settle()
  await b.engine.settle()
  const same = JSON.stringify(a.workspace.dump()) === JSON.stringify(b.workspace.dump())
  if (!same && process.env.DEBUG_SYNC) console.log(JSON.stringify(a.workspace.dump()).slice(0, 3000), '\n---\n', JSON.stringify(b.workspace.dump()).slice(0, 3000))
  return same
}

describe('sync engine, two members and one server', () => {
  it('uploads a workspace to an empty database, downloads it into an empty one, then carries every edit across', async () => {
    await server.createDatabase('upload', ['alice', 'bob'])
    const a = member('upload', 'alice')
    for (let i = 0; i < 30; i++) a.workspace.put('actors', actor(`actor-${i}`, `Actor ${i}`))
    await a.engine.start()
    await until(() => a.last().state === 'connected' && a.last().sending === 0, 'A to upload')
    expect((await server.allDocs('upload')).length).toBe(30)

    const b = member('upload', 'bob')
    await b.engine.start()
    await until(() => b.workspace.tables.get('actors')!.size === 30, 'B to download')
    expect(await converged(a, b)).toBe(true)

    a.workspace.put('actors', { ...actor('actor-3', 'Renamed on A'), updatedAt: '2026-02-01T00:00:00.000Z' })
    await until(() => b.workspace.get('actors', 'actor-3')?.name === 'Renamed on A', 'the edit to reach B')
    b.workspace.remove('actors', 'actor-4')
    await until(() => !a.workspace.get('actors', 'actor-4') && a.workspace.tombstones.has('actor-4'), 'the deletion to reach A')
    await until(() => converged(a, b), 'convergence')
    expect(a.last().conflicts).toBe(0)
  })

  it('keeps both versions of a record edited on both sides while the server was down, shows the same winner on both, and a resolution on one side clears it on the other', async () => {
    await server.createDatabase('offline', ['alice', 'bob'])
    const a = member('offline', 'alice')
    a.workspace.put('actors', actor('x', 'Original'))
    a.workspace.put('actors', actor('y', 'Only A edits this'))
    await a.engine.start()
    const b = member('offline', 'bob')
    await b.engine.start()
    await until(() => b.workspace.tables.get('actors')!.size === 2, 'B to download')

    await server.stop()
    a.workspace.put('actors', { ...actor('x', 'Edited on A'), updatedAt: '2026-03-01T00:00:00.000Z' })
    a.workspace.put('actors', { ...actor('y', 'A edited it offline'), updatedAt: '2026-03-01T00:00:00.000Z' })
    b.workspace.put('actors', { ...actor('x', 'Edited on B'), updatedAt: '2026-03-02T00:00:00.000Z' })
    await until(() => a.last().state === 'offline' && a.last().sending >= 2, 'A to queue its changes offline')
    await server.start()

    await until(() => a.last().conflicts === 1 && b.last().conflicts === 1, 'the conflict on both sides')
    await until(() => converged(a, b), 'convergence')
    expect(b.workspace.get('actors', 'y')?.name).toBe('A edited it offline')
    const winner = a.workspace.get('actors', 'x')!.name
    expect(['Edited on A', 'Edited on B']).toContain(winner)

    const [conflict] = await b.engine.conflicts()
    expect(conflict!.docId).toBe('actors:x')
    expect(conflict!.versions.map((version) => (version.state?.kind === 'record' ? version.state.record.name : null)).sort()).toEqual(['Edited on A', 'Edited on B'])
    const fromA = conflict!.versions.find((version) => version.state?.kind === 'record' && version.state.record.name === 'Edited on A')!
    if (fromA.state?.kind !== 'record') throw new Error('no version from A')
    await b.engine.resolve('actors:x', { kind: 'record', record: fromA.state.record })
    await until(() => a.last().conflicts === 0 && b.last().conflicts === 0, 'the resolution to clear the conflict on both')
    await until(() => converged(a, b), 'convergence after resolving')
    expect(a.workspace.get('actors', 'x')?.name).toBe('Edited on A')
  })

  it('makes a deletion against an edit a conflict, never a silent loss', async () => {
    await server.createDatabase('delete-edit', ['alice', 'bob'])
    const a = member('delete-edit', 'alice')
    a.workspace.put('actors', actor('z', 'Will be deleted on A'))
    await a.engine.start()
    const b = member('delete-edit', 'bob')
    await b.engine.start()
    await until(() => b.workspace.tables.get('actors')!.size === 1, 'B to download')

    await server.stop()
    a.workspace.remove('actors', 'z')
    b.workspace.put('actors', { ...actor('z', 'B kept working on it'), updatedAt: '2026-04-01T00:00:00.000Z' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    await server.start()

    await until(() => a.last().conflicts === 1 && b.last().conflicts === 1, 'the delete/edit conflict on both sides')
    await until(() => converged(a, b), 'convergence')
    const [conflict] = await a.engine.conflicts()
    expect(conflict!.versions.map((version) => version.state?.kind).sort()).toEqual(['deleted', 'record'])
    const edit = conflict!.versions.find((version) => version.state?.kind === 'record')!
    if (edit.state?.kind !== 'record') throw new Error('no edit among the versions')
    expect(edit.state.record.name).toBe('B kept working on it')
    // Keeping the edit brings the actor back on both sides.
    await a.engine.resolve('actors:z', { kind: 'record', record: edit.state.record })
    await until(() => b.workspace.get('actors', 'z')?.name === 'B kept working on it' && a.workspace.get('actors', 'z')?.name === 'B kept working on it', 'the kept edit on both')
    await until(() => a.last().conflicts === 0 && b.last().conflicts === 0, 'no conflict left')
    expect(await converged(a, b)).toBe(true)
  })

  it('receives a database that holds a conflict: both versions listed, the winner shown, and a resolution reaches the server', async () => {
    await server.createDatabase('held-conflict', ['alice'])
    const plain = Array.from({ length: 5 }, (_, index) => ({ _id: `actors:p${index}`, table: 'actors', schema: 4, record: actor(`p${index}`, `Plain ${index}`) }))
    expect((await server.request('POST', '/held-conflict/_bulk_docs', { docs: plain })).status).toBe(201)
    const branch = (hash: string, name: string) => ({ _id: 'actors:c', _rev: `1-${hash}`, table: 'actors', schema: 4, record: actor('c', name) })
    expect((await server.request('POST', '/held-conflict/_bulk_docs', { docs: [branch('a'.repeat(32), 'First'), branch('b'.repeat(32), 'Second')], new_edits: false })).status).toBe(201)

    const a = member('held-conflict', 'alice')
    await a.engine.start()
    await until(() => a.last().state === 'connected' && a.last().conflicts === 1, 'the held conflict to be listed')
    expect(a.workspace.tables.get('actors')!.size).toBe(6)
    // CouchDB's winner among equal generations: the greater revision id.
    expect(a.workspace.get('actors', 'c')?.name).toBe('Second')
    const [conflict] = await a.engine.conflicts()
    expect(conflict!.versions.map((version) => (version.state?.kind === 'record' ? version.state.record.name : null)).sort()).toEqual(['First', 'Second'])
    await a.engine.resolve('actors:c', { kind: 'record', record: { ...a.workspace.get('actors', 'c')!, name: 'Merged' } })
    await until(async () => (await server.allDocs('held-conflict')).some((doc) => doc._id === 'actors:c' && !(doc._conflicts as unknown[] | undefined)?.length && (doc.record as { name: string }).name === 'Merged'), 'the resolution on the server')
    await until(() => a.last().conflicts === 0 && a.workspace.get('actors', 'c')?.name === 'Merged', 'the resolution here')
  })

  it('sends a batch again after an interruption without a second copy or a conflict, and tells the upload from what others wrote', async () => {
    await server.createDatabase('resend', ['alice'])
    const workspace = new FakeWorkspace()
    for (let index = 0; index < 30; index++) workspace.put('actors', actor(`r${index}`, `Actor ${index}`))
    workspace.put('actors', actor('gone', 'Deleted before the upload'))
    workspace.remove('actors', 'gone')
    const remote = new Pouch(`${server.url}/resend`, { skip_setup: true, auth: { username: 'alice', password: 'alice-pw' } })
    const book = new SyncBook(`resend-${++counter}`)
    const transfer = new DirectTransfer(workspace, book, remote, 4)
    await transfer.upload(() => undefined, () => false)
    // The batch reached the server but, as if the app stopped there, its cursor was never saved;
    // meanwhile one record changed.
    await book.set('scanCursor', { tableIndex: 0, afterId: '' })
    await book.set('scanDone', 0)
    workspace.put('actors', actor('r7', 'Changed before the batch went again', '2026-06-01T00:00:00.000Z'))
    await transfer.upload(() => undefined, () => false)
    const docs = await server.allDocs('resend')
    expect(docs).toHaveLength(31)
    expect(docs.filter((doc) => (doc._conflicts as unknown[] | undefined)?.length)).toEqual([])
    const r7 = docs.find((doc) => doc._id === 'actors:r7')!
    expect((r7.record as { name: string }).name).toBe('Changed before the batch went again')
    expect(String(r7._rev)).toMatch(/^2-/)
    expect(docs.filter((doc) => String(doc._rev).startsWith('1-'))).toHaveLength(30)
    expect(docs.find((doc) => doc._id === 'actors:gone')?.tombstone).toBeDefined()
    expect((await transfer.othersSince(0)).ids).toEqual([])
    expect((await server.request('POST', '/resend/_bulk_docs', { docs: [{ _id: 'actors:theirs', table: 'actors', schema: 4, record: actor('theirs', 'Written by another member') }] })).status).toBe(201)
    expect((await transfer.othersSince(0)).ids).toEqual(['actors:theirs'])
    book.close()
    await remote.close()
  })

  it('asks the server nothing before a first upload, and tells its own documents from what others wrote while it was under way', async () => {
    await server.createDatabase('behind', ['alice', 'bob'])
    const workspace = new FakeWorkspace()
    // More than one batch, so the others write between two of them.
    for (let index = 0; index < 1_200; index++) workspace.put('actors', actor(`b${index}`, `Actor ${index}`))
    const remote = new Pouch(`${server.url}/behind`, { skip_setup: true, auth: { username: 'alice', password: 'alice-pw' } })
    let asked = 0
    const allDocs = remote.allDocs.bind(remote)
    remote.allDocs = (options) => {
      asked++
      return allDocs(options)
    }
    const book = new SyncBook(`behind-${++counter}`)
    // As the engine's first connection leaves it.
    await book.set('uploadSent', false)
    const transfer = new DirectTransfer(workspace, book, remote, 4)
    const other = async (docs: object[]) => expect((await server.request('POST', '/behind/_bulk_docs', { docs })).status).toBe(201)
    // Once the first batch is on the server, another member writes a new record and edits one of this upload's.
    let batches = 0
    const bulkDocs = remote.bulkDocs.bind(remote)
    remote.bulkDocs = async (docs, options) => {
      const answer = await bulkDocs(docs, options)
      if (++batches === 1) {
        const { body } = (await server.request('GET', '/behind/actors:b3')) as { body: { record: object } }
        await other([
          { _id: 'actors:theirs', table: 'actors', schema: 4, record: actor('theirs', 'Written by another member') },
          { ...body, record: { ...body.record, name: 'Renamed by another member' } },
        ])
      }
      return answer
    }
    await transfer.upload(() => undefined, () => false)
    expect(batches).toBe(2)
    expect(asked).toBe(0)
    await other([{ _id: 'actors:late', table: 'actors', schema: 4, record: actor('late', 'Written after the last batch') }])
    const { ids, lastSeq } = await transfer.othersAfterUpload()
    expect(ids.sort()).toEqual(['actors:b3', 'actors:late', 'actors:theirs'])
    // The same answer as a full read of the feed.
    expect((await transfer.othersSince(0)).ids.sort()).toEqual(['actors:b3', 'actors:late', 'actors:theirs'])
    const tail = (await server.request('GET', `/behind/_changes?since=${encodeURIComponent(String(lastSeq))}`)) as { body: { results: unknown[] } }
    expect(tail.body.results).toEqual([])
    // After an interruption the first batch is compared with the server.
    await book.set('scanCursor', { tableIndex: 0, afterId: '' })
    await book.set('scanDone', 0)
    await transfer.upload(() => undefined, () => false)
    expect(asked).toBe(1)
    book.close()
    await remote.close()
  })

  it('refuses documents from the server that are malformed, hostile or from an unknown table, and keeps them out of the workspace', async () => {
    await server.createDatabase('hostile', ['alice'])
    const good = { _id: 'actors:ok', table: 'actors', schema: 4, record: actor('ok', 'Fine') }
    const docs = [
      good,
      { _id: 'actors:wrong-type', table: 'actors', schema: 4, record: { ...actor('wrong-type', 'x'), aliases: 'not a list' } },
      // The test server (PouchDB underneath) drops "__proto__" keys itself, so the prototype key
      // that reaches the client here is "constructor"; validateDocument.test.ts covers __proto__.
      { _id: 'actors:proto', table: 'actors', schema: 4, record: { ...actor('proto', 'p'), attributes: { constructor: ['x'] } } },
      { _id: 'actors:huge', table: 'actors', schema: 4, record: actor('huge', 'x'.repeat(2_000_000)) },
      { _id: 'secrets:1', table: 'secrets', schema: 4, record: { id: '1' } },
      { _id: 'actors:future', table: 'actors', schema: 99, record: actor('future', 'From the future') },
      { _id: 'claims:moved', table: 'actors', schema: 4, record: actor('moved', 'Says actors, id says claims') },
    ]
    const written = await server.request('POST', '/hostile/_bulk_docs', { docs })
    expect(written.status).toBe(201)

    const a = member('hostile', 'alice')
    await a.engine.start()
    await until(() => a.last().refused === 6, 'six refused documents')
    expect([...a.workspace.tables.get('actors')!.keys()]).toEqual(['ok'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const reasons = Object.fromEntries((await a.engine.refused()).map((entry) => [entry.docId, entry.reason]))
    expect(reasons['actors:wrong-type']).toMatch(/aliases/)
    expect(reasons['actors:proto']).toMatch(/forbidden key "constructor"/)
    expect(reasons['actors:huge']).toMatch(/name is too large \(2,000,000 characters/)
    expect(reasons['secrets:1']).toMatch(/no workspace table/)
    expect(reasons['actors:future']).toMatch(/newer Standpoint/)
    expect(reasons['claims:moved']).toMatch(/says table "actors"/)
  })

  it('asks before merging a workspace with data into a database with other data, then merges by record: the later edit wins, a deletion stays, and the summary lists both-changed records', async () => {
    await server.createDatabase('merge', ['alice', 'bob'])
    const b = member('merge', 'bob')
    b.workspace.put('actors', actor('shared', 'Older name on the server', '2026-01-01T00:00:00.000Z'))
    b.workspace.put('actors', actor('newer-there', 'Newer on the server', '2026-05-01T00:00:00.000Z'))
    b.workspace.put('actors', actor('server-only', 'Only on the server'))
    b.workspace.put('actors', actor('deleted-here', 'Deleted by A before it joined'))
    await b.engine.start()
    await until(() => b.last().state === 'connected' && b.last().sending === 0, 'B to upload')

    const a = member('merge', 'alice')
    a.workspace.put('actors', actor('shared', 'Newer name here', '2026-03-01T00:00:00.000Z'))
    a.workspace.put('actors', actor('newer-there', 'Older here', '2026-02-01T00:00:00.000Z'))
    a.workspace.put('actors', actor('local-only', 'Only here'))
    a.workspace.put('actors', actor('deleted-here', 'Deleted by A before it joined'))
    a.workspace.remove('actors', 'deleted-here')
    const before = JSON.stringify(a.workspace.dump())
    // start() waits for the member's answer.
    const started = a.engine.start()
    await until(() => a.last().state === 'confirm-merge', 'A to ask first')
    expect(a.last()).toMatchObject({ local: 4, remote: 4 })
    // Nothing moves until the member agrees.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(JSON.stringify(a.workspace.dump())).toBe(before)
    expect((await server.allDocs('merge')).map((doc) => String(doc._id)).sort()).toEqual(['actors:deleted-here', 'actors:newer-there', 'actors:server-only', 'actors:shared'])

    a.engine.confirmMerge()
    await started
    await until(() => a.last().state === 'connected' && a.last().sending === 0, 'A to merge')
    await until(() => converged(a, b), 'convergence')
    expect(a.workspace.get('actors', 'shared')?.name).toBe('Newer name here')
    expect(a.workspace.get('actors', 'newer-there')?.name).toBe('Newer on the server')
    expect(a.workspace.get('actors', 'server-only')?.name).toBe('Only on the server')
    expect(b.workspace.get('actors', 'local-only')?.name).toBe('Only here')
    expect(b.workspace.get('actors', 'deleted-here')).toBeUndefined()
    expect(b.workspace.tombstones.has('deleted-here')).toBe(true)
    const report = await a.engine.mergeReport()
    expect(report.map((entry) => [entry.id, entry.kept, entry.why]).sort()).toEqual([
      ['deleted-here', 'this workspace', 'deleted'],
      ['newer-there', 'the server', 'newer edit'],
      ['shared', 'this workspace', 'newer edit'],
    ])
    expect(a.last().conflicts).toBe(0)
  })

  it('compares every record with the server when the journal lost changes the outbox had not sent, and sends what differs', async () => {
    await server.createDatabase('pruned', ['alice'])
    const workspace = new FakeWorkspace()
    workspace.put('actors', actor('kept', 'Kept'))
    workspace.put('actors', actor('same', 'Never changed'))
    const name = `ws-${++counter}`
    const first = member('pruned', 'alice', workspace, undefined, name)
    await first.engine.start()
    await until(() => first.last().state === 'connected' && first.last().sending === 0, 'the upload')
    await first.engine.close()
    workspace.onChange = null
    // Edits made while the app was closed, whose journal entries were then pruned away.
    workspace.put('actors', actor('kept', 'Edited after the outbox lost track', '2026-02-01T00:00:00.000Z'))
    workspace.put('actors', actor('added', 'Added meanwhile'))
    workspace.prunedThrough = workspace.journal.length
    const again = member('pruned', 'alice', workspace, undefined, name)
    await again.engine.start()
    await until(async () => (await server.allDocs('pruned')).length === 3, 'the rescan to send the new record')
    await until(async () => (await server.allDocs('pruned')).some((doc) => (doc.record as { name?: string } | undefined)?.name === 'Edited after the outbox lost track'), 'the rescan to send the edit')
    const docs = await server.allDocs('pruned')
    expect(docs.filter((doc) => (doc._conflicts as unknown[] | undefined)?.length)).toEqual([])
    expect(docs.map((doc) => (doc.record as { name: string }).name).sort()).toEqual(['Added meanwhile', 'Edited after the outbox lost track', 'Never changed'])
  })

  it('says what is wrong with a wrong password, a wrong database or an unreachable server, and changes nothing', async () => {
    await server.createDatabase('private', ['alice'])
    const cases: [string, 'alice' | 'bob', string, RegExp][] = [
      ['private', 'alice', 'wrong', /Wrong user name or password/],
      ['no-such-db', 'alice', 'alice-pw', /no database “no-such-db”/],
      ['private', 'bob', 'bob-pw', /bob may not use the database “private”/],
    ]
    for (const [database, user, password, message] of cases) {
      const workspace = new FakeWorkspace()
      workspace.put('actors', actor('local', 'Stays as it is'))
      const before = JSON.stringify(workspace.dump())
      const m = member(database, user, workspace, password)
      await m.engine.start()
      expect(m.last().state).toBe('error')
      expect(m.last().message).toMatch(message)
      expect(JSON.stringify(workspace.dump())).toBe(before)
    }
    const statuses: SyncStatus[] = []
    const unreachable = new SyncEngine(
      { serverUrl: 'http://127.0.0.1:9', database: 'private', userName: 'alice', password: 'alice-pw' },
      { Pouch, localAdapter: 'memory', workspace: new FakeWorkspace(), workspaceName: 'unreachable', schema: 4, onStatus: (status) => statuses.push(status) },
    )
    running.push(unreachable)
    await unreachable.start()
    expect(statuses.at(-1)).toMatchObject({ state: 'unreachable', message: expect.stringMatching(/Cannot reach the server at http:\/\/127\.0\.0\.1:9/) as unknown })
  })
})
