import { bylineFromLine, parseByline } from './byline'
import { parseDate } from './dates'
import { resolveLanguage } from './language'
import { markdownToText } from './markdown'
import { normaliseBody, normaliseLine, normaliseLineEnds, titleFromBody } from './normaliseText'
import { ImportRejection, type ParsedArticle } from './types'
import { lookUp, setField } from './recordFields'

// Plain text, Markdown and pasted articles. The header is whatever metadata the text opens
// with, in any of the forms analysts' files use:
//   date 2024-12-23 <headline>        (the project's seed article)
//   By World Israel News Staff        (a byline)
//   Title: … / Date: … / Source: …    (mail-style headers)
//   --- title: … ---                  (Markdown front matter)
// The body is everything after it.

type HeaderField = 'title' | 'date' | 'source' | 'author' | 'url' | 'language'

const HEADER_KEYS: Record<string, HeaderField> = {
  title: 'title',
  headline: 'title',
  heading: 'title',
  subject: 'title',
  date: 'date',
  published: 'date',
  'published at': 'date',
  'published on': 'date',
  'publication date': 'date',
  'date published': 'date',
  pubdate: 'date',
  posted: 'date',
  dated: 'date',
  source: 'source',
  publisher: 'source',
  outlet: 'source',
  publication: 'source',
  newspaper: 'source',
  site: 'source',
  url: 'url',
  link: 'url',
  permalink: 'url',
  'source url': 'url',
  author: 'author',
  authors: 'author',
  byline: 'author',
  by: 'author',
  writer: 'author',
  language: 'language',
  lang: 'language',
}

const HEADER_LINE = /^\s*([A-Za-z][A-Za-z .-]{0,23}?)\s*:\s*(.*)$/
const SEED_DATE_LINE = /^\s*date\s+(\S+)\s+(.+)$/i

interface Header {
  fields: Partial<Record<HeaderField, string>>
  meta: Record<string, string>
}

function parseFrontMatter(lines: string[]): { header: Header; next: number } | null {
  if (lines[0]?.trim() !== '---') return null
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line))
  if (end < 0) return null
  const header: Header = { fields: {}, meta: {} }
  for (const line of lines.slice(1, end)) {
    const match = /^([A-Za-z_][\w -]*):\s*(.*)$/.exec(line)
    if (!match) continue
    const key = match[1]!.trim().toLowerCase().replace(/_/g, ' ')
    const value = match[2]!
      .trim()
      .replace(/^\[(.*)\]$/, '$1')
      .replace(/^(["'])(.*)\1$/, '$2')
    const field = lookUp(HEADER_KEYS, key)
    if (field) header.fields[field] ??= value
    else if (value !== '') setField(header.meta, match[1]!.trim(), value)
  }
  return { header, next: end + 1 }
}

/** Reads the leading metadata lines; returns them and the index where the body starts. */
function parseHeaderLines(lines: string[], start: number): { header: Header; next: number } {
  const header: Header = { fields: {}, meta: {} }
  const unknown: [string, string][] = []
  let index = start
  let sawContent = false
  let knownKeys = 0
  while (index < lines.length && index < start + 40) {
    const line = lines[index]!
    const trimmed = line.trim()
    if (trimmed === '') {
      index++
      continue
    }
    const seed = !sawContent ? SEED_DATE_LINE.exec(line) : null
    if (seed && parseDate(seed[1]) !== '') {
      header.fields.date = seed[1]!
      header.fields.title = seed[2]!
      sawContent = true
      knownKeys++
      index++
      continue
    }
    const keyed = HEADER_LINE.exec(line)
    const field = keyed ? lookUp(HEADER_KEYS, keyed[1]!.trim().toLowerCase()) : undefined
    if (keyed && field && keyed[2]!.trim() !== '') {
      header.fields[field] ??= keyed[2]!.trim()
      sawContent = true
      knownKeys++
      index++
      continue
    }
    // Other short "Key: value" lines count as header only beside known ones ("Section: World").
    if (keyed && !field && knownKeys > 0 && keyed[2]!.trim() !== '' && keyed[2]!.length < 200 && !/^https?$/i.test(keyed[1]!)) {
      unknown.push([keyed[1]!.trim(), keyed[2]!.trim()])
      index++
      continue
    }
    const byline = header.fields.author === undefined ? bylineFromLine(line) : null
    if (byline && (sawContent || index === start)) {
      header.fields.author = byline
      sawContent = true
      index++
      continue
    }
    break
  }
  for (const [key, value] of unknown) setField(header.meta, key, value)
  return { header, next: sawContent ? index : start }
}

function fileStem(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim()
}

/** Markdown is taken from the extension, or for pasted text from unmistakable signs. */
export function looksLikeMarkdown(text: string): boolean {
  const start = text.trimStart()
  return start.startsWith('---\n') || /^#{1,6}\s+\S/.test(start) || /\[[^\]\n]+\]\([^)\s]+\)/.test(text)
}

export interface PlainTextOptions {
  fileName?: string
  markdown?: boolean
}

export function parsePlainText(raw: string, options: PlainTextOptions = {}): ParsedArticle {
  const text = normaliseLineEnds(raw).normalize('NFC')
  if (text.trim() === '') throw new ImportRejection('The file has no text (only whitespace).')
  const lines = text.split('\n')
  const markdown = options.markdown ?? false

  const front = markdown || lines[0]?.trim() === '---' ? parseFrontMatter(lines) : null
  const headerStart = front?.next ?? 0
  const { header, next } = parseHeaderLines(lines, headerStart)
  const fields = { ...front?.header.fields, ...header.fields }
  const meta = { ...front?.header.meta, ...header.meta }

  let bodyText = lines.slice(next).join('\n')
  let title = normaliseLine(fields.title ?? '')
  if (markdown) {
    const converted = markdownToText(bodyText)
    bodyText = converted.text
    if (title === '') title = normaliseLine(converted.title)
    else if (converted.title !== '') bodyText = `${converted.title}\n\n${bodyText}`
  }
  let body = normaliseBody(bodyText)

  if (title === '') {
    // A short first line standing alone is the headline, as in most saved articles.
    const [first = '', ...rest] = body.split('\n\n')
    if (rest.length > 0 && !first.includes('\n') && first.length <= 200 && !/[.,;:]$/.test(first)) {
      title = first
      body = rest.join('\n\n')
    }
  }
  if (body === '') {
    throw new ImportRejection(title !== '' ? 'The file has a title but no article text.' : 'The file has no article text.')
  }
  if (title === '') title = fileStem(options.fileName ?? '') || titleFromBody(body)

  const byline = fields.author ? parseByline(fields.author) : { author: '', source: '' }
  const publishedAt = parseDate(fields.date ?? '')
  // Kept where the analyst reviewing the undated article will see it.
  if (publishedAt === '' && fields.date) meta['unrecognised date'] = fields.date
  const language = resolveLanguage(body, { language: fields.language ?? '' })
  return {
    title,
    source: normaliseLine(fields.source ?? '') || byline.source,
    author: byline.author,
    publishedAt,
    url: normaliseLine(fields.url ?? ''),
    language: language.language,
    direction: language.direction,
    body,
    origin: '',
    meta,
  }
}
