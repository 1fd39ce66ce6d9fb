import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cacheName, loadCache, saveCache } from '../../../renderer/src/db/cache/workspaceCache'
import { StandpointDB } from '../../../renderer/src/db/database'
import type { Article } from '../../../renderer/src/domain/model'
import { LibraryIndex } from '../../../renderer/src/features/library/search/libraryIndex'
import { startLibrarySync, type LibrarySync, type LibrarySyncOptions } from '../../../renderer/src/features/library/search/librarySync'
import { LIBRARY_CACHE, PREVIEW_PART, columnsOf, previewFromPart, rowsFromPacked, type RowsEvent } from '../../../renderer/src/features/library/search/libraryTypes'
import { NEWEST_FIRST, sortLibraryRows } from '../../../renderer/src/features/library/sortRows'

// The saved library index: loaded instead of rebuilt, brought up to date with whatever the
// workspace changed while it was not running, and answering every search exactly as an index
// built afresh from the same articles.

const WORDS = ['oil', 'tanker', 'tankers', 'gulf', 'iran', 'iraqi', 'opec', 'talks', 'الحوثي', 'اليمن', 'pipeline']
const QUERIES = ['oil', 'tank', 'tanker', 'gulf iran', 'iraqi off', 'حوثي', 'الحوثي', 'pipe', 'opec talks', 'zebra']

function article(id: string, words: string[], updatedAt: string): Article {
  return {
    id,
    title: words.slice(0, 2).join(' '),
    source: 'Reuters',
    author: '',
    publishedAt: '2024-12-23',
    url: '',
    language: 'en',
    direction: 'ltr',
    body: words.join(' '),
    contentHash: `h-${id}-${updatedAt}`,
    importedAt: '2025-01-01T00:00:00.000Z',
    origin: 'test',
    meta: {},
    updatedAt,
    externalId: '',
  }
}

async function started(db: StandpointDB, options: LibrarySyncOptions = {}): Promise<{ sync: LibrarySync; timings: string[] }> {
  const timings: string[] = []
  const sync = startLibrarySync(
    db,
    () => undefined,
    (message) => {
      throw new Error(message)
    },
    {
      ...options,
      onTiming: (what, ms, detail) => {
        timings.push(what)
        options.onTiming?.(what, ms, detail)
      },
    },
  )
  await sync.settled()
  return { sync, timings }
}

async function freshAnswers(db: StandpointDB): Promise<Map<string, string>> {
  const index = new LibraryIndex()
  index.upsert(await db.articles.toArray())
  return new Map(QUERIES.map((query) => [query, JSON.stringify(sorted(index.scored(query)))]))
}

const sorted = ({ ids, scores }: { ids: string[]; scores: number[] }): [string, number][] =>
  ids.map((id, index) => [id, scores[index]!] as [string, number]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))

