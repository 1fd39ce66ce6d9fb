import type { FileFilter, OpenFilesRequest, SaveFileRequest, SaveStreamBeginRequest, SaveStreamChunk } from '../preload/api'

// Main never trusts what the renderer sends: every payload is rebuilt field by field from
// what we expect, and anything else is an error that names the bad field.

export class InvalidRequestError extends Error {
  override name = 'InvalidRequestError'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function optionalString(value: unknown, field: string, maxLength: number): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.length > maxLength) {
    throw new InvalidRequestError(`${field} must be a string of at most ${maxLength} characters`)
  }
  return value
}

function parseFilters(value: unknown): FileFilter[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.length > 20) throw new InvalidRequestError('filters must be a short list')
  return value.map((item, index) => {
    if (!isRecord(item) || typeof item.name !== 'string' || !Array.isArray(item.extensions)) {
      throw new InvalidRequestError(`filters[${index}] must have a name and extensions`)
    }
    const extensions = item.extensions.map((ext) => {
      if (typeof ext !== 'string' || !/^(\*|[A-Za-z0-9]{1,10})$/.test(ext)) {
        throw new InvalidRequestError(`filters[${index}] has an invalid extension`)
      }
      return ext
    })
    return { name: item.name.slice(0, 80), extensions }
  })
}

export function parseOpenFilesRequest(value: unknown): OpenFilesRequest {
  if (value === undefined || value === null) return {}
  if (!isRecord(value)) throw new InvalidRequestError('open-files request must be an object')
  const request: OpenFilesRequest = {}
  const title = optionalString(value.title, 'title', 200)
  if (title !== undefined) request.title = title
  const filters = parseFilters(value.filters)
  if (filters !== undefined) request.filters = filters
  if (value.folders !== undefined) {
    if (typeof value.folders !== 'boolean') throw new InvalidRequestError('folders must be a boolean')
    request.folders = value.folders
  }
  return request
}

/** A file name the user will see in the save dialog: no folders, no control characters. */
export function sanitizeSuggestedName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|]/g, '-')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200)
  return cleaned === '' ? 'standpoint-export' : cleaned
}

export const MAX_SAVE_BYTES = 1024 * 1024 * 1024

export function parseSaveFileRequest(value: unknown): SaveFileRequest {
  if (!isRecord(value)) throw new InvalidRequestError('save-file request must be an object')
  if (typeof value.suggestedName !== 'string') throw new InvalidRequestError('suggestedName must be a string')
  const content = value.content
  if (typeof content === 'string') {
    if (content.length > MAX_SAVE_BYTES) throw new InvalidRequestError('content is too large')
  } else if (content instanceof Uint8Array) {
    if (content.byteLength > MAX_SAVE_BYTES) throw new InvalidRequestError('content is too large')
  } else {
    throw new InvalidRequestError('content must be text or bytes')
  }
  const request: SaveFileRequest = { suggestedName: sanitizeSuggestedName(value.suggestedName), content }
  const filters = parseFilters(value.filters)
  if (filters !== undefined) request.filters = filters
  return request
}

export function parseSaveStreamBegin(value: unknown): SaveStreamBeginRequest {
  if (!isRecord(value)) throw new InvalidRequestError('save-begin request must be an object')
  if (typeof value.suggestedName !== 'string') throw new InvalidRequestError('suggestedName must be a string')
  const request: SaveStreamBeginRequest = { suggestedName: sanitizeSuggestedName(value.suggestedName) }
  const filters = parseFilters(value.filters)
  if (filters !== undefined) request.filters = filters
  return request
}

/** Largest single chunk of a streamed save; the renderer sends about a megabyte at a time. */
export const MAX_SAVE_CHUNK_BYTES = 64 * 1024 * 1024

/** Stream ids are main's own random hex tokens; anything else cannot name a stream. */
export function parseStreamId(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{32}$/.test(value)) throw new InvalidRequestError('streamId is not a save stream id')
  return value
}

export function parseSaveStreamChunk(value: unknown): SaveStreamChunk {
  if (!isRecord(value)) throw new InvalidRequestError('save-append request must be an object')
  const streamId = parseStreamId(value.streamId)
  const chunk = value.chunk
  if (typeof chunk === 'string') {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (chunk.length * 3 > MAX_SAVE_CHUNK_BYTES) throw new InvalidRequestError('chunk is too large')
  } else if (chunk instanceof Uint8Array) {
    if (chunk.byteLength > MAX_SAVE_CHUNK_BYTES) throw new InvalidRequestError('chunk is too large')
  } else {
    throw new InvalidRequestError('chunk must be text or bytes')
  }
  return { streamId, chunk }
}
