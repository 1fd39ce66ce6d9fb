import type { Actor, Id, Issue } from '../../domain/model'
import { positionInput, type PositionInput } from '../../domain/positions/aggregate'
import { CLAIM_SLICES, readClaimsInSlices } from '../claimSlices'
import type { StandpointDB } from '../database'

// What the positions table is computed from. Positions are derived, never stored.

export interface PositionsSource {
  claims: PositionInput[]
  actors: Actor[]
  issues: Issue[]
  /** Every article source (outlet) in the workspace, for the Source filter. */
  sources: string[]
  /** Publication dates of the articles behind undated claims (the only ones needed). */
  articleDates: Map<Id, string>
}

/**
 * Reads everything the positions table needs in one read transaction, so claims, actors,
 * issues and article dates are one moment's picture. Being explicit also keeps it out of
 * Dexie's live-query cache, which deep-copies every result it hands out (a hundred thousand
 * claims, every time the query runs). Claims are read in slices, each cut down to what
 * positions need while the next is read; onProgress follows them (0..1).
 */
export function readPositionsSource(db: StandpointDB, onProgress?: (fraction: number) => void): Promise<PositionsSource> {
  return db.transaction('r', [db.claims, db.actors, db.issues, db.articles], async () => {
    const claims: PositionInput[] = []
    let slices = 0
    onProgress?.(0)
    const [actors, issues, sourceKeys] = await Promise.all([
      db.actors.toArray(),
      db.issues.toArray(),
      // Articles hold whole texts: read only their sources (an index walk) and, for the rare
      // claim with no date of its own, its article's date.
      db.articles.orderBy('source').uniqueKeys(),
      readClaimsInSlices(db, (slice) => {
        for (const claim of slice) claims.push(positionInput(claim))
        onProgress?.(++slices / CLAIM_SLICES)
      }),
    ])
    const undatedArticleIds = [...new Set(claims.filter((claim) => !claim.date).map((claim) => claim.articleId))]
    const articleDates = new Map<Id, string>()
    if (undatedArticleIds.length > 0) {
      const articles = await db.articles.bulkGet(undatedArticleIds)
      for (const article of articles) if (article) articleDates.set(article.id, article.publishedAt)
    }
    const sources = sourceKeys.filter((key): key is string => typeof key === 'string' && key.trim() !== '')
    return { claims, actors, issues, sources, articleDates }
  })
}

/** The ids of the articles from one source (outlet), from the index alone. */
export async function articleIdsFromSource(db: StandpointDB, source: string): Promise<Set<Id>> {
  return new Set(await db.articles.where('source').equals(source).primaryKeys())
}
