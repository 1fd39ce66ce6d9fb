import type { ColumnMapping, MappingOptions } from '../../../domain/import/types'
import type { ImportWorkerApi, ProgressEvent, StepResult } from '../importTypes'
import { createRpcClient, type RpcEvent } from './rpc'

export interface ImportWorkerClient extends ImportWorkerApi {
  terminate(): void
}

/** Starts an import worker for one run; terminate() when the run is over. */
export function startImportWorker(onProgress: (event: ProgressEvent) => void): ImportWorkerClient {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'standpoint-import' })
  const rpc = createRpcClient(worker, (event: RpcEvent) => {
    if (event.type === 'progress') onProgress(event as ProgressEvent)
  })
  worker.addEventListener('error', (event) => {
    rpc.failAll(`The import worker stopped unexpectedly${event.message ? `: ${event.message}` : ''}.`)
  })
  return {
    begin: (importedAt: string, databaseName?: string) => rpc.call('begin', databaseName === undefined ? [importedAt] : [importedAt, databaseName]),
    inspectFile: (fileId: string, name: string, bytes: Uint8Array, remembered: Partial<ColumnMapping> | null) =>
      rpc.call<StepResult>('inspectFile', [fileId, name, bytes, remembered], [bytes.buffer as ArrayBuffer]),
    inspectPaste: (fileId: string, text: string) => rpc.call<StepResult>('inspectPaste', [fileId, text]),
    importCollection: (fileId: string, options: MappingOptions) => rpc.call<StepResult>('importCollection', [fileId, options]),
    skipCollection: (fileId: string) => rpc.call<StepResult>('skipCollection', [fileId]),
    finish: () => rpc.call<StepResult>('finish', []),
    cancel: () => rpc.call('cancel', []),
    terminate: () => {
      rpc.failAll('The import was closed.')
      worker.terminate()
    },
  }
}
