import { DEFAULT_DATABASE_NAME } from '../../../db/database'
import { callback, connectWorker, transferred, type WorkerApi } from '../../../platform/workers'
import type { InteropProgress } from '../interopTypes'
import type { InteropWorker } from './interop.worker'

export interface InteropClient {
  api: WorkerApi<InteropWorker>
  /** The bytes move to the worker: the window does not need them any more. */
  openDna(fileName: string, bytes: Uint8Array): ReturnType<WorkerApi<InteropWorker>['openDna']>
  openQdpx(fileName: string, bytes: Uint8Array): ReturnType<WorkerApi<InteropWorker>['openQdpx']>
  progress(onProgress: (progress: InteropProgress) => void): (progress: InteropProgress) => void
  databaseName: string
  terminate(): void
}

/** Starts an interop worker; terminate() when the dialog or export is done with it. */
export function startInteropWorker(databaseName = DEFAULT_DATABASE_NAME): InteropClient {
  const worker = new Worker(new URL('./interop.worker.ts', import.meta.url), { type: 'module', name: 'standpoint-interop' })
  const connection = connectWorker<InteropWorker>(worker, { name: 'interop' })
  const api = connection.api
  return {
    api,
    openDna: (fileName, bytes) => api.openDna(fileName, transferred(bytes)),
    openQdpx: (fileName, bytes) => api.openQdpx(fileName, transferred(bytes)),
    progress: (onProgress) => callback(onProgress),
    databaseName,
    terminate: () => connection.terminate('The import was closed.'),
  }
}
