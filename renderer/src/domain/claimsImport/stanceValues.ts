import { STANCE_LABELS, STANCES, type Stance } from '../model'

// Files code stance in many ways. We list the distinct values the stance column holds, propose
// a reading (a scheme), and let the analyst confirm or change what each value becomes.

export const STANCE_SCHEMES = ['numbers', 'agreement01', 'yesNo', 'agreeDisagree', 'supportOppose', 'labels'] as const
export type StanceScheme = (typeof STANCE_SCHEMES)[number]

export const SCHEME_LABELS: Record<StanceScheme, string> = {
  numbers: 'Numbers −2 … +2',
  agreement01: '0/1 agreement (0 → −1 against, 1 → +1 for)',
  yesNo: 'yes / no (yes → +1, no → −1)',
  agreeDisagree: 'agree / disagree (agree → +1, disagree → −1)',
  supportOppose: 'support / oppose (support → +1, oppose → −1)',
  labels: 'Standpoint labels (strongly against … strongly for)',
}

/** What one distinct value becomes: a stance, or null to reject the rows that carry it. */
export type StanceValueMap = Record<string, Stance | null>

export function stanceKey(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^\+/, '').replace(/[\u2212\u2012\u2013]/g, '-')
}

const WORDS: Record<Exclude<StanceScheme, 'numbers' | 'agreement01' | 'labels'>, Record<string, Stance>> = {
  yesNo: { yes: 1, y: 1, no: -1, n: -1 },
  agreeDisagree: { agree: 1, agrees: 1, agreement: 1, disagree: -1, disagrees: -1, disagreement: -1, 'strongly agree': 2, 'strongly disagree': -2, neutral: 0 },
  supportOppose: { support: 1, supports: 1, oppose: -1, opposes: -1, 'strongly support': 2, 'strongly oppose': -2, neutral: 0 },
}

const LABEL_WORDS: Record<string, Stance> = Object.fromEntries(
  STANCES.flatMap((stance) => [
    [STANCE_LABELS[stance], stance],
    // Common synonyms of our own labels.
    ...(stance === 1 ? [['pro', 1]] : stance === -1 ? [['contra', -1], ['anti', -1]] : []),
  ]),
) as Record<string, Stance>

function numeric(key: string): number | null {
  return /^-?\d+(\.0+)?$/.test(key) ? Number(key) : null
}

/** What a value means under a scheme; null when the scheme has no reading for it. */
export function readStance(scheme: StanceScheme, value: string): Stance | null {
  const key = stanceKey(value)
  switch (scheme) {
    case 'numbers': {
      const number = numeric(key)
      return number !== null && (STANCES as readonly number[]).includes(number) ? (number as Stance) : null
    }
    case 'agreement01': {
      const number = numeric(key)
      return number === 0 ? -1 : number === 1 ? 1 : null
    }
    case 'labels':
      return Object.hasOwn(LABEL_WORDS, key) ? LABEL_WORDS[key]! : null
    default:
      return Object.hasOwn(WORDS[scheme], key) ? WORDS[scheme][key]! : null
  }
}

export interface StanceValueCount {
  /** The value as the file spells it (first spelling seen for its key). */
  value: string
  key: string
  count: number
}

/** Distinct values of the stance column, most frequent first. Blank cells are counted under ''. */
export function distinctStanceValues(values: Iterable<string>): StanceValueCount[] {
  const byKey = new Map<string, StanceValueCount>()
  for (const value of values) {
    const key = stanceKey(value)
    const entry = byKey.get(key)
    if (entry) entry.count++
    else byKey.set(key, { value: value.trim(), key, count: 1 })
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
}

/**
 * The scheme that reads the most rows. 0/1 alone is read as agreement, as Discourse Network
 * Analyzer and most coding sheets use it, unless the column is called "stance" (as in our own
 * export, where 0 and 1 are neutral and for). The analyst sees the choice and can change it.
 */
export function detectScheme(values: StanceValueCount[], columnName = ''): StanceScheme {
  const present = values.filter((entry) => entry.key !== '')
  const keys = new Set(present.map((entry) => entry.key))
  if (keys.size > 0 && [...keys].every((key) => key === '0' || key === '1')) {
    return /^stance( value)?$/.test(columnName.trim().toLowerCase().replace(/[_\s]+/g, ' ')) ? 'numbers' : 'agreement01'
  }
  let best: StanceScheme = 'numbers'
  let bestRows = -1
  for (const scheme of STANCE_SCHEMES) {
    if (scheme === 'agreement01') continue
    const rows = present.reduce((sum, entry) => sum + (readStance(scheme, entry.value) === null ? 0 : entry.count), 0)
    if (rows > bestRows) {
      best = scheme
      bestRows = rows
    }
  }
  return best
}

/** The proposed map for every distinct value under a scheme; unreadable values reject their rows. */
export function stanceMapFor(scheme: StanceScheme, values: StanceValueCount[]): StanceValueMap {
  const map: StanceValueMap = {}
  // Defined, not assigned: a value spelled "__proto__" is a key like any other.
  for (const entry of values) Object.defineProperty(map, entry.key, { value: entry.key === '' ? null : readStance(scheme, entry.value), enumerable: true, writable: true, configurable: true })
  return map
}
