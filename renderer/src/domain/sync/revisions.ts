import type { DocumentBody } from './documents'

// Revisions the app names itself, for a first connection's documents written straight to the
// server (new_edits: false): derived from the body, so writing the same body again after an
// interruption names the same revision instead of starting a second, conflicting branch.

export interface RevisedDocument extends DocumentBody {
  _rev: string
  _revisions: { start: number; ids: string[] }
}

const hex = (bytes: ArrayBuffer): string => [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('')

/** 32 hex digits from the body's JSON (SHA-256, cut to the length CouchDB's own revision ids have). */
export async function bodyHash(body: DocumentBody): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(body)))).slice(0, 32)
}

export const revGeneration = (rev: string): number => Number.parseInt(rev, 10)
export const revHashOf = (rev: string): string => rev.slice(rev.indexOf('-') + 1)

/**
 * The body as a revision named by its hash: the first revision of a new document, or, with a
 * `parent` (the server already holds another revision of it), the next one after that parent.
 */
export async function revised(body: DocumentBody, parent: string | null = null): Promise<RevisedDocument> {
  const hash = await bodyHash(body)
  if (parent === null) return { ...body, _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] } }
  const start = revGeneration(parent) + 1
  return { ...body, _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, revHashOf(parent)] } }
}
