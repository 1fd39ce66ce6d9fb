import type { Table } from 'dexie'
import { StandpointDB } from '../database'
import { isLocalSettingKey } from '../journal/entries'
import { setJournalMode } from '../journal/modes'
import { LATEST_SCHEMA_VERSION } from '../schema'
import { sameContent } from './codec'
import { BackupFileError, type BackupHeader } from './format'
import type { ParsedBackup } from './parseBackup'
import { findDanglingReferences, validateRecord, type ReferenceWarning } from './validate'

/** A backup checked from end to end and brought to the current schema: ready to restore. */
export interface PreparedBackup {
  header: BackupHeader
  /** Records per current table. */
  tables: Map<string, unknown[]>
  /** Set when the backup came from an older schema and was upgraded on the way in. */
  upgradedFrom: number | null
  warnings: ReferenceWarning[]
}

export type RestoreMode = 'replace' | 'merge'

export interface TableRestoreReport {
  table: string
  inBackup: number
  inWorkspaceBefore: number
  /** Records only the backup had: added. */
  added: number
  /** Records both had, where the backup's was newer: the backup's version now. */
  updatedFromBackup: number
  /** Records both had, where the workspace's was newer (or as new but different): kept. */
  keptFromWorkspace: number
  /** Records both had, with the same content. */
  identical: number
  /** Records only the workspace had: kept in a merge, removed by a replace. */
  onlyInWorkspace: number
  /** Records a replace removed. */
  removed: number
  inWorkspaceAfter: number
}

export interface MergeConflict {
  table: string
  key: string
  kept: 'backup' | 'workspace'
  workspaceUpdatedAt: string
  backupUpdatedAt: string
  /** Why that side won. */
  reason: string
}

export interface RestoreReport {
  mode: RestoreMode
  tables: TableRestoreReport[]
  /** Every record both sides had in different versions, with the one kept (merge only). */
  conflicts: MergeConflict[]
}

let tempCounter = 0

/**
 * Brings an older backup's records up to the current schema with the app's own migrations:
 * write them into a scratch database declared at the backup's version, open that with the
 * current schema (which runs every upgrade since), read the result, and delete the scratch.
 */
async function upgradeRecords(parsed: ParsedBackup): Promise<Map<string, unknown[]>> {
  const name = `standpoint-restore-${Date.now()}-${++tempCounter}`
  const old = new StandpointDB(name, parsed.header.schemaVersion)
  try {
    await old.open()
    await old.transaction('rw', old.tables, async () => {
      for (const table of old.tables) await table.bulkAdd(parsed.tables.get(table.name) ?? [])
    })
    old.close()
    const current = new StandpointDB(name)
    await current.open()
    const tables = new Map<string, unknown[]>()
    for (const table of current.workspaceTables) tables.set(table.name, await table.toArray())
    current.close()
    return tables
  } finally {
    old.close()
    await StandpointDB.delete(name)
  }
}

export async function prepareRestore(parsed: ParsedBackup, target: StandpointDB): Promise<PreparedBackup> {
  let tables = parsed.tables
  let upgradedFrom: number | null = null
  if (parsed.header.schemaVersion < LATEST_SCHEMA_VERSION) {
    upgradedFrom = parsed.header.schemaVersion
    tables = await upgradeRecords(parsed)
    const problems: string[] = []
    for (const table of target.workspaceTables) {
      const primaryKey = table.schema.primKey.keyPath as string
      for (const record of tables.get(table.name) ?? []) {
        const problem = validateRecord(table.name, primaryKey, record, true)
        if (problem) problems.push(`${table.name} ${String((record as Record<string, unknown>)[primaryKey])} ${problem}`)
      }
    }
    if (problems.length > 0) {
      throw new BackupFileError(
        `The backup (workspace schema v${upgradedFrom}) could not be brought up to v${LATEST_SCHEMA_VERSION}: ${problems.slice(0, 5).join('; ')}. Nothing in your workspace was changed.`,
      )
    }
  }
  for (const table of target.workspaceTables) if (!tables.has(table.name)) tables.set(table.name, [])
  // This machine's journal bookkeeping is its own: never taken from a file.
  tables.set('settings', (tables.get('settings') ?? []).filter((row) => !isLocalSettingKey((row as { key?: unknown }).key)))
  return { header: parsed.header, tables, upgradedFrom, warnings: findDanglingReferences(tables) }
}

