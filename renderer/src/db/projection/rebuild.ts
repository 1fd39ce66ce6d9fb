import type { Article, Claim } from '../../domain/model'
import { articleFact, claimFact, type ArticleFact, type ClaimFact } from '../../domain/positions/facts'
import type { StandpointDB } from '../database'
import { deletePositionsSnapshot } from './snapshots'

// Rebuilding the projection from the records. Every write through Dexie keeps it in step, so
// this runs only when the projection and the records disagree: records written around Dexie
// (a test seeding IndexedDB directly, a damaged profile). One transaction over the records and
// their facts, so the rebuilt facts are one moment's picture.

export async function rebuildProjection(db: StandpointDB, onProgress?: (fraction: number) => void): Promise<void> {
  await db.transaction('rw', [db.claims, db.articles, db.claimFacts, db.articleFacts, db.positionsSnapshots], async () => {
    await deletePositionsSnapshot(db)
    await db.claimFacts.clear()
    await db.articleFacts.clear()
    onProgress?.(0)
    const claims: ClaimFact[] = []
    await db.claims.each((claim: Claim) => {
      claims.push(claimFact(claim))
    })
    onProgress?.(0.5)
    await db.claimFacts.bulkPut(claims)
    const articles: ArticleFact[] = []
    await db.articles.each((article: Article) => {
      articles.push(articleFact(article))
    })
    await db.articleFacts.bulkPut(articles)
    onProgress?.(1)
  })
}

/** Whether the fact tables hold one fact per record (cheap: counts only). */
export async function projectionInStep(db: StandpointDB): Promise<boolean> {
  return db.transaction('r', [db.claims, db.articles, db.claimFacts, db.articleFacts], async () => {
    const [claims, articles, claimFacts, articleFacts] = await Promise.all([db.claims.count(), db.articles.count(), db.claimFacts.count(), db.articleFacts.count()])
    return claims === claimFacts && articles === articleFacts
  })
}
