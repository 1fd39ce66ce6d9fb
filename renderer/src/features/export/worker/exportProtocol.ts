import type { ExportKind, ExportOptions } from '../exportKinds'

// Messages between the window and the export worker.

export interface ExportRequest {
  kind: ExportKind
  options: ExportOptions
  databaseName: string
}

export type ExportMessage =
  /** How far along the whole export is, 0..1 (reading, then writing). */
  | { type: 'progress'; progress: number }
  /** The next piece of the file. */
  | { type: 'chunk'; text: string; progress: number }
  | { type: 'done'; count: number; noun: string }
  /** The error's name survives the trip, so storage errors are still told apart. */
  | { type: 'error'; name: string; message: string }
