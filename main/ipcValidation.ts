import * as v from 'valibot'
import type { FileFilter, OpenFilesRequest, SaveFileRequest, SaveStreamBeginRequest, SaveStreamChunk, SyncConnectionRequest } from '../preload/api'
import { originOf } from './syncConnection'

// Main never trusts what the renderer sends: every payload goes through the schema of its
// request, which keeps only the fields we expect (unknown ones are dropped), and anything
// else is an error that names the bad field.

export class InvalidRequestError extends Error {
  override name = 'InvalidRequestError'
}

function parse<Schema extends v.GenericSchema>(schema: Schema, value: unknown): v.InferOutput<Schema> {
  const result = v.safeParse(schema, value, { abortEarly: true })
  if (result.success) return result.output
  const issue = result.issues[0]
  const field = v.getDotPath(issue)
  throw new InvalidRequestError(field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message)
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

/** Largest single chunk of a streamed save; the renderer sends about a megabyte at a time. */
export const MAX_SAVE_CHUNK_BYTES = 64 * 1024 * 1024

const FilterSchema = v.object(
  {
    name: v.pipe(v.string(), v.transform((name) => name.slice(0, 80))),
    extensions: v.array(v.pipe(v.string(), v.regex(/^(\*|[A-Za-z0-9]{1,10})$/, 'has an invalid extension'))),
  },
  'must have a name and extensions',
)
const FiltersSchema = v.optional(v.pipe(v.array(FilterSchema, 'filters must be a short list'), v.maxLength(20, 'filters must be a short list')))

const optionalString = (field: string, maxLength: number) =>
  v.optional(v.pipe(v.string(`${field} must be a string of at most ${maxLength} characters`), v.maxLength(maxLength, `${field} must be a string of at most ${maxLength} characters`)))

const SuggestedNameSchema = v.pipe(v.string('suggestedName must be a string'), v.transform(sanitizeSuggestedName))

/**
 * Text (written as UTF-8) or bytes, up to a size. A UTF-16 code unit of text is at most three
 * bytes of UTF-8, hence the text limit.
 */
const payload = (field: string, maxBytes: number, textUnitBytes: number) =>
  v.pipe(
    v.custom<string | Uint8Array>((value) => typeof value === 'string' || value instanceof Uint8Array, `${field} must be text or bytes`),
    v.check((value) => (typeof value === 'string' ? value.length * textUnitBytes : value.byteLength) <= maxBytes, `${field} is too large`),
  )

/** Stream ids are main's own random hex tokens; anything else cannot name a stream. */
const StreamIdSchema = v.pipe(v.string('streamId is not a save stream id'), v.regex(/^[0-9a-f]{32}$/, 'streamId is not a save stream id'))

const OpenFilesRequestSchema = v.optional(
  v.nullable(
    v.object(
      {
        title: optionalString('title', 200),
        filters: FiltersSchema,
        folders: v.optional(v.boolean('folders must be a boolean')),
      },
      'open-files request must be an object',
    ),
  ),
)

const SaveFileRequestSchema = v.object(
  { suggestedName: SuggestedNameSchema, filters: FiltersSchema, content: payload('content', MAX_SAVE_BYTES, 1) },
  'save-file request must be an object',
)

const SaveStreamBeginSchema = v.object({ suggestedName: SuggestedNameSchema, filters: FiltersSchema }, 'save-begin request must be an object')

const SaveStreamChunkSchema = v.object({ streamId: StreamIdSchema, chunk: payload('chunk', MAX_SAVE_CHUNK_BYTES, 3) }, 'save-append request must be an object')

/** CouchDB's rule for database names; main checks it again rather than trust the page. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/

const SyncConnectionRequestSchema = v.object(
  {
    serverUrl: v.pipe(
      v.string('serverUrl must be text'),
      v.maxLength(2000, 'serverUrl is too long'),
      v.check((url) => originOf(url) !== null, 'serverUrl must be an http(s) address with no user, password, query or fragment'),
    ),
    database: v.pipe(v.string('database must be text'), v.regex(DATABASE_NAME, 'database is not a CouchDB database name')),
    userName: v.pipe(v.string('userName must be text'), v.minLength(1, 'userName is empty'), v.maxLength(200, 'userName is too long'), v.check((name) => !name.includes(':'), 'userName must not contain a colon')),
    password: v.pipe(v.string('password must be text'), v.minLength(1, 'password is empty'), v.maxLength(1000, 'password is too long')),
  },
  'sync connection must be an object',
)

/** Drops the optional fields a request left out, so the rebuilt request has only what was sent. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}

export function parseOpenFilesRequest(value: unknown): OpenFilesRequest {
  return withoutUndefined(parse(OpenFilesRequestSchema, value) ?? {})
}

export function parseSaveFileRequest(value: unknown): SaveFileRequest {
  return withoutUndefined(parse(SaveFileRequestSchema, value))
}

export function parseSaveStreamBegin(value: unknown): SaveStreamBeginRequest {
  return withoutUndefined(parse(SaveStreamBeginSchema, value))
}

export function parseStreamId(value: unknown): string {
  return parse(StreamIdSchema, value)
}

export function parseSaveStreamChunk(value: unknown): SaveStreamChunk {
  return parse(SaveStreamChunkSchema, value)
}

export function parseSyncConnectionRequest(value: unknown): SyncConnectionRequest {
  return parse(SyncConnectionRequestSchema, value)
}

// The schemas must produce exactly the requests preload/api.ts promises main.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _contract: [
  Same<v.InferOutput<typeof FilterSchema>, FileFilter>,
  Same<NonNullable<v.InferOutput<typeof OpenFilesRequestSchema>>, OpenFilesRequest>,
  Same<v.InferOutput<typeof SaveFileRequestSchema>, SaveFileRequest>,
  Same<v.InferOutput<typeof SaveStreamBeginSchema>, SaveStreamBeginRequest>,
  Same<v.InferOutput<typeof SaveStreamChunkSchema>, SaveStreamChunk>,
  Same<v.InferOutput<typeof SyncConnectionRequestSchema>, SyncConnectionRequest>,
] = [true, true, true, true, true, true]
