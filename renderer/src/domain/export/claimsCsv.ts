import { identityOrder, sortOrder } from '../claims/sort'
import { csvLine, type CsvCell, type CsvOptions } from '../csv/writeCsv'
import { AttributeColumns, ACTOR_PREFIX, CLAIM_PREFIX, META_PREFIX } from './attributeColumns'
import { csvLineChunks, type CsvChunk } from './csvChunks'
import { STANCE_LABELS, type Attributes, type Claim } from '../model'
import type { ExportLookups } from './lookups'

// The claims export: one row per claim. The column order is part of the contract with the
// analysts' scripts (README, "CSV exports"): add new columns at the end, never reorder. After
// the fixed columns come the attributes: the claimant's (`actor.<key>`), the claim's
// (`claim.<key>`) and its document's (`meta.<key>`), only those some exported claim has.

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
  'coder',
  'coder_id',
  'adjudicated_from',
  'external_id',
  'article_external_id',
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
    lookups.coders.get(claim.coderId)?.name ?? '',
    claim.coderId,
    // An adjudicated claim names the coders' claims it was decided from.
    claim.adjudicatedFrom.join(LIST_SEPARATOR),
    claim.externalId ?? '',
    article?.externalId ?? '',
  ]
}

/** The attribute columns a set of claims needs, and each claim's cells in them. */
export class ClaimAttributeColumns {
  readonly actor = new AttributeColumns(ACTOR_PREFIX)
  readonly claim = new AttributeColumns(CLAIM_PREFIX)
  readonly meta = new AttributeColumns(META_PREFIX)
  private readonly seenActors = new Set<string>()
  private readonly seenArticles = new Set<string>()

  add(claim: Claim, lookups: ExportLookups): void {
    this.claim.add(claim.attributes)
    if (!this.seenActors.has(claim.actorId)) {
      this.seenActors.add(claim.actorId)
      this.actor.add(lookups.actors.get(claim.actorId)?.attributes)
    }
    if (!this.seenArticles.has(claim.articleId)) {
      this.seenArticles.add(claim.articleId)
      this.meta.add(lookups.articles.get(claim.articleId)?.meta)
    }
  }

  get header(): string[] {
    return [...CLAIMS_COLUMNS, ...this.actor.header, ...this.claim.header, ...this.meta.header]
  }

  /** The cells after the fixed ones, for a claim's attributes, its actor's and its document's. */
  cells(parts: ClaimAttributeParts, columns: { actor: string[]; claim: string[]; meta: string[] }): string[] {
    return [...this.actor.cells(parts.actor, columns.actor), ...this.claim.cells(parts.claim, columns.claim), ...this.meta.cells(parts.meta, columns.meta)]
  }

  get columns(): { actor: string[]; claim: string[]; meta: string[] } {
    return { actor: this.actor.columns, claim: this.claim.columns, meta: this.meta.columns }
  }
}

/** What a claim's attribute cells are made of. */
export interface ClaimAttributeParts {
  actor: Attributes | undefined
  claim: Attributes | undefined
  meta: Record<string, string> | undefined
}

function partsOf(claim: Claim, lookups: ExportLookups): ClaimAttributeParts {
  return { actor: lookups.actors.get(claim.actorId)?.attributes, claim: claim.attributes, meta: lookups.articles.get(claim.articleId)?.meta }
}

