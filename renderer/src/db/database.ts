import Dexie, { type EntityTable, type Table } from 'dexie'
import type { Actor, Article, Assignment, Claim, Coder, Issue, Mention, Setting, Tombstone } from '../domain/model'
import { DEFAULT_JOURNAL_TUNING, type JournalRow, type JournalTuning } from './journal/entries'
import { journalMiddleware } from './journal/middleware'
import { LATEST_SCHEMA_VERSION, LOCAL_TABLES, SCHEMA_VERSIONS, type SchemaVersion } from './schema'

export const DEFAULT_DATABASE_NAME = 'standpoint'

export class StandpointDB extends Dexie {
  articles!: EntityTable<Article, 'id'>
  actors!: EntityTable<Actor, 'id'>
  issues!: EntityTable<Issue, 'id'>
  claims!: EntityTable<Claim, 'id'>
  mentions!: EntityTable<Mention, 'id'>
  coders!: EntityTable<Coder, 'id'>
  assignments!: EntityTable<Assignment, 'id'>
  tombstones!: EntityTable<Tombstone, 'id'>
  settings!: EntityTable<Setting, 'key'>
  /** This machine's record of every write (db/journal): local, never backed up. */
  journal!: EntityTable<JournalRow, 'seq'>

  /**
   * @param upToVersion declare only the schema versions up to this one. Tests use it to write a
   *   database exactly as an older release would have; the app always opens the latest.
   * @param journal how much journal to keep (tests make it small).
   */
  constructor(name: string = DEFAULT_DATABASE_NAME, upToVersion?: number, journal: JournalTuning = DEFAULT_JOURNAL_TUNING) {
    super(name)
    declareVersions(this, SCHEMA_VERSIONS.filter((entry) => upToVersion === undefined || entry.version <= upToVersion))
    // Every instance, the window's and each worker's alike, writes through the journal.
    this.use(journalMiddleware(journal))
  }

  /** Every table a backup holds, restores and merges: all but this machine's bookkeeping. */
  get workspaceTables(): Table[] {
    return this.tables.filter((table) => !LOCAL_TABLES.has(table.name))
  }
}

function declareVersions(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const entry of versions) {
    const version = db.version(entry.version).stores(entry.stores)
    if (entry.upgrade) version.upgrade(entry.upgrade)
  }
}

/** Thrown when the workspace on disk was written by a newer release than this one. */
export class NewerWorkspaceError extends Error {
  override name = 'VersionError'
  constructor(readonly installedVersion: number) {
    super(`The workspace has schema v${installedVersion}; this release of Standpoint knows up to v${LATEST_SCHEMA_VERSION}.`)
  }
}

/**
 * The schema version an existing database was written with, or null when there is none.
 * Dexie stores version N as native version N*10 (plus small bumps of its own).
 */
export async function installedSchemaVersion(name: string): Promise<number | null> {
  if (typeof indexedDB.databases !== 'function') return null
  const found = (await indexedDB.databases()).find((info) => info.name === name)
  return found?.version ? Math.floor(found.version / 10) : null
}

/**
 * Opens the workspace, refusing one written by a newer release. Dexie 4 would otherwise open
 * it and even add our tables to it: an old release writing into a newer schema.
 */
export async function openWorkspace(db: StandpointDB): Promise<void> {
  const installed = await installedSchemaVersion(db.name)
  if (installed !== null && installed > LATEST_SCHEMA_VERSION) throw new NewerWorkspaceError(installed)
  await db.open()
}

/**
 * The workspace as a worker opens it: when another window upgrades the schema, the worker
 * lets go at once rather than block the upgrade (it is restarted, or its task fails with a
 * storage error the window reports).
 */
export function workerDatabase(name: string = DEFAULT_DATABASE_NAME): StandpointDB {
  const db = new StandpointDB(name)
  db.on('versionchange', () => {
    db.close()
    return false
  })
  return db
}
