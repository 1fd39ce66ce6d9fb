// The Team sync form's fields, checked before anything goes over the network, and the words
// for what the server answered. Pure.

export interface ConnectionSettings {
  /** The server's address as entered, normalised: "https://couch.example.org" or with a path behind a proxy. */
  serverUrl: string
  database: string
  userName: string
}

export type Checked<T> = { ok: true; value: T } | { ok: false; field: 'Server address' | 'Database' | 'User name' | 'Password'; message: string }

/**
 * A CouchDB server address: http or https, no user name or password in it (they have their own
 * fields and must not land in logs or the CSP), no query or fragment. A path is kept, for a
 * server behind a reverse proxy at "https://example.org/couchdb".
 */
export function parseServerAddress(input: string): Checked<{ url: string; origin: string }> {
  const trimmed = input.trim()
  const fail = (message: string): Checked<never> => ({ ok: false, field: 'Server address', message })
  if (trimmed === '') return fail('Enter the server address, for example https://couch.example.org')
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return fail(`"${trimmed}" is not a web address: it should look like https://couch.example.org`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('The server address must start with https:// (or http:// for a server on this computer)')
  if (url.username || url.password) return fail('Put the user name and password in their own fields, not in the address')
  if (url.search || url.hash) return fail('The server address must not have a ? or # part')
  const path = url.pathname.replace(/\/+$/, '')
  return { ok: true, value: { url: `${url.origin}${path}`, origin: url.origin } }
}

/** CouchDB's rule for database names (lower-case letter first; then a-z, 0-9 and _$()+-/). */
export function checkDatabaseName(input: string): Checked<string> {
  const name = input.trim()
  if (name === '') return { ok: false, field: 'Database', message: 'Enter the name of the team’s database' }
  if (name.length > 238 || !/^[a-z][a-z0-9_$()+/-]*$/.test(name)) {
    return { ok: false, field: 'Database', message: `"${name}" is not a CouchDB database name: lower-case letters, digits and _$()+-/ only, starting with a letter` }
  }
  return { ok: true, value: name }
}

export function checkConnectionForm(form: { serverUrl: string; database: string; userName: string; password: string }): Checked<ConnectionSettings & { origin: string }> {
  const server = parseServerAddress(form.serverUrl)
  if (!server.ok) return server
  const database = checkDatabaseName(form.database)
  if (!database.ok) return database
  const userName = form.userName.trim()
  if (userName === '') return { ok: false, field: 'User name', message: 'Enter your user name on the server' }
  if (userName.length > 200 || userName.includes(':')) return { ok: false, field: 'User name', message: 'A CouchDB user name has at most 200 characters and no colon' }
  if (form.password === '') return { ok: false, field: 'Password', message: 'Enter your password' }
  return { ok: true, value: { serverUrl: server.value.url, origin: server.value.origin, database: database.value, userName } }
}

/** What went wrong reaching the database, as the server (or the network) said it. */
export type ConnectionFailure =
  | { kind: 'unreachable'; detail: string }
  | { kind: 'http'; status: number; error: string; reason: string }

/** The message a member reads: what happened, and what to do about it. */
export function describeConnectionFailure(failure: ConnectionFailure, settings: Pick<ConnectionSettings, 'serverUrl' | 'database' | 'userName'>): string {
  if (failure.kind === 'unreachable') {
    return `Cannot reach the server at ${settings.serverUrl}: check the address and your network connection (${failure.detail}). Nothing was changed.`
  }
  const { status, reason } = failure
  const said = reason ? ` The server said: “${reason}”` : ''
  if (status === 401 && /password|name/i.test(reason)) return `Wrong user name or password for ${settings.userName} on ${settings.serverUrl}. Nothing was changed.`
  if (status === 401 || status === 403) return `${settings.userName} may not use the database “${settings.database}”: ask the team’s server administrator to add you as a member.${said} Nothing was changed.`
  if (status === 404) return `The server has no database “${settings.database}”: check its name, or ask the administrator to create it.${said} Nothing was changed.`
  return `The server answered ${status}${failure.error ? ` (${failure.error})` : ''}.${said} Nothing was changed.`
}
