import type { TextDirection } from '../model'

// Language and direction when a file does not declare them. Only what the script tells us
// reliably: Arabic-script text is right-to-left, and its letters say whether it is Arabic,
// Persian or Urdu; Hebrew is right-to-left; English is recognised by its commonest words.

const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi'])

/** The direction a BCP 47 tag implies ("ar-SA" → rtl), or null for an empty/unknown tag. */
export function directionOfLanguage(tag: string): TextDirection | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  if (primary === '') return null
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr'
}

/** A BCP 47 tag as stored: trimmed, "_" → "-", primary subtag lower case ("en-GB", "ar"). */
export function normaliseLanguageTag(tag: string | null | undefined): string {
  const cleaned = (tag ?? '').trim().replace(/_/g, '-')
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(cleaned)) return ''
  const [primary = '', ...rest] = cleaned.split('-')
  return [primary.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-')
}

const ENGLISH_WORDS = /\b(the|and|of|to|in|that|is|was|for|with|said|on|by|has|have|from)\b/gi

export interface DetectedLanguage {
  language: string
  direction: TextDirection
}

const isArabicScript = (code: number): boolean =>
  (code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f) || (code >= 0x08a0 && code <= 0x08ff) || (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)

// Letters only Persian (پ چ ژ گ) or Urdu (ٹ ڈ ڑ ں ے ھ) use, and Arabic's ta marbuta (ة).
const PERSIAN_ONLY = new Set([0x067e, 0x0686, 0x0698, 0x06af])
const URDU_ONLY = new Set([0x0679, 0x0688, 0x0691, 0x06ba, 0x06d2, 0x06be])
const TA_MARBUTA = 0x0629

// What /\s/ matches, as a set of code units.
const WHITESPACE = new Set([...'\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff'].map((char) => char.charCodeAt(0)))
// Printable ASCII, most of any text, is settled by one comparison before the set is asked.
const isWhitespace = (code: number): boolean => (code > 32 && code < 127 ? false : WHITESPACE.has(code) || (code >= 0x2000 && code <= 0x200a))

/** text.split(/\s+/).length, without building the pieces: one more than the whitespace runs. */
export function countSplitPieces(text: string): number {
  let runs = 0
  let inRun = false
  for (let index = 0; index < text.length; index++) {
    const space = isWhitespace(text.charCodeAt(index))
    if (space && !inRun) runs++
    inRun = space
  }
  return runs + 1
}

// What each UTF-16 code unit counts as, looked up rather than worked out per character: the
// loop below runs over 2,000 characters of every article imported.
const NONE = 0
const LATIN = 1
const ARABIC = 2
const PERSIAN = 3
const URDU = 4
const ARABIC_TA_MARBUTA = 5
const HEBREW = 6
const OTHER_LETTER = 7
let classes: Uint8Array | null = null

function codeUnitClasses(): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (let code = 0; code < 0x10000; code++) {
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)) table[code] = LATIN
    else if (isArabicScript(code)) {
      // Digits, punctuation and marks in the Arabic block are not letters, but they are rare
      // enough in prose not to tip the balance.
      table[code] = PERSIAN_ONLY.has(code) ? PERSIAN : URDU_ONLY.has(code) ? URDU : code === TA_MARBUTA ? ARABIC_TA_MARBUTA : ARABIC
    } else if (code >= 0x0590 && code <= 0x05ff) table[code] = HEBREW
    // One code unit at a time, as the text is read: half a surrogate pair is no letter.
    else if (code > 0x24f && /\p{L}/u.test(String.fromCharCode(code))) table[code] = OTHER_LETTER
    else table[code] = NONE
  }
  return table
}

/** Guesses from the first 2,000 characters, in one pass (imports call it for every article). */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text
  const table = (classes ??= codeUnitClasses())
  const tally = new Int32Array(8)
  for (let index = 0; index < sample.length; index++) tally[table[sample.charCodeAt(index)]!]!++
  const latin = tally[LATIN]!
  const persian = tally[PERSIAN]!
  const urdu = tally[URDU]!
  const taMarbuta = tally[ARABIC_TA_MARBUTA]!
  const arabic = tally[ARABIC]! + persian + urdu + taMarbuta
  const hebrew = tally[HEBREW]!
  const other = tally[OTHER_LETTER]!
  const letters = latin + arabic + hebrew + other
  if (letters === 0) return { language: '', direction: 'ltr' }
  if (arabic > letters * 0.3) {
    if (urdu > arabic * 0.01) return { language: 'ur', direction: 'rtl' }
    if (persian > arabic * 0.005 && taMarbuta === 0) return { language: 'fa', direction: 'rtl' }
    return { language: 'ar', direction: 'rtl' }
  }
  if (hebrew > letters * 0.3) return { language: 'he', direction: 'rtl' }
  if (latin > letters * 0.5) {
    // A paragraph or two settles it; the whole sample would only cost time.
    const opening = sample.slice(0, 1500)
    const words = countSplitPieces(opening)
    if (words >= 8 && (opening.match(ENGLISH_WORDS)?.length ?? 0) > words * 0.08) return { language: 'en', direction: 'ltr' }
  }
  return { language: '', direction: 'ltr' }
}

/**
 * What to store: a declared language wins when the text does not contradict its script (a page
 * tagged lang="en" whose text is all Arabic is Arabic); otherwise the detected one.
 */
export function resolveLanguage(text: string, declared?: { language?: string | null; direction?: string | null }): DetectedLanguage {
  const detected = detectLanguage(text)
  const language = normaliseLanguageTag(declared?.language)
  const declaredDirection = declared?.direction === 'rtl' || declared?.direction === 'ltr' ? declared.direction : null
  if (language !== '') {
    const implied = directionOfLanguage(language)!
    // Trust the declaration unless the script plainly disagrees with its direction.
    if (detected.language !== '' && detected.direction !== implied) return detected
    return { language, direction: declaredDirection ?? implied }
  }
  if (declaredDirection && detected.language === '') return { language: '', direction: declaredDirection }
  return detected
}
