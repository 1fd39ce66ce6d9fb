import * as v from 'valibot'
import { parseOrThrow } from '../../../domain/validation'
import { callback, connectWorker } from '../../../platform/workers'
import type { ExportKind, ExportOptions } from '../exportKinds'
import type { ExportSink, ExportWorker } from './export.worker'

/** An export running in its worker. */
export interface ExportRun {
  /**
   * The file's pieces as the worker writes them, UTF-8 encoded; an empty piece only moves the
   * progress bar. Leaving the loop early (break, throw) stops the worker.
   */
  chunks: AsyncIterable<{ bytes: Uint8Array; progress: number }>
  /** Rows (or edges) written and what they are, once the last piece is out. */
  summary: Promise<{ count: number; noun: string }>
  /** Stops the worker; nothing more arrives. */
  cancel(): void
}

// What the worker sends is written to the user's file: it is checked on arrival.
const Progress = v.pipe(v.number(), v.minValue(0), v.maxValue(1))
const Piece = v.object({ bytes: v.instance(Uint8Array), progress: Progress })
const Summary = v.object({ count: v.pipe(v.number(), v.integer(), v.minValue(0)), noun: v.string() })

const NO_BYTES = new Uint8Array(0)

type Message = { type: 'piece'; bytes: Uint8Array; progress: number } | { type: 'end' } | { type: 'error'; error: unknown }

/** Starts an export in a worker of its own. Its pieces wait, in order, until they are read. */
export function startExport(kind: ExportKind, options: ExportOptions, databaseName: string): ExportRun {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'standpoint-export' })
  const connection = connectWorker<ExportWorker>(worker, { name: 'export' })
  const queue: Message[] = []
  let wake: (() => void) | null = null
  let finished = false

  const push = (message: Message): void => {
    queue.push(message)
    wake?.()
  }
  const stop = (): void => {
    if (finished) return
    finished = true
    connection.terminate()
    wake?.()
  }
  const receive = (bytes: unknown, progress: unknown): void => {
    try {
      push({ type: 'piece', ...parseOrThrow(Piece, { bytes, progress }, 'The export worker sent a damaged piece of the file') })
    } catch (error) {
      push({ type: 'error', error })
      stop()
    }
  }
  const sink: ExportSink = {
    progress: (progress) => receive(NO_BYTES, progress),
    chunk: (bytes, progress) => receive(bytes, progress),
  }
  const summary = connection.api.run(kind, options, databaseName, callback(sink)).then(
    (result) => {
      const checked = parseOrThrow(Summary, result, 'The export worker sent a damaged summary')
      push({ type: 'end' })
      stop()
      return checked
    },
    (error: unknown) => {
      push({ type: 'error', error })
      stop()
      throw error
    },
  )
  // A rejection nobody awaited (the caller stopped early) must not become an unhandled one.
  summary.catch(() => undefined)

  async function* chunks(): AsyncGenerator<{ bytes: Uint8Array; progress: number }> {
    try {
      for (;;) {
        const message = queue.shift()
        if (!message) {
          if (finished) return
          await new Promise<void>((resolve) => (wake = resolve))
          wake = null
          continue
        }
        if (message.type === 'piece') yield { bytes: message.bytes, progress: message.progress }
        else if (message.type === 'error') throw message.error
        else return
      }
    } finally {
      stop()
    }
  }

  return { chunks: chunks(), summary, cancel: stop }
}
