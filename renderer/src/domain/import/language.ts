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

const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/g
const HEBREW = /[\u0590-\u05ff]/g
const LETTER = /\p{L}/gu
const PERSIAN_ONLY = /[پچژگ]/g
const URDU_ONLY = /[ٹڈڑںےھ]/g
const ENGLISH_WORDS = /\b(the|and|of|to|in|that|is|was|for|with|said|on|by|has|have|from)\b/gi

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0
}

export interface DetectedLanguage {
  language: string
  direction: TextDirection
}

/** Guesses from a sample of the text (the first 20,000 characters are plenty). */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, 20_000)
  const letters = count(sample, LETTER)
  if (letters === 0) return { language: '', direction: 'ltr' }
  const arabicScript = count(sample, ARABIC_SCRIPT)
  if (arabicScript > letters * 0.3) {
    const urdu = count(sample, URDU_ONLY)
    const persian = count(sample, PERSIAN_ONLY)
    if (urdu > arabicScript * 0.01) return { language: 'ur', direction: 'rtl' }
    if (persian > arabicScript * 0.005 && !sample.includes('ة')) return { language: 'fa', direction: 'rtl' }
    return { language: 'ar', direction: 'rtl' }
  }
  if (count(sample, HEBREW) > letters * 0.3) return { language: 'he', direction: 'rtl' }
  const words = sample.split(/\s+/).length
  if (words >= 8 && count(sample, ENGLISH_WORDS) > words * 0.08) return { language: 'en', direction: 'ltr' }
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
