import Dexie, { type EntityTable } from 'dexie'
import type { Actor, Article, Claim, Issue, Mention, Setting } from '../domain/model'
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from './schema'

export const DEFAULT_DATABASE_NAME = 'standpoint'

export class StandpointDB extends Dexie {
  articles!: EntityTable<Article, 'id'>
  actors!: EntityTable<Actor, 'id'>
  issues!: EntityTable<Issue, 'id'>
  claims!: EntityTable<Claim, 'id'>
  mentions!: EntityTable<Mention, 'id'>
  settings!: EntityTable<Setting, 'key'>

  /**
   * @param upToVersion declare only the schema versions up to this one. Tests use it to write a
   *   database exactly as an older release would have; the app always opens the latest.
   */
  constructor(name: string = DEFAULT_DATABASE_NAME, upToVersion?: number) {
    super(name)
    declareVersions(this, SCHEMA_VERSIONS.filter((entry) => upToVersion === undefined || entry.version <= upToVersion))
  }

  /** Every table the workspace holds, for backup, wipe and merge. */
  get workspaceTables() {
    return [this.articles, this.actors, this.issues, this.claims, this.mentions, this.settings] as const
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
