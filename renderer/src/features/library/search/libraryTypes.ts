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
  /** True while a saved index is read: every row is listed, and search waits for the index. */
  loadingSaved: boolean
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
  const text = columns as LibraryColumns
  return buildRows(ids.length, (field) => (k) => text[field][k]!, (k) => text.hasText[k]!)
}

type RowField = (typeof ROW_FIELDS)[number]

/** `length` rows, each field read at a row's position by the reader `field` gives. */
function buildRows(length: number, reader: (field: RowField) => (k: number) => string, hasText: (k: number) => boolean): LibraryRow[] {
  const [id, title, source, author, publishedAt, language, direction, importedAt, origin] = ROW_FIELDS.map(reader) as [(k: number) => string, ...((k: number) => string)[]]
  const rows = new Array<LibraryRow>(length)
  for (let k = 0; k < length; k++) {
    rows[k] = {
      id: id(k),
      title: title!(k),
      source: source!(k),
      author: author!(k),
      publishedAt: publishedAt!(k),
      language: language!(k),
      direction: direction!(k) === 'rtl' ? 'rtl' : 'ltr',
      importedAt: importedAt!(k),
      origin: origin!(k),
      hasText: hasText(k),
    }
  }
  return rows
}

/**
 * The rows' order saved beside them (positions, newest first), or null when it is missing or
 * not an ordering of exactly `length` rows.
 */
export function orderFromPart(part: unknown, length: number): Uint32Array | null {
  if (!(part instanceof Uint32Array) || part.length !== length) return null
  const seen = new Uint8Array(length)
  for (let k = 0; k < length; k++) {
    const index = part[k]!
    if (index >= length || seen[index] === 1) return null
    seen[index] = 1
  }
  return part
}

/** A text column as sent: each value, or each distinct value once and a code per row. */
export type PackedColumn = string[] | { values: string[]; codes: Uint32Array }

/**
 * Rows as sent from the worker to the window. Most fields repeat (an outlet, an import's
 * time, a language): sent once per distinct value, they cost the window a fraction of the
 * strings to unpack (100,000 rows: 212 ms of structured-clone reading before).
 */
export interface PackedColumns {
  length: number
  fields: Record<RowField, PackedColumn>
  hasText: Uint8Array
}

/** `columns` packed for sending, in `order` (positions into them) when given. */
export function packColumns(columns: LibraryColumns, order: ArrayLike<number> | null): PackedColumns {
  const length = columns.id.length
  const at = (k: number): number => (order ? order[k]! : k)
  const pack = (column: string[]): PackedColumn => {
    const codes = new Uint32Array(length)
    const values: string[] = []
    const known = new Map<string, number>()
    for (let k = 0; k < length; k++) {
      const value = column[at(k)]!
      let code = known.get(value)
      if (code === undefined) {
        // Mostly distinct (ids, titles): codes would only add to them.
        if (values.length > length / 4) return Array.from({ length }, (_, j) => column[at(j)]!)
        code = values.length
        values.push(value)
        known.set(value, code)
      }
      codes[k] = code
    }
    return { values, codes }
  }
  const fields = Object.fromEntries(ROW_FIELDS.map((field) => [field, field === 'id' || field === 'title' ? Array.from({ length }, (_, k) => columns[field][at(k)]!) : pack(columns[field])]))
  const hasText = new Uint8Array(length)
  for (let k = 0; k < length; k++) hasText[k] = columns.hasText[at(k)] ? 1 : 0
  return { length, fields: fields as Record<RowField, PackedColumn>, hasText }
}

/** `packed` when it is a complete, consistent set of packed rows; throws a TypeError otherwise. */
export function checkPacked(packed: unknown): PackedColumns {
  const damaged = (what: string): TypeError => new TypeError(`The library rows are damaged (${what}).`)
  if (typeof packed !== 'object' || packed === null) throw damaged('missing')
  const { length, fields, hasText } = packed as Partial<PackedColumns>
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) throw damaged('length')
  if (!(hasText instanceof Uint8Array) || hasText.length !== length) throw damaged('hasText')
  if (typeof fields !== 'object' || fields === null) throw damaged('fields')
  for (const field of ROW_FIELDS) {
    const column: unknown = fields[field]
    if (Array.isArray(column)) {
      if (column.length !== length) throw damaged(field)
      for (let k = 0; k < length; k++) if (typeof column[k] !== 'string') throw damaged(field)
      continue
    }
    const { values, codes } = (column ?? {}) as { values?: unknown; codes?: unknown }
    if (!(codes instanceof Uint32Array) || codes.length !== length || !Array.isArray(values) || values.some((value) => typeof value !== 'string')) throw damaged(field)
    for (let k = 0; k < length; k++) if (codes[k]! >= values.length) throw damaged(field)
  }
  return packed as PackedColumns
}

/** The rows packed columns hold; throws a TypeError when they are not a complete, consistent set. */
export function rowsFromPacked(packed: unknown): LibraryRow[] {
  const { length, fields, hasText } = checkPacked(packed)
  return buildRows(
    length,
    (field) => {
      const column = fields[field]
      if (Array.isArray(column)) return (k) => column[k]!
      const { values, codes } = column
      return (k) => values[codes[k]!]!
    },
    (k) => hasText[k] === 1,
  )
}

export interface RowsEvent {
  type: 'rows'
  upserts: LibraryRow[]
  /** More rows to add or replace, packed (the whole saved library, at start). */
  columns?: PackedColumns
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
