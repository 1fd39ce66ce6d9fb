import { anchorQuote } from './claimsImport/quoteAnchor'
import { normaliseBody } from './import/normaliseText'
import { resolveLanguage } from './import/language'
import type { Article, Claim, Id } from './model'

// A document a claims import created without its text (known by ID and title only) gets its
// text later: pasted, or read from a file. Until then its claims wait for it (they are not
// orphans: no text ever held their words); once it arrives they are placed by their quotes.

/** A document imported without text: its claims wait for it. */
export function hasNoText(article: Pick<Article, 'body'>): boolean {
  return article.body.trim() === ''
}

export interface TextAdded {
  article: Article
  /** The article's claims, re-anchored where their quote was found (whole records, to put). */
  claims: Claim[]
  anchored: number
  /** Claims whose quote is not in the new text: they keep it and show as orphans to re-attach. */
  notFound: number
  /** Claims with no quote at all: nothing to place. */
  withoutQuote: number
}

/**
 * The records after giving a text-less document its text. `hash` is the content hash of the
 * normalised body (see `normaliseDocumentText`), computed by the caller.
 */
export function addDocumentText(article: Article, body: string, hash: string, claims: readonly Claim[], now: string, coderId: Id): TextAdded {
  if (!hasNoText(article)) throw new Error('This document already has its text.')
  if (body.trim() === '') throw new Error('The text is empty.')
  const { language, direction } = resolveLanguage(body, { language: article.language || null })
  const result: TextAdded = { article: { ...article, body, contentHash: hash, language, direction, updatedAt: now }, claims: [], anchored: 0, notFound: 0, withoutQuote: 0 }
  for (const claim of claims) {
    const quote = claim.anchor.exact
    if (quote.trim() === '') {
      result.withoutQuote++
      continue
    }
    // Offsets a file gave are tried first (0–0 means it gave none).
    const hasOffsets = claim.anchor.end > claim.anchor.start
    const placed = anchorQuote(body, quote, hasOffsets ? claim.anchor.start : null, hasOffsets ? claim.anchor.end : null)
    if (!placed.anchored) {
      result.notFound++
      continue
    }
    result.anchored++
    result.claims.push({ ...claim, anchor: placed.anchor, updatedAt: now, updatedBy: coderId })
  }
  return result
}

/** The body a pasted or read text is stored as (the same canonical form imports store). */
export function normaliseDocumentText(text: string): string {
  return normaliseBody(text)
}
