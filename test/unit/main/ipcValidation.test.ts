import { describe, expect, it } from 'vitest'
import {
  InvalidRequestError,
  parseOpenFilesRequest,
  parseSaveFileRequest,
  parseSaveStreamBegin,
  parseSaveStreamChunk,
  parseStreamId,
  sanitizeSuggestedName,
} from '../../../main/ipcValidation'

describe('IPC payload validation', () => {
  it('rebuilds a valid open-files request and drops unknown fields', () => {
    expect(parseOpenFilesRequest(undefined)).toEqual({})
    expect(parseOpenFilesRequest({ title: 'Import', folders: true, filters: [{ name: 'Text', extensions: ['txt', 'md'] }], evil: 1 })).toEqual({
      title: 'Import',
      folders: true,
      filters: [{ name: 'Text', extensions: ['txt', 'md'] }],
    })
  })

  it('rejects malformed open-files requests', () => {
    expect(() => parseOpenFilesRequest('x')).toThrow(InvalidRequestError)
    expect(() => parseOpenFilesRequest({ folders: 'yes' })).toThrow(InvalidRequestError)
    expect(() => parseOpenFilesRequest({ filters: [{ name: 'x', extensions: ['../../x'] }] })).toThrow(InvalidRequestError)
    expect(() => parseOpenFilesRequest({ title: 'x'.repeat(1000) })).toThrow(InvalidRequestError)
  })

  it('accepts text or bytes to save, and cleans the suggested name', () => {
    expect(parseSaveFileRequest({ suggestedName: 'claims.csv', content: 'a,b\n' })).toEqual({ suggestedName: 'claims.csv', content: 'a,b\n' })
    const bytes = new Uint8Array([1, 2, 3])
    expect(parseSaveFileRequest({ suggestedName: 'b.bin', content: bytes }).content).toBe(bytes)
    expect(() => parseSaveFileRequest({ suggestedName: 'x', content: 42 })).toThrow(InvalidRequestError)
    expect(() => parseSaveFileRequest({ content: 'x' })).toThrow(InvalidRequestError)
    expect(() => parseSaveFileRequest(null)).toThrow(InvalidRequestError)
  })

  it('never lets a suggested name carry a folder', () => {
    expect(sanitizeSuggestedName('../../.bashrc')).toBe('-..-.bashrc')
    expect(sanitizeSuggestedName('/etc/passwd')).toBe('-etc-passwd')
    expect(sanitizeSuggestedName('a\u0000b\nc.csv')).toBe('abc.csv')
    expect(sanitizeSuggestedName('...')).toBe('standpoint-export')
    expect(sanitizeSuggestedName('claims 2024-12.csv')).toBe('claims 2024-12.csv')
  })

  it('names the field that is wrong', () => {
    expect(() => parseOpenFilesRequest({ filters: [{ name: 'x', extensions: ['../../x'] }] })).toThrow(/filters\.0\.extensions\.0: has an invalid extension/)
    expect(() => parseSaveFileRequest({ suggestedName: 'x', content: 42 })).toThrow(/content must be text or bytes/)
    expect(() => parseOpenFilesRequest({ folders: 'yes' })).toThrow(/folders must be a boolean/)
  })

  it('accepts only main’s own stream ids and chunks within the size limit', () => {
    const id = 'a'.repeat(32)
    expect(parseStreamId(id)).toBe(id)
    expect(() => parseStreamId('../a')).toThrow(InvalidRequestError)
    expect(parseSaveStreamChunk({ streamId: id, chunk: 'text', extra: 1 })).toEqual({ streamId: id, chunk: 'text' })
    expect(() => parseSaveStreamChunk({ streamId: id, chunk: 'x'.repeat(22 * 1024 * 1024) })).toThrow(/chunk is too large/)
    expect(parseSaveStreamBegin({ suggestedName: '/x.csv' })).toEqual({ suggestedName: '-x.csv' })
  })
})
