import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as fsPromises from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  InvalidRequestError,
  MAX_SAVE_CHUNK_BYTES,
  parseSaveStreamBegin,
  parseSaveStreamChunk,
  parseStreamId,
} from '../../../main/ipcValidation'
import { MAX_OPEN_SAVE_STREAMS, SaveStreamError, SaveStreams, type SaveFs } from '../../../main/saveStreams'

const ID = 'a'.repeat(32)

describe('streamed save: IPC payload validation', () => {
  it('rebuilds a begin request, cleaning the name and dropping unknown fields', () => {
    expect(parseSaveStreamBegin({ suggestedName: '../backup.jsonl', filters: [{ name: 'Backup', extensions: ['jsonl'] }], path: '/etc/x' })).toEqual({
      suggestedName: '-backup.jsonl',
      filters: [{ name: 'Backup', extensions: ['jsonl'] }],
    })
    expect(() => parseSaveStreamBegin({})).toThrow(InvalidRequestError)
    expect(() => parseSaveStreamBegin('x')).toThrow(InvalidRequestError)
    expect(() => parseSaveStreamBegin({ suggestedName: 'x', filters: [{ name: 'x', extensions: ['a/b'] }] })).toThrow(InvalidRequestError)
  })

  it('takes only main-issued stream ids', () => {
    expect(parseStreamId(ID)).toBe(ID)
    for (const bad of ['', 'A'.repeat(32), 'a'.repeat(31), `${'a'.repeat(31)}/`, 42, null, { id: ID }]) {
      expect(() => parseStreamId(bad)).toThrow(InvalidRequestError)
    }
  })

  it('takes text or bytes chunks up to the limit, and nothing else', () => {
    expect(parseSaveStreamChunk({ streamId: ID, chunk: 'a,b\r\n', extra: 1 })).toEqual({ streamId: ID, chunk: 'a,b\r\n' })
    const bytes = new Uint8Array([1, 2])
    expect(parseSaveStreamChunk({ streamId: ID, chunk: bytes }).chunk).toBe(bytes)
    expect(() => parseSaveStreamChunk({ streamId: ID, chunk: 5 })).toThrow(InvalidRequestError)
    expect(() => parseSaveStreamChunk({ streamId: 'nope', chunk: 'x' })).toThrow(InvalidRequestError)
    expect(() => parseSaveStreamChunk({ streamId: ID, chunk: 'x'.repeat(MAX_SAVE_CHUNK_BYTES / 3 + 1) })).toThrow(/too large/)
    expect(() => parseSaveStreamChunk(null)).toThrow(InvalidRequestError)
  })
})

describe('streamed save: temp file, then rename', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'standpoint-save-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('appends chunks in order and renames over the target on finish, leaving no temp file', async () => {
    const target = join(dir, 'claims.csv')
    writeFileSync(target, 'old content')
    const streams = new SaveStreams()
    const id = await streams.begin(target)
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    // Appends sent without waiting still land in order.
    await Promise.all(['a,', 'قال،', new TextEncoder().encode('\r\nend')].map((chunk) => streams.append(id, chunk)))
    expect(readFileSync(target, 'utf8')).toBe('old content')
    expect(await streams.finish(id)).toBe(target)
    expect(readFileSync(target, 'utf8')).toBe('a,قال،\r\nend')
    expect(readdirSync(dir)).toEqual(['claims.csv'])
    await expect(streams.append(id, 'late')).rejects.toThrow(SaveStreamError)
  })

  it('abort removes the temp file and leaves an existing target untouched', async () => {
    const target = join(dir, 'backup.jsonl')
    writeFileSync(target, 'previous backup')
    const streams = new SaveStreams()
    const id = await streams.begin(target)
    await streams.append(id, 'partial')
    await streams.abort(id)
    expect(readdirSync(dir)).toEqual(['backup.jsonl'])
    expect(readFileSync(target, 'utf8')).toBe('previous backup')
    await streams.abort(id)
  })

  it('refuses unknown ids, too many streams and files over the size limit', async () => {
    const streams = new SaveStreams(10)
    await expect(streams.append(ID, 'x')).rejects.toThrow('no save in progress')
    await expect(streams.finish(ID)).rejects.toThrow('no save in progress')
    const ids = []
    for (let index = 0; index < MAX_OPEN_SAVE_STREAMS; index++) ids.push(await streams.begin(join(dir, `f${index}.csv`)))
    await expect(streams.begin(join(dir, 'one-too-many.csv'))).rejects.toThrow('too many saves')
    await streams.append(ids[0]!, '12345')
    await expect(streams.append(ids[0]!, '123456')).rejects.toThrow(/larger than/)
    expect(streams.openCount).toBe(MAX_OPEN_SAVE_STREAMS - 1)
    await streams.abortAll()
    expect(readdirSync(dir)).toEqual([])
  })
})

type Step = 'append' | 'sync temp' | 'rename'

/**
 * The real file system, with every call a save makes written to `log`, and one step made to
 * fail the way a full or failing disk does. A failing append first writes half its chunk, as a
 * real short write would, so a test sees that a torn temp file never reaches the target.
 */
