// The Content Security Policy, shared by main (the header it sends with every app:// response)
// and the renderer (the meta tag it writes before anything else runs, for the browser host,
// where a static server sends no header). One function, so both say the same.
//
// connect-src is 'self' and, only while a team workspace is connected, the one CouchDB server
// origin the member configured: nothing else may be reached, ever.

/** An origin that may appear in the policy: http(s), a host, an optional port, nothing else. */
export function isPolicyOrigin(origin: string): boolean {
  return /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(origin)
}

/** The directives in order; connect-src gains the sync origin when there is one. */
export function contentSecurityPolicyDirectives(syncOrigin: string | null = null): string[] {
  const connect = syncOrigin && isPolicyOrigin(syncOrigin) ? `connect-src 'self' ${syncOrigin}` : "connect-src 'self'"
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    connect,
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ]
}

export function contentSecurityPolicy(syncOrigin: string | null = null): string {
  return contentSecurityPolicyDirectives(syncOrigin).join('; ')
}

/**
 * What index.html carries statically: the policy without default-src and connect-src (and
 * frame-ancestors, which a meta tag ignores). The renderer adds the full policy, connect-src
 * included, as its first act (platform/contentPolicy.ts). Two policies both apply, so the page
 * gets the stricter of each directive: the static one cannot forbid connecting to the sync
 * server (it does not speak of connecting), and the added one forbids every other origin.
 */
export function staticMetaPolicy(): string {
  return contentSecurityPolicyDirectives()
    .filter((directive) => !/^(default-src|connect-src|frame-ancestors) /.test(directive))
    .join('; ')
}
