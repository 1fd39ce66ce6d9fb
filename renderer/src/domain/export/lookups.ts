import type { Actor, Article, Claim, Coder, Id, Issue } from '../model'

/** What the row builders need to turn ids into names: one map per table. */
export interface ExportLookups {
  articles: ReadonlyMap<Id, Article>
  actors: ReadonlyMap<Id, Actor>
  issues: ReadonlyMap<Id, Issue>
  /** Empty when the caller has no coders to name (the coder column then holds only ids). */
  coders: ReadonlyMap<Id, Coder>
}

export function buildLookups(records: { articles: Article[]; actors: Actor[]; issues: Issue[]; coders?: Coder[] }): ExportLookups {
  return {
    coders: new Map((records.coders ?? []).map((coder) => [coder.id, coder])),
    articles: new Map(records.articles.map((article) => [article.id, article])),
    actors: new Map(records.actors.map((actor) => [actor.id, actor])),
    issues: new Map(records.issues.map((issue) => [issue.id, issue])),
  }
}

/** Claims per id of the record they point at (claimant actor, or article). */
export function countClaimsBy(claims: Iterable<Claim>, key: 'actorId' | 'articleId'): Map<Id, number> {
  const counts = new Map<Id, number>()
  for (const claim of claims) counts.set(claim[key], (counts.get(claim[key]) ?? 0) + 1)
  return counts
}
