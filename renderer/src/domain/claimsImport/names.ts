import type { ActorKind } from '../model'

/** The key two names are compared by: case-, diacritics- and spacing-insensitive. */
export function nameKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

const KIND_WORDS: Record<string, ActorKind> = {
  person: 'person',
  individual: 'person',
  people: 'person',
  politician: 'person',
  organization: 'organization',
  organisation: 'organization',
  org: 'organization',
  ngo: 'organization',
  company: 'organization',
  institution: 'organization',
  state: 'state',
  government: 'state',
  country: 'state',
  'armed group': 'armed group',
  'armed groups': 'armed group',
  armedgroup: 'armed group',
  militia: 'armed group',
  'non state armed group': 'armed group',
  party: 'party',
  'political party': 'party',
  media: 'media',
  outlet: 'media',
  press: 'media',
  other: 'other',
}

/** An actor kind from a spreadsheet's wording; null when the value names no kind we know. */
export function actorKindFrom(value: string): ActorKind | null {
  const key = nameKey(value).replace(/[_-]+/g, ' ')
  // Own entries only: a kind cell saying "Constructor" must not find Object's constructor.
  return Object.hasOwn(KIND_WORDS, key) ? KIND_WORDS[key]! : null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids from another Standpoint workspace are UUIDs and are kept; other tools' ids are not. */
export function isUuid(value: string): boolean {
  return UUID.test(value)
}

/** ltr or rtl by the letters a text is mostly written in (Arabic, Hebrew, Syriac, Thaana, N'Ko). */
export function guessDirection(text: string): 'ltr' | 'rtl' {
  const sample = text.slice(0, 4000)
  const rtl = sample.match(/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g)?.length ?? 0
  const ltr = sample.match(/[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/g)?.length ?? 0
  return rtl > ltr ? 'rtl' : 'ltr'
}
