import { matchHeaderNames } from '../import/headerNames'

// Which column of the file holds which part of a claim. Guessed from the header (our own
// export's names, Discourse Network Analyzer's, and common spreadsheet wording), then shown to
// the analyst, who can change any of it.

export const CLAIM_FIELDS = [
  'actor',
  'actorKind',
  'issue',
  'stance',
  'date',
  'quote',
  'note',
  'addressee',
  'documentId',
  'documentTitle',
  'documentText',
  'documentDate',
  'documentSource',
  'documentUrl',
  'quoteStart',
  'quoteEnd',
  'claimId',
] as const

export type ClaimField = (typeof CLAIM_FIELDS)[number]

/** Column index per field; null when the file has no such column. */
export type ColumnMapping = Record<ClaimField, number | null>

export const FIELD_LABELS: Record<ClaimField, string> = {
  actor: 'Actor',
  actorKind: 'Actor kind',
  issue: 'Issue',
  stance: 'Stance',
  date: 'Date',
  quote: 'Quote',
  note: 'Note',
  addressee: 'Addressee',
  documentId: 'Document ID',
  documentTitle: 'Document title',
  documentText: 'Document text',
  documentDate: 'Document date',
  documentSource: 'Document source',
  documentUrl: 'Document URL',
  quoteStart: 'Quote start',
  quoteEnd: 'Quote end',
  claimId: 'Claim ID',
}

export const REQUIRED_FIELDS: readonly ClaimField[] = ['actor', 'issue', 'stance']

/** Header names per field, most specific first, compared as headerKey() reduces them. */
const SYNONYMS: Record<ClaimField, string[]> = {
  actor: ['actor', 'claimant', 'speaker', 'organization', 'organisation', 'actor name', 'person', 'who'],
  actorKind: ['actor kind', 'actor type', 'kind', 'actor category'],
  issue: ['issue', 'issues', 'concept', 'topic', 'issue label', 'category', 'code', 'frame'],
  stance: ['stance', 'agreement', 'position', 'stance value', 'polarity', 'support', 'qualifier'],
  date: ['claim date', 'statement date', 'date', 'time', 'day'],
  quote: ['quote', 'statement', 'statement text', 'excerpt', 'quotation', 'text', 'selection', 'coded text', 'segment'],
  note: ['note', 'notes', 'comment', 'comments', 'memo'],
  addressee: ['addressee', 'addressee name', 'addressed to', 'target actor', 'target'],
  documentId: ['article id', 'document id', 'doc id', 'docid', 'document'],
  documentTitle: ['article title', 'document title', 'title', 'headline', 'doc title'],
  documentText: ['document text', 'article text', 'full text', 'body', 'content', 'document body'],
  documentDate: ['article date', 'document date', 'published at', 'publication date', 'published'],
  documentSource: ['source', 'outlet', 'publisher', 'newspaper', 'document source'],
  documentUrl: ['url', 'link', 'document url', 'article url'],
  quoteStart: ['quote start', 'start', 'begin', 'start offset', 'offset start', 'start position'],
  quoteEnd: ['quote end', 'end', 'stop', 'end offset', 'offset end', 'end position'],
  claimId: ['claim id', 'statement id', 'id'],
}

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(CLAIM_FIELDS.map((field) => [field, null])) as ColumnMapping
}

/** Proposes a column per field from the header (an exact "article_title" beats a generic "title"). */
export function guessMapping(header: string[]): ColumnMapping {
  return { ...emptyMapping(), ...matchHeaderNames(header, SYNONYMS) }
}

/** What keeps a mapping from being imported, in words; empty when it can be. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = []
  for (const field of REQUIRED_FIELDS) {
    if (mapping[field] === null) problems.push(`Choose the column that holds the ${FIELD_LABELS[field].toLowerCase()}.`)
  }
  if (mapping.documentId === null && mapping.documentTitle === null && mapping.documentText === null) {
    problems.push('Choose a column that names the document: its title, its ID or its full text.')
  }
  const seen = new Map<number, ClaimField>()
  for (const field of CLAIM_FIELDS) {
    const column = mapping[field]
    if (column === null) continue
    const other = seen.get(column)
    if (other) problems.push(`${FIELD_LABELS[other]} and ${FIELD_LABELS[field]} use the same column.`)
    else seen.set(column, field)
  }
  return problems
}
