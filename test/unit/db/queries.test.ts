import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { claimCountsByActor, claimCountsByArticle, claimsWithArticles } from '../../../renderer/src/db/queries/claimLists'
import { readActorsWithClaimCounts, readArticlesWithClaimCounts, readClaimsWithRecords, readNetworkRecords } from '../../../renderer/src/db/queries/exports'
import { articleIds, articlesAfter, articlesByIds, articlesUpdatedAfter, articleVersions, onArticlesChanged } from '../../../renderer/src/db/queries/library'
import type { Article, Claim } from '../../../renderer/src/domain/model'
import { actor, claim, issue } from '../tagging/fixtures'

const article = (id: string, source: string, publishedAt: string, updatedAt = '2025-01-01T00:00:00.000Z'): Article => ({
  id,
  title: id,
  source,
  author: '',
  publishedAt,
  url: '',
  language: 'en',
  direction: 'ltr',
  body: `Body of ${id}.`,
  contentHash: id,
  importedAt: '2025-01-01T00:00:00.000Z',
  origin: 'test',
  meta: {},
  updatedAt,
  externalId: '',
})

let db: StandpointDB
let counter = 0

beforeEach(async () => {
  db = new StandpointDB(`queries-${++counter}-${Date.now()}`)
  await db.open()
  await db.articles.bulkAdd([article('a1', 'Reuters', '2024-12-23'), article('a2', 'AP', ''), article('a3', 'Reuters', '2024-12-01', '2025-02-01T00:00:00.000Z')])
  await db.actors.bulkAdd([actor('p1', 'Nujaba'), actor('p2', 'Sudani')])
  await db.issues.bulkAdd([issue('i1', 'Attacks')])
  await db.claims.bulkAdd([
    claim('c1', 'p1', 'i1', { articleId: 'a1' }),
    claim('c2', 'p1', 'i1', { articleId: 'a2', date: '' }),
    claim('c3', 'p2', 'i1', { articleId: 'a1', addresseeId: 'p1' }),
  ])
})

afterEach(async () => {
  db.close()
  await StandpointDB.delete(db.name)
})

describe('db/queries', () => {
  it('counts claims per article and per claimant from the indexes', async () => {
    expect(await claimCountsByArticle(db)).toEqual(new Map([['a1', 2], ['a2', 1]]))
    expect(await claimCountsByActor(db)).toEqual(new Map([['p1', 2], ['p2', 1]]))
  })

  it('lists claims with their articles, in the order asked, skipping the missing', async () => {
    await db.articles.delete('a2')
    const found = await claimsWithArticles(db, ['c3', 'gone', 'c2'])
    expect(found.map((entry) => [entry.claim.id, entry.article?.id])).toEqual([['c3', 'a1'], ['c2', undefined]])
  })

  it('reads what each export needs', async () => {
    const slices: Claim[][] = []
    await readClaimsWithRecords(db, (records) => records.actors.length, (claims, actors) => {
      expect(actors).toBe(2)
      slices.push(claims)
    })
    expect(slices.flat().map((entry) => entry.id).sort()).toEqual(['c1', 'c2', 'c3'])
    expect((await readActorsWithClaimCounts(db)).claimsPerActor.get('p1')).toBe(2)
    expect((await readArticlesWithClaimCounts(db)).claimsPerArticle.get('a3')).toBeUndefined()
    expect((await readNetworkRecords(db)).claims).toHaveLength(3)
  })

  it('tells the library what changed', async () => {
    expect((await articleIds(db)).sort()).toEqual(['a1', 'a2', 'a3'])
    expect((await articleVersions(db)).get('a3')).toBe('2025-02-01T00:00:00.000Z')
    // Every article's updatedAt, as a plain read of the records gives it ('' when it has none).
    const many = Array.from({ length: 300 }, (_, index) => article(`m${index}`, 'Wire', '', index % 7 === 0 ? '' : `2025-03-${String((index % 28) + 1).padStart(2, '0')}T00:00:00.000Z`))
    await db.articles.bulkPut(many)
    const plain = new Map((await db.articles.toArray()).map((entry) => [entry.id, entry.updatedAt ?? '']))
    expect(new Map([...(await articleVersions(db))].sort())).toEqual(new Map([...plain].sort()))
    await db.articles.bulkDelete(many.map((entry) => entry.id))
    expect((await articlesByIds(db, ['a3', 'x', 'a1'])).map((entry) => entry.id)).toEqual(['a3', 'a1'])
    expect((await articlesAfter(db, null, 2)).map((entry) => entry.id)).toEqual(['a1', 'a2'])
    expect((await articlesAfter(db, 'a2', 2)).map((entry) => entry.id)).toEqual(['a3'])
    expect((await articlesUpdatedAfter(db, '2025-01-15')).map((entry) => entry.id)).toEqual(['a3'])
    let changes = 0
    const stop = onArticlesChanged(db, () => changes++)
    await db.articles.update('a1', { title: 'edited' })
    await db.actors.update('p1', { notes: 'not an article' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    stop()
    await db.articles.update('a1', { title: 'again' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(changes).toBe(1)
  })
})
