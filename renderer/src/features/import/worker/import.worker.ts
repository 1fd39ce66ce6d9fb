import { workerDatabase, type StandpointDB } from '../../../db/database'
import type { ColumnMapping, MappingOptions } from '../../../domain/import/types'
import { notifier, serveWorker, type Callback, type Notifier } from '../../../platform/workers'
import type { ProgressEvent, StepResult } from '../importTypes'
import { ImportSession } from './importSession'
import { helperPreparer } from './rowPreparer'

// The import worker: parsing and storing happen here, off the UI thread; a collection's rows
// are mapped and hashed by a helper worker of its own meanwhile (rowPreparer.ts). It writes to
// the same IndexedDB workspace as the window; Dexie tells the window's live queries.

let db: StandpointDB | null = null
let session: ImportSession | null = null
let progress: Notifier<[ProgressEvent]> | null = null
/** Started on the first collection and kept for the worker's life (it ends with this worker). */
const preparer = helperPreparer()

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
    session = new ImportSession(db, importedAt, (event) => send.send(event), preparer)
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
