import type { TextAnchor } from './model'
import { editDistance } from './text/folding'

// Anchoring quotes to an article's text, in the manner of the W3C TextQuote and TextPosition
// selectors (and Hypothesis's anchoring core): a claim stores its exact words, some context on
// each side and its offsets. `describeSpan` turns a span into that selector; `anchorSpan` turns
// the selector back into a span of the current text, trusting the offsets when the words are
// still there, else searching for the quote and ranking candidates by context and distance,
// else searching approximately. It returns null when nothing is close enough: the caller shows
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
/** Approximate search over the whole text only for quotes up to this length; longer ones use seeds. */
const FULL_SCAN_PATTERN = 64
const SEED_LENGTH = 24
/** How far around the stored offset the approximate search looks first. */
const NEAR_WINDOW = 4000

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
 * Approximate substring search (Sellers' dynamic programme): the ends of the substrings of
 * text[from, to) within `maxErrors` edits of `pattern`, each a local best, with their starts.
 */
function approximateSearch(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): ApproximateMatch[] {
  const m = pattern.length
  if (m === 0 || to <= from) return []
  const column = new Int32Array(m + 1)
  for (let i = 0; i <= m; i++) column[i] = i
  const ends: { end: number; errors: number }[] = []
  for (let j = from; j < to; j++) {
    const char = text[j]
    let diagonal = column[0]! // row 0 stays 0: a match may start anywhere
    for (let i = 1; i <= m; i++) {
      const above = column[i]!
      const substitution = diagonal + (pattern[i - 1] === char ? 0 : 1)
      const fromLeft = above + 1
      const fromAbove = column[i - 1]! + 1
      column[i] = substitution < fromLeft ? (substitution < fromAbove ? substitution : fromAbove) : fromLeft < fromAbove ? fromLeft : fromAbove
      diagonal = above
    }
    const errors = column[m]!
    if (errors <= maxErrors) ends.push({ end: j + 1, errors })
  }
  // Neighbouring ends describe the same place; keep the best of each run.
  const best: { end: number; errors: number }[] = []
  let previousEnd = -2
  for (const candidate of ends) {
    const last = best[best.length - 1]
    if (last && candidate.end - previousEnd <= 1) {
      if (candidate.errors < last.errors) best[best.length - 1] = candidate
    } else {
      best.push(candidate)
    }
    previousEnd = candidate.end
  }
  return best.map(({ end, errors }) => ({ start: matchStart(text, pattern, end, errors, from), end, errors }))
}

/** Where the match ending at `end` with `errors` edits starts: the same programme run backwards. */
function matchStart(text: string, pattern: string, end: number, errors: number, floor: number): number {
  const m = pattern.length
  const from = Math.max(floor, end - m - errors)
  const length = end - from
  // rows: pattern read backwards; columns: text read backwards from `end`; anchored at `end`.
  let previous = new Int32Array(length + 1)
  let current = new Int32Array(length + 1)
  for (let j = 0; j <= length; j++) previous[j] = j
  for (let i = 1; i <= m; i++) {
    current[0] = i
    const patternChar = pattern[m - i]
    for (let j = 1; j <= length; j++) {
      const cost = text[end - j] === patternChar ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    ;[previous, current] = [current, previous]
  }
  let bestLength = m
  let bestErrors = Infinity
  for (let j = 0; j <= length; j++) {
    const value = previous[j]!
    if (value < bestErrors || (value === bestErrors && Math.abs(j - m) < Math.abs(bestLength - m))) {
      bestErrors = value
      bestLength = j
    }
  }
  return end - bestLength
}

/**
 * Candidate places for a long quote: where any of its seeds (head, middle, tail) occurs
 * exactly, each predicting where the quote would start.
 */
function seededWindows(body: string, quote: string): number[] {
  const seeds = [0, Math.floor((quote.length - SEED_LENGTH) / 2), quote.length - SEED_LENGTH]
  const predicted = new Set<number>()
  for (const offset of seeds) {
    const seed = quote.slice(offset, offset + SEED_LENGTH)
    for (let at = body.indexOf(seed); at !== -1 && predicted.size < 200; at = body.indexOf(seed, at + 1)) {
      predicted.add(Math.max(0, at - offset))
    }
  }
  return [...predicted]
}

function fuzzyCandidates(body: string, anchor: TextAnchor): ApproximateMatch[] {
  const quote = anchor.exact
  const maxErrors = Math.floor(quote.length / 2)
  const slack = maxErrors + 8
  const windowed = (center: number, radius: number): ApproximateMatch[] =>
    approximateSearch(body, quote, maxErrors, Math.max(0, center - radius), Math.min(body.length, center + quote.length + radius))
  if (quote.length <= FULL_SCAN_PATTERN) {
    const near = windowed(anchor.start, NEAR_WINDOW)
    if (near.some((candidate) => candidate.errors <= quote.length / 8)) return near
    return approximateSearch(body, quote, maxErrors)
  }
  const found = seededWindows(body, quote).flatMap((start) => windowed(start, slack))
  return found.length > 0 ? found : windowed(anchor.start, Math.min(NEAR_WINDOW, quote.length))
}

/**
 * Is a fuzzy candidate close enough to stand for the quote? Nearly the same words anywhere, or
 * fairly similar words in the same surroundings. Stricter than Hypothesis, which always takes
 * its best candidate: here a wrong highlight would put words in an actor's mouth, while an
 * orphan only asks the coder to look.
 */
function acceptable(quoteScore: number, context: number): boolean {
  return quoteScore >= 0.85 || (quoteScore >= 0.6 && context >= 0.7)
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