/** When a record was last written: its updatedAt, or a tombstone's deletedAt. */
function updatedText(record: unknown): string {
  const { updatedAt, deletedAt } = record as { updatedAt?: unknown; deletedAt?: unknown }
  const value = updatedAt ?? deletedAt
  return typeof value === 'string' ? value : ''
}

/** Milliseconds since the epoch of updatedText, or -Infinity when a record has none. */
function updatedTime(record: unknown): number {
  const text = updatedText(record)
  const time = text === '' ? NaN : Date.parse(text)
  return Number.isNaN(time) ? -Infinity : time
}

export interface RestoreProgress {
  done: number
  total: number
}

const WRITE_BATCH = 5_000

/**
 * Restores a prepared backup in one transaction over every table: either all of it lands or
 * none of it does. Replace empties the workspace first; merge goes by primary key, the newer
 * updatedAt winning, and reports what it kept from each side.
 */
export async function restoreBackup(
  db: StandpointDB,
  backup: PreparedBackup,
  mode: RestoreMode,
  onProgress?: (progress: RestoreProgress) => void,
): Promise<RestoreReport> {
  const total = [...backup.tables.values()].reduce((sum, rows) => sum + rows.length, 0)
  let done = 0
  const report: RestoreReport = { mode, tables: [], conflicts: [] }
  const writeAll = async (table: Table<unknown, unknown>, rows: unknown[]): Promise<void> => {
    for (let start = 0; start < rows.length; start += WRITE_BATCH) {
      await table.bulkPut(rows.slice(start, start + WRITE_BATCH))
      onProgress?.({ done: Math.min(done + start + WRITE_BATCH, done + rows.length), total })
    }
  }

  const tables = db.workspaceTables
  await db.transaction('rw', tables, async (tx) => {
    // A replace makes the tombstones exactly the backup's: the journal must not add its own
    // for the records the replace clears out.
    if (mode === 'replace') setJournalMode(tx, { tombstones: false })
    for (const table of tables) {
      const rows = backup.tables.get(table.name) ?? []
      const primaryKey = table.schema.primKey.keyPath as string
      // This machine's journal bookkeeping stays as it is, whatever the mode.
      const localRows = table.name === 'settings' ? (await table.toArray()).filter((row: { key?: unknown }) => isLocalSettingKey(row.key)) : []
      const before = (await table.count()) - localRows.length
      const entry: TableRestoreReport = {
        table: table.name,
        inBackup: rows.length,
        inWorkspaceBefore: before,
        added: 0,
        updatedFromBackup: 0,
        keptFromWorkspace: 0,
        identical: 0,
        onlyInWorkspace: 0,
        removed: 0,
        inWorkspaceAfter: 0,
      }
      if (mode === 'replace') {
        await table.clear()
        if (localRows.length > 0) await table.bulkPut(localRows)
        await writeAll(table, rows)
        entry.added = rows.length
        entry.removed = before
      } else {
        const existing = new Map<unknown, unknown>()
        for (const record of await table.toArray()) existing.set((record as Record<string, unknown>)[primaryKey], record)
        for (const row of localRows) existing.delete((row as Record<string, unknown>)[primaryKey])
        const toWrite: unknown[] = []
        for (const record of rows) {
          const key = (record as Record<string, unknown>)[primaryKey]
          const current = existing.get(key)
          existing.delete(key)
          if (current === undefined) {
            toWrite.push(record)
            entry.added++
            continue
          }
          const backupTime = updatedTime(record)
          const workspaceTime = updatedTime(current)
          if (backupTime === workspaceTime && sameContent(record, current)) {
            entry.identical++
            continue
          }
          const backupWins = backupTime > workspaceTime
          if (backupWins) {
            toWrite.push(record)
            entry.updatedFromBackup++
          } else {
            entry.keptFromWorkspace++
          }
          report.conflicts.push({
            table: table.name,
            key: String(key),
            kept: backupWins ? 'backup' : 'workspace',
            workspaceUpdatedAt: updatedText(current),
            backupUpdatedAt: updatedText(record),
            reason: backupWins
              ? 'the backup’s version is newer'
              : backupTime === workspaceTime
                ? backupTime === -Infinity
                  ? 'neither version has an update time; the workspace’s was kept'
                  : 'both versions have the same update time; the workspace’s was kept'
                : 'the workspace’s version is newer',
          })
        }
        entry.onlyInWorkspace = existing.size
        await writeAll(table, toWrite)
      }
      done += rows.length
      onProgress?.({ done, total })
      entry.inWorkspaceAfter = (await table.count()) - localRows.length
      report.tables.push(entry)
    }
  })
  return report
}
