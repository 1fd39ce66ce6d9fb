import { StandpointDB } from '../../../renderer/src/db/database'
import type { Credentials } from '../../../renderer/src/features/sync/engine/server'
import type { SyncStatus } from '../../../renderer/src/features/sync/engine/status'
import type { SyncWorkerApi } from '../../../renderer/src/features/sync/worker/sync.worker'
import { callback, connectWorker, type WorkerConnection } from '../../../renderer/src/platform/workers'

// Team sync in the bench page: each member is a workspace database of its own, synced by its
// own copy of the app's sync worker (PouchDB, the bridge), all against the bench's local
// CouchDB-protocol server. The page's thread only relays status, as the app's window does.

interface Running {
  connection: WorkerConnection<SyncWorkerApi>
  status: SyncStatus | null
}

const members = new Map<string, Running>()
let longestTask = 0
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration)
}).observe({ type: 'longtask', buffered: false })

export async function benchSyncStart(workspaceName: string, credentials: Credentials): Promise<void> {
  const worker = new Worker(new URL('../../../renderer/src/features/sync/worker/sync.worker.ts', import.meta.url), { type: 'module', name: `sync-${workspaceName}` })
  const running: Running = { connection: connectWorker<SyncWorkerApi>(worker, { name: 'sync' }), status: null }
  members.set(workspaceName, running)
  await running.connection.api.start(credentials, workspaceName, callback((status: SyncStatus) => (running.status = status)))
}

export function benchSyncStatus(workspaceName: string): SyncStatus | null {
  return members.get(workspaceName)?.status ?? null
}

export async function benchSyncStop(workspaceName: string): Promise<void> {
  const running = members.get(workspaceName)
  if (!running) return
  await running.connection.api.forget(workspaceName)
  running.connection.terminate()
  members.delete(workspaceName)
}

export function benchLongestTask(reset = false): number {
  const longest = longestTask
  if (reset) longestTask = 0
  return longest
}

// The bench polls counts every 100 ms while a workspace fills: one open connection per
// workspace, so the page's thread measures the app's work, not the opening of a database each
// time (Dexie closes it by itself when the database is deleted).
const counting = new Map<string, StandpointDB>()

export async function benchCount(workspaceName: string, table: 'claims' | 'articles' | 'actors' | 'issues'): Promise<number> {
  let db = counting.get(workspaceName)
  if (!db?.isOpen()) {
    db = new StandpointDB(workspaceName)
    counting.set(workspaceName, db)
  }
  return db.table(table).count()
}

/**
 * A claim edited on A, then waited for on B: milliseconds from A's write (committed) to B's
 * workspace holding it, for `rounds` edits one after the other.
 */
export async function benchSyncLatency(a: string, b: string, rounds: number): Promise<number[]> {
  const dbA = new StandpointDB(a)
  const dbB = new StandpointDB(b)
  const times: number[] = []
  try {
    const claims = (await dbA.table('claims').limit(rounds).toArray()) as { id: string }[]
    for (const [index, claim] of claims.entries()) {
      const note = `latency probe ${index} ${crypto.randomUUID()}`
      const started = performance.now()
      await dbA.table('claims').put({ ...claim, note, updatedAt: new Date().toISOString() })
      for (;;) {
        const seen = (await dbB.table('claims').get(claim.id)) as { note?: string } | undefined
        if (seen?.note === note) break
        if (performance.now() - started > 30_000) throw new Error(`claim ${claim.id} did not reach ${b} within 30 s`)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      times.push(performance.now() - started)
    }
  } finally {
    dbA.close()
    dbB.close()
  }
  return times
}
