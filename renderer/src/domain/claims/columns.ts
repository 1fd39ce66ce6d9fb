import type { CsvCell } from '../csv/writeCsv'
import { STANCE_LABELS, type Attributes, type Id, type Stance } from '../model'
import { compareText } from '../text/compare'
import { issuePathsOf, rowDate, UNKNOWN_ACTOR, type ClaimLookups, type ClaimRow } from './rows'

// The claims table's columns: what each shows, how it sorts and how it is filtered. The screen,
// the sort, the filters and Export CSV all read a row through these, so the file says exactly
// what the table shows.

/** How a column sorts: by calendar date, by timestamp, by stance, or as text (names, quotes). */
export type ColumnType = 'date' | 'time' | 'stance' | 'text'

/**
 * How a column is filtered: text contains; one of a list (actors, issues, coders, sources,
 * kinds, attribute values); a date range; a stance range.
 */
export type FilterType = 'contains' | 'oneOf' | 'dateRange' | 'stanceRange'

export interface ClaimColumn {
  id: string
  label: string
  type: ColumnType
  filter: FilterType
  /** In the table before the analyst picks columns. */
  standard: boolean
  /** Initial width in pixels. */
  width: number
  /** The values a cell shows: one, or several (issues, attribute values). */
  values: (row: ClaimRow, lookups: ClaimLookups) => readonly string[]
  /** For one-of filters: what the row is matched on (ids for actors, issues, coders; else the values). */
  keys?: (row: ClaimRow, lookups: ClaimLookups) => readonly string[]
  /** The label of a one-of key in the filter's list. */
  keyLabel?: (key: string, lookups: ClaimLookups) => string
}

/** Several values in one cell (issues, attribute values), as the claims export joins them. */
export const VALUE_SEPARATOR = ' | '

/** What a cell says, as one text: the tooltip, the contains filter, the text sort and the CSV. */
export function cellText(column: ClaimColumn, row: ClaimRow, lookups: ClaimLookups): string {
  const values = column.values(row, lookups)
  return values.length === 1 ? values[0]! : values.join(VALUE_SEPARATOR)
}

/** The cell as Export CSV writes it: the text shown, except the stance, written as its number. */
export function csvCell(column: ClaimColumn, row: ClaimRow, lookups: ClaimLookups): CsvCell {
  return column.type === 'stance' ? row.stance : cellText(column, row, lookups)
}

const one = (value: string): readonly string[] => [value]
const actorName = (id: Id | null, lookups: ClaimLookups): string => (id === null ? '' : (lookups.actors.get(id)?.name ?? UNKNOWN_ACTOR))
const coderName = (id: Id, lookups: ClaimLookups): string => (id === '' ? '' : (lookups.coders.get(id)?.name ?? '(unknown coder)'))

/** "+1 for": the sign written out, as everywhere a stance is shown. */
export function stanceLabel(stance: Stance): string {
  return `${stance > 0 ? `+${stance}` : stance < 0 ? `−${-stance}` : '0'} ${STANCE_LABELS[stance]}`
}

export const STANDARD_COLUMNS: readonly ClaimColumn[] = [
  { id: 'date', label: 'Date', type: 'date', filter: 'dateRange', standard: true, width: 108, values: (row, lookups) => one(rowDate(row, lookups)) },
  {
    id: 'actor',
    label: 'Actor',
    type: 'text',
    filter: 'oneOf',
    standard: true,
    width: 190,
    values: (row, lookups) => one(actorName(row.actorId, lookups)),
    keys: (row) => [row.actorId],
    keyLabel: (key, lookups) => actorName(key, lookups),
  },
  {
    id: 'issues',
    label: 'Issues',
    type: 'text',
    filter: 'oneOf',
    standard: true,
    width: 320,
    values: (row, lookups) => issuePathsOf(row, lookups),
    keys: (row) => row.issueIds,
    keyLabel: (key, lookups) => lookups.issuePaths.get(key) ?? '(unknown issue)',
  },
  { id: 'stance', label: 'Stance', type: 'stance', filter: 'stanceRange', standard: true, width: 156, values: (row) => one(stanceLabel(row.stance)) },
  { id: 'quote', label: 'Quote', type: 'text', filter: 'contains', standard: true, width: 340, values: (row) => one(row.quote) },
  { id: 'note', label: 'Note', type: 'text', filter: 'contains', standard: true, width: 200, values: (row) => one(row.note) },
  {
    id: 'coder',
    label: 'Coder',
    type: 'text',
    filter: 'oneOf',
    standard: true,
    width: 120,
    values: (row, lookups) => one(coderName(row.coderId, lookups)),
    keys: (row) => [row.coderId],
    keyLabel: (key, lookups) => coderName(key, lookups) || '(no coder)',
  },
  { id: 'article', label: 'Article', type: 'text', filter: 'contains', standard: true, width: 240, values: (row, lookups) => one(lookups.articles.get(row.articleId)?.title ?? '') },
  {
    id: 'source',
    label: 'Source',
    type: 'text',
    filter: 'oneOf',
    standard: true,
    width: 140,
    values: (row, lookups) => one(lookups.articles.get(row.articleId)?.source ?? ''),
    keyLabel: (key) => key || '(no source)',
  },
  { id: 'externalId', label: 'External ID', type: 'text', filter: 'contains', standard: true, width: 110, values: (row) => one(row.externalId) },
  {
    id: 'addressee',
    label: 'Addressee',
    type: 'text',
    filter: 'oneOf',
    standard: false,
    width: 170,
    values: (row, lookups) => one(actorName(row.addresseeId, lookups)),
    keys: (row) => [row.addresseeId ?? ''],
    keyLabel: (key, lookups) => (key === '' ? '(no addressee)' : actorName(key, lookups)),
  },
  {
    id: 'actorKind',
    label: 'Actor kind',
    type: 'text',
    filter: 'oneOf',
    standard: false,
    width: 120,
    values: (row, lookups) => one(lookups.actors.get(row.actorId)?.kind ?? ''),
    keyLabel: (key) => key || '(no kind)',
  },
  { id: 'createdAt', label: 'Created', type: 'time', filter: 'dateRange', standard: false, width: 150, values: (row) => one(shortTime(row.createdAt)) },
  { id: 'updatedAt', label: 'Updated', type: 'time', filter: 'dateRange', standard: false, width: 150, values: (row) => one(shortTime(row.updatedAt)) },
  {
    id: 'updatedBy',
    label: 'Updated by',
    type: 'text',
    filter: 'oneOf',
    standard: false,
    width: 120,
    values: (row, lookups) => one(coderName(row.updatedBy, lookups)),
    keys: (row) => [row.updatedBy],
    keyLabel: (key, lookups) => coderName(key, lookups) || '(unknown)',
  },
]

