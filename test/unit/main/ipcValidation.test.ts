import { describe, expect, it } from 'vitest'
import {
  InvalidRequestError,
  parseOpenFilesRequest,
  parseSaveFileRequest,
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
})
