import { readCsv } from './csv'
import { decodeBytes } from './decode'
import { parseHtmlArticle } from './html'
import { readJson } from './json'
import { kindFromName, preflight, sizeClassOf, type FileKind } from './fileKinds'
import { MAX_PASTE_CHARS, sizeProblem } from './limits'
import { looksLikeMarkdown, parsePlainText } from './plainText'
import { ImportRejection, type Collection, type ParsedArticle } from './types'

// One file (or one paste) in, one outcome out: a ready article, a collection that needs its
// column mapping, or an ImportRejection whose message is the reason shown to the user.

function sniffKind(text: string): FileKind {
  const start = text.trimStart().slice(0, 512).toLowerCase()
  if (/^(<!doctype html|<html|<head|<body|<meta|<article)/.test(start)) return 'html'
  if (/^[[{]/.test(start)) return 'json'
  return looksLikeMarkdown(text) ? 'markdown' : 'text'
}

export type Analysis =
  | { type: 'article'; kind: FileKind; article: ParsedArticle; notices: string[] }
  | { type: 'collection'; kind: 'csv' | 'json'; collection: Collection; encoding: string; notices: string[] }

export function analyseText(text: string, name: string, kind: FileKind, notices: string[], encoding = 'utf-8'): Analysis {
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
    case 'markdown':
    case 'text':
      return { type: 'article', kind, article: parsePlainText(text, { fileName: name, markdown: kind === 'markdown' }), notices }
  }
}

/** Decodes, recognises and parses a file. Throws ImportRejection with the user's reason. */
export function analyseFile(name: string, bytes: Uint8Array): Analysis {
  const refused = preflight(name, bytes.byteLength)
  if (refused) throw new ImportRejection(refused)
  const named = kindFromName(name)
  const decoded = decodeBytes(bytes, { name, html: named === 'html' || named === null })
  if (decoded.text.trim() === '') throw new ImportRejection('The file has no text (only whitespace).')
  const kind = named ?? sniffKind(decoded.text)
  if (named === null) {
    const limit = sizeProblem(sizeClassOf(kind), bytes.byteLength)
    if (limit) throw new ImportRejection(limit)
  }
  return analyseText(decoded.text, name, kind, decoded.notice ? [decoded.notice] : [], decoded.encoding)
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
