import type { TextSpan } from '../../../domain/anchoring'

// The DOM side of anchoring: a selection or Range in the rendered article <-> body offsets.
// The article renders each paragraph as an element with data-p-start/data-p-end, cut into
// segments (<span>, or <mark> when highlighted) with data-s holding the body offset of their
// first character and a single text node each. Stance badges are CSS generated content, so they add no text to map around.
// `rangeToSpan` and `spanToRange` are inverses, as Hypothesis's fromRange/toRange are.

const PARAGRAPH = '[data-p-start]'

function paragraphElements(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(PARAGRAPH))
}

const startOf = (element: HTMLElement, key: 's' | 'pStart' | 'pEnd'): number => Number(element.dataset[key])

/** The body offset of a DOM boundary point; null when the point is outside the article text. */
function pointToOffset(root: HTMLElement, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  if (!root.contains(node)) return null
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = node.parentElement?.closest<HTMLElement>('[data-s]')
    if (segment && root.contains(segment)) return startOf(segment, 's') + Math.min(offset, node.textContent?.length ?? 0)
  }
  if (node instanceof HTMLElement) {
    if (node.dataset.s !== undefined) return startOf(node, 's') + (offset === 0 ? 0 : (node.textContent?.length ?? 0))
    if (node.dataset.pStart !== undefined) {
      const child = node.childNodes[offset]
      if (child instanceof HTMLElement && child.dataset.s !== undefined) return startOf(child, 's')
      return offset === 0 ? startOf(node, 'pStart') : startOf(node, 'pEnd')
    }
  }
  // A point between paragraphs, in the header, or in a wrapper: snap to the nearest paragraph
  // boundary on the inner side of the range.
  const paragraphs = paragraphElements(root)
  const after = node.childNodes[offset] ?? null
  const isAtOrAfter = (paragraph: HTMLElement): boolean => {
    if (after) return after === paragraph || after.contains(paragraph) || (after.compareDocumentPosition(paragraph) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
    return !node.contains(paragraph) && (node.compareDocumentPosition(paragraph) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
  }
  const firstAfter = paragraphs.findIndex(isAtOrAfter)
  if (edge === 'start') {
    if (firstAfter < 0) return null
    return startOf(paragraphs[firstAfter]!, 'pStart')
  }
  const lastBefore = firstAfter < 0 ? paragraphs[paragraphs.length - 1] : paragraphs[firstAfter - 1]
  return lastBefore ? startOf(lastBefore, 'pEnd') : null
}

/** The body span a Range covers, or null when it does not touch the article text. */
function rangeToSpan(root: HTMLElement, range: Range): TextSpan | null {
  const start = pointToOffset(root, range.startContainer, range.startOffset, 'start')
  const end = pointToOffset(root, range.endContainer, range.endOffset, 'end')
  if (start === null || end === null || end < start) return null
  return { start, end }
}

/** The span of the document's current selection inside the article, or null. */
export function selectionSpan(root: HTMLElement): TextSpan | null {
  const selection = document.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer) && !range.intersectsNode(root)) return null
  return rangeToSpan(root, range)
}

/**
 * For a span's start, the first paragraph ending after it; for its end, the last paragraph
 * starting before it. Offsets in the gap between paragraphs snap inwards. Binary search.
 */
function paragraphFor(paragraphs: HTMLElement[], offset: number, edge: 'start' | 'end'): HTMLElement | undefined {
  let low = 0
  let high = paragraphs.length
  while (low < high) {
    const middle = (low + high) >> 1
    const element = paragraphs[middle]!
    const goLeft = edge === 'start' ? startOf(element, 'pEnd') > offset : startOf(element, 'pStart') >= offset
    if (goLeft) high = middle
    else low = middle + 1
  }
  return edge === 'start' ? paragraphs[low] : paragraphs[low - 1]
}

function boundary(paragraph: HTMLElement, offset: number, edge: 'start' | 'end'): { node: Node; offset: number } {
  const pStart = startOf(paragraph, 'pStart')
  const pEnd = startOf(paragraph, 'pEnd')
  const clamped = Math.min(Math.max(offset, pStart), pEnd)
  const segments = paragraph.children
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as HTMLElement
    const s = startOf(segment, 's')
    const length = segment.textContent?.length ?? 0
    const inside = edge === 'start' ? clamped >= s && clamped < s + length : clamped > s && clamped <= s + length
    if (inside || (index === segments.length - 1 && clamped >= s)) {
      const text = segment.firstChild ?? segment
      return { node: text, offset: Math.min(clamped - s, length) }
    }
  }
  return { node: paragraph, offset: 0 }
}

/** A Range over body[span) in the rendered article, or null when it is not rendered. */
function spanToRange(root: HTMLElement, span: TextSpan): Range | null {
  const paragraphs = paragraphElements(root)
  if (paragraphs.length === 0) return null
  const first = paragraphFor(paragraphs, span.start, 'start')
  const last = paragraphFor(paragraphs, span.end, 'end')
  if (!first || !last) return null
  const start = boundary(first, span.start, 'start')
  const end = boundary(last, span.end, 'end')
  const range = document.createRange()
  range.setStart(start.node, start.offset)
  range.setEnd(end.node, end.offset)
  return range
}

/** Selects body[span) in the page, as if the user had dragged over it. */
export function selectSpan(root: HTMLElement, span: TextSpan): boolean {
  const range = spanToRange(root, span)
  const selection = document.getSelection()
  if (!range || !selection) return false
  selection.removeAllRanges()
  selection.addRange(range)
  return true
}

/**
 * Puts back a selection that a redraw of the text broke. Drawing highlights replaces or
 * shortens the text nodes a selection's ends sit in, and the browser then moves those ends,
 * which collapses or shrinks the selection: the coder's words would vanish under them when
 * suggestions or a batch of highlights arrive a moment after they selected. Called right
 * after such a redraw; a selection that has left the article (into a field) is left alone.
 */
export function keepSelectionThroughRedraw(root: HTMLElement, span: TextSpan): void {
  const selection = document.getSelection()
  if (!selection) return
  if (selection.rangeCount > 0) {
    const range = selection.getRangeAt(0)
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return
    const now = selection.isCollapsed ? null : rangeToSpan(root, range)
    if (now && now.start === span.start && now.end === span.end) return
  }
  selectSpan(root, span)
}

/** Scrolls the first rendered piece of body[span) to the middle of its scroller. */
export function scrollSpanIntoView(root: HTMLElement, span: TextSpan, behavior: ScrollBehavior = 'auto'): void {
  const range = spanToRange(root, { start: span.start, end: Math.max(span.start, Math.min(span.end, span.start + 1)) })
  const node = range?.startContainer
  const element = node instanceof HTMLElement ? node : node?.parentElement
  element?.scrollIntoView({ block: 'center', behavior })
}
