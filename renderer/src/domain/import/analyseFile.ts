import { readCsv } from './csv'
import { decodeBytes } from './decode'
import { documentArticle, type DocumentText } from './documentArticle'
import { parseHtmlArticle } from './html'
import { readJson } from './json'
import { kindFromName, preflight, sizeClassOf, type FileKind } from './fileKinds'
import { MAX_PASTE_CHARS, sizeProblem } from './limits'
import { newsExportFromParagraphs, newsExportFromText, type NewsExport } from './newsExports/newsExport'
import type { PdfResourceLoader } from './pdf/readPdf'
import { looksLikeMarkdown, parsePlainText } from './plainText'
import { ImportRejection, type BatchEntry, type Collection, type ParsedArticle } from './types'

// One file (or one paste) in, one outcome out: a ready article, a collection that needs its
// column mapping, a batch of articles (a news-database export), or an ImportRejection whose
// message is the reason shown to the user.

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d] // "%PDF-"

function sniffKind(text: string): TextKind {
  const start = text.trimStart().slice(0, 512).toLowerCase()
  if (/^(<!doctype html|<html|<head|<body|<meta|<article)/.test(start)) return 'html'
  if (/^[[{]/.test(start)) return 'json'
  return looksLikeMarkdown(text) ? 'markdown' : 'text'
}

export type Analysis =
  | { type: 'article'; kind: FileKind; article: ParsedArticle; notices: string[] }
  | { type: 'collection'; kind: 'csv' | 'json'; collection: Collection; encoding: string; notices: string[] }
  | { type: 'batch'; kind: FileKind; format: string; entries: BatchEntry[]; notices: string[] }

type TextKind = Exclude<FileKind, DocumentKind>
type DocumentKind = 'pdf' | 'docx' | 'odt'

const isDocumentKind = (kind: FileKind): kind is DocumentKind => kind === 'pdf' || kind === 'docx' || kind === 'odt'

function batch(kind: FileKind, exported: NewsExport, notices: string[]): Analysis {
  return { type: 'batch', kind, format: exported.format, entries: exported.entries, notices }
}

/** `byteLength`: the file's size, for the article limit of a .txt that is no export. */
export function analyseText(text: string, name: string, kind: TextKind, notices: string[], encoding = 'utf-8', byteLength = 0): Analysis {
  switch (kind) {
    case 'csv':
      return { type: 'collection', kind, collection: readCsv(text, { fileName: name }), encoding, notices }
    case 'json':
      return { type: 'collection', kind, collection: readJson(text, { fileName: name }), encoding, notices }
    case 'html': {
      const extraction = parseHtmlArticle(text, { fileName: name })
      if (!extraction.readerMode) notices.push('Reader mode found no article on this page; its visible text was imported instead.')
      return { type: 'article', kind, article: extraction.article, notices }
    }
    case 'text': {
      const exported = newsExportFromText(text)
      if (exported) return batch(kind, exported, notices)
      const limit = sizeProblem('article', byteLength)
      if (limit) throw new ImportRejection(limit)
      return { type: 'article', kind, article: parsePlainText(text, { fileName: name }), notices }
    }
    case 'markdown':
      return { type: 'article', kind, article: parsePlainText(text, { fileName: name, markdown: true }), notices }
  }
}

export interface AnalyseOptions {
  /** Data files pdf.js may need (CMaps), from the app's bundle. */
  pdfResources?: PdfResourceLoader
  /** Pages of a PDF read so far. */
  onPages?: (done: number, total: number) => void
}

const WHAT: Readonly<Record<DocumentKind, string>> = { pdf: 'PDF', docx: 'Word document', odt: 'OpenDocument file' }

async function analyseDocument(name: string, bytes: Uint8Array, kind: DocumentKind, options: AnalyseOptions): Promise<Analysis> {
  let document: DocumentText
  const notices: string[] = []
  // The readers load on first use: a run of text files never pays for pdf.js or mammoth.
  if (kind === 'pdf') {
    const { readPdf } = await import('./pdf/readPdf')
    const pdf = await readPdf(bytes, { resources: options.pdfResources, onPage: options.onPages })
    document = pdf.document
    notices.push(...pdf.notices)
  } else {
    document = kind === 'docx' ? await (await import('./docx/readDocx')).readDocx(bytes) : await (await import('./odt/readOdt')).readOdt(bytes)
    const exported = newsExportFromParagraphs(document.paragraphs)
    if (exported) return batch(kind, exported, notices)
  }
  const { article, notices: more } = documentArticle(document, { fileName: name, what: WHAT[kind] })
  return { type: 'article', kind, article, notices: [...notices, ...more] }
}

/** Decodes, recognises and parses a file. Throws ImportRejection with the user's reason. */
export async function analyseFile(name: string, bytes: Uint8Array, options: AnalyseOptions = {}): Promise<Analysis> {
  const refused = preflight(name, bytes.byteLength)
  if (refused) throw new ImportRejection(refused)
  // A PDF is a PDF whatever it is called ("report", "article.txt" saved by a browser).
  const named = PDF_MAGIC.every((byte, index) => bytes[index] === byte) ? 'pdf' : kindFromName(name)
  if (named !== null && isDocumentKind(named)) {
    const limit = sizeProblem(sizeClassOf(named), bytes.byteLength)
    if (limit) throw new ImportRejection(limit)
    return analyseDocument(name, bytes, named, options)
  }
  const decoded = decodeBytes(bytes, { name, html: named === 'html' || named === null })
  if (decoded.text.trim() === '') throw new ImportRejection('The file has no text (only whitespace).')
  const kind = named ?? sniffKind(decoded.text)
  if (named === null) {
    const limit = sizeProblem(sizeClassOf(kind), bytes.byteLength)
    if (limit) throw new ImportRejection(limit)
  }
  return analyseText(decoded.text, name, kind, decoded.notice ? [decoded.notice] : [], decoded.encoding, bytes.byteLength)
}

/** Pasted text: an article, Markdown when it plainly is, or a saved page's HTML source. */
export function analysePaste(text: string): Analysis {
  if (text.trim() === '') throw new ImportRejection('The pasted text is empty.')
  if (text.length > MAX_PASTE_CHARS) {
    throw new ImportRejection(`The pasted text is ${text.length.toLocaleString('en')} characters; the limit for one article is ${MAX_PASTE_CHARS.toLocaleString('en')}. Import it as a file instead.`)
  }
  const kind = sniffKind(text)
  // Pasted JSON is rare and mostly an accident; only articles come through the text box.
  return analyseText(text, 'pasted text', kind === 'json' ? 'text' : kind, [])
}
