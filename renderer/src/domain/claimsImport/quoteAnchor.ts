import { createAnchor } from '../anchoring'
import type { TextAnchor } from '../model'

// Placing a coded quote in its document's text: by the file's offsets when they still point at
// it, else by searching for it. Used by the coded-claims import and when a document that had no
// text is given its text (its waiting claims are then anchored the same way).

/** The remark on a claim whose document has no text: expected for title-only files, so summaries count it rather than list it. */
export const NO_TEXT_DETAIL = 'the document has no text; the claim keeps its quote unanchored'

/** The anchor of a claim whose place in the text is unknown: the quote alone. */
export function quoteOnlyAnchor(quote: string, start: number | null, end: number | null): TextAnchor {
  const hasOffsets = start !== null && end !== null && end >= start
  return { exact: quote, prefix: '', suffix: '', start: hasOffsets ? start : 0, end: hasOffsets ? end : 0 }
}

/** Every start of needle in haystack. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = []
  if (needle === '') return found
  for (let index = haystack.indexOf(needle); index >= 0; index = haystack.indexOf(needle, index + 1)) found.push(index)
  return found
}

export interface AnchorResult {
  anchor: TextAnchor
  anchored: boolean
  detail: string
}

/**
 * Anchors a quote in a document's text: the file's offsets when they still point at the quote,
 * else an exact search (the occurrence nearest the file's offset when there are several).
 */
export function anchorQuote(body: string, quote: string, start: number | null, end: number | null): AnchorResult {
  if (quote === '') return { anchor: quoteOnlyAnchor('', null, null), anchored: false, detail: 'the row has no quote; the claim is not anchored to the text' }
  if (body === '') return { anchor: quoteOnlyAnchor(quote, start, end), anchored: false, detail: NO_TEXT_DETAIL }
  if (start !== null && end !== null && end <= body.length && body.slice(start, end) === quote) {
    return { anchor: createAnchor(body, start, end), anchored: true, detail: '' }
  }
  for (const candidate of quote.trim() === quote ? [quote] : [quote, quote.trim()]) {
    const found = occurrences(body, candidate)
    if (found.length === 0) continue
    const best = start === null ? found[0]! : found.reduce((a, b) => (Math.abs(b - start) < Math.abs(a - start) ? b : a))
    return { anchor: createAnchor(body, best, best + candidate.length), anchored: true, detail: '' }
  }
  return {
    anchor: quoteOnlyAnchor(quote, start, end),
    anchored: false,
    detail: 'the quote was not found in the document text; the claim keeps its quote unanchored',
  }
}