/** The whole claims export as a table: header and rows in export order, with attribute columns. */
export function claimsExportTable(claims: Claim[], lookups: ExportLookups): { header: string[]; rows: CsvCell[][] } {
  const attributes = new ClaimAttributeColumns()
  for (const claim of claims) attributes.add(claim, lookups)
  const columns = attributes.columns
  return {
    header: attributes.header,
    rows: sortClaimsForExport(claims).map((claim) => [...claimRow(claim, lookups), ...attributes.cells(partsOf(claim, lookups), columns)]),
  }
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

/** Each value's place among the distinct values, in code unit order (as compare orders them). */
function ranks(values: readonly string[]): Float64Array {
  const distinct = [...new Set(values)].sort()
  const rank = new Map(distinct.map((value, index) => [value, index]))
  return Float64Array.from(values, (value) => rank.get(value)!)
}

/**
 * Indices of `entries` in export order (compareExportOrder's): at 100,000 claims, comparing
 * their strings in a sort costs more than writing their lines. Dates and articles are ranked
 * once each (few distinct values) and the rows sorted by typed keys; only rows alike in date,
 * article and position are ordered by id.
 */
export function exportOrder(entries: readonly ExportOrder[]): Uint32Array {
  const starts = Float64Array.from(entries, (entry) => entry.start)
  // Positions are offsets in a text; anything else (never written by the app) takes the slow way.
  if (!starts.every((start) => Number.isInteger(start) && Math.abs(start) < 2 ** 31)) {
    return Uint32Array.from(
      entries.map((entry, index) => ({ entry, index })).sort((a, b) => compareExportOrder(a.entry, b.entry)),
      (item) => item.index,
    )
  }
  const dates = ranks(entries.map((entry) => entry.date))
  const articles = ranks(entries.map((entry) => entry.articleId))
  const order = sortOrder(identityOrder(entries.length), [
    { keys: dates, desc: false },
    { keys: articles, desc: false },
    { keys: starts, desc: false },
  ])
  const alike = (a: number, b: number): boolean => dates[a] === dates[b] && articles[a] === articles[b] && starts[a] === starts[b]
  for (let first = 0; first < order.length; ) {
    let end = first + 1
    while (end < order.length && alike(order[first]!, order[end]!)) end++
    if (end - first > 1) order.subarray(first, end).sort((a, b) => compare(entries[a]!.id, entries[b]!.id))
    first = end
  }
  return order
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function* claimRows(claims: Iterable<Claim>, lookups: ExportLookups): Generator<CsvCell[]> {
  for (const claim of claims) yield claimRow(claim, lookups)
}

/** A claim's CSV line (its fixed columns), written ahead of the sort, with what the sort and the attribute columns need. */
export interface ClaimRowEntry extends ExportOrder {
  /** The fixed columns as one CSV line (csvLine), no line ending. */
  line: string
  /** Absent when neither the claim, its actor nor its document has attributes. */
  attributes?: ClaimAttributeParts
}

const hasAny = (record: object | undefined): boolean => record !== undefined && Object.keys(record).length > 0

/**
 * Writes claims' lines as they come (a slice of the table at a time, while the next is still
 * being read), keeping only what the export order needs of each claim beside its line.
 */
export function addClaimRows(into: ClaimRowEntry[], claims: readonly Claim[], lookups: ExportLookups, attributes?: ClaimAttributeColumns): void {
  for (const claim of claims) {
    const entry: ClaimRowEntry = { date: claim.date, articleId: claim.articleId, start: claim.anchor.start, id: claim.id, line: csvLine(claimRow(claim, lookups)) }
    if (attributes) {
      const parts = partsOf(claim, lookups)
      if (hasAny(parts.actor) || hasAny(parts.claim) || hasAny(parts.meta)) {
        entry.attributes = parts
        attributes.add(claim, lookups)
      }
    }
    into.push(entry)
  }
}

/**
 * The claims CSV from lines written by addClaimRows, in export order, in
 * chunks: byte for byte csvChunks(CLAIMS_COLUMNS, claimRows(sortClaimsForExport(claims))), or,
 * with the attribute columns addClaimRows collected, the table claimsExportTable gives.
 */
export function claimRowsCsv(entries: ClaimRowEntry[], options: CsvOptions & { rowsPerChunk?: number } = {}, attributes?: ClaimAttributeColumns): Generator<CsvChunk> {
  const order = exportOrder(entries)
  const header = attributes ? attributes.header : [...CLAIMS_COLUMNS]
  const columns = attributes?.columns
  // The attribute cells follow the fixed ones on the same line; a claim without attributes
  // has the same empty cells as every other such claim.
  const suffix = (cells: CsvCell[]): string => (cells.length === 0 ? '' : `,${csvLine(cells)}`)
  const none = attributes && columns ? suffix(attributes.cells({ actor: undefined, claim: undefined, meta: undefined }, columns)) : ''
  return csvLineChunks(header, (function* () {
    for (let position = 0; position < order.length; position++) {
      const entry = entries[order[position]!]!
      if (!attributes || !columns || !entry.attributes) yield entry.line + none
      else yield entry.line + suffix(attributes.cells(entry.attributes, columns))
    }
  })(), options)
}
