import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { readClaimArticles } from '../../../renderer/src/db/projection/snapshots'
import { readClaimsTable, saveClaimsTableArticles } from '../../../renderer/src/db/queries/claimsTable'
import { claimArticle, claimRow, type ClaimArticle } from '../../../renderer/src/domain/claims/rows'
import { ACTORS, ARTICLES, CLAIMS, CODERS, ISSUES } from '../claims/fixtures'

// The claims table reads what it shows of the articles from a stored record and the articles
// written since, not every article with its text; without a usable record, every article.

let counter = 0
const open: StandpointDB[] = []

async function workspace(tuning?: { tail: number; pruneEvery: number }): Promise<StandpointDB> {
  const db = new StandpointDB(`claims-articles-${++counter}-${Date.now()}`, undefined, tuning)
  open.push(db)
  await db.open()
  await db.transaction('rw', [db.articles, db.actors, db.issues, db.claims, db.coders], async () => {
    await db.articles.bulkPut(ARTICLES)
    await db.actors.bulkPut(ACTORS)
    await db.issues.bulkPut(ISSUES)
    await db.coders.bulkPut(CODERS)
    await db.claims.bulkPut(CLAIMS)
  })
  return db
}

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close()
    await StandpointDB.delete(db.name)
  }
})

const byId = (articles: readonly ClaimArticle[]) => [...articles].sort((a, b) => a.id.localeCompare(b.id))
const current = async (db: StandpointDB) => byId((await db.articles.toArray()).map(claimArticle))

describe('the claims table’s articles', () => {
  it('are read whole with nothing stored, then from the stored record and the articles written since', async () => {
    const db = await workspace()
    const first = await readClaimsTable(db, claimRow)
    expect([first.articlesStale, byId(first.articles)]).toEqual([true, await current(db)])
    expect(first.rows).toHaveLength(CLAIMS.length)
    await saveClaimsTableArticles(db, first.head, first.articles)
    expect((await readClaimArticles(db))?.seq).toBe(first.head)

    const again = await readClaimsTable(db, claimRow)
    expect([again.articlesStale, byId(again.articles)]).toEqual([false, await current(db)])

    // Edited, deleted and added through Dexie after the record: each comes from the journal.
    await db.articles.update('a1', { title: 'Merkel: we will manage' })
    await db.articles.delete('a2')
    await db.articles.put({ ...ARTICLES[0]!, id: 'a4', title: 'New one', externalId: 'D4' })
    const later = await readClaimsTable(db, claimRow)
    expect(later.articlesStale).toBe(false)
    expect(byId(later.articles)).toEqual(await current(db))
    expect(later.articles.find((article) => article.id === 'a1')?.title).toBe('Merkel: we will manage')
    expect(later.articles.map((article) => article.id)).not.toContain('a2')
  })

  it('come from the record, not the articles, while nothing was written since it', async () => {
    const db = await workspace()
    const { head, articles } = await readClaimsTable(db, claimRow)
    // A record that differs from the articles shows it was read instead of them.
    await saveClaimsTableArticles(db, head, articles.map((article) => ({ ...article, title: `stored ${article.title}` })))
    expect((await readClaimsTable(db, claimRow)).articles.every((article) => article.title.startsWith('stored '))).toBe(true)
  })

  it('are read whole when the journal no longer holds every write since the record, or the record is ahead of it or damaged', async () => {
    const db = await workspace({ tail: 2, pruneEvery: 2 })
    const { head, articles } = await readClaimsTable(db, claimRow)
    const marked = articles.map((article) => ({ ...article, title: `stored ${article.title}` }))
    await saveClaimsTableArticles(db, head, marked)
    for (let edit = 0; edit < 6; edit++) await db.actors.update('merkel', { notes: `edit ${edit}` })
    const pruned = await readClaimsTable(db, claimRow)
    expect([pruned.articlesStale, byId(pruned.articles)]).toEqual([true, await current(db)])

    await db.positionsSnapshots.clear()
    await saveClaimsTableArticles(db, pruned.head + 50, marked)
    expect(byId((await readClaimsTable(db, claimRow)).articles)).toEqual(await current(db))

    await db.positionsSnapshots.put({ key: 'claim-articles', seq: pruned.head, schema: db.verno, savedAt: '', packed: { format: 1 } } as never)
    expect(byId((await readClaimsTable(db, claimRow)).articles)).toEqual(await current(db))

    // Stored under another schema: an upgrade may have rewritten articles without the journal.
    await db.positionsSnapshots.clear()
    await saveClaimsTableArticles(db, pruned.head, marked)
    const record = (await readClaimArticles(db))!
    await db.positionsSnapshots.put({ ...record, schema: db.verno - 1 } as never)
    expect(byId((await readClaimsTable(db, claimRow)).articles)).toEqual(await current(db))
  })

  it('read an article a claim names and the record lacks (written around Dexie, never journaled)', async () => {
    const db = await workspace()
    const { head, articles } = await readClaimsTable(db, claimRow)
    await saveClaimsTableArticles(db, head, articles)
    const raw = db.backendDB().transaction(['articles', 'claims'], 'readwrite')
    raw.objectStore('articles').put({ ...ARTICLES[0]!, id: 'a9', title: 'Seeded raw' })
    raw.objectStore('claims').put({ ...CLAIMS[0]!, id: 'c9', articleId: 'a9' })
    await new Promise((resolve) => (raw.oncomplete = resolve))
    const read = await readClaimsTable(db, claimRow)
    expect(read.articles.find((article) => article.id === 'a9')?.title).toBe('Seeded raw')
    expect(read.articlesStale).toBe(true)
  })

  it('are stored again once the journal has moved far past the record, articles written or not', async () => {
    const db = await workspace()
    const { head, articles } = await readClaimsTable(db, claimRow)
    await saveClaimsTableArticles(db, head, articles)
    expect((await readClaimsTable(db, claimRow)).articlesStale).toBe(false)
    await db.claims.bulkPut(Array.from({ length: 2_000 }, (_, index) => ({ ...CLAIMS[0]!, id: `many-${index}` })))
    const behind = await readClaimsTable(db, claimRow)
    expect([behind.articlesStale, byId(behind.articles)]).toEqual([true, await current(db)])
  })
})
