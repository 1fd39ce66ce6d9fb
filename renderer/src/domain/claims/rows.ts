import { calendarDate, type Actor, type Article, type Attributes, type Claim, type Coder, type Id, type Stance } from '../model'
import type { CodebookTree } from '../codebook/tree'
import { foldSearchTerm } from '../text/folding'

// The claims table's rows and the lookups that give them names. A row is a claim cut down to
// what the table shows, sorts and filters (no anchor context, no article text); names come from
// the lookups at display time, so renaming an actor or an issue rebuilds no row.

export interface ClaimRow {
  id: Id
  articleId: Id
  actorId: Id
  /** In the order coded. */
  issueIds: readonly Id[]
  addresseeId: Id | null
  coderId: Id
  updatedBy: Id
  /** The claim's own date ('' when it has none: the table then shows its article's). */
  date: string
  stance: Stance
  quote: string
  note: string
  externalId: string
  attributes: Attributes
  /** Non-empty on an adjudicated claim (domain/coding/claimSet.ts). */
  adjudicatedFrom: Id[]
  createdAt: string
  updatedAt: string
  /** Quote, then note, folded for search (case, accents, Arabic letter variants). */
  searchQuote: string
  searchNote: string
}

/** What the table keeps of an article: no text. */
export interface ClaimArticle {
  id: Id
  title: string
  source: string
  /** 'YYYY-MM-DD' or ''. */
  date: string
  externalId: string
}

export function claimArticle(article: Article): ClaimArticle {
  return { id: article.id, title: article.title, source: article.source, date: calendarDate(article.publishedAt), externalId: article.externalId }
}

const WHITESPACE = /\s+/g

/** Text folded for the table's search and "contains" filters: whitespace runs become one space. */
export function foldForSearch(text: string): string {
  return foldSearchTerm(text.replace(WHITESPACE, ' ')).trim()
}

export function claimRow(claim: Claim): ClaimRow {
  return {
    id: claim.id,
    articleId: claim.articleId,
    actorId: claim.actorId,
    issueIds: claim.issueIds,
    addresseeId: claim.addresseeId,
    coderId: claim.coderId,
    updatedBy: claim.updatedBy,
    date: claim.date,
    stance: claim.stance,
    quote: claim.anchor.exact,
    note: claim.note,
    externalId: claim.externalId,
    attributes: claim.attributes,
    adjudicatedFrom: claim.adjudicatedFrom,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    searchQuote: foldForSearch(claim.anchor.exact),
    searchNote: foldForSearch(claim.note),
  }
}

/** The names behind a row's ids. Replaced as a whole when any of them changes. */
export interface ClaimLookups {
  actors: ReadonlyMap<Id, Actor>
  tree: CodebookTree
  articles: ReadonlyMap<Id, ClaimArticle>
  coders: ReadonlyMap<Id, Coder>
  /** "Parent › Child" for each issue, computed once. */
  issuePaths: ReadonlyMap<Id, string>
}

export const UNKNOWN_ISSUE = '(unknown issue)'
export const UNKNOWN_ACTOR = '(unknown actor)'

/** The date the table shows and sorts by: the claim's own, else its article's. */
export function rowDate(row: ClaimRow, lookups: ClaimLookups): string {
  return row.date || (lookups.articles.get(row.articleId)?.date ?? '')
}

export function issuePathsOf(row: ClaimRow, lookups: ClaimLookups): string[] {
  return row.issueIds.map((id) => lookups.issuePaths.get(id) ?? UNKNOWN_ISSUE)
}
