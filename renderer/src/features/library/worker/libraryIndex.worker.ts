/// <reference lib="webworker" />
import { StandpointDB } from '../../../db/database'
import { serveRpc } from '../../import/worker/rpc'
import { startLibrarySync } from '../search/librarySync'

// The library worker: rows and full-text index, off the UI thread (see librarySync.ts).

declare const self: DedicatedWorkerGlobalScope

const db = new StandpointDB()
db.on('versionchange', () => {
  // Another window is upgrading the schema; the window reloads after it, and this worker with it.
  db.close()
  return false
})

const library = startLibrarySync(
  db,
  (event) => self.postMessage(event),
  (message) => self.postMessage({ type: 'error', message }),
)

serveRpc(self, {
  search: async (query: string) => library.search(query),
  snapshot: async () => library.snapshot(),
})
