import type { StandpointDB } from '../database'
import { isLocalSettingKey } from '../journal/entries'
import { encodeValue } from './codec'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader, type BackupTrailer } from './format'

export interface WorkspaceSnapshot {
  schemaVersion: number
  /** Every table of the workspace, in the order the database declares them, with its rows. */
  tables: { name: string; primaryKey: string; rows: unknown[] }[]
}

/**
 * Reads every workspace table in one read transaction: a consistent picture even while the app
 * writes. This machine's bookkeeping (the change journal and its settings) stays out.
 */
export async function readWorkspaceSnapshot(db: StandpointDB): Promise<WorkspaceSnapshot> {
  const tables = db.workspaceTables
  const rows = await db.transaction('r', tables, () => Promise.all(tables.map((table) => table.toArray())))
  return {
    schemaVersion: db.verno,
    tables: tables.map((table, index) => ({
      name: table.name,
      primaryKey: table.schema.primKey.keyPath as string,
      rows: table.name === 'settings' ? rows[index]!.filter((row: { key?: unknown }) => !isLocalSettingKey(row.key)) : rows[index]!,
    })),
  }
}

export interface BackupChunk {
  text: string
  /** Records written so far, and in all, for a progress bar. */
  done: number
  total: number
}

/** About this many characters per chunk: big enough to be cheap, small enough to show progress. */
const CHUNK_CHARS = 1 << 20

/** The backup file, in chunks whose concatenation is the whole file. */
export function* backupChunks(snapshot: WorkspaceSnapshot, app: string, createdAt: string): Generator<BackupChunk> {
  const total = snapshot.tables.reduce((sum, table) => sum + table.rows.length, 0)
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: snapshot.schemaVersion,
    app,
    createdAt,
    tables: Object.fromEntries(snapshot.tables.map((table) => [table.name, { primaryKey: table.primaryKey, count: table.rows.length }])),
  }
  let parts: string[] = [JSON.stringify(header), '\n']
  let size = 0
  let done = 0
  for (const table of snapshot.tables) {
    const prefix = `[${JSON.stringify(table.name)},`
    for (const row of table.rows) {
      const line = `${prefix}${JSON.stringify(encodeValue(row))}]\n`
      parts.push(line)
      size += line.length
      done++
      if (size >= CHUNK_CHARS) {
        yield { text: parts.join(''), done, total }
        parts = []
        size = 0
      }
    }
  }
  const trailer: BackupTrailer = { end: true, counts: Object.fromEntries(snapshot.tables.map((table) => [table.name, table.rows.length])) }
  parts.push(JSON.stringify(trailer), '\n')
  yield { text: parts.join(''), done, total }
}
