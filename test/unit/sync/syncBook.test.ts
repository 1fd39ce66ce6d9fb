import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChangeRow, PouchLike } from '../../../renderer/src/db/sync/revisionStore'
import { SyncBook } from '../../../renderer/src/db/sync/syncBook'
import { DirectTransfer } from '../../../renderer/src/features/sync/engine/directTransfer'
import { FakeWorkspace } from './fakeWorkspace'

// The sync bookkeeping's revisions: rows (one per document, written by the bridge) and pages
// (one per batch of a first connection's direct transfer). Whichever way a revision was kept,
// baseRevs, markSent and unsentCount answer as the rows alone did, a book written by version 1
// keeps working, and a receive stopped half-way resumes without a document missed or kept twice.

const books: SyncBook[] = []
afterEach(async () => {
  const opened = books.splice(0)
  for (const book of opened) book.close()
  for (const name of new Set(opened.map((book) => book.name))) await Dexie.delete(name)
})

function open(name: string, upToVersion?: number): SyncBook {
  const book = new SyncBook(name, upToVersion)
  books.push(book)
  return book
}

const T = '2026-01-01T00:00:00.000Z'
const actor = (id: string, name: string) => ({ id, name, kind: 'person', aliases: [], notes: '', attributes: {}, createdAt: T, updatedAt: T, updatedBy: '' })

/** What the rows alone would answer: the latest revision recorded for each document. */
async function expectBases(book: SyncBook, expected: Record<string, string>, absent: string[] = []): Promise<void> {
  const ids = [...Object.keys(expected), ...absent]
  expect(Object.fromEntries(await book.baseRevs(ids))).toEqual(expected)
}

