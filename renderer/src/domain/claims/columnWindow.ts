// Which of the claims table's columns a horizontal viewport shows. A row draws only these cells
// (and the one that takes Tab), so a scroll frame creates, styles, lays out and paints the
// columns in view, not the half of a wide table that is off to the side.

export interface ColumnWindow {
  /** The first column index drawn, inclusive. */
  first: number
  /** The last column index drawn, inclusive; first > last when there is none. */
  last: number
}

/**
 * The columns that overlap [left, left + width), with `overscan` more on each side.
 * widths: each column's width in order; lead: where the first column starts (the checkbox
 * column before it). A viewport not measured yet (width ≤ 0) shows every column.
 */
export function columnWindow(widths: readonly number[], lead: number, left: number, width: number, overscan: number): ColumnWindow {
  const count = widths.length
  if (count === 0) return { first: 0, last: -1 }
  if (!(width > 0)) return { first: 0, last: count - 1 }
  const right = left + width
  let first = -1
  let last = -1
  let start = lead
  for (let index = 0; index < count; index++) {
    const end = start + widths[index]!
    if (end > left && start < right) {
      if (first < 0) first = index
      last = index
    }
    if (start >= right) break
    start = end
  }
  // Scrolled past every column (the table narrower than a stale scroll position): the last ones.
  if (first < 0) first = last = left >= start ? count - 1 : 0
  return { first: Math.max(0, first - overscan), last: Math.min(count - 1, last + overscan) }
}

/** Whether two windows draw the same columns. */
export function sameWindow(a: ColumnWindow, b: ColumnWindow): boolean {
  return a.first === b.first && a.last === b.last
}

/**
 * The scrollLeft that brings column `index` into view with the least movement (already in view:
 * unchanged; wider than the view: its start).
 */
export function scrollLeftToShow(widths: readonly number[], lead: number, index: number, left: number, width: number): number {
  let start = lead
  for (let column = 0; column < index; column++) start += widths[column]!
  const end = start + (widths[index] ?? 0)
  if (start < left || end - start > width) return start
  if (end > left + width) return end - width
  return left
}
