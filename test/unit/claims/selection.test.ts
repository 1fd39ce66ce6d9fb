import { describe, expect, it } from 'vitest'
import { clickRow, extendTo, NO_SELECTION, selectAll, selectedShown, shownRowsOf } from '../../../renderer/src/domain/claims/selection'

// Rows a…f shown in the order c, a, f, b, e (d filtered out).
const ROWS = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id }))
const SHOWN = shownRowsOf(ROWS, Uint32Array.from([2, 0, 5, 1, 4]))
const ids = (selection: { selected: ReadonlySet<string> }) => [...selection.selected].sort()

describe('selecting rows of the claims table', () => {
  it('click selects one, Ctrl+click adds or removes one, Shift+click takes the range from the last click', () => {
    let selection = clickRow(NO_SELECTION, 1, SHOWN, { range: false, toggle: false })
    expect(ids(selection)).toEqual(['a'])
    selection = clickRow(selection, 3, SHOWN, { range: true, toggle: false })
    expect(ids(selection)).toEqual(['a', 'b', 'f'])
    // Shift again from the same anchor redraws the range.
    selection = clickRow(selection, 0, SHOWN, { range: true, toggle: false })
    expect(ids(selection)).toEqual(['a', 'c'])
    selection = clickRow(selection, 4, SHOWN, { range: false, toggle: true })
    expect(ids(selection)).toEqual(['a', 'c', 'e'])
    selection = clickRow(selection, 0, SHOWN, { range: false, toggle: true })
    expect(ids(selection)).toEqual(['a', 'e'])
    // Ctrl+Shift adds a range to what is there.
    selection = clickRow(clickRow(NO_SELECTION, 4, SHOWN, { range: false, toggle: true }), 2, SHOWN, { range: false, toggle: true })
    selection = clickRow(selection, 0, SHOWN, { range: true, toggle: true })
    expect(ids(selection)).toEqual(['a', 'c', 'e', 'f'])
  })

  it('Shift+click without an anchor shown selects just that row', () => {
    const selection = clickRow({ selected: new Set(['d']), anchor: 'd' }, 2, SHOWN, { range: true, toggle: false })
    expect(ids(selection)).toEqual(['f'])
  })

  it('extends with Shift+arrows, selects every row shown with Ctrl+A, edits only what is shown', () => {
    expect(ids(extendTo(NO_SELECTION, 1, 3, SHOWN))).toEqual(['a', 'b', 'f'])
    expect(ids(selectAll(SHOWN))).toEqual(['a', 'b', 'c', 'e', 'f'])
    expect(selectedShown(new Set(['d', 'e', 'c']), SHOWN)).toEqual(['c', 'e'])
    expect(SHOWN.positionOf('d')).toBe(-1)
    expect(SHOWN.positionOf('e')).toBe(4)
  })
})