/** "2025-01-05 10:00": a stored timestamp to the minute, in UTC as stored. */
function shortTime(iso: string): string {
  return iso.length >= 16 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso
}

/** The values an attribute holds, its key compared without case ("Party" = "party"). */
export function attributeValues(attributes: Attributes, key: string): readonly string[] {
  const exact = attributes[key]
  if (exact) return exact
  const folded = key.toLowerCase()
  for (const [name, values] of Object.entries(attributes)) if (name.toLowerCase() === folded) return values
  return []
}

/** Attribute names in use, each once whatever its case (the first spelling met), in name order. */
export function attributeKeys(records: Iterable<{ attributes: Attributes }>): string[] {
  const byFolded = new Map<string, string>()
  for (const record of records) {
    for (const [name, values] of Object.entries(record.attributes)) {
      if (values.length === 0) continue
      const folded = name.toLowerCase()
      if (!byFolded.has(folded)) byFolded.set(folded, name)
    }
  }
  return [...byFolded.values()].sort(compareText)
}

export const ACTOR_ATTRIBUTE_PREFIX = 'actor.'
export const CLAIM_ATTRIBUTE_PREFIX = 'claim.'

function actorAttributeColumn(key: string): ClaimColumn {
  const values = (row: ClaimRow, lookups: ClaimLookups): readonly string[] => {
    const actor = lookups.actors.get(row.actorId)
    return actor ? attributeValues(actor.attributes, key) : []
  }
  return { id: `${ACTOR_ATTRIBUTE_PREFIX}${key.toLowerCase()}`, label: `Actor ${key}`, type: 'text', filter: 'oneOf', standard: false, width: 140, values, keys: values, keyLabel: (value) => value }
}

function claimAttributeColumn(key: string): ClaimColumn {
  const values = (row: ClaimRow): readonly string[] => attributeValues(row.attributes, key)
  return { id: `${CLAIM_ATTRIBUTE_PREFIX}${key.toLowerCase()}`, label: `Claim ${key}`, type: 'text', filter: 'oneOf', standard: false, width: 140, values, keys: values, keyLabel: (value) => value }
}

/**
 * Every column the table offers: the standard ones, then one per actor attribute and one per
 * claim attribute in use. The coder columns only where more than one coder has worked.
 */
export function availableColumns(options: { actorAttributes: readonly string[]; claimAttributes: readonly string[]; severalCoders: boolean }): ClaimColumn[] {
  const teamOnly = new Set(['coder', 'updatedBy'])
  const standard = STANDARD_COLUMNS.filter((column) => options.severalCoders || !teamOnly.has(column.id))
  // Optional ones in the picker's order: addressee, kind, attributes, then the bookkeeping.
  const [before, after] = [standard.filter((column) => !['createdAt', 'updatedAt', 'updatedBy'].includes(column.id)), standard.filter((column) => ['createdAt', 'updatedAt', 'updatedBy'].includes(column.id))]
  return [...before, ...options.actorAttributes.map(actorAttributeColumn), ...options.claimAttributes.map(claimAttributeColumn), ...after]
}

/** The keys a row carries for a one-of filter on this column: its own keys, else its values. */
export function filterKeys(column: ClaimColumn, row: ClaimRow, lookups: ClaimLookups): readonly string[] {
  return column.keys ? column.keys(row, lookups) : column.values(row, lookups)
}
