import type { CsvCell, CsvOptions } from '../csv/writeCsv'
import { csvChunks, type CsvChunk } from './csvChunks'
import { STANCE_LABELS, type Claim } from '../model'
import type { ExportLookups } from './lookups'

// The claims export: one row per claim. The column order is part of the contract with the
// analysts' scripts (README, "CSV exports"): add new columns at the end, never reorder.

export const CLAIMS_COLUMNS = [
  'claim_date',
  'actor',
  'actor_kind',
  'issues',
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
  'issue_ids',
  'addressee_id',
  'quote_start',
  'quote_end',
  'issue_codes',
] as const

/** Joins a claim's several issues (labels, ids, codes) in one cell, in the order they were coded. */
export const LIST_SEPARATOR = ' | '

/** Values in one cell, position for position with the claim's issues; '' when every one is empty. */
function listCell(values: readonly string[]): string {
  return values.every((value) => value === '') ? '' : values.join(LIST_SEPARATOR)
}

/**
 * One claim as a row, in CLAIMS_COLUMNS order. A reference to a deleted record leaves its names
 * empty (for an issue: its place in the list).
 */
export function claimRow(claim: Claim, lookups: ExportLookups): CsvCell[] {
  const actor = lookups.actors.get(claim.actorId)
  const issues = claim.issueIds.map((id) => lookups.issues.get(id))
  const article = lookups.articles.get(claim.articleId)
  const addressee = claim.addresseeId === null ? undefined : lookups.actors.get(claim.addresseeId)
  return [
    claim.date,
    actor?.name ?? '',
    actor?.kind ?? '',
    listCell(issues.map((issue) => issue?.label ?? '')),
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
    claim.issueIds.join(LIST_SEPARATOR),
    claim.addresseeId ?? '',
    claim.anchor.start,
    claim.anchor.end,
    listCell(issues.map((issue) => issue?.code ?? '')),
  ]
}

/** What the export order looks at: claim date, then article, then position in the text, then id. */
interface ExportOrder {
  date: string
  articleId: string
  start: number
  id: string
}

function compareExportOrder(a: ExportOrder, b: ExportOrder): number {
  return compare(a.date, b.date) || compare(a.articleId, b.articleId) || a.start - b.start || compare(a.id, b.id)
}

/** Claims in the order analysts read them: by claim date, then article, then position in the text. */
export function sortClaimsForExport(claims: Claim[]): Claim[] {
  return claims
    .map((claim) => ({ date: claim.date, articleId: claim.articleId, start: claim.anchor.start, id: claim.id, claim }))
    .sort(compareExportOrder)
    .map((entry) => entry.claim)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function* claimRows(claims: Iterable<Claim>, lookups: ExportLookups): Generator<CsvCell[]> {
  for (const claim of claims) yield claimRow(claim, lookups)
}

/** A claim's CSV row, built ahead of the sort, with what the sort needs. */
export interface ClaimRowEntry extends ExportOrder {
  row: CsvCell[]
}

/**
 * Builds claims' rows as they come (a slice of the table at a time, while the next is still
 * being read), keeping only what the export order needs of each claim beside its row.
 */
export function addClaimRows(into: ClaimRowEntry[], claims: readonly Claim[], lookups: ExportLookups): void {
  for (const claim of claims) into.push({ date: claim.date, articleId: claim.articleId, start: claim.anchor.start, id: claim.id, row: claimRow(claim, lookups) })
}

/**
 * The claims CSV from rows built by addClaimRows, in export order (sorted in place), in
 * chunks: byte for byte csvChunks(CLAIMS_COLUMNS, claimRows(sortClaimsForExport(claims))).
 */
export function claimRowsCsv(entries: ClaimRowEntry[], options: CsvOptions & { rowsPerChunk?: number } = {}): Generator<CsvChunk> {
  entries.sort(compareExportOrder)
  return csvChunks([...CLAIMS_COLUMNS], (function* () {
    for (const entry of entries) yield entry.row
  })(), options)
}
