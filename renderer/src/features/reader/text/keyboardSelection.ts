import type { KeyboardEvent } from 'react'

// Selecting text with the keyboard in the (read-only) article: Shift+arrows extend the
// selection by a character or line, Ctrl+Shift+arrows by a word, Shift+Home/End to the line's
// ends, as in a text editor. Plain arrows move the caret while one is placed, else scroll.
// Chromium's Selection.modify does the moving, in visual order, so right-to-left text behaves.

const MOVES: Record<string, { direction: 'left' | 'right' | 'forward' | 'backward'; granularity: 'character' | 'word' | 'line' | 'lineboundary' }> = {
  ArrowLeft: { direction: 'left', granularity: 'character' },
  ArrowRight: { direction: 'right', granularity: 'character' },
  ArrowUp: { direction: 'backward', granularity: 'line' },
  ArrowDown: { direction: 'forward', granularity: 'line' },
  Home: { direction: 'backward', granularity: 'lineboundary' },
  End: { direction: 'forward', granularity: 'lineboundary' },
}

/** Puts a caret at the start of the first paragraph visible in the scroller. */
function placeCaret(root: HTMLElement, selection: Selection): boolean {
  const scroller = root.closest<HTMLElement>('.reader-scroll') ?? root
  const top = scroller.getBoundingClientRect().top
  const paragraphs = Array.from(root.querySelectorAll<HTMLElement>('[data-p-start]'))
  const visible = paragraphs.find((paragraph) => paragraph.getBoundingClientRect().bottom > top + 4) ?? paragraphs[0]
  const text = visible?.querySelector('[data-s]')?.firstChild
  if (!text) return false
  selection.removeAllRanges()
  const range = document.createRange()
  range.setStart(text, 0)
  range.collapse(true)
  selection.addRange(range)
  return true
}

/** Handles a key in the article; returns true when it moved or extended the selection. */
export function handleSelectionKey(event: KeyboardEvent<HTMLElement>, root: HTMLElement): boolean {
  const move = MOVES[event.key]
  if (!move || event.altKey || event.metaKey) return false
  const selection = document.getSelection()
  if (!selection || typeof selection.modify !== 'function') return false
  const inArticle = selection.rangeCount > 0 && root.contains(selection.getRangeAt(0).commonAncestorContainer)
  if (!event.shiftKey && !inArticle) return false // no caret: let the arrows scroll
  if (!inArticle && !placeCaret(root, selection)) return false
  const granularity = event.ctrlKey && move.granularity === 'character' ? 'word' : move.granularity
  event.preventDefault()
  selection.modify(event.shiftKey ? 'extend' : 'move', move.direction, granularity)
  return true
}
