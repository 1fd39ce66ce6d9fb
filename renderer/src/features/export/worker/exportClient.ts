import type { ExportKind, ExportOptions } from '../exportKinds'
import type { ExportMessage, ExportRequest } from './exportProtocol'

/** An export running in its worker. */
export interface ExportRun {
  /**
   * The file's pieces as the worker writes them; a piece with empty text only moves the
   * progress bar. Leaving the loop early (break, throw) stops the worker.
   */
  chunks: AsyncIterable<{ text: string; progress: number }>
  /** Rows (or edges) written and what they are, once the last piece is out. */
  summary: Promise<{ count: number; noun: string }>
  /** Stops the worker; nothing more arrives. */
  cancel(): void
}

function workerError(name: string, message: string): Error {
  const error = new Error(message)
  error.name = name
  return error
}

/** Starts an export in a worker of its own. Its pieces wait, in order, until they are read. */
export function startExport(kind: ExportKind, options: ExportOptions, databaseName: string): ExportRun {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'standpoint-export' })
  const queue: ExportMessage[] = []
  let wake: (() => void) | null = null
  let finished = false
  let settleSummary!: { resolve: (value: { count: number; noun: string }) => void; reject: (error: Error) => void }
  const summary = new Promise<{ count: number; noun: string }>((resolve, reject) => (settleSummary = { resolve, reject }))
  // A rejection nobody awaited (the caller stopped early) must not become an unhandled one.
  summary.catch(() => undefined)

  const push = (message: ExportMessage): void => {
    queue.push(message)
    wake?.()
  }
  const stop = (): void => {
    if (finished) return
    finished = true
    worker.terminate()
    wake?.()
  }
  worker.addEventListener('message', (event: MessageEvent<ExportMessage>) => {
    const message = event.data
    if (message.type === 'done') {
      settleSummary.resolve({ count: message.count, noun: message.noun })
      stop()
    } else if (message.type === 'error') {
      settleSummary.reject(workerError(message.name, message.message))
      stop()
    }
    push(message)
  })
  worker.addEventListener('error', (event) => {
    const message = `the export worker stopped unexpectedly${event.message ? `: ${event.message}` : ''}`
    settleSummary.reject(new Error(message))
    stop()
    push({ type: 'error', name: 'Error', message })
  })
  worker.postMessage({ kind, options, databaseName } satisfies ExportRequest)

  async function* chunks(): AsyncGenerator<{ text: string; progress: number }> {
    try {
      for (;;) {
        const message = queue.shift()
        if (!message) {
          if (finished) return
          await new Promise<void>((resolve) => (wake = resolve))
          wake = null
          continue
        }
        if (message.type === 'chunk') yield { text: message.text, progress: message.progress }
        else if (message.type === 'progress') yield { text: '', progress: message.progress }
        else if (message.type === 'error') throw workerError(message.name, message.message)
        else return
      }
    } finally {
      stop()
    }
  }

  return { chunks: chunks(), summary, cancel: stop }
}
