import { parseByline } from '../byline'
import { parseDate } from '../dates'
import { resolveLanguage } from '../language'
import { normaliseBody, normaliseLine, titleFromBody } from '../normaliseText'
import { fieldOf, lookUp, setField } from '../recordFields'
import type { BatchEntry } from '../types'

// What the news-database readers share: one export document's parts, as the reader found them,
// become one article (or one refusal with its reason).

/** The parts of one document of an export, before normalising. */
export interface ExportDocument {
  /** 1-based position in the file. */
  position: number
  headline: string
  outlet: string
  /** The date as printed ("January 11, 2010 Monday"). */
  date: string
  byline: string
  /** Body paragraphs, each already joined into one line. */
  paragraphs: string[]
  /** Every other field the document carries: section, length, edition, load date, copyright… */
  fields: [string, string][]
}

// The export's LANGUAGE field names the language in words.
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  english: 'en',
  englisch: 'en',
  anglais: 'en',
  german: 'de',
  deutsch: 'de',
  allemand: 'de',
  french: 'fr',
  französisch: 'fr',
  français: 'fr',
  francais: 'fr',
  arabic: 'ar',
  arabisch: 'ar',
  arabe: 'ar',
  spanish: 'es',
  spanisch: 'es',
  espagnol: 'es',
  italian: 'it',
  italienisch: 'it',
  dutch: 'nl',
  russian: 'ru',
  turkish: 'tr',
  hebrew: 'he',
  persian: 'fa',
  farsi: 'fa',
  portuguese: 'pt',
  chinese: 'zh',
}

/** "LOAD-DATE", "Publication-Type", "Journal Code" → "load_date", "publication_type", "journal_code". */
export function metaKey(label: string): string {
  return label
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
}

/** The summary's label for one document: its position and headline. */
export function entryLabel(position: number, headline: string): string {
  const title = normaliseLine(headline)
  const short = title.length > 90 ? `${title.slice(0, 89).trimEnd()}…` : title
  return short === '' ? `Document ${position}` : `${position}. ${short}`
}

export function toBatchEntry(document: ExportDocument, format: string): BatchEntry {
  const label = entryLabel(document.position, document.headline)
  const body = normaliseBody(document.paragraphs.join('\n\n'))
  if (body === '') {
    return {
      label,
      article: null,
      reason: `No article text, only its headline and details (${format} gives pictures and graphics no text).`,
    }
  }
  const meta: Record<string, string> = {}
  for (const [label, value] of document.fields) {
    const key = metaKey(label)
    const text = normaliseLine(value)
    if (key === '' || text === '') continue
    // A field printed twice (two GRAPHIC captions) keeps both.
    setField(meta, key, Object.hasOwn(meta, key) ? `${meta[key]} | ${text}` : text)
  }
  const publishedAt = parseDate(document.date)
  if (publishedAt === '' && document.date.trim() !== '') setField(meta, 'unrecognised date', normaliseLine(document.date))
  const declared = lookUp(LANGUAGE_NAMES, (fieldOf(meta, 'language') ?? '').toLowerCase()) ?? ''
  const language = resolveLanguage(body, { language: declared })
  const title = normaliseLine(document.headline)
  return {
    label,
    article: {
      title: title || titleFromBody(body),
      source: normaliseLine(document.outlet),
      author: parseByline(document.byline).author,
      publishedAt,
      url: normaliseLine(fieldOf(meta, 'url') ?? ''),
      language: language.language,
      direction: language.direction,
      body,
      origin: '',
      meta,
    },
    reason: '',
  }
}
