import type { SyncPasswordStorage } from '../../../preload/api'
import { isPolicyOrigin } from '../../../preload/contentPolicy'
import { readSetting, writeSetting } from '../db/repositories/settings'
import { db } from '../db/instance'
import { SYNC_CONNECTION } from '../domain/team/settings'
import { SYNC_ORIGIN_KEY } from './contentPolicy'

// Where a team workspace's connection is kept on this machine. The address, database and user
// name sit in localStorage (the CSP is written from it before the app starts, which IndexedDB
// is too slow for). The password: in the desktop app, main keeps it encrypted with Electron's
// safeStorage; in a browser, sessionStorage only, so it is gone when the tab closes and the
// member types it again.
// A browser commits localStorage lazily: one closed soon after Connect may come back without
// it. So the connection (never the password) is also kept in the workspace's settings, written
// before the page moves on, and put back from there when localStorage lost it.

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
  const saved = { serverUrl: connection.serverUrl, database: connection.database, userName: connection.userName }
  await writeSetting(db, SYNC_CONNECTION, { ...saved, origin: connection.origin, paused: false })
  keepInLocalStorage(saved, connection.origin, false)
  return storage
}

function keepInLocalStorage(connection: SavedConnection, origin: string, paused: boolean): void {
  localStorage.setItem(CONNECTION_KEY, JSON.stringify(connection))
  localStorage.setItem(SYNC_ORIGIN_KEY, origin)
  if (paused) localStorage.setItem(PAUSED_KEY, '1')
  else localStorage.removeItem(PAUSED_KEY)
}

/** Forgets the connection and the password; after a reload no request may reach the server. */
export async function forgetConnection(): Promise<void> {
  // The durable copy goes first: a copy left behind would bring the connection back.
  await writeSetting(db, SYNC_CONNECTION, null)
  if (window.standpoint) await window.standpoint.clearSyncConnection()
  sessionStorage.removeItem(PASSWORD_KEY)
  for (const key of [CONNECTION_KEY, SYNC_ORIGIN_KEY, PAUSED_KEY, JUST_CONNECTED_KEY]) localStorage.removeItem(key)
}

/**
 * When localStorage has no connection but the workspace's settings do, puts it back and says so:
 * the caller reloads, as the page's CSP is written from localStorage before the app starts.
 */
export async function restoreLostConnection(): Promise<boolean> {
  if (savedConnection()) return false
  const kept = await readSetting(db, SYNC_CONNECTION)
  if (!kept || !isPolicyOrigin(kept.origin) || savedConnection()) return false
  keepInLocalStorage({ serverUrl: kept.serverUrl, database: kept.database, userName: kept.userName }, kept.origin, kept.paused)
  return true
}

export function isSyncPaused(): boolean {
  return localStorage.getItem(PAUSED_KEY) === '1'
}

export async function setSyncPaused(paused: boolean): Promise<void> {
  if (paused) localStorage.setItem(PAUSED_KEY, '1')
  else localStorage.removeItem(PAUSED_KEY)
  const kept = await readSetting(db, SYNC_CONNECTION)
  if (kept && kept.paused !== paused) await writeSetting(db, SYNC_CONNECTION, { ...kept, paused })
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
