import { platform } from '../../platform'
import type { FileFilter, SaveFileResult } from '../../../../preload/api'

/** Lets the browser paint (the progress bar) between chunks. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

export class SaveCancelled extends Error {
  override name = 'SaveCancelled'
}

/** A piece of a file: text (written as UTF-8) or bytes already encoded, with how far along the whole it brings us (0..1). */
export type SavePiece = { text: string; progress: number } | { bytes: Uint8Array; progress: number }

export interface ChunkedSave {
  suggestedName: string
  mimeType: string
  filters?: FileFilter[]
  /**
   * Pieces of the file; an empty piece only moves the progress bar. Pieces made on this thread
   * (an Iterable) get a frame between them for the bar to paint; pieces from a worker arrive
   * between frames.
   */
  chunks: Iterable<SavePiece> | AsyncIterable<SavePiece>
  onProgress(fraction: number): void
  /** Checked between chunks: true stops the save and leaves nothing behind. */
  cancelled(): boolean
}

/**
 * Writes a file in pieces through the host: Electron's native save dialog and a temp file
 * renamed into place, or a browser download assembled from the pieces. Null when the user
 * closed the save dialog.
 */
export async function saveInChunks(save: ChunkedSave): Promise<SaveFileResult | null> {
  const stream = await platform.beginSave({
    suggestedName: save.suggestedName,
    mimeType: save.mimeType,
    ...(save.filters ? { filters: save.filters } : {}),
  })
  if (!stream) return null
  try {
    const madeHere = Symbol.iterator in save.chunks
    for await (const chunk of save.chunks) {
      if (save.cancelled()) throw new SaveCancelled('cancelled')
      const data = 'bytes' in chunk ? chunk.bytes : chunk.text
      if (data.length > 0) await stream.write(data)
      save.onProgress(chunk.progress)
      if (madeHere) await nextFrame()
    }
    if (save.cancelled()) throw new SaveCancelled('cancelled')
    return await stream.finish()
  } catch (error) {
    await stream.abort().catch(() => undefined)
    throw error
  }
}

/** "standpoint-claims-2025-01-20.csv" */
export function datedName(what: string, extension: string, now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `standpoint-${what}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`
}

/** The name a saved file ended up under, for a message: the chosen path's last part, else the suggestion. */
export function savedName(result: SaveFileResult, suggested: string): string {
  return result.path ? (result.path.split(/[\\/]/).pop() ?? suggested) : suggested
}
