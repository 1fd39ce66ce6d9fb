import { workerDatabase, type StandpointDB } from '../../../db/database'
import type { ColumnMapping, MappingOptions } from '../../../domain/import/types'
import { notifier, serveWorker, type Callback, type Notifier } from '../../../platform/workers'
import type { ProgressEvent, StepResult } from '../importTypes'
import { ImportSession } from './importSession'

// The import worker: parsing, hashing and storing happen here, off the UI thread. It writes
// to the same IndexedDB workspace as the window; Dexie tells the window's live queries.

let db: StandpointDB | null = null
let session: ImportSession | null = null
let progress: Notifier<[ProgressEvent]> | null = null

const current = (): ImportSession => {
  if (!session) throw new Error('Import run not started')
  return session
}

/** A step's result, sent after every progress notice of the step has reached the window. */
async function step(run: Promise<StepResult>): Promise<StepResult> {
  const result = await run
  await progress?.flush()
  return result
}

const api = {
  async begin(importedAt: string, databaseName: string, onProgress: Callback<[ProgressEvent]>): Promise<void> {
    if (db?.name !== databaseName) {
      db?.close()
      db = workerDatabase(databaseName)
    }
    if (!db.isOpen()) await db.open()
    progress = notifier(onProgress)
    const send = progress
    session = new ImportSession(db, importedAt, (event) => send.send(event))
  },
  inspectFile: (fileId: string, name: string, bytes: Uint8Array, remembered: Partial<ColumnMapping> | null) => step(current().inspectFile(fileId, name, bytes, remembered)),
  inspectPaste: (fileId: string, text: string) => step(current().inspectPaste(fileId, text)),
  importCollection: (fileId: string, options: MappingOptions) => step(current().importCollection(fileId, options)),
  skipCollection: (fileId: string) => step(current().skipCollection(fileId)),
  finish: () => step(current().finish()),
  /** Stops between files and between chunks of a collection; what was stored stays. */
  cancel: async () => current().cancel(),
}

export type ImportWorker = typeof api

serveWorker(api)
