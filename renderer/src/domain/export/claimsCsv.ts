import type { CsvCell } from '../csv/writeCsv'
import { STANCE_LABELS, type Claim } from '../model'
import type { ExportLookups } from './lookups'

// The claims export: one row per claim. The column order is part of the contract with the
// analysts' scripts (README, "CSV exports"): add new columns at the end, never reorder.

export const CLAIMS_COLUMNS = [
  'claim_date',
  'actor',
  'actor_kind',
  'issue',
  'stance',
  'stance_label',
  'quote',
  'note',
  'addressee',
  'article_title',
  'source',
  'article_date',
  'url',
  'claim_id',
  'article_id',
  'actor_id',
  'issue_id',
  'addressee_id',
  'quote_start',
  'quote_end',
] as const

export type ClaimsColumn = (typeof CLAIMS_COLUMNS)[number]

/** One claim as a row, in CLAIMS_COLUMNS order. A reference to a deleted record leaves its names empty. */
export function claimRow(claim: Claim, lookups: ExportLookups): CsvCell[] {
  const actor = lookups.actors.get(claim.actorId)
  const issue = lookups.issues.get(claim.issueId)
  const article = lookups.articles.get(claim.articleId)
  const addressee = claim.addresseeId === null ? undefined : lookups.actors.get(claim.addresseeId)
  return [
    claim.date,
    actor?.name ?? '',
    actor?.kind ?? '',
    issue?.label ?? '',
    claim.stance,
    STANCE_LABELS[claim.stance] ?? '',
    claim.anchor.exact,
    claim.note,
    addressee?.name ?? '',
    article?.title ?? '',
    article?.source ?? '',
    article?.publishedAt ?? '',
    article?.url ?? '',
    claim.id,
    claim.articleId,
    claim.actorId,
    claim.issueId,
    claim.addresseeId ?? '',
    claim.anchor.start,
    claim.anchor.end,
  ]
}

/** Claims in the order analysts read them: by claim date, then article, then position in the text. */
export function sortClaimsForExport(claims: Claim[]): Claim[] {
  return [...claims].sort(
    (a, b) =>
      compare(a.date, b.date) || compare(a.articleId, b.articleId) || a.anchor.start - b.anchor.start || compare(a.id, b.id),
  )
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function* claimRows(claims: Iterable<Claim>, lookups: ExportLookups): Generator<CsvCell[]> {
  for (const claim of claims) yield claimRow(claim, lookups)
}