describe('the saved library index', () => {
  it('is loaded at start, then follows what changed while it was not running', async () => {
    const db = new StandpointDB(`library-persist-${crypto.randomUUID()}`)
    await db.open()
    await db.articles.bulkAdd([article('a', ['oil', 'tanker'], '2025-01-01T00:00:00.000Z'), article('b', ['gulf', 'iran'], '2025-01-01T00:00:00.000Z')])
    const first = await started(db)
    expect(first.timings).toContain('built')
    await first.sync.save()
    first.sync.stop()

    // While no index runs: an addition, an edit, a deletion and a write-back with an older time.
    await db.articles.add(article('c', ['tankers', 'pipeline'], '2025-02-01T00:00:00.000Z'))
    await db.articles.put(article('a', ['opec', 'talks'], '2025-03-01T00:00:00.000Z'))
    await db.articles.delete('b')
    const second = await started(db)
    expect(second.timings).toContain('loaded')
    expect(second.timings).not.toContain('built')
    expect(second.sync.search('tank').ids).toEqual(['c'])
    expect(second.sync.search('opec').ids).toEqual(['a'])
    expect(second.sync.search('gulf').ids).toEqual([])
    expect(second.sync.snapshot().upserts.map((row) => row.id).sort()).toEqual(['a', 'c'])
    await second.sync.save()
    second.sync.stop()
    await db.articles.put(article('c', ['gulf'], '2020-01-01T00:00:00.000Z'))
    const third = await started(db)
    expect(third.sync.search('gulf').ids).toEqual(['c'])
    third.sync.stop()
    db.close()
  })

  it('answers every search as a fresh rebuild does, after random edits with saves and restarts between', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ type: fc.constant('put' as const), id: fc.integer({ min: 0, max: 12 }), words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }), older: fc.boolean() }),
            fc.record({ type: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 12 }) }),
            fc.record({ type: fc.constant('restart' as const), save: fc.boolean() }),
          ),
          { maxLength: 25 },
        ),
        async (operations) => {
          const db = new StandpointDB(`library-persist-${crypto.randomUUID()}`)
          await db.open()
          let running = await started(db)
          let clock = 1
          for (const op of operations) {
            if (op.type === 'put') {
              const stamp = new Date(Date.UTC(2025, 0, 1) + (op.older ? -clock : clock) * 1000).toISOString()
              clock++
              await db.articles.put(article(`a${op.id}`, op.words, stamp))
            } else if (op.type === 'delete') {
              await db.articles.delete(`a${op.id}`)
            } else {
              if (op.save) await running.sync.save()
              running.sync.stop()
              running = await started(db)
            }
          }
          await running.sync.settled()
          const expected = await freshAnswers(db)
          for (const query of QUERIES) {
            const hits = running.sync.search(query).ids
            const fresh = JSON.parse(expected.get(query)!) as [string, number][]
            expect(hits.slice().sort()).toEqual(fresh.map(([id]) => id).sort())
          }
          expect(running.sync.snapshot().upserts.map((row) => row.id).sort()).toEqual((await db.articles.toCollection().primaryKeys()).sort())
          running.sync.stop()
          db.close()
          await StandpointDB.delete(db.name)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('checks a saved copy against the change journal, and compares every article only when the journal cannot tell', async () => {
    const db = new StandpointDB(`library-persist-${crypto.randomUUID()}`)
    await db.open()
    await db.articles.bulkAdd([article('a', ['oil', 'tanker'], '2025-01-01T00:00:00.000Z'), article('b', ['gulf', 'iran'], '2025-01-01T00:00:00.000Z')])
    const details: Record<string, string> = {}
    const onTiming: LibrarySyncOptions['onTiming'] = (what, _ms, detail) => void (details[what] = detail ?? '')
    const first = await started(db, { onTiming })
    await first.sync.save()
    first.sync.stop()

    // Written while no index ran, each with an older time than the saved newest: only the
    // journal names them.
    await db.articles.put(article('a', ['opec', 'talks'], '2024-01-01T00:00:00.000Z'))
    await db.articles.delete('b')
    await db.articles.add(article('c', ['pipeline'], '2024-01-01T00:00:00.000Z'))
    const second = await started(db, { onTiming })
    expect(details.checked).toMatch(/^journal since \d+: 3 written/)
    expect(second.sync.search('opec').ids).toEqual(['a'])
    expect(second.sync.search('tanker').ids).toEqual([])
    expect(second.sync.search('gulf').ids).toEqual([])
    expect(second.sync.search('pipe').ids).toEqual(['c'])
    await second.sync.save()
    second.sync.stop()

    // The journal pruned past the saved seq: every article's updatedAt is compared instead.
    await db.articles.put(article('c', ['gulf'], '2020-01-01T00:00:00.000Z'))
    await db.settings.put({ key: 'journal.prunedThrough', value: Number.MAX_SAFE_INTEGER })
    const third = await started(db, { onTiming })
    expect(details.checked).toMatch(/changed/)
    expect(third.sync.search('gulf').ids).toEqual(['c'])
    expect(third.sync.search('pipe').ids).toEqual([])
    third.sync.stop()
    db.close()
  })

  it('rebuilds from the articles when the saved copy is damaged or from another format', async () => {
    const db = new StandpointDB(`library-persist-${crypto.randomUUID()}`)
    await db.open()
    await db.articles.bulkAdd([article('a', ['oil', 'tanker'], '2025-01-01T00:00:00.000Z')])
    const first = await started(db)
    await first.sync.save()
    first.sync.stop()
    const parts = (await loadCache(db, LIBRARY_CACHE))!
    expect(cacheName(db, LIBRARY_CACHE)).toContain(db.name)

    for (const damage of [
      { ...parts, 'index.docs': new Uint32Array([7, 7, 7]) },
      { ...parts, 'index.docs': new Uint8Array([0x80, 0x80]) },
      { ...parts, 'index.terms': 'not a list' },
      { ...parts, packed: { length: 1, fields: { title: [] }, hasText: new Uint8Array(1) } },
      { ...parts, order: new Uint32Array([5]) },
      // A save from before rows were packed, its rows damaged.
      { ...parts, packed: undefined, order: undefined, rows: { title: [] } },
      { ...parts, versions: [] },
      { ...parts, format: 'library-0' },
    ]) {
      await saveCache(db, LIBRARY_CACHE, damage)
      const again = await started(db)
      // Damaged postings are found just after the copy starts answering.
      await new Promise((resolve) => setTimeout(resolve, 10))
      await again.sync.settled()
      expect(again.timings).toContain('built')
      expect(again.sync.search('tanker').ids).toEqual(['a'])
      again.sync.stop()
    }
    db.close()
  })

  it('answers from a saved copy at once, checks its postings just after, and rebuilds when one is damaged', async () => {
    const db = new StandpointDB(`library-persist-${crypto.randomUUID()}`)
    await db.open()
    await db.articles.bulkAdd([article('a', ['oil', 'tanker'], '2025-01-01T00:00:00.000Z'), article('b', ['gulf', 'iran'], '2025-01-01T00:00:00.000Z')])
    const first = await started(db)
    await first.sync.save()
    first.sync.stop()
    const parts = (await loadCache(db, LIBRARY_CACHE))!
    const sound = await started(db)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(sound.timings).toEqual(['loaded', 'checked', 'verified'])
    sound.sync.stop()

    // Same lengths and offsets, so it loads; every posting now names a document past the last.
    const docs = (parts['index.docs'] as Uint8Array).map(() => 0x7f)
    await saveCache(db, LIBRARY_CACHE, { ...parts, 'index.docs': docs })
    const damaged = await started(db)
    expect(damaged.timings).toEqual(['loaded', 'checked'])
    await new Promise((resolve) => setTimeout(resolve, 10))
    await damaged.sync.settled()
    expect(damaged.timings).toContain('built')
    expect(damaged.sync.search('tanker').ids).toEqual(['a'])
    expect(damaged.sync.search('gulf').ids).toEqual(['b'])
    expect(damaged.sync.snapshot().upserts.map((row) => row.id).sort()).toEqual(['a', 'b'])
    damaged.sync.stop()
    db.close()
  })

  it('saves the first screen: the 200 newest articles by date (undated last) and the count', async () => {
    const db = new StandpointDB(`library-persist-${crypto.randomUUID()}`)
    await db.open()
    const dates = Array.from({ length: 450 }, (_, index) => (index % 9 === 0 ? '' : `20${String(10 + (index % 13)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`))
    await db.articles.bulkAdd(dates.map((publishedAt, index) => ({ ...article(`a${String(index).padStart(3, '0')}`, ['oil'], '2025-01-01T00:00:00.000Z'), publishedAt })))
    const first = await started(db)
    await first.sync.save()
    first.sync.stop()
    const preview = previewFromPart((await loadCache(db, LIBRARY_CACHE, (key) => key === PREVIEW_PART))?.[PREVIEW_PART])
    expect(preview?.total).toBe(450)
    // The plain rule: newest date first, ties in primary-key order, undated after every dated one.
    const expected = dates
      .map((publishedAt, index) => ({ id: `a${String(index).padStart(3, '0')}`, publishedAt }))
      .sort((a, b) => (a.publishedAt === '') !== (b.publishedAt === '') ? (a.publishedAt === '' ? 1 : -1) : b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id))
      .slice(0, 200)
    expect(preview?.rows.map((row) => [row.id, row.publishedAt])).toEqual(expected.map((row) => [row.id, row.publishedAt]))
    expect(previewFromPart({ format: 'library-0', columns: {}, total: 1 })).toBeNull()
    expect(previewFromPart({ format: 'library-1', columns: { id: ['x'] }, total: 1 })).toBeNull()
    expect(previewFromPart('damaged')).toBeNull()
    db.close()
  })

  it('hands the saved rows to the window newest first; reads a save from before rows were packed; rebuilds when the order is damaged', async () => {
    const db = new StandpointDB(`library-persist-order-${crypto.randomUUID()}`)
    await db.open()
    const dates = Array.from({ length: 300 }, (_, index) => (index % 7 === 0 ? '' : `20${String(10 + ((index * 5) % 13)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`))
    await db.articles.bulkAdd(dates.map((publishedAt, index) => ({ ...article(`a${String(index).padStart(3, '0')}`, ['oil'], '2025-01-01T00:00:00.000Z'), publishedAt })))
    const first = await started(db)
    await first.sync.save()
    first.sync.stop()
    const restart = async (): Promise<{ sent: string[] | null; rows: string[]; timings: string[]; answers: string[]; loadingSaved: boolean[] }> => {
      const events: RowsEvent[] = []
      const timings: string[] = []
      const sync = startLibrarySync(db, (event) => events.push(event), (message) => {
        throw new Error(message)
      }, { onTiming: (what) => timings.push(what) })
      await sync.settled()
      const answers = sync.search('oil').ids
      sync.stop()
      // The rows as the window holds them after every event.
      const held = new Map<string, true>()
      for (const event of events) {
        for (const id of event.removed) held.delete(id)
        if (event.columns) for (const row of rowsFromPacked(event.columns)) held.set(row.id, true)
        for (const row of event.upserts) held.set(row.id, true)
      }
      const loaded = events.find((event) => event.columns)
      return {
        sent: loaded ? rowsFromPacked(loaded.columns!).map((row) => row.id) : null,
        rows: [...held.keys()].sort(),
        timings,
        answers: [...answers].sort(),
        loadingSaved: events.map((event) => event.status.loadingSaved),
      }
    }
    const all = (await db.articles.toArray()).map((entry) => ({ ...entry, hasText: true }))
    const newest = sortLibraryRows(all, NEWEST_FIRST, new Map()).map((row) => row.id)
    const everyId = all.map((row) => row.id).sort()
    const saved = await restart()
    expect(saved.sent).toEqual(newest)
    expect(saved.rows).toEqual(everyId)
    expect(saved.answers).toEqual(everyId)
    expect(saved.timings).toContain('loaded')
    // The saved rows come marked as the saved index being read (the screen says so, not "indexing
    // 0 of 300"); every later event, once it is read, is not.
    expect(saved.loadingSaved[0]).toBe(true)
    expect(saved.loadingSaved.slice(1)).not.toContain(true)
    expect(saved.loadingSaved.length).toBeGreaterThan(1)

    // A save from before: the rows unpacked, in the index's document order, no order.
    const parts = (await loadCache(db, LIBRARY_CACHE))!
    const inDocumentOrder = Array.from({ length: 300 }, () => null as unknown as (typeof all)[number])
    const order = parts.order as Uint32Array
    const sentRows = rowsFromPacked(parts.packed)
    order.forEach((position, k) => (inDocumentOrder[position] = { ...all[0]!, ...sentRows[k]! }))
    // The index's ids are not saved again: they are the rows'.
    expect(parts['index.ids']).toBeUndefined()
    const { packed: _packed, order: _order, ...older } = parts
    await saveCache(db, LIBRARY_CACHE, { ...older, rows: columnsOf(inDocumentOrder.map((row) => ({ ...row, hasText: true }))), 'index.ids': inDocumentOrder.map((row) => row.id) })
    const fromOlder = await restart()
    expect(fromOlder.sent).toEqual(inDocumentOrder.map((row) => row.id))
    expect(fromOlder.rows).toEqual(everyId)
    expect(fromOlder.answers).toEqual(everyId)
    expect(fromOlder.timings).toContain('loaded')
    // Loading it asks for it to be saved again in the current form.
    const upgrading = (await started(db)).sync
    await upgrading.save()
    upgrading.stop()
    const upgraded = (await loadCache(db, LIBRARY_CACHE))!
    expect(upgraded.rows).toBeUndefined()
    expect(rowsFromPacked(upgraded.packed).map((row) => row.id)).toEqual(newest)

    // An order that repeats a position: the saved copy is not trusted, the index is built again.
    const damaged = Uint32Array.from(order)
    damaged[1] = damaged[0]!
    await saveCache(db, LIBRARY_CACHE, { ...parts, order: damaged })
    const rebuilt = await restart()
    expect(rebuilt.sent).toBeNull()
    expect(rebuilt.timings).not.toContain('loaded')
    expect(rebuilt.timings).toContain('built')
    expect(rebuilt.rows).toEqual(everyId)
    expect(rebuilt.answers).toEqual(everyId)
    db.close()
  })
})
