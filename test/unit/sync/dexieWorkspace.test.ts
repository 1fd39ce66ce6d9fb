import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { changesSince, readCheckpoint } from '../../../renderer/src/db/journal'
import { DexieWorkspace, SYNC_CONSUMER } from '../../../renderer/src/db/sync/dexieWorkspace'
import type { RecordState } from '../../../renderer/src/domain/sync/documents'

// The workspace side of the sync bridge on a real Dexie database with the change journal: the
// outbox is the journal's local entries; remote changes are journaled as remote and keep their
// own tombstones; a record with an unsent local edit is left for the outbox.

let db: StandpointDB
let workspace: DexieWorkspace
beforeEach(async () => {
  db = new StandpointDB(`sync-side-${crypto.randomUUID()}`)
  await db.open()
  workspace = new DexieWorkspace(db)
})
afterEach(async () => {
  await db.delete()
})

const T = '2026-01-01T00:00:00.000Z'
const actor = (id: string, name: string) => ({ id, name, kind: 'person', aliases: [], notes: '', attributes: {}, createdAt: T, updatedAt: T, updatedBy: '' })
const remoteActor = (id: string, name: string): RecordState => ({ kind: 'record', table: 'actors', id, record: actor(id, name) })

describe('DexieWorkspace', () => {
  it('reads the outbox from the journal: the latest state of each record changed here, deletions as tombstones', async () => {
    const start = await workspace.latestSeq()
    await db.actors.put(actor('a', 'First'))
    await db.actors.put(actor('a', 'Second'))
    await db.actors.put(actor('b', 'Gone soon'))
    await db.actors.delete('b')
    const { lastSeq, states } = await workspace.localChanges(start, 100)
    expect(lastSeq).toBe(await workspace.latestSeq())
    expect(states.map((state) => [state.id, state.kind, state.kind === 'record' ? state.record.name : null])).toEqual([
      ['a', 'record', 'Second'],
      ['b', 'deleted', null],
    ])
    expect((await workspace.localChanges(lastSeq, 100)).states).toEqual([])
  })

  it('writes remote changes as remote: the outbox ignores them, deletions bring their tombstone, a returning record loses its tombstone', async () => {
    await db.actors.put(actor('gone', 'To be deleted remotely'))
    const start = await workspace.latestSeq()
    const skipped = await workspace.applyRemote(
      [remoteActor('new', 'From the server'), { kind: 'deleted', table: 'actors', id: 'gone', tombstone: { id: 'gone', table: 'actors', deletedAt: T, deletedBy: 'coder-9' } }],
      start,
    )
    expect(skipped.size).toBe(0)
    expect(await db.actors.get('new')).toMatchObject({ name: 'From the server' })
    expect(await db.actors.get('gone')).toBeUndefined()
    expect(await db.tombstones.get('gone')).toMatchObject({ table: 'actors', deletedBy: 'coder-9' })
    const { entries } = await changesSince(db, start)
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.every((entry) => entry.origin === 'remote')).toBe(true)
    expect((await workspace.localChanges(start, 100)).states).toEqual([])

    await workspace.applyRemote([remoteActor('gone', 'Kept after all')], await workspace.latestSeq())
    expect(await db.actors.get('gone')).toMatchObject({ name: 'Kept after all' })
    expect(await db.tombstones.get('gone')).toBeUndefined()
  })

  it('leaves out a record with a local edit the outbox has not sent', async () => {
    const sent = await workspace.latestSeq()
    await db.actors.put(actor('x', 'Edited here, not sent'))
    const skipped = await workspace.applyRemote([remoteActor('x', 'From the server'), remoteActor('y', 'Other')], sent)
    expect([...skipped]).toEqual(['actors:x'])
    expect(await db.actors.get('x')).toMatchObject({ name: 'Edited here, not sent' })
    expect(await db.actors.get('y')).toMatchObject({ name: 'Other' })
  })

  it('page after page, finds a local edit made between two pages, and none after an aborted page', async () => {
    const sent = await workspace.latestSeq()
    expect([...(await workspace.applyRemote([remoteActor('p1', 'Page one')], sent))]).toEqual([])
    await db.actors.put(actor('p2', 'Edited here between two pages'))
    expect([...(await workspace.applyRemote([remoteActor('p2', 'Page two'), remoteActor('p3', 'Page two')], sent))]).toEqual(['actors:p2'])
    expect(await db.actors.get('p2')).toMatchObject({ name: 'Edited here between two pages' })
    // A page whose transaction fails leaves nothing behind, and the next page still sees later local edits.
    const failing = { ...remoteActor('p4', 'Never written'), record: { ...actor('p4', 'Never written'), id: undefined } } as unknown as RecordState
    await expect(workspace.applyRemote([remoteActor('p5', 'Aborted'), failing], sent)).rejects.toThrow()
    expect(await db.actors.get('p5')).toBeUndefined()
    await db.actors.put(actor('p6', 'Edited here after the failure'))
    expect([...(await workspace.applyRemote([remoteActor('p6', 'Page four'), remoteActor('p5', 'Page four')], sent))]).toEqual(['actors:p6'])
    expect(await db.actors.get('p6')).toMatchObject({ name: 'Edited here after the failure' })
    expect(await db.actors.get('p5')).toMatchObject({ name: 'Page four' })
  })

  it('scans every record and tombstone in id order, resumably, and counts them', async () => {
    await db.actors.bulkPut([actor('a1', 'A'), actor('a2', 'B'), actor('a3', 'C')])
    await db.issues.put({ id: 'i1', label: 'Ceasefire', code: '', description: '', parentId: null, createdAt: T, updatedAt: T, updatedBy: '' })
    await db.actors.delete('a2')
    expect(await workspace.recordCount()).toBe(4)
    const seen: string[] = []
    type Cursor = { tableIndex: number; afterId: string } | null
    let cursor: Cursor = { tableIndex: 0, afterId: '' }
    while (cursor) {
      const step: { states: RecordState[]; next: Cursor } = await workspace.scan(cursor, 1)
      seen.push(...step.states.map((state) => `${state.kind}:${state.table}:${state.id}`))
      cursor = step.next
    }
    expect(seen).toEqual(['record:actors:a1', 'record:actors:a3', 'record:issues:i1', 'deleted:actors:a2'])
  })

  it('registers the outbox with the journal, and lets go on Disconnect', async () => {
    await workspace.saveOutboxCheckpoint(7)
    expect(await readCheckpoint(db, SYNC_CONSUMER)).toBe(7)
    await workspace.removeOutboxCheckpoint()
    expect(await readCheckpoint(db, SYNC_CONSUMER)).toBeNull()
  })

  it('announces local writes, not remote ones', async () => {
    let calls = 0
    const stop = workspace.watchLocalChanges(() => calls++)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await workspace.applyRemote([remoteActor('r', 'Remote')], await workspace.latestSeq())
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(calls).toBe(0)
    await db.actors.put(actor('l', 'Local'))
    await expect.poll(() => calls).toBeGreaterThan(0)
    stop()
  })
})
