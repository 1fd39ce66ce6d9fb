// First: the worker's network guard must be in place before PouchDB keeps a reference to fetch.
import { allowServerOrigin } from './networkGuard'
import PouchDB from 'pouchdb-core'
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb'
import HttpAdapter from 'pouchdb-adapter-http'
import Replication from 'pouchdb-replication'
import { workerDatabase } from '../../../db/database'
import { LATEST_SCHEMA_VERSION } from '../../../db/schema'
import { DexieWorkspace } from '../../../db/sync/dexieWorkspace'
import { notifier, serveWorker, type Callback } from '../../../platform/workers'
import type { WorkspaceRecord } from '../../../domain/sync/documents'
import { forgetReplica, SyncEngine, type PouchStatic } from '../engine/engine'
import type { Credentials } from '../engine/server'
import type { SyncStatus } from '../engine/status'
import { errorText } from '../../../domain/errorText'

// The sync worker: PouchDB (IndexedDB adapter for the local revision store, HTTP for the
// team's CouchDB) and the bridge to the workspace, off the window's thread. One engine at a
// time; the window drives it through this API (platform/workers.ts, Comlink).

// PouchDB's replication can let the error of a request that failed (the server went away in
// the middle of it) escape while it retries. The engine's status already says offline; such a
// stray is logged here instead of reaching the window as the worker's crash.
self.addEventListener('error', (event) => {
  event.preventDefault()
  console.warn('[standpoint] sync worker:', event.message)
})
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault()
  console.warn('[standpoint] sync worker:', event.reason)
})

const Pouch = PouchDB.plugin(IndexedDbAdapter).plugin(HttpAdapter).plugin(Replication) as unknown as PouchStatic

let engine: SyncEngine | null = null
let workspace: DexieWorkspace | null = null
let currentName: string | null = null
let stopWatching: (() => void) | null = null

async function stopEngine(): Promise<void> {
  stopWatching?.()
  stopWatching = null
  await engine?.close()
  engine = null
}

const api = {
  /** Starts (or restarts) syncing; returns once the start is under way, status follows through `onStatus`. */
  async start(credentials: Credentials, workspaceName: string, onStatus: Callback<[SyncStatus]>): Promise<void> {
    await stopEngine()
    allowServerOrigin(new URL(credentials.serverUrl).origin)
    if (workspaceName !== currentName) {
      workspace = new DexieWorkspace(workerDatabase(workspaceName))
      currentName = workspaceName
    }
    const status = notifier(onStatus)
    const started = new SyncEngine(credentials, {
      Pouch,
      localAdapter: 'indexeddb',
      workspace: workspace!,
      workspaceName,
      schema: LATEST_SCHEMA_VERSION,
      onStatus: (next) => status.send(next),
    })
    engine = started
    stopWatching = workspace!.watchLocalChanges(() => started.schedule())
    void started.start().catch((error: unknown) => status.send({ state: 'error', message: `Sync stopped: ${errorText(error)}`, sending: 0, receiving: 0, lastSyncedAt: null, progress: null, conflicts: 0, refused: 0, local: null, remote: null }))
  },
  async confirmMerge(): Promise<void> {
    engine?.confirmMerge()
  },
  async pause(): Promise<void> {
    await stopEngine()
  },
  /** Disconnect: the local replica and the bookkeeping go; the workspace stays as it is. */
  async forget(workspaceName: string): Promise<void> {
    await stopEngine()
    await (currentName === workspaceName && workspace ? workspace : new DexieWorkspace(workerDatabase(workspaceName))).removeOutboxCheckpoint()
    await forgetReplica(Pouch, 'indexeddb', workspaceName)
  },
  async conflicts() {
    return engine ? engine.conflicts() : []
  },
  async resolve(docId: string, kept: { kind: 'record'; record: WorkspaceRecord } | { kind: 'deleted' }): Promise<void> {
    if (!engine) throw new Error('Team sync is not running: connect or resume it first.')
    await engine.resolve(docId, kept)
  },
  async refused() {
    return engine ? engine.refused() : []
  },
  async mergeReport() {
    return engine ? engine.mergeReport() : []
  },
}

export type SyncWorkerApi = typeof api

serveWorker(api)
