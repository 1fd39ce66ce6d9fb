import { sizeProblem, type SizeClass } from './limits'
import { lookUp } from './recordFields'

// Which files the importer takes, told from the name alone, and what is refused before a
// byte is read. Kept free of the parsers so the window can use it without loading them.

export type FileKind = 'text' | 'markdown' | 'html' | 'csv' | 'json' | 'pdf' | 'docx' | 'odt'

const EXTENSIONS: Record<string, FileKind> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  shtml: 'html',
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  json: 'json',
  jsonl: 'json',
  ndjson: 'json',
  pdf: 'pdf',
  docx: 'docx',
  docm: 'docx',
  odt: 'odt',
}

const UNSUPPORTED: Record<string, string> = {
  mhtml: 'an MHTML web archive; save the page as "Web page, HTML only" instead',
  mht: 'an MHTML web archive; save the page as "Web page, HTML only" instead',
  xml: 'an XML file (RSS and XML feeds are not supported); export the articles as CSV or JSON',
  rss: 'an RSS feed (not supported); export the articles as CSV or JSON',
  eml: 'an e-mail message; save its text as a .txt file',
  pages: 'an Apple Pages document; export it as plain text',
  doc: 'an old Word 97-2003 document; open it in Word and save it as .docx',
  rtf: 'an RTF document, which is not read yet; open it in Word or LibreOffice and save it as .docx',
}

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS)

function extensionOf(name: string): string {
  const base = name.replace(/^.*[\\/]/, '')
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

export function kindFromName(name: string): FileKind | null {
  return lookUp(EXTENSIONS, extensionOf(name)) ?? null
}

export function sizeClassOf(kind: FileKind | null): SizeClass {
  if (kind === 'html') return 'page'
  if (kind === 'csv' || kind === 'json') return 'collection'
  if (kind === 'pdf') return 'pdf'
  if (kind === 'docx' || kind === 'odt') return 'word'
  // A .txt may be a news-database export; one that is a single article meets the article
  // limit once it has been read.
  if (kind === 'text') return 'export'
  // Unknown extensions are sniffed after reading; the article limit would refuse a big CSV
  // without an extension, so they get the most generous one.
  return kind === null ? 'collection' : 'article'
}

/** Why a file is refused before reading it (hidden, unsupported, too large), or null. */
export function preflight(name: string, size: number): string | null {
  const base = name.replace(/^.*[\\/]/, '')
  if (base.startsWith('.')) return 'Skipped: a hidden system file, not an article.'
  const unsupported = lookUp(UNSUPPORTED, extensionOf(name))
  if (unsupported) return `This is ${unsupported}.`
  if (size === 0) return 'The file is empty.'
  return sizeProblem(sizeClassOf(kindFromName(name)), size)
}
