import type { Article } from '../../../domain/model'

/** What the library table needs of an article: everything but the body and the metadata. */
export type LibraryRow = Pick<Article, 'id' | 'title' | 'source' | 'author' | 'publishedAt' | 'language' | 'direction' | 'importedAt' | 'origin'> & {
  /** False for a document known by title only (a claims import without text): the Library marks it. */
  hasText: boolean
}

export function toLibraryRow(article: Article): LibraryRow {
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    author: article.author,
    publishedAt: article.publishedAt,
    language: article.language,
    direction: article.direction,
    importedAt: article.importedAt,
    origin: article.origin,
    hasText: article.body.trim() !== '',
  }
}

export interface IndexStatus {
  /** Articles in the index so far, and in the workspace. */
  indexed: number
  total: number
  /** True once the first full pass is done (the row list is complete). */
  ready: boolean
  /** Bumped on every change, so an active search re-runs. */
  version: number
}

/** The fields of a row, in the order columns are kept. */
export const ROW_FIELDS = ['id', 'title', 'source', 'author', 'publishedAt', 'language', 'direction', 'importedAt', 'origin'] as const

/** Rows as one array per field: many rows clone (to a worker, to storage) far faster this way. */
export type LibraryColumns = Record<(typeof ROW_FIELDS)[number], string[]> & { hasText: boolean[] }

export function columnsOf(rows: Iterable<LibraryRow>): LibraryColumns {
  const columns = { ...Object.fromEntries(ROW_FIELDS.map((field) => [field, [] as string[]])), hasText: [] as boolean[] } as LibraryColumns
  for (const row of rows) {
    for (const field of ROW_FIELDS) columns[field].push(row[field])
    columns.hasText.push(row.hasText)
  }
  return columns
}

/** The rows columns hold; throws a TypeError when they are not a complete set of text columns. */
export function rowsFromColumns(columns: unknown): LibraryRow[] {
  if (typeof columns !== 'object' || columns === null) throw new TypeError('The saved library rows are missing.')
  const byField = columns as Record<string, unknown>
  const ids = byField.id
  if (!Array.isArray(ids)) throw new TypeError('The saved library rows have no ids.')
  for (const field of ROW_FIELDS) {
    const column = byField[field]
    if (!Array.isArray(column) || column.length !== ids.length || column.some((value) => typeof value !== 'string')) {
      throw new TypeError(`The saved library rows are damaged (${field}).`)
    }
  }
  const hasTextColumn = byField.hasText
  if (!Array.isArray(hasTextColumn) || hasTextColumn.length !== ids.length || hasTextColumn.some((value) => typeof value !== 'boolean')) {
    throw new TypeError('The saved library rows are damaged (hasText).')
  }
  const { title, source, author, publishedAt, language, direction, importedAt, origin, hasText } = columns as LibraryColumns
  const rows = new Array<LibraryRow>(ids.length)
  for (let index = 0; index < ids.length; index++) {
    rows[index] = {
      id: ids[index] as string,
      title: title[index]!,
      source: source[index]!,
      author: author[index]!,
      publishedAt: publishedAt[index]!,
      language: language[index]!,
      direction: direction[index] === 'rtl' ? 'rtl' : 'ltr',
      importedAt: importedAt[index]!,
      origin: origin[index]!,
      hasText: hasText[index]!,
    }
  }
  return rows
}

export interface RowsEvent {
  type: 'rows'
  upserts: LibraryRow[]
  /** More rows to add or replace, as columns (the whole saved library, at start). */
  columns?: LibraryColumns
  removed: string[]
  status: IndexStatus
}

export interface SearchHits {
  /** Matching article ids, best first. */
  ids: string[]
  /** How long the search took inside the worker, in milliseconds. */
  elapsedMs: number
  /** False when the query had no searchable words (only stop words or punctuation). */
  searchable: boolean
}

/** The cache entry the index is saved under, beside the workspace. */
export const LIBRARY_CACHE = 'library-index'
// library-2: rows carry hasText (a library-1 cache is rebuilt, never misread).
export const LIBRARY_CACHE_FORMAT = 'library-2'
/** The part of that entry the window reads for its first screen, before the worker has started. */
export const PREVIEW_PART = 'preview'

/** The newest rows (by date) and the count, as the library was last saved. */
export interface LibraryPreview {
  rows: LibraryRow[]
  total: number
}

/** The saved preview part, or null when it is missing, of another format or damaged. */
export function previewFromPart(part: unknown): LibraryPreview | null {
  if (typeof part !== 'object' || part === null) return null
  const { format, columns, total } = part as Record<string, unknown>
  if (format !== LIBRARY_CACHE_FORMAT || typeof total !== 'number' || !Number.isInteger(total) || total < 0) return null
  try {
    return { rows: rowsFromColumns(columns), total }
  } catch {
    return null
  }
}
