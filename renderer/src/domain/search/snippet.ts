import { indexTerms, queryTerms } from './searchTerms'
import type { QueryTerm } from './textIndex'

// Where a library search's words occur in an article, found the way the index found the
// article: the text is cut into words on the index's separators, each word folded into its
// index terms (case, accents, Arabic letter variants and leading article), and a word matches
// when one of its terms equals a query term, or starts with the last one (typed unfinished).

export interface TextRange {
  start: number
  end: number
}

// A run of characters between the index's separators (see TOKEN_SEPARATOR), with offsets.
const WORD = /[^\n\r\p{Z}\p{P}\p{S}]+/gu

function matchesTerm(token: string, terms: readonly QueryTerm[]): boolean {
  const found = indexTerms(token)
  if (found === null) return false
  const forms = typeof found === 'string' ? [found] : found
  return terms.some((query) => forms.some((form) => form === query.term || (query.prefix && form.startsWith(query.term))))
}

/**
 * The words of `text` a search for `query` matched, in order, from `from` on; stops after
 * `limit` matches or at `until` (a match must start before it).
 */
export function searchMatches(text: string, query: string, options: { from?: number; until?: number; limit?: number } = {}): TextRange[] {
  const terms = queryTerms(query)
  if (terms.length === 0) return []
  const { from = 0, until = text.length, limit = 1000 } = options
  const ranges: TextRange[] = []
  WORD.lastIndex = from
  for (let match = WORD.exec(text); match !== null && match.index < until && ranges.length < limit; match = WORD.exec(text)) {
    if (matchesTerm(match[0], terms)) ranges.push({ start: match.index, end: match.index + match[0].length })
  }
  return ranges
}

export interface Snippet {
  /** The excerpt, on one line (line breaks shown as spaces; offsets as in the article). */
  text: string
  /** Matched words, as offsets into `text`. */
  marks: TextRange[]
  /** The excerpt starts or ends inside the article (draw an ellipsis there). */
  cutBefore: boolean
  cutAfter: boolean
}

/** Characters of context shown before the first match. */
const CONTEXT_BEFORE = 40

function wordBoundaryAfter(text: string, at: number, limit: number): number {
  for (let index = at; index < Math.min(text.length, at + limit); index++) if (/\s/.test(text[index]!)) return index + 1
  return at
}

function wordBoundaryBefore(text: string, at: number, limit: number): number {
  for (let index = at; index > Math.max(0, at - limit); index--) if (/\s/.test(text[index - 1]!)) return index
  return at
}

/**
 * A short excerpt of `text` around the first words the search matched, with the matches in
 * it; the text's beginning when nothing matched (a title-only hit, or an empty query).
 */
export function searchSnippet(text: string, query: string, length = 180): Snippet {
  const first = searchMatches(text, query, { limit: 1 })[0]
  let start = 0
  if (first && first.start > CONTEXT_BEFORE) start = wordBoundaryAfter(text, first.start - CONTEXT_BEFORE, CONTEXT_BEFORE)
  // Leading blank lines and spaces say nothing.
  while (start < text.length && /\s/.test(text[start]!)) start++
  let end = Math.min(text.length, start + length)
  if (end < text.length) end = wordBoundaryBefore(text, end, 30)
  const marks = first
    ? searchMatches(text, query, { from: first.start, until: end }).map((range) => ({ start: range.start - start, end: Math.min(range.end, end) - start }))
    : []
  return {
    text: text.slice(start, end).replace(/\s/g, ' ').trimEnd(),
    marks: marks.filter((mark) => mark.end > mark.start),
    cutBefore: text.slice(0, start).trim() !== '',
    cutAfter: end < text.length,
  }
}
