import type { App, Session, WebContents } from 'electron'
import { isAllowedRequestUrl, isAppUrl, isPermissionAllowed } from './hardening'

// Electron's objects come in as parameters (only their types are imported), so the policy can be
// exercised in a unit test against fakes: the electron package throws on import without its binary.

export type PolicySession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>
}
export type PolicyContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>

/**
 * Deny-by-default policy for the session: no permission unless listed, no request off the
 * app's origin but to the team's CouchDB server, and to that only while connected
 * (`syncOrigin` is asked on every request, so connecting or disconnecting takes effect at once).
 */
export function applySessionPolicy(session: PolicySession, devUrl?: string, syncOrigin: () => string | null = () => null): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)))
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission))
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, devUrl, syncOrigin())
    if (!allowed) console.warn(`[standpoint] blocked request to ${details.url}`)
    callback({ cancel: !allowed })
  })
}

/** No new windows, no navigation or redirect away from the app, no webviews. */
export function applyContentsPolicy(contents: PolicyContents, devUrl?: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Every webContents the app ever creates (windows, devtools, anything) gets the policy. */
export function guardEveryWebContents(app: Pick<App, 'on'>, devUrl?: string): void {
  app.on('web-contents-created', (_event, contents) => applyContentsPolicy(contents, devUrl))
}
