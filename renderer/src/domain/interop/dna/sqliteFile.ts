import type { Database, SqlValue } from 'sql.js'

// Facts about an SQLite file that can be read from its 100-byte header before SQLite opens it,
// so that a file that is not SQLite, or was cut short in a download or a copy, is refused with
// that reason rather than with whatever error SQLite gives half way through a query.
// Header layout: https://www.sqlite.org/fileformat.html#the_database_header

const MAGIC = 'SQLite format 3\u0000'
const HEADER_BYTES = 100

export type SqliteSniff =
  | { kind: 'sqlite'; pageSize: number; pageCount: number | null }
  | { kind: 'empty' }
  | { kind: 'xml' }
  | { kind: 'other' }

export function sniffSqlite(bytes: Uint8Array): SqliteSniff {
  if (bytes.length === 0) return { kind: 'empty' }
  if (bytes.length >= MAGIC.length && [...MAGIC].every((char, index) => bytes[index] === char.charCodeAt(0))) {
    if (bytes.length < HEADER_BYTES) return { kind: 'sqlite', pageSize: 0, pageCount: null }
    const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES)
    const rawPageSize = view.getUint16(16)
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
    // The page count in the header is trustworthy only when the "version-valid-for" number
    // matches the change counter (older SQLite versions did not keep it up to date).
    const changeCounter = view.getUint32(24)
    const validFor = view.getUint32(92)
    const pageCount = changeCounter === validFor ? view.getUint32(28) : null
    return { kind: 'sqlite', pageSize, pageCount }
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 256)).replace(/^\uFEFF/, '').trimStart()
  if (head.startsWith('<')) return { kind: 'xml' }
  return { kind: 'other' }
}

/** Why an SQLite file's length does not fit its header, or null when it fits. */
export function truncation(bytes: Uint8Array, sniff: Extract<SqliteSniff, { kind: 'sqlite' }>): string | null {
  const { pageSize, pageCount } = sniff
  const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0
  if (!validPageSize) return 'its header is incomplete or damaged'
  if (pageCount !== null && pageCount > 0 && bytes.length < pageSize * pageCount) {
    return `it is cut short: ${formatBytes(bytes.length)} of the ${formatBytes(pageSize * pageCount)} its header announces`
  }
  if (bytes.length % pageSize !== 0) return 'it is cut short: its length is not a whole number of database pages'
  return null
}

function formatBytes(count: number): string {
  if (count < 1024) return `${count} bytes`
  if (count < 1024 * 1024) return `${(count / 1024).toFixed(0)} KB`
  return `${(count / (1024 * 1024)).toFixed(1)} MB`
}

export type Row = Record<string, SqlValue>

/** Every row of a query, as objects keyed by the column names (or aliases) it selects. */
export function queryRows(db: Database, sql: string): Row[] {
  const statement = db.prepare(sql)
  try {
    const rows: Row[] = []
    while (statement.step()) rows.push(statement.getAsObject())
    return rows
  } finally {
    statement.free()
  }
}

/** Table name (upper case) → its column names (upper case). SQLite compares both without case. */
export function tableColumns(db: Database): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>()
  for (const row of queryRows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")) {
    const name = typeof row.name === 'string' ? row.name : null
    if (!name) continue
    const columns = queryRows(db, `PRAGMA table_info(${quoteIdentifier(name)})`)
      .map((column) => (typeof column.name === 'string' ? column.name.toUpperCase() : ''))
      .filter(Boolean)
    tables.set(name.toUpperCase(), new Set(columns))
  }
  return tables
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

const utf8 = new TextDecoder('utf-8', { fatal: false })

/** A cell as text: numbers spelled out, BLOBs decoded as UTF-8, NULL as ''. */
export function text(value: SqlValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return utf8.decode(value)
}

/** A cell as a whole number, or null when it holds anything else. */
export function integer(value: SqlValue | undefined): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) {
    const parsed = Number(value)
    return Number.isSafeInteger(parsed) ? parsed : null
  }
  return null
}
