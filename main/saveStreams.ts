import { randomBytes } from 'node:crypto'
import * as fsPromises from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

// Large exports and backups are written in chunks rather than sent in one IPC message: each
// stream writes a temp file beside the chosen target and renames it over the target only when
// the renderer says the file is complete, so a crash or a cancelled export never leaves a
// half-written file under the user's chosen name.

export class SaveStreamError extends Error {
  override name = 'SaveStreamError'
}

interface OpenStream {
  handle: FileHandle
  temp: string
  target: string
  bytes: number
  /** Appends run one after another even if the renderer does not wait. */
  queue: Promise<unknown>
}

export const MAX_OPEN_SAVE_STREAMS = 4
export const MAX_STREAM_BYTES = 8 * 1024 * 1024 * 1024

/** The file system calls a save makes; a test passes a wrapper that fails on purpose. */
export type SaveFs = Pick<typeof fsPromises, 'open' | 'rename' | 'rm'>

export class SaveStreams {
  private readonly streams = new Map<string, OpenStream>()

  constructor(
    private readonly maxBytes = MAX_STREAM_BYTES,
    private readonly fs: SaveFs = fsPromises,
  ) {}

  get openCount(): number {
    return this.streams.size
  }

  async begin(target: string): Promise<string> {
    if (this.streams.size >= MAX_OPEN_SAVE_STREAMS) throw new SaveStreamError('too many saves are in progress')
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
    const handle = await this.fs.open(temp, 'wx', 0o644)
    const id = randomBytes(16).toString('hex')
    this.streams.set(id, { handle, temp, target, bytes: 0, queue: Promise.resolve() })
    return id
  }

  private get(id: string): OpenStream {
    const stream = this.streams.get(id)
    if (!stream) throw new SaveStreamError('no save in progress with that id')
    return stream
  }

  async append(id: string, chunk: string | Uint8Array): Promise<void> {
    const stream = this.get(id)
    const size = typeof chunk === 'string' ? Buffer.byteLength(chunk, 'utf8') : chunk.byteLength
    if (stream.bytes + size > this.maxBytes) {
      await this.abort(id)
      throw new SaveStreamError(`the file would be larger than ${Math.round(this.maxBytes / 1024 / 1024)} MB; the save was cancelled`)
    }
    stream.bytes += size
    const write = stream.queue.then(() => stream.handle.appendFile(chunk))
    stream.queue = write.catch(() => undefined)
    try {
      await write
    } catch (error) {
      await this.abort(id)
      throw error
    }
  }

  /**
   * Flushes the temp file to disk, closes it and renames it over the target, then flushes the
   * folder so the rename itself survives a power cut; returns the target path.
   */
  async finish(id: string): Promise<string> {
    const stream = this.get(id)
    this.streams.delete(id)
    try {
      await stream.queue
      await stream.handle.sync()
      await stream.handle.close()
      await this.fs.rename(stream.temp, stream.target)
    } catch (error) {
      await stream.handle.close().catch(() => undefined)
      await this.fs.rm(stream.temp, { force: true })
      throw error
    }
    await this.syncFolder(dirname(stream.target))
    return stream.target
  }

  /** Best effort: some systems (Windows) cannot open a folder to flush it; the file is in place. */
  private async syncFolder(folder: string): Promise<void> {
    try {
      const handle = await this.fs.open(folder, 'r')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
    } catch {
      // The rename happened; only its durability across a power cut is not confirmed.
    }
  }

  /** Drops the temp file; the target, if it existed, is untouched. Unknown ids are ignored. */
  async abort(id: string): Promise<void> {
    const stream = this.streams.get(id)
    if (!stream) return
    this.streams.delete(id)
    await stream.queue
    await stream.handle.close().catch(() => undefined)
    await this.fs.rm(stream.temp, { force: true })
  }

  async abortAll(): Promise<void> {
    await Promise.all([...this.streams.keys()].map((id) => this.abort(id)))
  }
}
