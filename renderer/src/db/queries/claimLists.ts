import type { Article, Claim, Id } from '../../domain/model'
import type { StandpointDB } from '../database'

// Claims read for lists and counts outside the reader.

export interface ClaimWithArticle {
  claim: Claim
  /** Undefined when the article is no longer in the workspace. */
  article: Article | undefined
}

/** The claims with these ids that still exist, in the order asked, each with its article. */
export async function claimsWithArticles(db: StandpointDB, ids: readonly Id[]): Promise<ClaimWithArticle[]> {
  const claims = await db.claims.bulkGet([...ids])
  const articleIds = [...new Set(claims.flatMap((claim) => (claim ? [claim.articleId] : [])))]
  const articles = await db.articles.bulkGet(articleIds)
  const articleById = new Map(articles.flatMap((article) => (article ? [[article.id, article] as const] : [])))
  return claims.flatMap((claim) => (claim ? [{ claim, article: articleById.get(claim.articleId) }] : []))
}

function countKeys(keys: readonly unknown[]): Map<Id, number> {
  const counts = new Map<Id, number>()
  for (const key of keys) counts.set(key as Id, (counts.get(key as Id) ?? 0) + 1)
  return counts
}

/** Claims per article, from the claims' articleId index alone (no claim records are read). */
export async function claimCountsByArticle(db: StandpointDB): Promise<Map<Id, number>> {
  return countKeys(await db.claims.orderBy('articleId').keys())
}

/** Claims per claimant, from the claims' actorId index alone. */
export async function claimCountsByActor(db: StandpointDB): Promise<Map<Id, number>> {
  return countKeys(await db.claims.orderBy('actorId').keys())
}
