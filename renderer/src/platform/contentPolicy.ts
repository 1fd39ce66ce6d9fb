import { contentSecurityPolicy, isPolicyOrigin } from '../../../preload/contentPolicy'

// The page's full Content Security Policy, written as a meta tag before any other module runs
// (main.tsx imports this first). index.html carries the rest of the policy statically; this
// adds default-src and connect-src, whose one variable part is the team's CouchDB server:
// allowed only while this workspace is connected to it (platform/syncSettings.ts keeps it).
// A meta policy cannot be loosened once applied, so connecting or disconnecting reloads the
// page, which then starts under the new policy. In Electron main sends the same policy as a
// header; both apply, and both must allow the server.

export const SYNC_ORIGIN_KEY = 'standpoint.sync.origin'

function storedSyncOrigin(): string | null {
  try {
    const origin = localStorage.getItem(SYNC_ORIGIN_KEY)
    return origin && isPolicyOrigin(origin) ? origin : null
  } catch {
    return null
  }
}

/** The origin the policy lets the page connect to besides its own (null: none). */
export const allowedSyncOrigin: string | null = storedSyncOrigin()

const meta = document.createElement('meta')
meta.httpEquiv = 'Content-Security-Policy'
meta.content = contentSecurityPolicy(allowedSyncOrigin)
  .split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ')
document.head.prepend(meta)
