import type { TextAnchor } from './model'

/** Characters of context kept on each side of a quote, as Hypothesis does. */
export const ANCHOR_CONTEXT = 32

/** Builds the quote and position selectors for body[start, end). */
export function createAnchor(body: string, start: number, end: number, context = ANCHOR_CONTEXT): TextAnchor {
  if (!(start >= 0 && end >= start && end <= body.length)) {
    throw new RangeError(`anchor range ${start}-${end} is outside a text of ${body.length} characters`)
  }
  return {
    exact: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - context), start),
    suffix: body.slice(end, end + context),
    start,
    end,
  }
}
