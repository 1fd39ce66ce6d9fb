import { describe, expect, it } from 'vitest'
import { columnWindow, sameWindow, scrollLeftToShow } from '../../../renderer/src/domain/claims/columnWindow'

// Columns of 100, 200, 50, 300 and 150 px after a 40 px checkbox column:
// 40–140, 140–340, 340–390, 390–690, 690–840.
const WIDTHS = [100, 200, 50, 300, 150]
const LEAD = 40

/** Every column that overlaps the viewport, by brute force: what the window must hold. */
function overlapping(left: number, width: number): number[] {
  const shown: number[] = []
  let start = LEAD
  WIDTHS.forEach((size, index) => {
    if (start + size > left && start < left + width) shown.push(index)
    start += size
  })
  return shown
}

describe('the columns a horizontal viewport shows', () => {
  it('takes exactly the columns that overlap the viewport, at every scroll position', () => {
    for (let left = 0; left <= 840; left += 5) {
      for (const width of [1, 60, 250, 500, 2000]) {
        const shown = overlapping(left, width)
        const window = columnWindow(WIDTHS, LEAD, left, width, 0)
        if (shown.length === 0) continue
        expect({ left, width, first: window.first, last: window.last }).toEqual({ left, width, first: shown[0], last: shown[shown.length - 1] })
      }
    }
  })

  it('a column touching the edge is out; overscan adds columns each side, within the table', () => {
    expect(columnWindow(WIDTHS, LEAD, 140, 200, 0)).toEqual({ first: 1, last: 1 })
    expect(columnWindow(WIDTHS, LEAD, 140, 200, 1)).toEqual({ first: 0, last: 2 })
    expect(columnWindow(WIDTHS, LEAD, 0, 100, 3)).toEqual({ first: 0, last: 3 })
    expect(columnWindow(WIDTHS, LEAD, 700, 500, 2)).toEqual({ first: 2, last: 4 })
  })

  it('the checkbox column alone in view still draws the first column; past the end, the last', () => {
    expect(columnWindow(WIDTHS, LEAD, 0, 30, 0)).toEqual({ first: 0, last: 0 })
    expect(columnWindow(WIDTHS, LEAD, 5000, 300, 0)).toEqual({ first: 4, last: 4 })
  })

  it('draws every column before the viewport is measured, none when there are none', () => {
    expect(columnWindow(WIDTHS, LEAD, 0, 0, 0)).toEqual({ first: 0, last: 4 })
    expect(columnWindow([], LEAD, 0, 500, 1)).toEqual({ first: 0, last: -1 })
    expect(sameWindow({ first: 1, last: 3 }, { first: 1, last: 3 })).toBe(true)
    expect(sameWindow({ first: 1, last: 3 }, { first: 1, last: 4 })).toBe(false)
  })

  it('scrolls a column into view with the least movement', () => {
    expect(scrollLeftToShow(WIDTHS, LEAD, 1, 0, 500)).toBe(0)
    expect(scrollLeftToShow(WIDTHS, LEAD, 4, 0, 500)).toBe(340)
    expect(scrollLeftToShow(WIDTHS, LEAD, 0, 300, 500)).toBe(40)
    // Wider than the viewport: its start.
    expect(scrollLeftToShow(WIDTHS, LEAD, 3, 0, 200)).toBe(390)
    for (let index = 0; index < WIDTHS.length; index++) {
      const left = scrollLeftToShow(WIDTHS, LEAD, index, 250, 320)
      expect(columnWindow(WIDTHS, LEAD, left, 320, 0).first).toBeLessThanOrEqual(index)
      expect(columnWindow(WIDTHS, LEAD, left, 320, 0).last).toBeGreaterThanOrEqual(index)
    }
  })
})