describe('SyncBook revisions', () => {
  it('answers from pages as from rows; a row written later overrides a page, a later page an earlier one', async () => {
    const name = `book-${crypto.randomUUID()}`
    const book = open(name)
    await book.record({ page: new Map([['actors:a', '1-a'], ['actors:b', '1-b'], ['actors:c', '1-c']]) })
    await book.record({ page: new Map([['actors:c', '2-c'], ['actors:d', '1-d']]) })
    await expectBases(book, { 'actors:a': '1-a', 'actors:b': '1-b', 'actors:c': '2-c', 'actors:d': '1-d' }, ['actors:none'])
    expect(await book.unsentCount()).toBe(0)
    // Pages hold what is on the server: a push reporting one of them changes nothing.
    await book.markSent([{ _id: 'actors:a', _rev: '1-a' }])
    expect(await book.unsentCount()).toBe(0)

    // A local edit after the transfer: a row, unsent, overriding its page (in this instance and in a new one).
    await book.record({ unsentRevs: new Map([['actors:b', '2-b']]), revs: new Map([['actors:d', '2-d']]) })
    await expectBases(book, { 'actors:a': '1-a', 'actors:b': '2-b', 'actors:c': '2-c', 'actors:d': '2-d' })
    expect(await book.unsentCount()).toBe(1)
    await book.markSent([{ _id: 'actors:b', _rev: '2-b' }])
    expect(await book.unsentCount()).toBe(0)
    const reopened = open(name)
    await expectBases(reopened, { 'actors:a': '1-a', 'actors:b': '2-b', 'actors:c': '2-c', 'actors:d': '2-d' })

    // A page written after a row (no first connection does) still takes over from it.
    await reopened.record({ page: new Map([['actors:b', '3-b']]) })
    await expectBases(reopened, { 'actors:a': '1-a', 'actors:b': '3-b', 'actors:c': '2-c', 'actors:d': '2-d' })
    expect(await reopened.revs.get('actors:b')).toBeUndefined()
  })

  it('forgets what it read when the book is deleted (a new connection starts a new book)', async () => {
    const book = open(`book-reset-${crypto.randomUUID()}`)
    await book.record({ page: new Map([['actors:a', '1-a']]) })
    await expectBases(book, { 'actors:a': '1-a' })
    await book.delete()
    await book.open()
    await expectBases(book, {}, ['actors:a'])
    await book.record({ page: new Map([['actors:b', '1-b']]) })
    await expectBases(book, { 'actors:b': '1-b' }, ['actors:a'])
  })

  it('opens a book written by version 1: its rows keep their revisions, unsent count and sending, and pages join them', async () => {
    const name = `book-v1-${crypto.randomUUID()}`
    const old = open(name, 1)
    await old.revs.bulkPut([
      { docId: 'actors:a', rev: '1-a', sent: 1 },
      { docId: 'actors:b', rev: '2-b', sent: 0 },
      { docId: 'actors:c', rev: '1-c', sent: 0 },
    ])
    await old.set('phase', 'live')
    expect(old.tables.map((table) => table.name)).not.toContain('revPages')
    old.close()

    const book = open(name)
    await book.open()
    expect(book.verno).toBe(2)
    expect(await book.get('phase', null)).toBe('live')
    await expectBases(book, { 'actors:a': '1-a', 'actors:b': '2-b', 'actors:c': '1-c' })
    expect(await book.unsentCount()).toBe(2)
    await book.markSent([{ _id: 'actors:b', _rev: '2-b' }, { _id: 'actors:c', _rev: 'stale' }])
    expect(await book.unsentCount()).toBe(1)
    await book.record({ page: new Map([['actors:d', '1-d']]) })
    await expectBases(book, { 'actors:a': '1-a', 'actors:b': '2-b', 'actors:c': '1-c', 'actors:d': '1-d' })
  })

  it('resumes a receive stopped by a crash between a page written and its bookkeeping: every document once, every base right', async () => {
    const docs = Array.from({ length: 7_000 }, (_, index) => ({ _id: `actors:r${index}`, _rev: `1-${index.toString(16)}`, table: 'actors' as const, schema: 4, record: actor(`r${index}`, `Actor ${index}`) }))
    // Another member's edit of an early document arrives later in the feed, with its new revision.
    docs.push({ ...docs[3]!, _rev: '2-edited', record: actor('r3', 'Renamed') })
    const feed = (): ChangeRow[] => {
      const latest = new Map(docs.map((doc, index) => [doc._id, index]))
      return docs.flatMap((doc, index) => (latest.get(doc._id) === index ? [{ id: doc._id, seq: index + 1, changes: [{ rev: doc._rev }], doc }] : []))
    }
    const remote = {
      name: 'fake',
      changes: async ({ since, limit }: { since: number | string; limit: number }) => {
        const results = feed().filter((row) => (row.seq as number) > Number(since)).slice(0, limit)
        return { results, last_seq: results.at(-1)?.seq ?? since }
      },
    } as unknown as PouchLike
    const workspace = new FakeWorkspace()
    const name = `book-resume-${crypto.randomUUID()}`
    const first = open(name)
    await first.set('receiveSince', 0)
    // The app dies while the third page's bookkeeping is written: the page is in the workspace, its revisions are not.
    let records = 0
    const record = first.record.bind(first)
    first.record = async (batch) => {
      if (++records === 3) throw new Error('the app stopped')
      return record(batch)
    }
    await expect(new DirectTransfer(workspace, first, remote, 4).receive(() => undefined, () => false)).rejects.toThrow('the app stopped')
    const recorded = await first.get<number>('receiveDone', 0)
    expect(recorded).toBeGreaterThan(0)
    expect(recorded).toBeLessThan(7_000)
    first.close()

    const book = open(name)
    await new DirectTransfer(workspace, book, remote, 4).receive(() => undefined, () => false)
    expect(await book.get('receiveDone', 0)).toBe(7_000)
    expect(await book.refusedList()).toEqual([])
    expect(workspace.tables.get('actors')!.size).toBe(7_000)
    expect(workspace.get('actors', 'r3')).toMatchObject({ name: 'Renamed' })
    const pages = await book.revPages.toArray()
    const paged = pages.flatMap((page) => page.ids)
    expect(paged).toHaveLength(7_000)
    expect(new Set(paged).size).toBe(7_000)
    const expected = Object.fromEntries(feed().map((row) => [row.id, row.changes[0]!.rev]))
    expect(Object.fromEntries(await book.baseRevs(Object.keys(expected)))).toEqual(expected)
    expect(await book.unsentCount()).toBe(0)
  })
})
