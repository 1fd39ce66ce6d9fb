import { DEFAULT_DATABASE_NAME } from '../../../db/database'
import type { ColumnMapping, MappingOptions } from '../../../domain/import/types'
import { callback, connectWorker, transferred } from '../../../platform/workers'
import type { ImportWorkerApi, ProgressEvent } from '../importTypes'
import type { ImportWorker } from './import.worker'

export interface ImportWorkerClient extends ImportWorkerApi {
  terminate(): void
}

/** Starts an import worker for one run; terminate() when the run is over. */
export function startImportWorker(onProgress: (event: ProgressEvent) => void): ImportWorkerClient {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'standpoint-import' })
  const connection = connectWorker<ImportWorker>(worker, { name: 'import' })
  const api = connection.api
  return {
    begin: (importedAt: string, databaseName = DEFAULT_DATABASE_NAME) => api.begin(importedAt, databaseName, callback(onProgress)),
    // The file's bytes move to the worker: the window does not need them any more.
    inspectFile: (fileId: string, name: string, bytes: Uint8Array, remembered: Partial<ColumnMapping> | null) => api.inspectFile(fileId, name, transferred(bytes), remembered),
    inspectPaste: (fileId: string, text: string) => api.inspectPaste(fileId, text),
    importCollection: (fileId: string, options: MappingOptions) => api.importCollection(fileId, options),
    skipCollection: (fileId: string) => api.skipCollection(fileId),
    finish: () => api.finish(),
    cancel: () => api.cancel(),
    terminate: () => connection.terminate('The import was closed.'),
  }
}
