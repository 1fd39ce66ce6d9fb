import { csvField, type CsvCell, type CsvOptions } from '../csv/writeCsv'
import { csvLineChunks, type CsvChunk } from './csvChunks'
import { STANCE_LABELS, type Claim, type Id, type Stance } from '../model'
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

/** A claim's CSV line, written ahead of the sort, with what the sort needs. */
export interface ClaimLine extends ExportOrder {
  line: string
}

/**
 * A function that writes one claim's CSV line: exactly csvLine(claimRow(claim, lookups)), but
 * the columns that come from an actor, issue, article or stance are written once per record
 * and reused, since a hundred thousand claims point at a few thousand of them.
 */
export function claimLineWriter(lookups: ExportLookups): (claim: Claim) => string {
  const cached = <K, V>(write: (key: K) => V): ((key: K) => V) => {
    const written = new Map<K, V>()
    return (key) => {
      let value = written.get(key)
      if (value === undefined) {
        value = write(key)
        written.set(key, value)
      }
      return value
    }
  }
  // "actor,actor_kind" and actor_id; the addressee's name alone.
  const actor = cached((id: Id) => {
    const found = lookups.actors.get(id)
    return { columns: `${csvField(found?.name ?? '')},${csvField(found?.kind ?? '')}`, name: csvField(found?.name ?? ''), id: csvField(id) }
  })
  const issue = cached((id: Id) => ({ label: csvField(lookups.issues.get(id)?.label ?? ''), id: csvField(id) }))
  // "article_title,source,article_date,url" and article_id.
  const article = cached((id: Id) => {
    const found = lookups.articles.get(id)
    return {
      columns: [found?.title ?? '', found?.source ?? '', found?.publishedAt ?? '', found?.url ?? ''].map(csvField).join(','),
      id: csvField(id),
    }
  })
  const stance = cached((value: Stance) => `${csvField(value)},${csvField(STANCE_LABELS[value] ?? '')}`)
  return (claim) => {
    const claimant = actor(claim.actorId)
    const about = issue(claim.issueId)
    const source = article(claim.articleId)
    const addressee = claim.addresseeId === null ? null : actor(claim.addresseeId)
    return [
      csvField(claim.date),
      claimant.columns,
      about.label,
      stance(claim.stance),
      csvField(claim.anchor.exact),
      csvField(claim.note),
      addressee?.name ?? '',
      source.columns,
      csvField(claim.id),
      source.id,
      claimant.id,
      about.id,
      addressee?.id ?? '',
      csvField(claim.anchor.start),
      csvField(claim.anchor.end),
    ].join(',')
  }
}

/**
 * Writes claims' CSV lines as they come (a slice of the table at a time, while the next is
 * still being read), keeping only what the export order needs of each claim.
 */
export function addClaimLines(into: ClaimLine[], claims: readonly Claim[], writeLine: (claim: Claim) => string): void {
  for (const claim of claims) into.push({ date: claim.date, articleId: claim.articleId, start: claim.anchor.start, id: claim.id, line: writeLine(claim) })
}

/**
 * The claims CSV from lines written by addClaimLines, in export order (sorted in place), in
 * chunks: byte for byte csvChunks(CLAIMS_COLUMNS, claimRows(sortClaimsForExport(claims))).
 */
export function claimLinesCsv(lines: ClaimLine[], options: CsvOptions & { rowsPerChunk?: number } = {}): Generator<CsvChunk> {
  lines.sort(compareExportOrder)
  return csvLineChunks(CLAIMS_COLUMNS, (function* () {
    for (const entry of lines) yield entry.line
  })(), options)
}
