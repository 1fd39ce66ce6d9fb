import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { countImportedAt, storeImportedArticles, type IncomingArticle } from '../../../renderer/src/db/repositories/articles'

let counter = 0
async function freshDb(): Promise<StandpointDB> {
  const db = new StandpointDB(`articles-test-${++counter}-${Date.now()}`)
  await db.open()
  return db
}

function incoming(body: string, extra: Partial<IncomingArticle> = {}): IncomingArticle {
  return {
    title: body.slice(0, 20),
    source: 'Test',
    author: '',
    publishedAt: '2024-12-23',
    url: '',
    language: 'en',
    direction: 'ltr',
    body,
    origin: 'test',
    meta: {},
    contentHash: `hash:${body.replace(/\s+/g, ' ').toLowerCase()}`,
    ...extra,
  }
}

const STAMP = '2025-01-01T00:00:00.000Z'

describe('storeImportedArticles', () => {
  it('stores new articles with ids, importedAt and updatedAt', async () => {
    const db = await freshDb()
    const result = await storeImportedArticles(db, [incoming('one'), incoming('two')], STAMP)
    expect(result.added.map((entry) => entry.index)).toEqual([0, 1])
    const stored = await db.articles.toArray()
    expect(stored).toHaveLength(2)
    for (const article of stored) {
      expect(article.id).toMatch(/^[0-9a-f-]{36}$/)
      expect(article.importedAt).toBe(STAMP)
      expect(article.updatedAt).toBe(STAMP)
    }
    expect(await countImportedAt(db, STAMP)).toBe(2)
  })

  it('skips text already stored and text repeated within the same call', async () => {
    const db = await freshDb()
    const first = await storeImportedArticles(db, [incoming('the same text')], STAMP)
    const second = await storeImportedArticles(db, [incoming('The  same TEXT'), incoming('new'), incoming('new')], STAMP)
    expect(second.added.map((entry) => entry.index)).toEqual([1])
    expect(second.duplicates).toEqual([
      { index: 0, existingId: first.added[0]!.id },
      { index: 2, existingId: second.added[0]!.id },
    ])
    expect(await db.articles.count()).toBe(2)
  })

  it('writes nothing when the write fails part-way (the whole call is one transaction)', async () => {
    const db = await freshDb()
    // A record IndexedDB cannot clone aborts bulkAdd after the first article was queued.
    const bad = incoming('poison', { meta: { fn: (() => undefined) as unknown as string } })
    await expect(storeImportedArticles(db, [incoming('fine'), bad], STAMP)).rejects.toThrow()
    expect(await db.articles.count()).toBe(0)
  })

  it('lets two imports running at once add the same text only once', async () => {
    const db = await freshDb()
    const [a, b] = await Promise.all([
      storeImportedArticles(db, [incoming('shared text'), incoming('only in a')], STAMP),
      storeImportedArticles(db, [incoming('only in b'), incoming('Shared  TEXT')], STAMP),
    ])
    expect(a.added.map((entry) => entry.index)).toEqual([0, 1])
    expect(b.added.map((entry) => entry.index)).toEqual([0])
    expect(b.duplicates).toEqual([{ index: 1, existingId: a.added[0]!.id }])
    expect(await db.articles.count()).toBe(3)
  })

  it('finds a stored duplicate among thousands of new texts in one call', async () => {
    const db = await freshDb()
    const first = await storeImportedArticles(db, [incoming('needle')], STAMP)
    const batch = Array.from({ length: 2_000 }, (_, index) => incoming(index === 1_234 ? 'NEEDLE' : `text ${index}`))
    const second = await storeImportedArticles(db, batch, STAMP)
    expect(second.duplicates).toEqual([{ index: 1_234, existingId: first.added[0]!.id }])
    expect(second.added).toHaveLength(1_999)
  })
})
