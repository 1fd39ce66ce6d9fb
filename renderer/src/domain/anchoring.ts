import approxSearch from 'approx-string-match'
import type { TextAnchor } from './model'
import { editDistance } from './text/folding'

// Anchoring quotes to an article's text, in the manner of the W3C TextQuote and TextPosition
// selectors (and Hypothesis's anchoring core): a claim stores its exact words, some context on
// each side and its offsets. `describeSpan` turns a span into that selector; `anchorSpan` turns
// the selector back into a span of the current text, trusting the offsets when the words are
// still there, else searching for the quote and ranking candidates by context and distance,
// else searching approximately (bit-parallel, so a long article costs milliseconds). It returns null when nothing is close enough: the caller shows
// the claim as orphaned rather than pin it to the wrong words.

/** Characters of context kept on each side of a quote, as Hypothesis does. */
export const ANCHOR_CONTEXT = 32

export interface TextSpan {
  start: number
  end: number
}

/** How a span was found: at its stored offsets, by its exact quote elsewhere, or approximately. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

export interface AnchorMatch extends TextSpan {
  method: AnchorMethod
  /** 1 for the quote and its context found intact; lower the more they differ. */
  score: number
}

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

/** The selector for a span: the inverse of `anchorSpan`. */
export function describeSpan(body: string, span: TextSpan, context = ANCHOR_CONTEXT): TextAnchor {
  return createAnchor(body, span.start, span.end, context)
}

/** The span without the whitespace a selection often drags along at either end. */
export function trimSpan(body: string, span: TextSpan): TextSpan {
  let { start, end } = span
  while (start < end && /\s/u.test(body[start]!)) start++
  while (end > start && /\s/u.test(body[end - 1]!)) end--
  return { start, end }
}

// Weights as Hypothesis found them to work: the quote itself matters most, context on each
// side next, the distance from the stored offset only breaks ties.
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

/** Beyond this many exact occurrences a quote is too common to rank them all; the nearest are kept. */
const MAX_EXACT_CANDIDATES = 2000
/** How far around the stored offset the approximate search looks first. */
const NEAR_WINDOW = 4000
/** Characters of context looked up to predict where an edited quote went, and the fewest worth it. */
const CONTEXT_SEED = 16
const MIN_CONTEXT_SEED = 8
/** Predicted places searched at most, the nearest to the stored offset. */
const MAX_PREDICTIONS = 50
/** The least share of a quote's characters that must survive for an approximate match to count. */
const MIN_QUOTE_SCORE = 0.6

/** Similarity of two context strings, 0..1, tolerant of a few edited characters. */
function contextSimilarity(actual: string, expected: string, side: 'before' | 'after'): number {
  if (expected.length === 0) return 1
  if (actual.length === 0) return 0
  if (actual === expected) return 1
  // How many characters agree outward from the quote: edits far from the quote cost less.
  let run = 0
  const limit = Math.min(actual.length, expected.length)
  if (side === 'before') {
    while (run < limit && actual[actual.length - 1 - run] === expected[expected.length - 1 - run]) run++
  } else {
    while (run < limit && actual[run] === expected[run]) run++
  }
  const runScore = run / expected.length
  const distanceScore = 1 - Math.min(1, editDistance(actual, expected) / expected.length)
  return Math.max(runScore, distanceScore)
}

function scoreCandidate(body: string, anchor: TextAnchor, start: number, end: number, errors: number): number {
  const quoteScore = anchor.exact.length === 0 ? 0 : 1 - errors / anchor.exact.length
  const before = body.slice(Math.max(0, start - anchor.prefix.length), start)
  const after = body.slice(end, end + anchor.suffix.length)
  const prefixScore = contextSimilarity(before, anchor.prefix, 'before')
  const suffixScore = contextSimilarity(after, anchor.suffix, 'after')
  const positionScore = body.length === 0 ? 1 : 1 - Math.min(1, Math.abs(start - anchor.start) / body.length)
  return (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) / MAX_SCORE
}

function contextScore(body: string, anchor: TextAnchor, start: number, end: number): number {
  const before = body.slice(Math.max(0, start - anchor.prefix.length), start)
  const after = body.slice(end, end + anchor.suffix.length)
  return (contextSimilarity(before, anchor.prefix, 'before') + contextSimilarity(after, anchor.suffix, 'after')) / 2
}

/** Every exact occurrence of `quote`, nearest to `hint` first when there are too many. */
function exactOccurrences(body: string, quote: string, hint: number): number[] {
  const found: number[] = []
  for (let at = body.indexOf(quote); at !== -1; at = body.indexOf(quote, at + 1)) found.push(at)
  if (found.length <= MAX_EXACT_CANDIDATES) return found
  return found.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, MAX_EXACT_CANDIDATES)
}

interface ApproximateMatch {
  start: number
  end: number
  errors: number
}

/**
 * The substrings of text[from, to) nearest to `pattern`, with at most `maxErrors` edits: the
 * matches with the fewest edits found there. Myers' bit-parallel algorithm (approx-string-match,
 * as Hypothesis uses) computes 32 rows of the edit-distance table per step, so a whole long
 * article is searched in milliseconds rather than the seconds the plain table would take.
 */
function approximateMatches(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): ApproximateMatch[] {
  if (pattern.length === 0 || to <= from) return []
  const slice = from === 0 && to === text.length ? text : text.slice(from, to)
  return approxSearch(slice, pattern, maxErrors).map((match) => ({ start: match.start + from, end: match.end + from, errors: match.errors }))
}

