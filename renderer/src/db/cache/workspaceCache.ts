import Dexie, { type EntityTable } from 'dexie'
import type { StandpointDB } from '../database'

// Things derived from a workspace that are costly to rebuild and cheap to load (the library's
// search index): kept in a database of their own beside the workspace, so they are never in a
// backup, never part of a workspace transaction, and can be thrown away at any time. Whoever
// reads an entry checks that it still matches the workspace and rebuilds it when it does not.

interface CacheRecord {
  key: string
  value: unknown
}

class CacheDB extends Dexie {
  entries!: EntityTable<CacheRecord, 'key'>
  constructor(name: string) {
    super(name)
    this.version(1).stores({ entries: 'key' })
  }
}

/** Typed arrays above this many elements are stored in pieces: one huge value strains IPC. */
const PIECE = 4 * 1024 * 1024

type TypedArray = Uint8Array | Uint32Array | Int32Array | Float32Array | Float64Array

interface Pieces {
  pieces: number
  kind: string
  length: number
}

const isTypedArray = (value: unknown): value is TypedArray => ArrayBuffer.isView(value) && !(value instanceof DataView)

const constructors: Record<string, new (length: number) => TypedArray> = { Uint8Array, Uint32Array, Int32Array, Float32Array, Float64Array }

export function cacheName(workspace: StandpointDB, what: string): string {
  return `${workspace.name}~cache~${what}`
}

function open(workspace: StandpointDB, what: string): CacheDB {
  const db = new CacheDB(cacheName(workspace, what))
  // Another window upgrading or deleting the cache must not wait on us.
  db.on('versionchange', () => {
    db.close()
    return false
  })
  return db
}

/** Replaces the cached entry `what` with these parts, all at once. */
export async function saveCache(workspace: StandpointDB, what: string, parts: Record<string, unknown>): Promise<void> {
  const db = open(workspace, what)
  try {
    const records: CacheRecord[] = []
    const layout: Record<string, Pieces | null> = {}
    for (const [key, value] of Object.entries(parts)) {
      if (isTypedArray(value) && value.length > PIECE && constructors[value.constructor.name]) {
        const pieces = Math.ceil(value.length / PIECE)
        layout[key] = { pieces, kind: value.constructor.name, length: value.length }
        for (let piece = 0; piece < pieces; piece++) records.push({ key: `${key}#${piece}`, value: value.slice(piece * PIECE, (piece + 1) * PIECE) })
      } else {
        layout[key] = null
        records.push({ key, value })
      }
    }
    records.push({ key: '\u0000layout', value: layout })
    await db.transaction('rw', db.entries, async () => {
      await db.entries.clear()
      await db.entries.bulkPut(records)
    })
  } finally {
    db.close()
  }
}

/**
 * The parts last saved as `what` (only those `wanted` names, when given), or null when there
 * are none or they do not fit together. Parts read in separate calls may come from different
 * saves: whoever splits a read checks that the pieces belong together.
 */
export async function loadCache(workspace: StandpointDB, what: string, wanted?: (key: string) => boolean): Promise<Record<string, unknown> | null> {
  const db = open(workspace, what)
  try {
    return await db.transaction('r', db.entries, async () => {
      const layout = (await db.entries.get('\u0000layout'))?.value as Record<string, Pieces | null> | undefined
      if (typeof layout !== 'object' || layout === null) return null
      const names = Object.keys(layout).filter((key) => !wanted || wanted(key))
      const keys = names.flatMap((key) => {
        const pieces = layout[key]
        return pieces ? Array.from({ length: pieces.pieces }, (_, piece) => `${key}#${piece}`) : [key]
      })
      const records = await db.entries.bulkGet(keys)
      const byKey = new Map(records.flatMap((record) => (record ? [[record.key, record.value] as const] : [])))
      const parts: Record<string, unknown> = {}
      for (const key of names) {
        const pieces = layout[key]!
        if (pieces === null) {
          if (!byKey.has(key)) return null
          parts[key] = byKey.get(key)
          continue
        }
        const Kind = constructors[pieces.kind]
        if (!Kind) return null
        const joined = new Kind(pieces.length)
        let offset = 0
        for (let piece = 0; piece < pieces.pieces; piece++) {
          const value = byKey.get(`${key}#${piece}`)
          if (!(value instanceof Kind) || offset + value.length > pieces.length) return null
          joined.set(value, offset)
          offset += value.length
        }
        if (offset !== pieces.length) return null
        parts[key] = joined
      }
      return parts
    })
  } finally {
    db.close()
  }
}

export async function deleteCache(workspace: StandpointDB, what: string): Promise<void> {
  await Dexie.delete(cacheName(workspace, what))
}
