// Size limits, checked against the file's size before a byte is read.
//
// Why these numbers:
// - One article (text, Markdown, pasted text): 5 MB of text is about 800,000 words, already
//   longer than any report an analyst codes sentence by sentence. A bigger "article" is nearly
//   always the wrong file (a log, a dump, a database export) and would make the reader and the
//   quote anchoring crawl.
// - A saved web page: 20 MB. Browsers save pages with scripts, styles and inlined images, so the
//   HTML is often 50-200 times the article's text (the Guardian fixture: 1.1 MB for 17 KB of
//   text). 20 MB still parses in a few seconds in the worker.
// - A collection (CSV, JSON): 40 MB, about 15,000-40,000 news articles. Parsing holds the bytes,
//   the decoded text and the records at once, roughly 6-8 times the file size in the worker's
//   memory; 40 MB keeps that near 300 MB on an ordinary laptop. Bigger exports split cleanly
//   by date range, and the message says so.
// - A news-database export (a Nexis Uni DOCX, a LexisNexis TXT): 40 MB, like a collection.
//   Nexis Uni hands out at most 100 documents per download (a few MB with its cover page and
//   logos); LexisNexis Academic 500 (3-6 MB of text). 40 MB is several thousand articles. A
//   .txt file is allowed this much before it is read, since it may be an export; one that
//   turns out to be a single article is then held to the article limit.
// - A PDF: 100 MB. Size in a PDF is images and embedded fonts; text is a small share (a
//   300-page text report is 2-10 MB). pdf.js reads the text without decoding images, so a
//   100 MB PDF of text with photographs still parses; beyond it, the file is nearly always a
//   scan or a picture book, which has no text to import anyway.
// - A Word or OpenDocument file: 50 MB. It is a ZIP package and its size is pictures; the
//   text of even a long report unpacks to a few MB. mammoth never reads the pictures.
// - RTF is not read, so it has no limit of its own.
// Electron's main process refuses anything over 100 MB (the largest of these) before it
// reaches the renderer.

export type SizeClass = 'article' | 'page' | 'collection' | 'export' | 'pdf' | 'word'

export const MAX_BYTES: Readonly<Record<SizeClass, number>> = {
  article: 5 * 1024 * 1024,
  page: 20 * 1024 * 1024,
  collection: 40 * 1024 * 1024,
  export: 40 * 1024 * 1024,
  pdf: 100 * 1024 * 1024,
  word: 50 * 1024 * 1024,
}

const WHAT: Readonly<Record<SizeClass, string>> = {
  article: 'a single text or Markdown article',
  page: 'a saved web page',
  collection: 'a CSV or JSON collection',
  export: 'a text file or news-database export',
  pdf: 'a PDF',
  word: 'a Word or OpenDocument file',
}

const ADVICE: Readonly<Record<SizeClass, string>> = {
  article: 'Check that this is the file you meant; a long report can be split into parts.',
  page: 'Save the page again as "Web page, HTML only", or copy the article text and paste it.',
  collection: 'Split the export into smaller files (for example by year or month) and import them together.',
  export: 'Download the search results in smaller batches (for example by month) and import the files together.',
  pdf: 'A PDF this large is mostly pictures. If it is a scan, run OCR on it first; otherwise split it into parts (by chapter or page range) with a PDF tool and import those.',
  word: 'Its size is pictures: save a copy without them (or save it as plain text, .txt) and import that.',
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The reason a file is too large for its kind, or null when it fits. */
export function sizeProblem(sizeClass: SizeClass, bytes: number): string | null {
  const limit = MAX_BYTES[sizeClass]
  if (bytes <= limit) return null
  return `The file is ${formatBytes(bytes)}; the limit for ${WHAT[sizeClass]} is ${formatBytes(limit)}. ${ADVICE[sizeClass]}`
}

/** Largest pasted text accepted, the same as one article file. */
export const MAX_PASTE_CHARS = MAX_BYTES.article
