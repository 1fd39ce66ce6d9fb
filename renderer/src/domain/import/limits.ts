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
// Electron's main process refuses anything over 64 MB before it reaches the renderer.

export type SizeClass = 'article' | 'page' | 'collection'

export const MAX_BYTES: Readonly<Record<SizeClass, number>> = {
  article: 5 * 1024 * 1024,
  page: 20 * 1024 * 1024,
  collection: 40 * 1024 * 1024,
}

const WHAT: Readonly<Record<SizeClass, string>> = {
  article: 'a single text or Markdown article',
  page: 'a saved web page',
  collection: 'a CSV or JSON collection',
}

const ADVICE: Readonly<Record<SizeClass, string>> = {
  article: 'Check that this is the file you meant; a long report can be split into parts.',
  page: 'Save the page again as "Web page, HTML only", or copy the article text and paste it.',
  collection: 'Split the export into smaller files (for example by year or month) and import them together.',
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
