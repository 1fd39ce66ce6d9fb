import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
import { MAX_OPEN_SAVE_STREAMS, SaveStreamError, SaveStreams } from '../../../main/saveStreams'

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
