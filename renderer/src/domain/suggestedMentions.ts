import * as v from 'valibot'
import type { TextSpan } from './anchoring'
import type { Actor, Id } from './model'
import { foldWithMap, foldText, isWordChar, type FoldedText } from './text/folding'

// Names and aliases of known actors found in an article, offered as mentions the coder accepts
// or dismisses with one key. Matching is on folded text (case, diacritics, Arabic letter
// variants, hyphens) and on whole words only, so "Iran" does not fire inside "Iranian".

const offset = v.pipe(v.number(), v.integer(), v.minValue(0))

export const SuggestedMentionSchema = v.pipe(
  v.object({
    start: offset,
    end: offset,
    actorId: v.string(),
    /** The name or alias that was found. */
    matched: v.string(),
    /** Stable identity for dismissing: actor and the exact span. */
    key: v.string(),
  }),
  v.check((suggestion) => suggestion.start < suggestion.end, 'must cover at least one character'),
)
export type SuggestedMention = v.InferOutput<typeof SuggestedMentionSchema>

/** Aliases shorter than this (after folding) are too ambiguous to suggest ("US" is kept: 2). */
const MIN_FOLDED_LENGTH = 2

export function suggestionKey(actorId: Id, span: TextSpan): string {
  return `${actorId}@${span.start}-${span.end}`
}

interface Term {
  actorId: Id
  term: string
  folded: string
}

/**
 * Every whole-word occurrence of an actor's name or alias in `body`, longest name first where
 * two overlap, skipping spans already tagged (`taken`) and those the coder dismissed.
 */
export function findSuggestedMentions(
  body: string,
  actors: readonly Actor[],
  options: { taken?: readonly TextSpan[]; dismissed?: ReadonlySet<string>; folded?: FoldedText; limit?: number } = {},
): SuggestedMention[] {
  const { taken = [], dismissed = new Set<string>(), limit = 500 } = options
  const terms: Term[] = []
  for (const actor of actors) {
    for (const term of [actor.name, ...actor.aliases]) {
      const folded = foldText(term)
      // A short alias only counts when written in capitals in the alias list ("US", "UN"):
      // lower-case two-letter words are too common to suggest.
      if (folded.length < MIN_FOLDED_LENGTH) continue
      if (folded.length < 3 && term !== term.toUpperCase()) continue
      terms.push({ actorId: actor.id, term, folded })
    }
  }
  if (terms.length === 0 || body.length === 0) return []
  // Longest first, so "Mohammed Shia al-Sudani" claims its words before "al-Sudani" does.
  terms.sort((a, b) => b.folded.length - a.folded.length)

  const { folded: text, map } = options.folded ?? foldWithMap(body)
  const occupied = new SpanIndex()
  for (const span of taken) occupied.add(span)
  const found: SuggestedMention[] = []
  const seenTerm = new Set<string>()
  for (const { actorId, term, folded } of terms) {
    const termKey = `${actorId}|${folded}`
    if (seenTerm.has(termKey)) continue
    seenTerm.add(termKey)
    for (let at = text.indexOf(folded); at !== -1; at = text.indexOf(folded, at + 1)) {
      const endAt = at + folded.length
      if (isWordChar(text[endAt]) || !startsWord(text, at)) continue
      const last = map[endAt - 1]!
      const span = { start: map[at]!, end: last + (isHighSurrogate(body.charCodeAt(last)) ? 2 : 1) }
      // Combining marks after the last letter folded away; they belong to the name.
      while (span.end < map[endAt]! && /\p{M}/u.test(body[span.end]!)) span.end++
      if (occupied.overlaps(span)) continue
      const key = suggestionKey(actorId, span)
      occupied.add(span)
      if (dismissed.has(key)) continue
      found.push({ ...span, actorId, matched: term, key })
      if (found.length >= limit) return found.sort((a, b) => a.start - b.start)
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

// Arabic writes the conjunctions و and ف and the prepositions ب, ل and ك joined to the next
// word: "والحكومة" is "and the government". A name preceded by one of them (or by و/ف then one
// of the prepositions) still starts a word; the suggestion covers the name alone.
const ARABIC_PROCLITICS = /^[وف]?[بلك]?$/
const ARABIC_LETTER = /\p{Script=Arabic}/u

/** True when `at` begins a word of `text`, or follows only an Arabic proclitic in one. */
function startsWord(text: string, at: number): boolean {
  if (!isWordChar(text[at - 1])) return true
  if (!ARABIC_LETTER.test(text[at] ?? '')) return false
  let start = at
  while (start > 0 && isWordChar(text[start - 1])) start--
  return at - start <= 2 && ARABIC_PROCLITICS.test(text.slice(start, at))
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff

/** Spans bucketed by position, so overlap checks stay cheap with thousands of tagged spans. */
class SpanIndex {
  private static readonly BUCKET = 256
  private readonly buckets = new Map<number, TextSpan[]>()

  add(span: TextSpan): void {
    for (let bucket = Math.floor(span.start / SpanIndex.BUCKET); bucket <= Math.floor(Math.max(span.start, span.end - 1) / SpanIndex.BUCKET); bucket++) {
      const list = this.buckets.get(bucket)
      if (list) list.push(span)
      else this.buckets.set(bucket, [span])
    }
  }

  overlaps(span: TextSpan): boolean {
    for (let bucket = Math.floor(span.start / SpanIndex.BUCKET); bucket <= Math.floor(Math.max(span.start, span.end - 1) / SpanIndex.BUCKET); bucket++) {
      if (this.buckets.get(bucket)?.some((other) => span.start < other.end && other.start < span.end)) return true
    }
    return false
  }
}
