import { DEFAULT_DATABASE_NAME } from '../../db/database'
import { callback, connectWorker, type WorkerConnection } from '../../platform/workers'
import { forgetConnection, isSyncPaused, savedConnection, savedPassword, setSyncPaused } from '../../platform/syncSettings'
import { OFF_STATUS, type SyncStatus } from './engine/status'
import { currentSyncStatus, setSyncStatus } from './syncStore'
import type { SyncWorkerApi } from './worker/sync.worker'
import type { Credentials } from './engine/server'

// The window's side of team sync: starts the sync worker, passes the member's actions to it,
// and keeps the status store up to date. Loaded only once a workspace is connected (or the
// member opens Team sync).

let connection: WorkerConnection<SyncWorkerApi> | null = null

/**
 * A worker file of the build, as the app's other workers: the page's CSP needs no blob: for it.
 * In Electron the script comes with the CSP header (the app and the team's server only); in a
 * browser the worker guards its own requests (worker/networkGuard.ts).
 */
function startWorker(): WorkerConnection<SyncWorkerApi> {
  const worker = new Worker(new URL('./worker/sync.worker.ts', import.meta.url), { type: 'module', name: 'standpoint-sync' })
  return connectWorker<SyncWorkerApi>(worker, {
    name: 'sync',
    onCrash: (message) => setSyncStatus({ ...currentSyncStatus(), state: 'error', message: `Sync stopped: the sync worker failed (${message}). Reload the window to start it again.` }),
  })
}

function worker(): WorkerConnection<SyncWorkerApi> {
  connection ??= startWorker()
  return connection
}

/** Starts syncing with the saved connection (at start-up, after Connect, on Resume). */
export async function startSync(password?: string): Promise<void> {
  const saved = savedConnection()
  if (!saved) {
    setSyncStatus(OFF_STATUS)
    return
  }
  if (isSyncPaused()) {
    setSyncStatus({ ...OFF_STATUS, state: 'paused' })
    return
  }
  const secret = password ?? (await savedPassword())
  if (!secret) {
    setSyncStatus({ ...OFF_STATUS, state: 'needs-password', message: 'Enter your password to resume team sync.' })
    return
  }
  const credentials: Credentials = { ...saved, password: secret }
  await worker().api.start(credentials, DEFAULT_DATABASE_NAME, callback((next: SyncStatus) => setSyncStatus(next)))
}

export async function pauseSync(): Promise<void> {
  // The worker pauses at once; the workspace's copy of the setting follows in its own time.
  const kept = setSyncPaused(true)
  if (connection) await connection.api.pause()
  setSyncStatus({ ...currentSyncStatus(), state: 'paused', message: null, progress: null })
  await kept
}

export async function resumeSync(): Promise<void> {
  const kept = setSyncPaused(false)
  await startSync()
  await kept
}

export async function confirmMerge(): Promise<void> {
  await worker().api.confirmMerge()
}

/** Stops syncing, removes the local replica and forgets the connection; the workspace stays. */
export async function disconnectSync(): Promise<void> {
  await worker().api.forget(DEFAULT_DATABASE_NAME)
  connection?.terminate('Team sync was disconnected.')
  connection = null
  await forgetConnection()
  setSyncStatus(OFF_STATUS)
}

export function listConflicts(): ReturnType<SyncWorkerApi['conflicts']> {
  return worker().api.conflicts()
}

export function resolveConflict(...args: Parameters<SyncWorkerApi['resolve']>): Promise<void> {
  return worker().api.resolve(...args)
}

export function listRefused(): ReturnType<SyncWorkerApi['refused']> {
  return worker().api.refused()
}

export function mergeReport(): ReturnType<SyncWorkerApi['mergeReport']> {
  return worker().api.mergeReport()
}
