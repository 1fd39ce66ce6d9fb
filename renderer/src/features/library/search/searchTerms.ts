// How article text becomes search terms, the same way at index and at query time:
// case folded, Latin accents and Arabic short vowels (harakat) stripped, Arabic letter
// variants unified (أ إ آ → ا, ى → ي, ة → ه, tatweel removed), and the commonest function
// words of English and Arabic dropped. Arabic words are also indexed without a leading
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

/** Latin diacritics and Arabic harakat are combining marks after NFD; drop them. */
const COMBINING = /[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed]/g

const ASCII = /^[\x20-\x7e]*$/

export function foldTerm(term: string): string {
  // Most tokens of most collections are plain ASCII: skip the Unicode work for them.
  if (ASCII.test(term)) return term.toLowerCase()
  return term
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0640/g, '')
    .normalize('NFC')
}

// Prefixes stripped from Arabic words: the article and the clitics that attach before it.
const ARABIC_PREFIX = /^(وال|بال|كال|فال|لل|ال)(?=[\u0600-\u06ff]{2,})/

/** Terms stored in the index for one token: the folded word, plus its Arabic stem. */
export function indexTerms(token: string): string | string[] | null {
  const folded = foldTerm(token)
  if (folded === '' || STOP_WORDS.has(folded)) return null
  const stem = folded.replace(ARABIC_PREFIX, '')
  return stem !== folded ? [folded, stem] : folded
}

/** The term searched for one query token: the stem, which the index holds for every form. */
export function queryTerm(token: string): string | null {
  const folded = foldTerm(token)
  if (folded === '' || STOP_WORDS.has(folded)) return null
  return folded.replace(ARABIC_PREFIX, '')
}
