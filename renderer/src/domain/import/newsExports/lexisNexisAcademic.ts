import { parseDate } from '../dates'
import { normaliseLineEnds } from '../normaliseText'
import type { BatchEntry } from '../types'
import { toBatchEntry, type ExportDocument } from './exportArticle'

// LexisNexis Academic (nexis.com) text exports: a cover page, then each document opens with a
// centred "3 of 10 DOCUMENTS" line, the outlet, the date ("January 11, 2010 Monday") and any
// edition lines, the headline, then BYLINE:, SECTION:, LENGTH: fields, the body, and a trailer
// of LOAD-DATE:, LANGUAGE:, PUBLICATION-TYPE:… fields and the copyright line. The German and
// French interfaces use "Dokument 3 von 10" / "Document 3 de 10" and their own field names.
// The layout rules follow what LexisNexisTools (R) learnt from real exports.

export const LEXIS_ACADEMIC = 'LexisNexis Academic'

const DOCUMENT_START = /^\s*(?:(\d+)\s+of\s+(\d+)\s+DOCUMENTS?|Dokument\s+(\d+)\s+von\s+(\d+)|Document\s+(\d+)\s+de\s+(\d+))\s*$/i

/** A field line: an upper-case label and a colon ("LOAD-DATE: January 11, 2010"). */
const FIELD = /^([A-ZÄÖÜÉÈ][A-ZÄÖÜÉÈ-]*(?: [A-ZÄÖÜÉÈ-]+){0,2}):(?:\s+(.*))?$/

const LENGTH_FIELDS = new Set(['LENGTH', 'LÄNGE', 'LONGUEUR'])
const BYLINE_FIELDS = new Set(['BYLINE', 'AUTOR', 'AUTEUR'])
/** Fields that may follow LENGTH and still belong before the body. */
const PRE_BODY_FIELDS = new Set(['DATELINE', 'HIGHLIGHT', 'ORTSZEILE', 'SECTION', 'RUBRIK', 'BYLINE'])
const COPYRIGHT = /^(copyright|©|\(c\)\s)/i

/** True when the text has the document markers of a LexisNexis Academic export. */
export function looksLikeLexisAcademic(text: string): boolean {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text
  return /^\s*(?:\d+\s+of\s+\d+\s+DOCUMENTS?|Dokument\s+\d+\s+von\s+\d+|Document\s+\d+\s+de\s+\d+)\s*$/im.test(head)
}

/** Lines into paragraphs: runs of non-blank lines, each with its lines' indexes. */
function paragraphsOf(lines: string[]): string[][] {
  const paragraphs: string[][] = []
  let current: string[] = []
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current)
      current = []
    } else current.push(line)
  }
  if (current.length > 0) paragraphs.push(current)
  return paragraphs
}

const joinLines = (lines: string[]): string => lines.map((line) => line.trim()).join(' ')

function fieldOfParagraph(paragraph: string[]): [string, string] | null {
  const match = FIELD.exec(paragraph[0]!.trim())
  if (!match) return null
  return [match[1]!, joinLines([match[2] ?? '', ...paragraph.slice(1)]).trim()]
}

/** A line that is a date and little else: "January 11, 2010 Monday", "5. Juli 2019". */
function isDateLine(line: string): boolean {
  const trimmed = line.trim()
  return trimmed.length <= 60 && /\d/.test(trimmed) && !FIELD.test(trimmed) && parseDate(trimmed) !== ''
}

function readDocument(position: number, lines: string[]): ExportDocument {
  const paragraphs = paragraphsOf(lines)
  const document: ExportDocument = { position, headline: '', outlet: '', date: '', byline: '', paragraphs: [], fields: [] }
  const firstField = paragraphs.findIndex((paragraph) => fieldOfParagraph(paragraph) !== null)
  const head = paragraphs.slice(0, firstField < 0 ? Math.min(paragraphs.length, 3) : firstField)
  let rest = firstField < 0 ? paragraphs.slice(head.length) : paragraphs.slice(firstField)

  // Head: outlet, date (with edition lines under it), headline — each its own paragraph.
  const dateAt = head.findIndex((paragraph) => isDateLine(paragraph[0]!))
  if (dateAt >= 0) {
    document.outlet = head.slice(0, dateAt).map(joinLines).join(' ')
    const [dateLine, ...edition] = head[dateAt]!
    document.date = dateLine!.trim()
    if (edition.length > 0) document.fields.push(['edition', joinLines(edition)])
    const titles = head.slice(dateAt + 1).map(joinLines)
    document.headline = titles[0] ?? ''
    if (titles.length > 1) document.fields.push(['subtitle', titles.slice(1).join(' ')])
  } else {
    document.outlet = head.length > 1 ? joinLines(head[0]!) : ''
    document.headline = head.length > 1 ? head.slice(1).map(joinLines).join(' ') : joinLines(head[0] ?? [])
  }

  // Fields before the body: up to LENGTH, and the DATELINE/HIGHLIGHT that may follow it.
  let sawLength = false
  while (rest.length > 0) {
    const field = fieldOfParagraph(rest[0]!)
    if (!field) break
    const key = field[0].toUpperCase()
    if (sawLength && !PRE_BODY_FIELDS.has(key)) break
    if (BYLINE_FIELDS.has(key)) document.byline = field[1]
    else document.fields.push(field)
    if (LENGTH_FIELDS.has(key)) sawLength = true
    rest = rest.slice(1)
  }

  // The trailer, read from the end: the copyright line and the fields after the body.
  let end = rest.length
  const trailer: [string, string][] = []
  while (end > 0) {
    const paragraph = rest[end - 1]!
    const first = paragraph[0]!.trim()
    if (COPYRIGHT.test(first)) trailer.unshift(['copyright', joinLines(paragraph)])
    else if (/^all rights reserved\.?$/i.test(first)) trailer.unshift(['copyright', first])
    else {
      const field = fieldOfParagraph(paragraph)
      if (!field) break
      trailer.unshift(field)
    }
    end--
  }
  const copyright = trailer.filter(([key]) => key === 'copyright').map(([, value]) => value)
  document.fields.push(...trailer.filter(([key]) => key !== 'copyright'))
  if (copyright.length > 0) document.fields.push(['copyright', copyright.join(' ')])
  document.paragraphs = rest.slice(0, end).map(joinLines)
  return document
}

/**
 * Splits an export into its documents. Returns null when the text has no document markers;
 * an empty list when it has markers but no document after them.
 */
export function readLexisAcademic(text: string): BatchEntry[] | null {
  const lines = normaliseLineEnds(text).normalize('NFC').split('\n')
  const starts: { index: number; position: number; total: number }[] = []
  lines.forEach((line, index) => {
    const match = DOCUMENT_START.exec(line)
    if (match) {
      const numbers = match.slice(1).filter((part) => part !== undefined).map(Number)
      starts.push({ index, position: numbers[0]!, total: numbers[1]! })
    }
  })
  if (starts.length === 0) return null
  const entries: BatchEntry[] = []
  starts.forEach((start, order) => {
    const next = starts[order + 1]?.index ?? lines.length
    const body = lines.slice(start.index + 1, next)
    if (body.every((line) => line.trim() === '')) return
    const document = readDocument(start.position, body)
    document.fields.unshift(['document', `${start.position} of ${start.total}`])
    entries.push(toBatchEntry(document, LEXIS_ACADEMIC))
  })
  return entries
}
