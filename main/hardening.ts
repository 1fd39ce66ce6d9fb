// The security policy, as plain data and pure predicates. Kept free of Electron imports so a
// unit test can assert every option without an Electron binary: turning one off fails CI.
import { contentSecurityPolicy, isPolicyOrigin } from '../preload/contentPolicy'

export { contentSecurityPolicy }

export const APP_SCHEME = 'app'
export const APP_HOST = 'standpoint'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * webPreferences every window must have, each a rule from Electron's security guide. main/index.ts
 * spells them out in its BrowserWindow literal; the unit test checks that literal against this
 * list, and the Electron e2e run checks the live window's preferences.
 */
export const REQUIRED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  disableBlinkFeatures: 'Auxclick',
} as const

/**
 * Content Security Policy sent with every page and written by the renderer at start-up (see
 * preload/contentPolicy.ts). Only the app's own origin may supply code, styles, images, workers
 * or data; nothing may be framed or submitted. 'unsafe-inline' styles are needed by layout code
 * that sets style attributes (virtualised rows, charts); no script is ever inline.
 * 'wasm-unsafe-eval' lets the app's own bundled WebAssembly (sql.js, which reads DNA projects)
 * compile; it allows no JavaScript eval. connect-src adds the team's CouchDB server origin only
 * while a workspace is connected to it (contentSecurityPolicy(origin)).
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(null)

/**
 * Permissions the renderer may be granted, each with the reason it needs it. Everything not
 * listed (camera, microphone, geolocation, notifications, MIDI, HID, serial, ...) is denied.
 */
export const ALLOWED_PERMISSIONS: Readonly<Record<string, string>> = {
  'clipboard-sanitized-write': 'Copy a quote or a table cell to the clipboard.',
}

export function isPermissionAllowed(permission: string): boolean {
  return Object.hasOwn(ALLOWED_PERMISSIONS, permission)
}

/** The app's own pages: app://standpoint/..., plus the dev server while developing. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}

/** A request to the team's CouchDB server: exactly its origin (scheme, host and port), over http(s). */
export function isSyncServerUrl(url: string, syncOrigin: string): boolean {
  if (!isPolicyOrigin(syncOrigin)) return false
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === new URL(syncOrigin).origin
  } catch {
    return false
  }
}

/**
 * Requests the session lets through: the app's own origin, in-memory data and blob URLs, and
 * devtools; and, while a team workspace is connected, its CouchDB server's origin. Any other
 * request, http(s) above all, is cancelled: the app never goes anywhere else.
 */
export function isAllowedRequestUrl(url: string, devServerUrl?: string, syncOrigin?: string | null): boolean {
  if (isAppUrl(url, devServerUrl)) return true
  if (syncOrigin && isSyncServerUrl(url, syncOrigin)) return true
  if (url.startsWith('data:') || url.startsWith('devtools:')) return true
  // A blob: URL carries its creator's origin; only blobs the app itself made are allowed.
  if (url.startsWith('blob:')) return isAppUrl(url.slice('blob:'.length), devServerUrl)
  return false
}