function diskThatFails(log: string[], failing?: { step: Step; nth?: number }): SaveFs {
  const counts = new Map<Step, number>()
  const failsNow = (step: Step): boolean => {
    counts.set(step, (counts.get(step) ?? 0) + 1)
    return failing?.step === step && counts.get(step) === (failing.nth ?? 1)
  }
  const diskError = (code: string): Error => Object.assign(new Error(`${code}: simulated disk failure`), { code })
  return {
    open: (async (path: string, flags: string, mode?: number) => {
      const handle = await fsPromises.open(path, flags, mode)
      const kind = flags === 'r' ? 'folder' : 'temp'
      log.push(`open ${kind}`)
      return new Proxy(handle, {
        get(target, property) {
          if (property === 'appendFile') {
            return async (chunk: string | Uint8Array) => {
              log.push('append')
              if (failsNow('append')) {
                const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk)
                await target.appendFile(bytes.subarray(0, bytes.length >> 1))
                throw diskError('ENOSPC')
              }
              return target.appendFile(chunk)
            }
          }
          if (property === 'sync') {
            return async () => {
              log.push(`sync ${kind}`)
              if (kind === 'temp' && failsNow('sync temp')) throw diskError('EIO')
              return target.sync()
            }
          }
          if (property === 'close') {
            return async () => {
              log.push(`close ${kind}`)
              return target.close()
            }
          }
          const value: unknown = Reflect.get(target, property)
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
        },
      })
    }) as SaveFs['open'],
    rename: async (from, to) => {
      log.push('rename')
      if (failsNow('rename')) throw diskError('EXDEV')
      return fsPromises.rename(from, to)
    },
    rm: fsPromises.rm,
  }
}

describe('streamed save, end to end on disk: fsync, rename, and failures that keep the old file', () => {
  let dir: string
  let target: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'standpoint-save-disk-'))
    target = join(dir, 'claims.csv')
    writeFileSync(target, 'the previous export')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes a temp file beside the target, flushes it, closes it, renames it over the target, then flushes the folder', async () => {
    const log: string[] = []
    const streams = new SaveStreams(undefined, diskThatFails(log))
    const id = await streams.begin(target)
    const temps = readdirSync(dir).filter((name) => name !== 'claims.csv')
    expect(temps).toHaveLength(1)
    expect(temps[0]).toMatch(/^\.claims\.csv\.[0-9a-f]{12}\.tmp$/)
    await streams.append(id, 'actor,stance\r\n')
    await streams.append(id, 'حركة النجباء,-2\r\n')
    expect(readFileSync(join(dir, temps[0]!), 'utf8')).toBe('actor,stance\r\nحركة النجباء,-2\r\n')
    expect(readFileSync(target, 'utf8')).toBe('the previous export')
    await streams.finish(id)
    expect(log).toEqual(['open temp', 'append', 'append', 'sync temp', 'close temp', 'rename', 'open folder', 'sync folder', 'close folder'])
    expect(readFileSync(target, 'utf8')).toBe('actor,stance\r\nحركة النجباء,-2\r\n')
    expect(readdirSync(dir)).toEqual(['claims.csv'])
  })

  it('a write failing mid-stream (disk full) leaves the old file intact and no temp file', async () => {
    const log: string[] = []
    const streams = new SaveStreams(undefined, diskThatFails(log, { step: 'append', nth: 2 }))
    const id = await streams.begin(target)
    await streams.append(id, 'first chunk,')
    await expect(streams.append(id, 'second chunk, torn half way')).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(readFileSync(target, 'utf8')).toBe('the previous export')
    expect(readdirSync(dir)).toEqual(['claims.csv'])
    // The save is over: nothing can finish it into the target any more.
    expect(streams.openCount).toBe(0)
    await expect(streams.finish(id)).rejects.toThrow(SaveStreamError)
    await expect(streams.append(id, 'more')).rejects.toThrow(SaveStreamError)
    expect(log).not.toContain('rename')
    expect(readFileSync(target, 'utf8')).toBe('the previous export')
  })

  it('a failing flush (fsync) leaves the old file intact and no temp file', async () => {
    const log: string[] = []
    const streams = new SaveStreams(undefined, diskThatFails(log, { step: 'sync temp' }))
    const id = await streams.begin(target)
    await streams.append(id, 'new content')
    await expect(streams.finish(id)).rejects.toMatchObject({ code: 'EIO' })
    expect(log).not.toContain('rename')
    expect(readFileSync(target, 'utf8')).toBe('the previous export')
    expect(readdirSync(dir)).toEqual(['claims.csv'])
  })

  it('a failing rename leaves the old file intact and no temp file', async () => {
    const streams = new SaveStreams(undefined, diskThatFails([], { step: 'rename' }))
    const id = await streams.begin(target)
    await streams.append(id, 'new content')
    await expect(streams.finish(id)).rejects.toMatchObject({ code: 'EXDEV' })
    expect(readFileSync(target, 'utf8')).toBe('the previous export')
    expect(readdirSync(dir)).toEqual(['claims.csv'])
  })
})
