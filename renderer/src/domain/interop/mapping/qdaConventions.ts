import { STANCE_LABELS, type Article, type Stance } from '../../model'

// How Standpoint writes its model into REFI-QDA's plain codes, descriptions and variables, and
// reads it back. Other programs show all of it as text; only Standpoint reads the lines back
// as fields.

/** The three groups of the code system. Fixed GUIDs: the same in every export. */
export const GROUP_GUIDS = {
  issues: '5374616e-6470-4f00-8000-000000000001',
  actors: '5374616e-6470-4f00-8000-000000000002',
  stance: '5374616e-6470-4f00-8000-000000000003',
} as const

export const STANCE_CODE_GUIDS: Record<Stance, string> = {
  [-2]: '5374616e-6470-4f00-8000-000000000010',
  [-1]: '5374616e-6470-4f00-8000-000000000011',
  0: '5374616e-6470-4f00-8000-000000000012',
  1: '5374616e-6470-4f00-8000-000000000013',
  2: '5374616e-6470-4f00-8000-000000000014',
}

/** "−2 strongly against" … "+2 strongly for". */
export function stanceCodeName(stance: Stance): string {
  const sign = stance > 0 ? `+${stance}` : stance < 0 ? `−${-stance}` : '0'
  return `${sign} ${STANCE_LABELS[stance]}`
}

const STANCE_WORDS: [RegExp, Stance][] = [
  [/strongly (against|oppose|opposed|disagree)/, -2],
  [/strongly (for|support|in favou?r|agree)/, 2],
  [/against|oppose|disagree|contra|anti|negative|reject/, -1],
  [/neutral|ambivalent|mixed/, 0],
  [/\bfor\b|support|favou?r|agree|pro\b|positive/, 1],
]

/** What a stance code's name says: a leading −2…+2, else words such as "against" or "in favour". */
export function stanceFromCodeName(name: string): Stance | null {
  const text = name.trim().toLowerCase().replace(/[\u2212\u2012\u2013]/g, '-')
  const number = /^([+-]?)([0-2])(?![\d.])/.exec(text)
  if (number) {
    const value = Number(number[2]) * (number[1] === '-' ? -1 : 1)
    return (value === 0 ? 0 : value) as Stance
  }
  for (const [pattern, stance] of STANCE_WORDS) if (pattern.test(text)) return stance
  return null
}

/** An article's own fields as source variables. Fixed GUIDs, like the groups. */
export const ARTICLE_VARIABLES: { guid: string; name: string; field: 'source' | 'publishedAt' | 'author' | 'url' | 'language' | 'externalId'; read: (article: Article) => string }[] = [
  { guid: '5374616e-6470-4f00-8000-000000000020', name: 'Outlet', field: 'source', read: (article) => article.source },
  { guid: '5374616e-6470-4f00-8000-000000000021', name: 'Date', field: 'publishedAt', read: (article) => article.publishedAt },
  { guid: '5374616e-6470-4f00-8000-000000000022', name: 'Author', field: 'author', read: (article) => article.author },
  { guid: '5374616e-6470-4f00-8000-000000000023', name: 'URL', field: 'url', read: (article) => article.url },
  { guid: '5374616e-6470-4f00-8000-000000000024', name: 'Language', field: 'language', read: (article) => article.language },
  { guid: '5374616e-6470-4f00-8000-000000000025', name: 'External ID', field: 'externalId', read: (article) => article.externalId },
]

/**
 * "Key: value" lines for the non-empty values, then a blank line and the free text. A value's
 * line breaks become spaces (one field, one line).
 */
export function descriptionLines(fields: readonly (readonly [string, string])[], text = ''): string {
  const header = fields
    .filter(([, value]) => value.trim() !== '')
    .map(([name, value]) => `${name}: ${value.replace(/\s*[\r\n]+\s*/g, ' ').trim()}`)
    .join('\n')
  const body = text.trim()
  return header === '' ? body : body === '' ? header : `${header}\n\n${body}`
}

const FIELD_LINE = /^([^:\n]{1,80}): (.*)$/

export interface ParsedDescription {
  fields: [string, string][]
  /** What follows the fields (or the whole description when it has none). */
  text: string
}

/**
 * Reads descriptionLines back. The leading "Key: value" lines count as fields only when they
 * end the description or a blank line follows them, and (when given) the first key is
 * `firstKey`: a description someone wrote that happens to start "Note: …" stays text.
 */
export function parseDescription(description: string | undefined, firstKey?: string): ParsedDescription {
  const whole = (description ?? '').replace(/\r\n?/g, '\n')
  const lines = whole.split('\n')
  const fields: [string, string][] = []
  let index = 0
  for (; index < lines.length; index++) {
    const match = FIELD_LINE.exec(lines[index]!)
    if (!match) break
    fields.push([match[1]!.trim(), match[2]!.trim()])
  }
  const endsCleanly = index === lines.length || lines[index]!.trim() === ''
  if (fields.length === 0 || !endsCleanly || (firstKey !== undefined && fields[0]![0] !== firstKey)) return { fields: [], text: whole.trim() }
  return { fields, text: lines.slice(index).join('\n').trim() }
}

/** A field's value split into its values ("a | b" → ["a", "b"]). */
export function fieldValues(value: string): string[] {
  return value
    .split(' | ')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}
