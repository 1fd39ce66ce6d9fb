/// <reference lib="webworker" />
import { DEFAULT_DATABASE_NAME, StandpointDB } from '../../../db/database'
import type { ColumnMapping, MappingOptions } from '../../../domain/import/types'
import type { ProgressEvent } from '../importTypes'
import { ImportSession } from './importSession'
import { serveRpc } from './rpc'

// The import worker: parsing, hashing and storing happen here, off the UI thread. It writes
// to the same IndexedDB workspace as the window; Dexie tells the window's live queries.

declare const self: DedicatedWorkerGlobalScope

let db: StandpointDB | null = null

function openDatabase(name: string): StandpointDB {
  const opened = new StandpointDB(name)
  // Another window upgrading the schema: let it, this worker is short-lived.
  opened.on('versionchange', () => {
    opened.close()
    return false
  })
  return opened
}

let session: ImportSession | null = null
const current = (): ImportSession => {
  if (!session) throw new Error('Import run not started')
  return session
}

serveRpc(self, {
  begin: async (importedAt: string, databaseName: string = DEFAULT_DATABASE_NAME) => {
    if (db?.name !== databaseName) {
      db?.close()
      db = openDatabase(databaseName)
    }
    if (!db.isOpen()) await db.open()
    session = new ImportSession(db, importedAt, (event: ProgressEvent) => self.postMessage(event))
  },
  inspectFile: (fileId: string, name: string, bytes: Uint8Array, remembered: Partial<ColumnMapping> | null) => current().inspectFile(fileId, name, bytes, remembered),
  inspectPaste: (fileId: string, text: string) => current().inspectPaste(fileId, text),
  importCollection: (fileId: string, options: MappingOptions) => current().importCollection(fileId, options),
  skipCollection: (fileId: string) => current().skipCollection(fileId),
  finish: () => current().finish(),
  cancel: async () => current().cancel(),
})
