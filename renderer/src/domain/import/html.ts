import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { parseByline } from './byline'
import { parseDate } from './dates'
import { isHiddenElement, nestsDeeperThan, textFromNode, type DomNode } from './htmlText'
import { resolveLanguage } from './language'
import { normaliseBody, normaliseLine } from './normaliseText'
import { ImportRejection, type ParsedArticle } from './types'

// Saved web pages. Mozilla Readability (Firefox's Reader View) finds the article and its
// metadata; linkedom gives it a DOM without a browser, so this runs in a Web Worker and in
// Node tests alike. Scripts never run: linkedom only parses.

/** The article and what Readability reported, for tests and the import summary. */
export interface HtmlExtraction {
  article: ParsedArticle
  /** The byline as the page gave it ("By Erin Cunningham"); the article's author drops "By". */
  byline: string
  siteName: string
  /** False when Readability found no article and the whole page's visible text was used. */
  readerMode: boolean
}

/** Deeper than any real page's layout (news pages nest some 30-150 elements deep). */
const READER_MAX_DEPTH = 600

type Doc = ReturnType<typeof parseHTML>['document']
type El = ReturnType<Doc['querySelector']> & object

function asFullDocument(html: string): string {
  return /<(html|body|head)[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`
}

function metaContent(document: Doc, selectors: string[]): string {
  for (const selector of selectors) {
    const element = document.querySelector(selector)
    const value = element?.getAttribute('content') ?? element?.getAttribute('datetime') ?? element?.getAttribute('href')
    if (value && value.trim() !== '') return value.trim()
  }
  return ''
}

// Where pages put a publication date when Readability's own sources (article:published_time,
// JSON-LD, Dublin Core) have none.
const DATE_SELECTORS = [
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="article.published"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'time[itemprop="datePublished"]',
  'time[pubdate]',
  'article time[datetime]',
]

const URL_SELECTORS = ['link[rel="canonical"]', 'meta[property="og:url"]', 'meta[name="twitter:url"]']

function removeHiddenAndInert(document: Doc): void {
  const body = document.body as El | null
  if (!body) return
  for (const element of Array.from(body.querySelectorAll('template, noscript, [hidden], [aria-hidden], [style], input[type="hidden"]'))) {
    const name = element.localName
    if (name === 'template' || name === 'noscript' || isHiddenElement(element)) element.remove()
  }
}

function fileStem(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim()
}

function safeHttpUrl(value: string): string {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : ''
  } catch {
    return ''
  }
}

export function parseHtmlArticle(html: string, options: { fileName?: string } = {}): HtmlExtraction {
  const source = asFullDocument(html)
  const { document } = parseHTML(source)
  // A page cut off inside its <html> tag (an attribute that never closes) leaves no root
  // element: everything after it is part of the tag, so there is no text to read, and
  // linkedom's document.body would throw.
  if (!document.documentElement) {
    throw new ImportRejection('The page is cut off or damaged: its <html> tag never closes, so it has no readable text. Nothing was imported from it.')
  }

  // Read what Readability does not, before it rewrites the document.
  const htmlElement = document.documentElement as El | null
  const declaredLanguage = htmlElement?.getAttribute('lang') ?? metaContent(document, ['meta[http-equiv="content-language"]'])
  const declaredDirection = htmlElement?.getAttribute('dir') ?? (document.body as El | null)?.getAttribute('dir') ?? null
  const fallbackDate = metaContent(document, DATE_SELECTORS)
  const url = safeHttpUrl(metaContent(document, URL_SELECTORS))
  const documentTitle = normaliseLine(document.querySelector('title')?.textContent ?? '') || metaContent(document, ['meta[property="og:title"]'])
  removeHiddenAndInert(document)

  let result: ReturnType<Readability<DomNode>['parse']>
  try {
    // Readability scores each paragraph's ancestors: on a broken page whose unclosed tags nest
    // thousands deep that takes minutes. Such a page has no layout to find an article in; its
    // visible text is imported instead.
    result = nestsDeeperThan(document.body, READER_MAX_DEPTH) ? null : new Readability<DomNode>(document, { serializer: (node) => node }).parse()
  } catch {
    // Readability gives up on some malformed pages; the visible-text fallback below still works.
    result = null
  }

  let text = result?.content ? normaliseBody(textFromNode(result.content)) : ''
  let readerMode = text !== ''
  if (!readerMode) {
    // Readability rewrites the document as it goes; start again from the source.
    const fresh = parseHTML(source).document
    removeHiddenAndInert(fresh)
    text = fresh.body ? normaliseBody(textFromNode(fresh.body)) : ''
    readerMode = false
  }
  if (text === '') {
    const scripts = (html.match(/<script\b/gi) ?? []).length
    throw new ImportRejection(
      scripts > 0
        ? `The page has no readable text: only scripts, styles or hidden content (${scripts} script${scripts === 1 ? '' : 's'}). Nothing was imported from it.`
        : 'The page has no readable text. Nothing was imported from it.',
    )
  }

  const byline = normaliseLine(result?.byline ?? '')
  const siteName = normaliseLine(result?.siteName ?? '')
  const parsedByline = parseByline(byline)
  const title = normaliseLine(result?.title ?? '') || documentTitle || fileStem(options.fileName ?? '')
  const language = resolveLanguage(text, { language: result?.lang ?? declaredLanguage, direction: result?.dir ?? declaredDirection })

  return {
    byline,
    siteName,
    readerMode,
    article: {
      title,
      source: siteName || parsedByline.source,
      author: parsedByline.author,
      publishedAt: parseDate(result?.publishedTime ?? '') || parseDate(fallbackDate),
      url,
      language: language.language,
      direction: language.direction,
      body: text,
      origin: '',
      meta: {},
    },
  }
}
