import { foldSearchTerm } from '../text/folding'
import type { QueryTerm } from './textIndex'

// How article text becomes search terms, the same way at index and at query time: folded by
// foldSearchTerm (case, Latin accents, Arabic harakat and letter variants), and the commonest
// function words of English and Arabic dropped. Arabic words are also indexed without a leading
// article or conjunction (الحوثي, والحوثي → حوثي), so a search finds them either way.

const STOP_WORDS = new Set([
  // English
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his',
  'i', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'that', 'the', 'their', 'they', 'this', 'to', 'was', 'were',
  'which', 'will', 'with',
  // Arabic (after normalisation)
  'في', 'من', 'علي', 'الي', 'ان', 'عن', 'مع', 'هذا', 'هذه', 'التي', 'الذي', 'او', 'ثم', 'كان', 'قد', 'لا', 'ما',
  'و', 'ف', 'ب', 'ل', 'ك',
])

// Prefixes stripped from Arabic words: the article and the clitics that attach before it.
const ARABIC_PREFIX = /^(وال|بال|كال|فال|لل|ال)(?=[\u0600-\u06ff]{2,})/

/** Terms stored in the index for one token: the folded word, plus its Arabic stem. */
export function indexTerms(token: string): string | string[] | null {
  const folded = foldSearchTerm(token)
  if (folded === '' || STOP_WORDS.has(folded)) return null
  const stem = folded.replace(ARABIC_PREFIX, '')
  return stem !== folded ? [folded, stem] : folded
}

/** The term searched for one query token: the stem, which the index holds for every form. */
export function queryTerm(token: string): string | null {
  const folded = foldSearchTerm(token)
  if (folded === '' || STOP_WORDS.has(folded)) return null
  return folded.replace(ARABIC_PREFIX, '')
}

/** Split on whitespace, punctuation and symbols (Unicode-aware), as MiniSearch's tokenizer did. */
export const TOKEN_SEPARATOR = /[\n\r\p{Z}\p{P}\p{S}]+/u

export function tokenize(text: string): string[] {
  return text.split(TOKEN_SEPARATOR).filter((token) => token !== '')
}

/** At most this many words of a query are searched. */
const MAX_QUERY_WORDS = 32

/** A query's words as index terms; the last may be unfinished (searched as a prefix). */
export function queryTerms(query: string): QueryTerm[] {
  const terms = tokenize(query)
    .map(queryTerm)
    .filter((term): term is string => term !== null)
    .slice(0, MAX_QUERY_WORDS)
  return terms.map((term, index) => ({ term, prefix: index === terms.length - 1 && term.length >= 2 }))
}
