import type { ConnectionFailure, ConnectionSettings } from '../../../domain/sync/connection'
import { errorText } from '../../../domain/errorText'

// Talking to the team's CouchDB server outside replication: the check before connecting, and a
// fetch that cannot go anywhere but that server (the CSP and, in Electron, main's session
// policy already forbid it; this says so in code too).

export interface Credentials extends ConnectionSettings {
  password: string
}

/** HTTP Basic credentials, UTF-8 encoded as CouchDB reads them. */
export function basicAuthorization(userName: string, password: string): string {
  const bytes = new TextEncoder().encode(`${userName}:${password}`)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return `Basic ${btoa(binary)}`
}

/** fetch restricted to the server's address: a request anywhere else is refused before it is made. */
export function serverFetch(serverUrl: string): typeof fetch {
  const prefix = `${serverUrl}/`
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!url.startsWith(prefix)) return Promise.reject(new TypeError(`Standpoint only talks to the team's server, not to ${url}`))
    return fetch(input, init)
  }
}

export type DatabaseCheck = { ok: true; documents: number } | { ok: false; failure: ConnectionFailure }

/**
 * Asks the server for the database with the member's credentials: the answer tells a wrong
 * password (401), a database the member may not use (401/403), one that does not exist (404)
 * and a server that cannot be reached apart. `documents` counts the workspace's documents
 * (design documents left out).
 */
export async function checkDatabase(credentials: Credentials, fetchImpl: typeof fetch = serverFetch(credentials.serverUrl)): Promise<DatabaseCheck> {
  const headers = { accept: 'application/json', authorization: basicAuthorization(credentials.userName, credentials.password) }
  const base = `${credentials.serverUrl}/${encodeURIComponent(credentials.database)}`
  let response: Response
  try {
    response = await fetchImpl(`${base}/`, { headers, credentials: 'omit', cache: 'no-store' })
  } catch (error) {
    return { ok: false, failure: { kind: 'unreachable', detail: errorText(error) } }
  }
  let body: { error?: unknown; reason?: unknown; doc_count?: unknown } = {}
  try {
    body = (await response.json()) as typeof body
  } catch {
    // Not JSON: not a CouchDB answer; the status says enough.
  }
  if (!response.ok) {
    return { ok: false, failure: { kind: 'http', status: response.status, error: typeof body.error === 'string' ? body.error : '', reason: typeof body.reason === 'string' ? body.reason : '' } }
  }
  if (typeof body.doc_count !== 'number') return { ok: false, failure: { kind: 'http', status: response.status, error: 'not_couchdb', reason: 'The address does not answer like a CouchDB database.' } }
  let designDocs = 0
  try {
    const designs = await fetchImpl(`${base}/_all_docs?startkey=%22_design%2F%22&endkey=%22_design0%22`, { headers, credentials: 'omit', cache: 'no-store' })
    if (designs.ok) designDocs = ((await designs.json()) as { rows?: unknown[] }).rows?.length ?? 0
  } catch {
    // Counting design documents is a nicety; the count stays as the server gave it.
  }
  return { ok: true, documents: Math.max(0, body.doc_count - designDocs) }
}
