import { parseDate } from '../dates'
import type { BatchEntry } from '../types'
import { toBatchEntry, type ExportDocument } from './exportArticle'

// Nexis Uni exports (DOCX, and the same layout as text): a cover page listing the documents,
// then each document as paragraphs: headline, outlet, date ("July 1, 2019 Monday 9:20 AM
// GMT"), maybe a copyright line, "Section:", "Length:", "Byline:" fields, a "Body" heading,
// the body, maybe "Classification" with Language:, Subject:…, Load-Date:, and "End of
// Document". Field labels are followed by a no-break space. The document boundaries and field
// names follow what LexisNexisTools (R) learnt from real exports.

export const NEXIS_UNI = 'Nexis Uni'

const END_OF_DOCUMENT = /^(end of document|dokumentende|fin du document)$/i
const BODY_HEADING = /^(body|text|corps|texte)$/i
const CLASSIFICATION = /^(classification|klassifikation|classement)$/i
const COPYRIGHT = /^(copyright\b|©)/i
/** "Length:\u00a0355 words"; Nexis Uni puts a no-break space after each label. */
const FIELD = /^([\p{Lu}][\p{L}' -]{0,40}?):[\s\u00a0]*(.*)$/u
/** Labels that are fields even when the text lost the no-break space. */
const KNOWN_FIELDS = new Set([
  'section', 'length', 'byline', 'author', 'highlight', 'dateline', 'load-date', 'language', 'publication-type',
  'journal code', 'subject', 'organization', 'person', 'geographic', 'industry', 'company', 'ticker', 'graphic',
  'notes', 'correction-date', 'document-type', 'url', 'series', 'rubrik', 'länge', 'autor', 'sprache', 'longueur',
  'langue', 'update',
])
const BYLINE_FIELDS = new Set(['byline', 'author', 'autor', 'auteur'])

/** A paragraph that is a "Label: value" field, or null. */
function fieldOf(paragraph: string): [string, string] | null {
  const match = FIELD.exec(paragraph)
  if (!match) return null
  const label = match[1]!.trim()
  const nbsp = paragraph.charAt(match[1]!.length + 1) === '\u00a0'
  if (!nbsp && !KNOWN_FIELDS.has(label.toLowerCase())) return null
  return [label, match[2]!.trim()]
}

function isDateLine(paragraph: string): boolean {
  return paragraph.length <= 80 && /\d{4}/.test(paragraph) && fieldOf(paragraph) === null && parseDate(paragraph) !== ''
}

/** True when the paragraphs have Nexis Uni's document markers. */
export function looksLikeNexisUni(paragraphs: string[]): boolean {
  let ends = 0
  let bodies = 0
  for (const paragraph of paragraphs) {
    const text = paragraph.trim()
    if (END_OF_DOCUMENT.test(text)) ends++
    else if (BODY_HEADING.test(text)) bodies++
  }
  return ends > 0 && bodies > 0
}

function readDocument(position: number, paragraphs: string[]): ExportDocument | null {
  const filled = paragraphs.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '')
  const bodyAt = filled.findIndex((paragraph) => BODY_HEADING.test(paragraph))
  if (bodyAt < 0) return null
  const document: ExportDocument = { position, headline: '', outlet: '', date: '', byline: '', paragraphs: [], fields: [] }
  const head = filled.slice(0, bodyAt)

  // The date is the last date-like paragraph before the fields; the outlet stands above it and
  // the headline above that. Anything higher (the first document's cover page) is not kept.
  let firstField = head.findIndex((paragraph) => fieldOf(paragraph) !== null)
  if (firstField < 0) firstField = head.length
  let dateAt = -1
  for (let index = firstField - 1; index >= 0; index--) {
    if (isDateLine(head[index]!)) {
      dateAt = index
      break
    }
  }
  const above = (from: number): number => {
    let index = from - 1
    while (index >= 0 && COPYRIGHT.test(head[index]!)) index--
    return index
  }
  if (dateAt >= 0) {
    document.date = head[dateAt]!
    const outletAt = above(dateAt)
    if (outletAt >= 0) document.outlet = head[outletAt]!
    const headlineAt = above(outletAt)
    if (headlineAt >= 0) document.headline = head[headlineAt]!
  } else {
    // No date: LexisNexisTools' rule, headline then outlet as the first two lines.
    const plain = head.slice(0, firstField).filter((paragraph) => !COPYRIGHT.test(paragraph))
    document.headline = plain[plain.length - 2] ?? plain[0] ?? ''
    document.outlet = plain.length >= 2 ? plain[plain.length - 1]! : ''
  }
  for (const paragraph of head.slice(Math.max(dateAt, 0))) {
    if (COPYRIGHT.test(paragraph)) document.fields.push(['copyright', paragraph])
    const field = fieldOf(paragraph)
    if (!field) continue
    if (BYLINE_FIELDS.has(field[0].toLowerCase())) document.byline = field[1]
    else if (/^section$/i.test(field[0])) {
      // "POLITICS; Version:28": the version is Nexis's revision count, not part of the section.
      const version = /;\s*Version:\s*(\d+)\s*$/i.exec(field[1])
      document.fields.push(['section', version ? field[1].slice(0, version.index) : field[1]])
      if (version) document.fields.push(['version', version[1]!])
    } else document.fields.push(field)
  }

  // After the body heading: the body, then "Classification" and the trailing fields.
  const after = filled.slice(bodyAt + 1)
  const trailer: [string, string][] = []
  let end = after.length
  while (end > 0) {
    const paragraph = after[end - 1]!
    if (CLASSIFICATION.test(paragraph)) {
      end--
      continue
    }
    if (COPYRIGHT.test(paragraph) && paragraph.length < 300) {
      trailer.unshift(['copyright', paragraph])
      end--
      continue
    }
    const field = fieldOf(paragraph)
    if (!field) break
    trailer.unshift(field)
    end--
  }
  document.fields.push(...trailer)
  const classification = after.findIndex((paragraph) => CLASSIFICATION.test(paragraph))
  if (classification >= 0 && classification < end) {
    // Everything from "Classification" on is the trailer, whatever its labels.
    for (const paragraph of after.slice(classification + 1, end)) {
      const field = FIELD.exec(paragraph)
      if (field) document.fields.push([field[1]!, field[2]!])
    }
    end = classification
  }
  document.paragraphs = after.slice(0, end)
  return document
}

/**
 * Splits the paragraphs of an export into documents at "End of Document". Returns null when
 * there is no such marker; an empty list when no document between markers has a body.
 */
export function readNexisUni(paragraphs: string[]): BatchEntry[] | null {
  const ends: number[] = []
  paragraphs.forEach((paragraph, index) => {
    if (END_OF_DOCUMENT.test(paragraph.trim())) ends.push(index)
  })
  if (ends.length === 0) return null
  const entries: BatchEntry[] = []
  let start = 0
  // A last document the export cut before its marker still counts when it has a body.
  const bounds = [...ends, paragraphs.length]
  for (const end of bounds) {
    const chunk = paragraphs.slice(start, end)
    start = end + 1
    const document = readDocument(entries.length + 1, chunk)
    if (document) entries.push(toBatchEntry(document, NEXIS_UNI))
    else if (end !== paragraphs.length && chunk.some((paragraph) => paragraph.trim() !== '')) {
      const position = entries.length + 1
      entries.push({ label: `Document ${position}`, article: null, reason: 'It has no "Body" heading, so its text could not be told from its details.' })
    }
  }
  return entries
}
