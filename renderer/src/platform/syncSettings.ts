import type { SyncPasswordStorage } from '../../../preload/api'
import { SYNC_ORIGIN_KEY } from './contentPolicy'

// Where a team workspace's connection is kept on this machine. The address, database and user
// name sit in localStorage (the CSP is written from it before the app starts, which IndexedDB
// is too slow for). The password: in the desktop app, main keeps it encrypted with Electron's
// safeStorage; in a browser, sessionStorage only, so it is gone when the tab closes and the
// member types it again.

const CONNECTION_KEY = 'standpoint.sync.connection'
const PASSWORD_KEY = 'standpoint.sync.password'
const PAUSED_KEY = 'standpoint.sync.paused'
const JUST_CONNECTED_KEY = 'standpoint.sync.just-connected'

export interface SavedConnection {
  serverUrl: string
  database: string
  userName: string
}

export function savedConnection(): SavedConnection | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(CONNECTION_KEY) ?? 'null') as Partial<SavedConnection> | null
    if (!parsed || typeof parsed.serverUrl !== 'string' || typeof parsed.database !== 'string' || typeof parsed.userName !== 'string') return null
    return { serverUrl: parsed.serverUrl, database: parsed.database, userName: parsed.userName }
  } catch {
    return null
  }
}

export async function savedPassword(): Promise<string | null> {
  if (window.standpoint) return (await window.standpoint.syncConnection())?.password ?? null
  return sessionStorage.getItem(PASSWORD_KEY)
}

/** Keeps the connection; returns how the password is kept. The page's CSP follows after a reload. */
export async function saveConnection(connection: SavedConnection & { origin: string }, password: string): Promise<SyncPasswordStorage> {
  let storage: SyncPasswordStorage = 'session'
  if (window.standpoint) storage = await window.standpoint.setSyncConnection({ serverUrl: connection.serverUrl, database: connection.database, userName: connection.userName, password })
  else sessionStorage.setItem(PASSWORD_KEY, password)
  localStorage.setItem(CONNECTION_KEY, JSON.stringify({ serverUrl: connection.serverUrl, database: connection.database, userName: connection.userName }))
  localStorage.setItem(SYNC_ORIGIN_KEY, connection.origin)
  return storage
}

/** Forgets the connection and the password; after a reload no request may reach the server. */
export async function forgetConnection(): Promise<void> {
  if (window.standpoint) await window.standpoint.clearSyncConnection()
  sessionStorage.removeItem(PASSWORD_KEY)
  for (const key of [CONNECTION_KEY, SYNC_ORIGIN_KEY, PAUSED_KEY, JUST_CONNECTED_KEY]) localStorage.removeItem(key)
}

export function isSyncPaused(): boolean {
  return localStorage.getItem(PAUSED_KEY) === '1'
}

export function setSyncPaused(paused: boolean): void {
  if (paused) localStorage.setItem(PAUSED_KEY, '1')
  else localStorage.removeItem(PAUSED_KEY)
}

/** Set before the reload a first Connect needs, so the Team sync dialog opens again after it. */
export function markJustConnected(): void {
  sessionStorage.setItem(JUST_CONNECTED_KEY, '1')
}

export function takeJustConnected(): boolean {
  const was = sessionStorage.getItem(JUST_CONNECTED_KEY) === '1'
  sessionStorage.removeItem(JUST_CONNECTED_KEY)
  return was
}
