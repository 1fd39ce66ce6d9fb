import { app, type Session } from 'electron'
import { isAllowedRequestUrl, isAppUrl, isPermissionAllowed } from './hardening'

/**
 * Deny-by-default policy for the session and every webContents: no permission unless listed,
 * no request off the app's origin, no new windows, no navigation away, no webviews.
 */
export function applySessionPolicy(session: Session, devUrl?: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)))
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission))
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, devUrl)
    if (!allowed) console.warn(`[standpoint] blocked request to ${details.url}`)
    callback({ cancel: !allowed })
  })

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devUrl)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}
