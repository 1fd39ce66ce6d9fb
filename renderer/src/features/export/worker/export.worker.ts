import { workerDatabase } from '../../../db/database'
import { notifier, serveWorker, transferred, type Callback } from '../../../platform/workers'
import { prepareExport, type ExportKind, type ExportOptions } from '../exportKinds'

// The export worker: reads the workspace and writes the file's text off the UI thread, so the
// window keeps painting its progress bar while 100,000 claims are read and written. One
// worker per export; the window terminates it when the export ends or is stopped.

/** The share of the progress bar the reading takes; writing the text takes the rest. */
const READ_SHARE = 0.6

/** Where the worker sends the file as it writes it. */
export interface ExportSink {
  /** How far along the whole export is, 0..1 (reading, then writing). */
  progress: Callback<[progress: number]>
  /** The next piece of the file, as UTF-8 bytes handed over to the window (not copied). */
  chunk: Callback<[bytes: Uint8Array, progress: number]>
}

const api = {
  /**
   * Writes the export into the sink, piece by piece without waiting for the window, and
   * returns what it wrote once the window has every piece. A failure rejects with the error's
   * own name, so storage errors are still told apart.
   */
  async run(kind: ExportKind, options: ExportOptions, databaseName: string, sink: ExportSink): Promise<{ count: number; noun: string }> {
    const db = workerDatabase(databaseName)
    const progress = notifier(sink.progress)
    const chunks = notifier(sink.chunk)
    try {
      await db.open()
      let reported = 0
      const prepared = await prepareExport(db, kind, options, (fraction) => {
        reported = fraction * READ_SHARE
        progress.send(reported)
      })
      db.close()
      const base = Math.max(reported, READ_SHARE)
      // Encoded here and handed over: the window gets bytes it can store as they are, instead of
      // 40 MB of text to copy into its heap and encode on its own thread (a quarter to over a
      // second at 100,000 claims, after the worker's last piece).
      const encoder = new TextEncoder()
      for (const chunk of prepared.chunks) chunks.send(transferred(encoder.encode(chunk.text)), base + (1 - base) * chunk.progress)
      await Promise.all([progress.flush(), chunks.flush()])
      return { count: prepared.count, noun: prepared.noun }
    } finally {
      db.close()
    }
  },
}

export type ExportWorker = typeof api

serveWorker(api)
