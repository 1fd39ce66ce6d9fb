import { useLiveQuery } from 'dexie-react-hooks'
import type { Actor, Claim, Id, Issue } from '../../domain/model'
import { db } from '../../db/instance'

// The live inputs of the positions table. Positions are derived, never stored: these queries
// re-run whenever a claim, actor, issue or article changes, and the table follows.

export interface PositionsSource {
  claims: Claim[]
  actors: Actor[]
  issues: Issue[]
  /** Every article source (outlet) in the workspace, for the Source filter. */
  sources: string[]
  /** Publication dates of the articles behind undated claims (the only ones needed). */
  articleDates: Map<Id, string>
}

export function usePositionsSource(): PositionsSource | undefined {
  return useLiveQuery(async () => {
    // Articles hold whole texts: read only their sources (an index walk) and, for the rare
    // claim with no date of its own, its article's date.
    const [claims, actors, issues, sourceKeys] = await Promise.all([
      db.claims.toArray(),
      db.actors.toArray(),
      db.issues.toArray(),
      db.articles.orderBy('source').uniqueKeys(),
    ])
    const undatedArticleIds = [...new Set(claims.filter((claim) => !claim.date).map((claim) => claim.articleId))]
    const articleDates = new Map<Id, string>()
    if (undatedArticleIds.length > 0) {
      const articles = await db.articles.bulkGet(undatedArticleIds)
      for (const article of articles) if (article) articleDates.set(article.id, article.publishedAt)
    }
    const sources = sourceKeys.filter((key): key is string => typeof key === 'string' && key.trim() !== '')
    return { claims, actors, issues, sources, articleDates }
  }, [])
}

/** The ids of the articles from one source, or null when no source is chosen. */
export function useSourceArticleIds(source: string | null): Set<Id> | null | undefined {
  return useLiveQuery(
    async () => (source === null ? null : new Set(await db.articles.where('source').equals(source).primaryKeys())),
    [source],
  )
}
