import { workerDatabase } from '../../../db/database'
import { serveWorker, type Callback } from '../../../platform/workers'
import type { RowsEvent } from '../search/libraryTypes'
import { startLibrarySync, type LibrarySync } from '../search/librarySync'

// The library worker: rows and full-text index, off the UI thread (see librarySync.ts). One
// window subscribes; the index is built once and kept in step with every write after.

const db = workerDatabase()
let library: LibrarySync | null = null

const running = (): LibrarySync => {
  if (!library) throw new Error('The library index has not started')
  return library
}

const api = {
  /** Starts the index; rows and failures go to the callbacks, as they happen, in order. */
  async subscribe(onRows: Callback<[RowsEvent]>, onError: Callback<[message: string]>): Promise<void> {
    library ??= startLibrarySync(
      db,
      (event) => void Promise.resolve(onRows(event)).catch(() => undefined),
      (message) => void Promise.resolve(onError(message)).catch(() => undefined),
    )
  },
  search: async (query: string) => {
    await running().searchable()
    return running().search(query)
  },
  snapshot: async () => running().snapshot(),
}

export type LibraryWorker = typeof api

serveWorker(api)
