/// <reference lib="webworker" />
import { StandpointDB } from '../../../db/database'
import { prepareExport } from '../exportKinds'
import type { ExportMessage, ExportRequest } from './exportProtocol'

// The export worker: reads the workspace and writes the file's text off the UI thread, so the
// window keeps painting its progress bar while 100,000 claims are read and written. One
// worker per export; the window terminates it when the export ends or is stopped.

declare const self: DedicatedWorkerGlobalScope

/** The share of the progress bar the reading takes; writing the text takes the rest. */
const READ_SHARE = 0.6

const post = (message: ExportMessage): void => self.postMessage(message)

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { kind, options, databaseName } = event.data
  const db = new StandpointDB(databaseName)
  // Another window upgrading the schema: let it; this export fails with a storage error.
  db.on('versionchange', () => {
    db.close()
    return false
  })
  try {
    await db.open()
    let reported = 0
    const prepared = await prepareExport(db, kind, options, (fraction) => {
      reported = fraction * READ_SHARE
      post({ type: 'progress', progress: reported })
    })
    db.close()
    const base = Math.max(reported, READ_SHARE)
    for (const chunk of prepared.chunks) post({ type: 'chunk', text: chunk.text, progress: base + (1 - base) * chunk.progress })
    post({ type: 'done', count: prepared.count, noun: prepared.noun })
  } catch (error) {
    db.close()
    post({ type: 'error', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) })
  }
}
