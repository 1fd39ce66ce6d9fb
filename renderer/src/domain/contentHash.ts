/**
 * The text a duplicate check compares: whitespace collapsed and case folded, so the same
 * article saved twice with different line wrapping or spacing counts as one.
 */
export function normaliseForHash(body: string): string {
  // The same as replacing every whitespace run with one space, but a single space (most of
  // them) is not replaced by itself: several times faster on long articles.
  return body.normalize('NFC').replace(/\s{2,}|[^\S ]/g, ' ').trim().toLowerCase()
}

/** SHA-256 (hex) of the normalised body; WebCrypto exists in pages, workers and Node. */
export async function contentHash(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normaliseForHash(body)))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
