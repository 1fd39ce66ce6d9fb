import { serveWorker } from '../../../platform/workers'
import { prepareRows } from './prepareRows'

// The import worker's helper: maps and hashes a collection's rows (prepareRows.ts) while the
// import worker stores the rows before them. It holds nothing between calls.

const api = { prepare: prepareRows }

export type PrepareWorker = typeof api

serveWorker(api)