/**
 * Where the quote would start going by its context: after each occurrence of the end of its
 * prefix, and before each of the start of its suffix. The nearest to the stored offset first.
 */
function contextPredictions(body: string, anchor: TextAnchor): number[] {
  const predicted = new Set<number>()
  const prefixTail = anchor.prefix.slice(-CONTEXT_SEED)
  const suffixHead = anchor.suffix.slice(0, CONTEXT_SEED)
  if (prefixTail.length >= MIN_CONTEXT_SEED) {
    for (let at = body.indexOf(prefixTail); at !== -1; at = body.indexOf(prefixTail, at + 1)) predicted.add(at + prefixTail.length)
  }
  if (suffixHead.length >= MIN_CONTEXT_SEED) {
    for (let at = body.indexOf(suffixHead); at !== -1; at = body.indexOf(suffixHead, at + 1)) predicted.add(Math.max(0, at - anchor.exact.length))
  }
  return [...predicted].sort((a, b) => Math.abs(a - anchor.start) - Math.abs(b - anchor.start)).slice(0, MAX_PREDICTIONS)
}

/**
 * Candidate places for an edited quote. The search reports only the matches with the fewest
 * edits in what it is given, so it is asked three times: near the stored offset (the common
 * case: an edit inside the quote, the text around it in place), where the quote's context
 * says it should be (so a slightly closer copy of the words elsewhere cannot hide it), and,
 * when nothing close is near, in the whole text. Context then decides between them.
 */
function fuzzyCandidates(body: string, anchor: TextAnchor): ApproximateMatch[] {
  const quote = anchor.exact
  // A candidate with more edits than this is never acceptable (see `acceptable`).
  const maxErrors = Math.floor(quote.length * (1 - MIN_QUOTE_SCORE))
  const from = Math.max(0, Math.min(anchor.start, body.length) - NEAR_WINDOW)
  const to = Math.min(body.length, anchor.start + quote.length + NEAR_WINDOW)
  // A match cut off by the window's edge is a worse copy of one that reaches past it: the
  // search of the whole text finds that one.
  const cut = (candidate: ApproximateMatch): boolean => (candidate.start <= from && from > 0) || (candidate.end >= to && to < body.length)
  const near = approximateMatches(body, quote, maxErrors, from, to).filter((candidate) => !cut(candidate))
  const expected = contextPredictions(body, anchor).flatMap((at) => approximateMatches(body, quote, maxErrors, Math.max(0, at - maxErrors), Math.min(body.length, at + quote.length + maxErrors)))
  if (near.some((candidate) => candidate.errors <= quote.length / 8)) return [...near, ...expected]
  return [...near, ...expected, ...approximateMatches(body, quote, maxErrors)]
}

/**
 * Is a fuzzy candidate close enough to stand for the quote? Nearly the same words anywhere, or
 * fairly similar words in the same surroundings. Stricter than Hypothesis, which always takes
 * its best candidate: here a wrong highlight would put words in an actor's mouth, while an
 * orphan only asks the coder to look.
 */
function acceptable(quoteScore: number, context: number): boolean {
  return quoteScore >= 0.85 || (quoteScore >= MIN_QUOTE_SCORE && context >= 0.7)
}

/**
 * The cheap check that settles almost every anchor: are the quote's words still at its offsets,
 * in the same surroundings? The context must agree too, or a repeated phrase that slid into the
 * old offsets would take the place of the real one. Null means "search for it".
 */
export function anchorAtPosition(body: string, anchor: TextAnchor): AnchorMatch | null {
  const { start, end, exact } = anchor
  if (exact.length === 0 || start < 0 || end > body.length || end - start !== exact.length) return null
  if (body.slice(start, end) !== exact) return null
  return contextScore(body, anchor, start, end) >= 0.9 ? { start, end, method: 'position', score: 1 } : null
}

/**
 * Finds the anchor in the current text: the inverse of `describeSpan`. Null when the quote
 * cannot be found with enough confidence.
 */
export function anchorSpan(body: string, anchor: TextAnchor): AnchorMatch | null {
  const quote = anchor.exact
  if (quote.length === 0 || body.length === 0) return null
  const { start } = anchor
  const quick = anchorAtPosition(body, anchor)
  if (quick) return quick

  const occurrences = exactOccurrences(body, quote, start)
  if (occurrences.length > 0) {
    let bestStart = occurrences[0]!
    let bestScore = -1
    for (const at of occurrences) {
      const score = scoreCandidate(body, anchor, at, at + quote.length, 0)
      if (score > bestScore) {
        bestScore = score
        bestStart = at
      }
    }
    const method: AnchorMethod = bestStart === start ? 'position' : 'quote'
    return { start: bestStart, end: bestStart + quote.length, method, score: bestScore }
  }

  let best: AnchorMatch | null = null
  for (const candidate of fuzzyCandidates(body, anchor)) {
    const quoteScore = 1 - candidate.errors / quote.length
    const context = contextScore(body, anchor, candidate.start, candidate.end)
    if (!acceptable(quoteScore, context)) continue
    const score = scoreCandidate(body, anchor, candidate.start, candidate.end, candidate.errors)
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, method: 'fuzzy', score }
  }
  return best
}
