import type { Article, Claim, Id, Stance } from '../model'

// The compact projection positions are computed from (schema v5, tables claimFacts and
// articleFacts): what positions read of a claim and of its article, nothing else. The database
// keeps one fact per claim and per article in the same transaction as every write of the record
// (db/projection), so opening Positions never has to read quotes, anchors or article texts.
//
// A claim's date is kept as the claim holds it; when it is empty the article's publication date
// counts, resolved when positions are computed. So editing an article's date or source touches
// one article fact, not every fact of the article's claims.

export interface ClaimFact {
  id: Id
  actorId: Id
  /** At least one, in the order coded. */
  issueIds: readonly Id[]
  /** The claim's own date as stored ('YYYY-MM-DD' or ''). */
  date: string
  articleId: Id
  stance: Stance
  coderId: Id
  /** The claim was decided in adjudication (adjudicatedFrom is not empty). */
  adjudicated: boolean
  /** Orders claims made on the same day: the one recorded later counts as later. */
  createdAt: string
}

export interface ArticleFact {
  id: Id
  /** The publication date as stored ('YYYY-MM-DD…' or ''). */
  publishedAt: string
  /** The outlet. */
  source: string
}

/** The fact of a claim: a pure function of the claim, so a fresh recompute can check the stored one. */
export function claimFact(claim: Claim): ClaimFact {
  return {
    id: claim.id,
    actorId: claim.actorId,
    issueIds: Array.isArray(claim.issueIds) ? claim.issueIds : [],
    date: typeof claim.date === 'string' ? claim.date : '',
    articleId: claim.articleId,
    stance: claim.stance,
    coderId: typeof claim.coderId === 'string' ? claim.coderId : '',
    adjudicated: Array.isArray(claim.adjudicatedFrom) && claim.adjudicatedFrom.length > 0,
    createdAt: typeof claim.createdAt === 'string' ? claim.createdAt : '',
  }
}

export function articleFact(article: Article): ArticleFact {
  return {
    id: article.id,
    publishedAt: typeof article.publishedAt === 'string' ? article.publishedAt : '',
    source: typeof article.source === 'string' ? article.source : '',
  }
}
