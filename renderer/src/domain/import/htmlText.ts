import { parseHTML } from 'linkedom'
import { lookUp } from './recordFields'

// HTML to the plain text we store, by an allow-list walk: text nodes are kept only under
// elements that carry reading text, block elements become paragraphs, and everything that
// can run, style, hide or embed (script, style, template, iframe, svg, hidden nodes, form
// controls, ...) is dropped with its content. No markup survives, so event handlers,
// javascript: links and odd attributes cannot reach the app: the output is text, and the
// reader renders it as text.
//
// Why not DOMPurify: it needs a browser DOM. Given linkedom's window (all a Web Worker has),
// DOMPurify 3.4 reports itself unsupported and returns its input unchanged, which would be
// a silent hole. An allow-list that emits text only is both stricter and simpler.

/** The minimal DOM surface the walker needs; linkedom's and the browser's nodes both fit. */
export interface DomNode {
  nodeType: number
  nodeValue: string | null
  childNodes: ArrayLike<DomNode>
  localName?: string
  getAttribute?(name: string): string | null
}

const TEXT_NODE = 3
const ELEMENT_NODE = 1

/** Dropped together with everything inside them. */
export const DROPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'picture', 'img', 'map', 'area',
  'button', 'input', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'output', 'meter', 'progress',
  'head', 'title', 'meta', 'link', 'base', 'dialog', 'slot', 'portal',
])

const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'ul',
  'caption',
])

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse)|content-visibility\s*:\s*hidden)\s*(!important)?\s*(;|$)/i

/** True for elements a reader would never see: hidden, aria-hidden, display:none, ... */
export function isHiddenElement(element: DomNode): boolean {
  const attribute = (name: string): string | null => element.getAttribute?.(name) ?? null
  if (attribute('hidden') !== null) return true
  if (attribute('aria-hidden') === 'true') return true
  if (attribute('type') === 'hidden') return true
  const style = attribute('style')
  return style !== null && HIDDEN_STYLE.test(style)
}

class TextBuilder {
  private readonly paragraphs: string[] = []
  private line = ''
  private lines: string[] = []

  inline(text: string): void {
    // At the start of a line a collapsed space is dropped, as browsers render it.
    this.line += this.line === '' ? text.replace(/^ /, '') : text
  }

  raw(text: string): void {
    const [first = '', ...rest] = text.split('\n')
    this.line += first
    for (const line of rest) {
      this.lines.push(this.line)
      this.line = line
    }
  }

  lineBreak(): void {
    this.lines.push(this.line)
    this.line = ''
  }

  paragraphBreak(): void {
    this.lineBreak()
    const paragraph = this.lines
      .map((line) => line.replace(/[ \t\u00a0]+$/u, ''))
      .join('\n')
      .replace(/^\n+|\n+$/g, '')
    if (paragraph.trim() !== '') this.paragraphs.push(paragraph)
    this.lines = []
  }

  result(): string {
    this.paragraphBreak()
    return this.paragraphs.join('\n\n')
  }
}

function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ')
}

interface Visit {
  node: DomNode
  inPre: boolean
  /** False on the way in (before the children), true on the way out (after them). */
  leaving: boolean
}

/**
 * Visits the tree with an explicit stack rather than recursion: broken pages nest unclosed
 * tags thousands deep (every "<" before a word opens an element), and a recursive walk ran
 * out of call stack on them.
 */
function walk(root: DomNode, out: TextBuilder): void {
  const stack: Visit[] = [{ node: root, inPre: false, leaving: false }]
  while (stack.length > 0) {
    const { node, inPre, leaving } = stack.pop()!
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? ''
      if (inPre) out.raw(value)
      else out.inline(collapse(value))
      continue
    }
    const name = node.localName ?? ''
    const isBlock = BLOCK_ELEMENTS.has(name)
    const isListItem = name === 'li'
    const isRow = name === 'tr'
    if (leaving) {
      if (name === 'td' || name === 'th') out.inline('\t')
      if (isBlock) out.paragraphBreak()
      if (isListItem || isRow) out.lineBreak()
      continue
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) continue
    if (DROPPED_ELEMENTS.has(name) || isHiddenElement(node)) continue
    if (name === 'br') {
      out.lineBreak()
      continue
    }
    if (isBlock) out.paragraphBreak()
    if (isListItem || isRow) out.lineBreak()
    if (isListItem) out.inline('• ')
    const pre = inPre || name === 'pre' || name === 'textarea'
    stack.push({ node, inPre, leaving: true })
    const children = node.childNodes
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]!, inPre: pre, leaving: false })
  }
}

/** True when elements nest deeper than `limit` under root (stops looking as soon as they do). */
export function nestsDeeperThan(root: DomNode, limit: number): boolean {
  const stack: [DomNode, number][] = [[root, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > limit) return true
    const children = node.childNodes
    for (let index = 0; index < children.length; index++) {
      if (children[index]!.nodeType === ELEMENT_NODE) stack.push([children[index]!, depth + 1])
    }
  }
  return false
}

/** The reading text under a node: paragraphs separated by a blank line, spaces collapsed. */
export function textFromNode(root: DomNode): string {
  const out = new TextBuilder()
  walk(root, out)
  return out
    .result()
    .split('\n')
    .map((line) => line.replace(/^ +/, '').replace(/[ \t]+$/, '').replace(/ {2,}/g, ' '))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** A fragment of HTML (from Markdown, a CSV cell, an RSS description) to plain text. */
export function textFromHtmlFragment(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  return textFromNode(document.body)
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', deg: '°',
}

/** Decodes character references in text that is not otherwise HTML (Markdown, CSV cells). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd'
    }
    const known = lookUp(NAMED_ENTITIES, body.toLowerCase())
    if (known !== undefined) return known
    // The full HTML table is large; linkedom has it, so rare names go through it.
    const { document } = parseHTML(`<!doctype html><html><body><p>${whole}</p></body></html>`)
    return document.body.textContent ?? whole
  })
}
