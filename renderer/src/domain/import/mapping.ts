import { detectDateOrder, parseDate } from './dates'
import { matchHeaderNames } from './headerNames'
import { textFromHtmlFragment } from './htmlText'
import { resolveLanguage } from './language'
import { normaliseBody, normaliseLine, titleFromBody } from './normaliseText'
import { MAPPABLE_FIELDS, type ColumnMapping, type Collection, type MappableField, type MappingOptions, type ParsedArticle, type RowRejection } from './types'
import { fieldOf, setField } from './recordFields'

// Which column is which. Proposed from header names (the names news exports actually use:
// NewsAPI, GDELT, the Guardian API, Factiva/LexisNexis CSVs, scrapers), then from content for
// the body; the user confirms or changes it; the last confirmed mapping is remembered.

/** Header names per field, best first, as headerKey() reduces them. */
const SYNONYMS: Record<MappableField, string[]> = {
  title: ['title', 'headline', 'heading', 'head', 'webtitle', 'articletitle', 'subject', 'hed', 'name'],
  publishedAt: [
    'publishedat', 'date', 'published', 'publicationdate', 'pubdate', 'datepublished', 'publishdate', 'publisheddate',
    'webpublicationdate', 'firstpublishdate', 'datetime', 'dateextracted', 'seendate', 'timestamp', 'time', 'createdat',
    'created', 'daterawdate', 'dateraw',
  ],
  source: ['source', 'sourcename', 'outlet', 'publisher', 'publication', 'newspaper', 'media', 'medium', 'sitename', 'site', 'domain', 'feed', 'channel', 'sourcetitle'],
  author: ['author', 'authors', 'byline', 'writer', 'writers', 'creator', 'by', 'reporter', 'journalist'],
  url: ['url', 'link', 'weburl', 'articleurl', 'permalink', 'href', 'uri', 'sourceurl', 'canonicalurl'],
  body: [
    'body', 'content', 'text', 'fulltext', 'articletext', 'articlebody', 'bodytext', 'maintext', 'article', 'story',
    'fullcontent', 'description', 'summary', 'abstract', 'lead', 'snippet',
  ],
}

/** Average length of a column's first values: the body is the column with the most text. */
function averageLength(records: Record<string, string>[], column: string): number {
  const sample = records.slice(0, 50)
  return sample.reduce((sum, record) => sum + (fieldOf(record, column)?.length ?? 0), 0) / Math.max(sample.length, 1)
}

export function emptyMapping(): ColumnMapping {
  return { title: null, publishedAt: null, source: null, author: null, url: null, body: null }
}

/**
 * A mapping for these columns. `remembered` (the last confirmed mapping) wins for every field
 * whose column exists here; the rest come from the header names, and the body falls back to
 * the column with the longest values.
 */
export function proposeMapping(columns: string[], records: Record<string, string>[], remembered?: Partial<ColumnMapping> | null): ColumnMapping {
  const mapping = emptyMapping()
  const used = new Set<number>()
  if (remembered) {
    for (const field of MAPPABLE_FIELDS) {
      const column = remembered[field]
      const index = column ? columns.indexOf(column) : -1
      if (index >= 0 && !used.has(index)) {
        mapping[field] = column!
        used.add(index)
      }
    }
  }
  // Exact names first (a "date" column beats "date_raw"), then names that merely contain one.
  for (const loose of [false, true]) {
    const unmapped = MAPPABLE_FIELDS.filter((field) => !mapping[field])
    const found = matchHeaderNames(columns, Object.fromEntries(unmapped.map((field) => [field, SYNONYMS[field]])), used, { loose })
    for (const field of unmapped) if (found[field] !== undefined) mapping[field] = columns[found[field]]!
  }
  if (!mapping.body) {
    const longest = columns.filter((_, index) => !used.has(index)).sort((a, b) => averageLength(records, b) - averageLength(records, a))[0]
    if (longest && averageLength(records, longest) >= 80) mapping.body = longest
  }
  return mapping
}

/** Columns that keep their values as article metadata. */
export function metaColumns(columns: string[], mapping: ColumnMapping): string[] {
  const mapped = new Set(Object.values(mapping).filter((column): column is string => column !== null))
  return columns.filter((column) => !mapped.has(column))
}

/** The date order to use for a mapping: what the date column says, else day-first. */
export function dateOrderFor(collection: Collection, dateColumn: string | null): { order: 'dmy' | 'mdy'; detected: boolean } {
  if (!dateColumn) return { order: 'dmy', detected: false }
  const detected = detectDateOrder(collection.records.map((record) => fieldOf(record, dateColumn) ?? ''))
  return { order: detected ?? 'dmy', detected: detected !== null }
}

const HTML_TAG = /<\/?(p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|script|style|img|table)\b[^>]*>/i

/** A cell as text: HTML in a cell (RSS descriptions, CMS exports) is reduced to its words. */
function cellText(value: string): string {
  return value.includes('<') && HTML_TAG.test(value) ? textFromHtmlFragment(value) : value
}

export interface MappedRow {
  article?: ParsedArticle
  rejection?: RowRejection
}

export function mapRecord(record: Record<string, string>, row: number, options: MappingOptions, extraColumns: string[]): MappedRow {
  const { mapping } = options
  const value = (field: MappableField): string => (mapping[field] ? (fieldOf(record, mapping[field]) ?? '') : '')
  const body = normaliseBody(cellText(value('body')))
  if (body === '') {
    return { rejection: { row, reason: `Row ${row} was skipped: its body (column "${mapping.body ?? '?'}") is empty.` } }
  }
  const rawDate = value('publishedAt').trim()
  const publishedAt = parseDate(rawDate, options.dateOrder)
  const meta: Record<string, string> = {}
  for (const column of extraColumns) {
    const cell = fieldOf(record, column)
    if (cell !== undefined && cell.trim() !== '') setField(meta, column, cell)
  }
  if (publishedAt === '' && rawDate !== '') meta['unrecognised date'] = rawDate
  const title = normaliseLine(cellText(value('title'))) || titleFromBody(body)
  const language = resolveLanguage(body, { language: fieldOf(record, 'language') ?? fieldOf(record, 'lang') ?? '' })
  return {
    article: {
      title,
      source: normaliseLine(value('source')) || normaliseLine(options.defaultSource),
      author: normaliseLine(value('author')),
      publishedAt,
      url: normaliseLine(value('url')),
      language: language.language,
      direction: language.direction,
      body,
      origin: '',
      meta,
    },
  }
}

export interface MappedCollection {
  articles: { row: number; article: ParsedArticle }[]
  rejectedRows: RowRejection[]
}

/** Every record through the mapping; rows the reader already refused stay refused. */
export function mapCollection(collection: Collection, options: MappingOptions): MappedCollection {
  if (!options.mapping.body) throw new Error('A body column is required.')
  const extra = metaColumns(collection.columns, options.mapping)
  const articles: { row: number; article: ParsedArticle }[] = []
  const rejectedRows = [...collection.rejectedRows]
  collection.records.forEach((record, index) => {
    const row = collection.rowNumbers[index] ?? index + 1
    const mapped = mapRecord(record, row, options, extra)
    if (mapped.article) articles.push({ row, article: mapped.article })
    else if (mapped.rejection) rejectedRows.push(mapped.rejection)
  })
  rejectedRows.sort((a, b) => a.row - b.row)
  return { articles, rejectedRows }
}
