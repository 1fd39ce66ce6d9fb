// Folding text for comparison: case, diacritics and Arabic letter variants stop mattering.
// Display always uses the original text; folding is for comparison only. Two strengths:
// - foldText, for names and labels (tagging, actor and issue lookups, the Positions actor
//   filter, coded-claims import): hyphens and apostrophes stop mattering too, so
//   "Al-Sudani", "al Sudani" and "al-Sūdānī" compare equal and "السوداني" matches "السودانيّ".
// - foldSearchTerm, for the library's search index: one token at a time, and fast.

const COMBINING_MARK = /\p{M}/gu

// Letters writers use interchangeably in names. Hamza-carrying alefs and alef wasla fold to
// bare alef, alef maqsura to ya, ta marbuta to ha (both spellings appear in news text).
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ى': 'ي',
  'ة': 'ه',
  'ؤ': 'و',
  'ئ': 'ي',
  'ـ': '', // tatweel: a stretching stroke, not a letter
}
const ARABIC_VARIANT = new RegExp(`[${Object.keys(ARABIC_LETTERS).join('')}]`, 'g')

// Apostrophes and Arabic transliteration marks (ʿayn, hamza) vanish: "Ba'ath" = "Baath".
const DROPPED = new Set(["'", '’', '‘', '`', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '´', '.'])
// Hyphens and dashes join parts of one name: "al-Sudani" = "al Sudani".
const AS_SPACE = new Set(['-', '‐', '‑', '‒', '–', '—', '_', '/', '·'])

const cache = new Map<string, string>()

/** The folded form of one code point (may be '' or more than one character). */
function foldCodePoint(char: string): string {
  const code = char.charCodeAt(0)
  if (code < 128) {
    if (DROPPED.has(char)) return ''
    if (AS_SPACE.has(char)) return ' '
    if (char === '\t' || char === '\n' || char === '\r') return ' '
    return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char
  }
  const known = cache.get(char)
  if (known !== undefined) return known
  let folded: string
  if (DROPPED.has(char)) folded = ''
  else if (AS_SPACE.has(char)) folded = ' '
  else if (/\s/u.test(char)) folded = ' '
  else if (char in ARABIC_LETTERS) folded = ARABIC_LETTERS[char]!
  else folded = char.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase()
  if (cache.size < 4096) cache.set(char, folded)
  return folded
}

/** Folds a name or query: lower case, no diacritics, one space between words, trimmed. */
export function foldText(text: string): string {
  return foldWithMap(text).folded.trim()
}

export interface FoldedText {
  folded: string
  /**
   * map[i] is the offset in the original text of folded character i; map[folded.length] is the
   * original length. Lets a match found in folded text be reported in original offsets.
   */
  map: Int32Array
}

/**
 * Folds text while remembering where each folded character came from. Runs of whitespace
 * collapse to one space (at the position of the first), so a line break inside a name in the
 * article still matches.
 */
export function foldWithMap(text: string): FoldedText {
  const out: string[] = []
  const map = new Int32Array(text.length + 1)
  let length = 0
  let lastWasSpace = false
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index)!
    const width = codePoint > 0xffff ? 2 : 1
    const folded = foldCodePoint(width === 1 ? text[index]! : text.slice(index, index + 2))
    for (const char of folded) {
      if (char === ' ') {
        if (lastWasSpace) continue
        lastWasSpace = true
      } else {
        lastWasSpace = false
      }
      out.push(char)
      map[length++] = index
    }
    index += width
  }
  map[length] = text.length
  return { folded: out.join(''), map: map.subarray(0, length + 1) }
}

/** Latin accents and Arabic harakat, as combining marks after NFD. */
const SEARCH_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed]/g
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/**
 * Folds one search token (already split at spaces and punctuation) as the library index stores
 * it: case, Latin accents, Arabic harakat and letter variants. Other scripts' marks (Hebrew
 * points, Indic vowel signs) stay, unlike in foldText. It runs for every token of every article
 * indexed, so plain ASCII skips the Unicode work.
 */
export function foldSearchTerm(term: string): string {
  if (PRINTABLE_ASCII.test(term)) return term.toLowerCase()
  return term
    .normalize('NFD')
    .replace(SEARCH_MARKS, '')
    .toLowerCase()
    .replace(ARABIC_VARIANT, (char) => ARABIC_LETTERS[char]!)
    .normalize('NFC')
}

/** Name particles that do not tell two names apart ("al-Sudani" vs "Sudani"). */
const PARTICLES = new Set(['al', 'el', 'the', 'of', 'and', 'de', 'la', 'le', 'bin', 'ibn', 'ال'])

/** The words of a folded text that identify a name: no particles, no one-letter words. */
export function significantWords(folded: string): string[] {
  return folded.split(' ').filter((word) => word.length > 1 && !PARTICLES.has(word))
}

/** The folded text without spaces and particles, for "alSudani" = "al-Sudani" comparisons. */
export function compactForm(folded: string): string {
  const words = folded.split(' ').filter((word) => word !== '')
  const kept = words.filter((word) => !PARTICLES.has(word))
  return (kept.length > 0 ? kept : words).join('')
}

/** True when the character is a letter or digit, i.e. a match touching it is not a whole word. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char)
}

/** Levenshtein distance, with an early exit once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  let previous = new Array<number>(b.length + 1)
  let current = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let rowMin = current[0]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (current[j]! < rowMin) rowMin = current[j]!
    }
    if (rowMin > max) return max + 1
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]!
}
