import type { Table } from 'dexie'
import { StandpointDB } from '../database'
import { SYNCED_TABLES, type Tombstone } from '../../domain/model'
import { tombstoneKey, tombstoneMap } from '../../domain/team/mergeRules'
import { setJournalMode } from '../journal/modes'
import { isMachineSettingKey } from './machineSettings'
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
  /** Merge: records the workspace had and the backup's side deleted (it has their tombstones): deleted. */
  deletedFromWorkspace: number
  /** Merge: records in the backup that one side deleted: they stay deleted. */
  stayedDeleted: number
  /** Merge: records the backup's side deleted that records here still use: kept. */
  keptInUse: number
  /** Records a replace removed. */
  removed: number
  inWorkspaceAfter: number
}

export interface MergeConflict {
  table: string
  key: string
  kept: 'backup' | 'workspace' | 'deleted'
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
  // This machine's own settings (journal bookkeeping, who is coding here) are never taken from a file.
  tables.set('settings', (tables.get('settings') ?? []).filter((row) => !isMachineSettingKey((row as { key?: unknown }).key)))
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

/** Records per bulkPut in a restore: progress moves between batches (the bench's floor writes the same batches). */
export const RESTORE_WRITE_BATCH = 5_000

type Row = Record<string, unknown>

interface TablePlan {
  table: Table<unknown, unknown>
  primaryKey: string
  rows: unknown[]
  localRows: Row[]
  entry: TableRestoreReport
  /** The workspace's records by key (this machine's settings left out). */
  existing: Map<unknown, Row>
  toWrite: Map<unknown, Row>
  toDelete: Set<unknown>
  /** Backup records that stay deleted, by key (candidates to bring back for references). */
  stayedDeleted: Map<unknown, Row>
}

const SYNCED: ReadonlySet<string> = new Set(SYNCED_TABLES)

function emptyEntry(table: string, inBackup: number, before: number): TableRestoreReport {
  return {
    table,
    inBackup,
    inWorkspaceBefore: before,
    added: 0,
    updatedFromBackup: 0,
    keptFromWorkspace: 0,
    identical: 0,
    onlyInWorkspace: 0,
    removed: 0,
    deletedFromWorkspace: 0,
    stayedDeleted: 0,
    keptInUse: 0,
    inWorkspaceAfter: 0,
  }
}

function isTombstone(row: unknown): row is Tombstone {
  const { id, table } = (row ?? {}) as Row
  return typeof id === 'string' && typeof table === 'string'
}

/** Ids of actors, issues and articles that the given claims, mentions and issues point at. */
function referencedIds(claims: Iterable<Row>, mentions: Iterable<Row>, issues: Iterable<Row>): { actors: Set<unknown>; issues: Set<unknown>; articles: Set<unknown> } {
  const used = { actors: new Set<unknown>(), issues: new Set<unknown>(), articles: new Set<unknown>() }
  for (const claim of claims) {
    used.articles.add(claim.articleId)
    used.actors.add(claim.actorId)
    if (claim.addresseeId != null) used.actors.add(claim.addresseeId)
    if (Array.isArray(claim.issueIds)) for (const id of claim.issueIds) used.issues.add(id)
  }
  for (const mention of mentions) {
    used.articles.add(mention.articleId)
    used.actors.add(mention.actorId)
  }
  for (const issue of issues) if (issue.parentId != null) used.issues.add(issue.parentId)
  return used
}

/**
 * Restores a prepared backup in one transaction over every table: either all of it lands or
 * none of it does. Replace empties the workspace first. Merge goes by primary key, the newer
 * updatedAt winning, and keeps deletions: a record either side deleted (it has a tombstone) is
 * not brought back by the other side's copy, and one the backup's side deleted is deleted here,
 * unless records that remain still use it. It reports what it kept from each side.
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
    for (let start = 0; start < rows.length; start += RESTORE_WRITE_BATCH) {
      await table.bulkPut(rows.slice(start, start + RESTORE_WRITE_BATCH))
      onProgress?.({ done: Math.min(done + start + RESTORE_WRITE_BATCH, done + rows.length), total })
    }
  }

  const tables = db.workspaceTables
  await db.transaction('rw', tables, async (tx) => {
    // The tombstones are written here, not by the journal: a replace makes them exactly the
    // backup's, a merge their union (less the records kept or brought back).
    setJournalMode(tx, { tombstones: false })
    const plans: TablePlan[] = []
    for (const table of tables) {
      const rows = backup.tables.get(table.name) ?? []
      const primaryKey = table.schema.primKey.keyPath as string
      // This machine's own settings stay as they are, whatever the mode.
      const all = (await table.toArray()) as Row[]
      const localRows = table.name === 'settings' ? all.filter((row) => isMachineSettingKey(row.key)) : []
      const existing = new Map<unknown, Row>()
      for (const record of all) if (!localRows.includes(record)) existing.set(record[primaryKey], record)
      const entry = emptyEntry(table.name, rows.length, existing.size)
      plans.push({ table, primaryKey, rows, localRows, entry, existing, toWrite: new Map(), toDelete: new Set(), stayedDeleted: new Map() })
    }

    if (mode === 'replace') {
      for (const plan of plans) {
        await plan.table.clear()
        if (plan.localRows.length > 0) await plan.table.bulkPut(plan.localRows)
        await writeAll(plan.table, plan.rows)
        plan.entry.added = plan.rows.length
        plan.entry.removed = plan.entry.inWorkspaceBefore
        done += plan.rows.length
        onProgress?.({ done, total })
        plan.entry.inWorkspaceAfter = (await plan.table.count()) - plan.localRows.length
        report.tables.push(plan.entry)
      }
      return
    }

    const byName = new Map(plans.map((plan) => [plan.table.name, plan]))
    const tombstonePlan = byName.get('tombstones')
    const deletedHere = tombstoneMap([...(tombstonePlan?.existing.values() ?? [])].filter(isTombstone))
    const deletedThere = tombstoneMap((tombstonePlan?.rows ?? []).filter(isTombstone))
    const deletion = (table: string, id: unknown): Tombstone | undefined =>
      SYNCED.has(table) && typeof id === 'string' ? (deletedHere.get(tombstoneKey(table, id)) ?? deletedThere.get(tombstoneKey(table, id))) : undefined

    for (const plan of plans) {
      if (plan.table.name === 'tombstones') continue
      const { entry, existing, primaryKey } = plan
      const name = plan.table.name
      const seen = new Set<unknown>()
      for (const record of plan.rows as Row[]) {
        const key = record[primaryKey]
        const current = existing.get(key)
        seen.add(key)
        const tombstone = deletion(name, key)
        if (tombstone) {
          entry.stayedDeleted++
          plan.stayedDeleted.set(key, record)
          if (current !== undefined && deletedThere.has(tombstoneKey(name, key as string))) plan.toDelete.add(key)
          if (updatedTime(record) > updatedTime(tombstone)) {
            report.conflicts.push({
              table: name,
              key: String(key),
              kept: 'deleted',
              workspaceUpdatedAt: current ? updatedText(current) : tombstone.deletedAt,
              backupUpdatedAt: updatedText(record),
              reason: 'edited after it was deleted on one side; a deletion stays a deletion',
            })
          }
          continue
        }
        if (current === undefined) {
          plan.toWrite.set(key, record)
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
          plan.toWrite.set(key, record)
          entry.updatedFromBackup++
        } else {
          entry.keptFromWorkspace++
        }
        report.conflicts.push({
          table: name,
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
      for (const [key, current] of existing) {
        if (seen.has(key)) continue
        const tombstone = typeof key === 'string' && SYNCED.has(name) ? deletedThere.get(tombstoneKey(name, key)) : undefined
        if (!tombstone) {
          entry.onlyInWorkspace++
          continue
        }
        plan.toDelete.add(key)
        if (updatedTime(current) > updatedTime(tombstone)) {
          report.conflicts.push({
            table: name,
            key: String(key),
            kept: 'deleted',
            workspaceUpdatedAt: updatedText(current),
            backupUpdatedAt: tombstone.deletedAt,
            reason: 'edited here after it was deleted in the backup’s workspace; a deletion stays a deletion',
          })
        }
      }
    }

    // What remains after the merge must not point at what it deletes: a record the backup's side
    // deleted is kept while something still uses it, and one that stays deleted is brought back
    // when a merged record needs it (repeat: a restored issue may need its parent).
    const finalRows = (name: string): Row[] => {
      const plan = byName.get(name)
      if (!plan) return []
      const rows = new Map(plan.existing)
      for (const [key, row] of plan.toWrite) rows.set(key, row)
      for (const key of plan.toDelete) rows.delete(key)
      return [...rows.values()]
    }
    const unDeleted = new Set<string>()
    for (let changed = true; changed; ) {
      changed = false
      const used = referencedIds(finalRows('claims'), finalRows('mentions'), finalRows('issues'))
      for (const name of ['actors', 'issues', 'articles'] as const) {
        const plan = byName.get(name)
        if (!plan) continue
        for (const key of [...plan.toDelete]) {
          if (!used[name].has(key)) continue
          plan.toDelete.delete(key)
          const backupCopy = plan.stayedDeleted.get(key)
          if (backupCopy) {
            // Both had it and the backup's side deleted it: keep the newer version all the same.
            plan.stayedDeleted.delete(key)
            plan.entry.stayedDeleted--
            const current = plan.existing.get(key)!
            if (updatedTime(backupCopy) > updatedTime(current)) {
              plan.toWrite.set(key, backupCopy)
              plan.entry.updatedFromBackup++
            } else plan.entry.keptFromWorkspace++
          } else plan.entry.onlyInWorkspace++
          plan.entry.keptInUse++
          unDeleted.add(tombstoneKey(name, key as string))
          report.conflicts.push({
            table: name,
            key: String(key),
            kept: 'workspace',
            workspaceUpdatedAt: updatedText(plan.existing.get(key)),
            backupUpdatedAt: deletedThere.get(tombstoneKey(name, key as string))?.deletedAt ?? '',
            reason: 'deleted in the backup’s workspace, but records kept here still use it, so it was kept',
          })
          changed = true
        }
        for (const [key, record] of [...plan.stayedDeleted]) {
          if (!used[name].has(key) || plan.existing.has(key)) continue
          plan.stayedDeleted.delete(key)
          plan.entry.stayedDeleted--
          plan.entry.added++
          plan.toWrite.set(key, record)
          unDeleted.add(tombstoneKey(name, key as string))
          report.conflicts.push({
            table: name,
            key: String(key),
            kept: 'backup',
            workspaceUpdatedAt: deletedHere.get(tombstoneKey(name, key as string))?.deletedAt ?? '',
            backupUpdatedAt: updatedText(record),
            reason: 'deleted on one side, but merged records use it, so it was brought back',
          })
          changed = true
        }
      }
    }

    if (tombstonePlan) {
      const { entry, existing, primaryKey } = tombstonePlan
      const inBackup = new Set((tombstonePlan.rows as Row[]).map((row) => row[primaryKey]))
      for (const record of tombstonePlan.rows as Row[]) {
        const key = record[primaryKey]
        const current = existing.get(key)
        if (isTombstone(record) && unDeleted.has(tombstoneKey(record.table, record.id))) {
          // The record it deletes was kept or brought back.
          entry.keptFromWorkspace++
          continue
        }
        if (current === undefined) {
          tombstonePlan.toWrite.set(key, record)
          entry.added++
        } else if (sameContent(record, current)) entry.identical++
        else entry.keptFromWorkspace++
      }
      for (const [key, current] of existing) {
        if (isTombstone(current) && unDeleted.has(tombstoneKey(current.table, current.id))) tombstonePlan.toDelete.add(key)
        else if (!inBackup.has(key)) entry.onlyInWorkspace++
      }
    }

    for (const plan of plans) {
      if (plan.toDelete.size > 0) await plan.table.bulkDelete([...plan.toDelete])
      await writeAll(plan.table, [...plan.toWrite.values()])
      plan.entry.deletedFromWorkspace = plan.toDelete.size
      done += plan.rows.length
      onProgress?.({ done, total })
      plan.entry.inWorkspaceAfter = (await plan.table.count()) - plan.localRows.length
      report.tables.push(plan.entry)
    }
  })
  return report
}
