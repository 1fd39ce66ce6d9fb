import { bylineFromLine, parseByline } from './byline'
import { resolveLanguage } from './language'
import { normaliseBody, normaliseLine, titleFromBody } from './normaliseText'
import { ImportRejection, type ParsedArticle } from './types'

// One document (a PDF, a Word or OpenDocument file) as one article: its paragraphs, and what
// its metadata says about title, author and date. Metadata is often junk left by the program
// that made the file ("Microsoft Word - draft3.docx", author "User"); that is ignored.

export interface DocumentText {
  /** Paragraphs in reading order, each one line or several. */
  paragraphs: string[]
  /** From the file's metadata; '' when absent. */
  title: string
  author: string
  /** Stored form ('YYYY-MM-DD…'), from the metadata; '' when absent. */
  date: string
  /** BCP 47 tag from the metadata, or ''. */
  language: string
  /** A heading the layout suggests as the title (largest text on the first page), or ''. */
  headingHint?: string
}

const JUNK_TITLE = /^(untitled\b.*|microsoft (word|powerpoint) - .*|document\s*\d*|title|slide \d+|.*\.(docx?|pdf|odt|rtf|txt|indd|qxd|html?))$/i
const JUNK_AUTHOR = /^(user|admin|administrator|owner|unknown|author|windows user|microsoft office user|pc|default|standard|utilisateur|benutzer)$/i

export function plausibleTitle(title: string): string {
  const line = normaliseLine(title)
  return line.length >= 3 && !JUNK_TITLE.test(line) ? line : ''
}

export function plausibleAuthor(author: string): string {
  const line = normaliseLine(author)
  return line.length >= 2 && !JUNK_AUTHOR.test(line) ? line : ''
}

const fold = (text: string): string => normaliseLine(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

function fileStem(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').replace(/_+/g, ' ').trim()
}

/** A short paragraph standing alone at the top that reads as a headline, not a sentence. */
function headlineLike(paragraph: string): boolean {
  const line = normaliseLine(paragraph)
  return line.length > 0 && line.length <= 200 && !/[.,;:]$/.test(line) && !paragraph.includes('\n')
}

export function documentArticle(document: DocumentText, options: { fileName: string; what: string }): { article: ParsedArticle; notices: string[] } {
  const paragraphs = document.paragraphs.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '')
  const notices: string[] = []
  let title = plausibleTitle(document.title)
  let author = plausibleAuthor(document.author)

  // The document's heading is the title (the metadata's when it has one) and is not repeated
  // in the body. It may sit under a line or two of page furniture (a site name, a date).
  const hint = document.headingHint ? fold(document.headingHint) : ''
  const wanted = title !== '' ? fold(title) : hint
  let headingAt = wanted === '' ? -1 : paragraphs.slice(0, 3).findIndex((paragraph) => fold(paragraph) === wanted)
  if (headingAt < 0 && title === '' && paragraphs.length > 1 && headlineLike(paragraphs[0]!)) headingAt = 0
  if (headingAt >= 0) {
    if (title === '') title = normaliseLine(paragraphs[headingAt]!)
    paragraphs.splice(headingAt, 1)
  }
  // A "By …" line just under the headline (or at the top) is the byline.
  const bylineAt = Math.max(0, headingAt)
  const byline = paragraphs[bylineAt] !== undefined && paragraphs.length > 1 ? bylineFromLine(paragraphs[bylineAt]) : null
  if (byline !== null) {
    if (author === '') author = parseByline(byline).author
    paragraphs.splice(bylineAt, 1)
  }
  const body = normaliseBody(paragraphs.join('\n\n'))
  if (body === '') throw new ImportRejection(`The ${options.what} has no text${title !== '' ? ' beyond its title' : ''}.`)
  if (title === '') title = fileStem(options.fileName) || titleFromBody(body)
  if (document.date !== '') notices.push(`The date comes from the ${options.what}'s metadata (when the file was made); check that it is the publication date.`)
  const language = resolveLanguage(body, { language: document.language })
  return {
    article: {
      title,
      source: '',
      author,
      publishedAt: document.date,
      url: '',
      language: language.language,
      direction: language.direction,
      body,
      origin: '',
      meta: {},
    },
    notices,
  }
}
