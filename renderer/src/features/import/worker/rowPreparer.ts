import { connectWorker, type WorkerConnection } from '../../../platform/workers'
import type { PrepareWorker } from './prepare.worker'
import { prepareRows, type PreparedRows, type RowBatch } from './prepareRows'
import { errorText } from '../../../domain/errorText'

/** Prepares a collection's rows for storing: in this thread, or in a helper worker. */
export interface RowPreparer {
  prepare(batch: RowBatch): Promise<PreparedRows>
}

/** Prepares in the calling thread (tests, and the fallback when no helper worker can run). */
export const inlinePreparer: RowPreparer = { prepare: prepareRows }

/**
 * Prepares in a helper worker, started on first use. Should the helper fail to start or die,
 * the rows are prepared here instead: slower, the same articles.
 */
export function helperPreparer(): RowPreparer {
  let connection: WorkerConnection<PrepareWorker> | null = null
  let failed = typeof Worker === 'undefined'
  return {
    async prepare(batch) {
      if (!failed) {
        try {
          connection ??= connectWorker<PrepareWorker>(new Worker(new URL('./prepare.worker.ts', import.meta.url), { type: 'module', name: 'standpoint-import-prepare' }), {
            name: 'import preparation',
          })
          return await connection.api.prepare(batch)
        } catch (error) {
          // A helper that could not run. A row that cannot be mapped fails here the same way.
          console.warn(`[import] rows are prepared in the import worker: ${errorText(error)}`)
          failed = true
          connection?.terminate()
          connection = null
        }
      }
      return prepareRows(batch)
    },
  }
}
