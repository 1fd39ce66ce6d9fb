import { readFile } from 'node:fs/promises'
import type { Protocol } from 'electron'
import { APP_SCHEME, contentSecurityPolicy } from './hardening'
import { mimeTypeFor, resolveRendererFile } from './rendererFiles'

/** Must run before app 'ready': makes app:// a standard, secure origin with its own storage. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ])
}

/**
 * Answers one app:// request from the built renderer folder, with the security headers. The
 * CSP's connect-src names the team's CouchDB server while the workspace is connected.
 */
export async function rendererResponse(rendererRoot: string, url: string, syncOrigin: string | null = null): Promise<Response> {
  const file = resolveRendererFile(rendererRoot, url)
  if (!file) return new Response('Not found', { status: 404 })
  try {
    const body = await readFile(file)
    return new Response(body, {
      headers: {
        'content-type': mimeTypeFor(file),
        'content-security-policy': contentSecurityPolicy(syncOrigin),
        'x-content-type-options': 'nosniff',
        'cross-origin-opener-policy': 'same-origin',
      },
    })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}

/**
 * Serves the built renderer from app://standpoint/. A custom origin rather than file:// gives
 * the page a real origin (IndexedDB, workers, CSP 'self') and no access to the rest of the disk.
 */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererRoot: string, syncOrigin: () => string | null = () => null): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererRoot, request.url, syncOrigin()))
}
