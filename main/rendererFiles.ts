import { extname, resolve, sep } from 'node:path'
import { APP_HOST } from './hardening'

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps an app://standpoint/ URL to a file inside the built renderer folder, or null when the
 * URL names another host or would escape the folder (../, encoded separators, absolute paths).
 * The root path serves index.html.
 */
export function resolveRendererFile(rendererRoot: string, url: string): string | null {
  let pathname: string
  try {
    const parsed = new URL(url)
    // Another host is another origin: it must not get the app's files (or its storage).
    if (parsed.host !== APP_HOST) return null
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '')
  const root = resolve(rendererRoot)
  const target = resolve(root, relative)
  if (target !== root && !target.startsWith(root + sep)) return null
  return target
}
