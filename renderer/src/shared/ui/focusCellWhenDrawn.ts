/** The cell a grid's keyboard move is sending focus to (its data-cell key), until focus lands. */
export interface PendingFocus {
  current: string | null
}

/**
 * Moves focus to a grid's cell by its data-cell key: at once when the cell is drawn, else once
 * the grid has drawn it (a few frames at most). While focus is on its way, `pending` holds the
 * key, so a key pressed meanwhile moves on from there, not from the cell focus is leaving. It is
 * cleared when focus is put on the cell, when the cell never appears, on a pointer press (mouse,
 * pen or touch) anywhere but the grid's scroller itself, when focus goes to an element outside
 * the grid, and by the grid when focus arrives anywhere in it. `landed` is told each time focus
 * lands.
 */
export function focusCellWhenDrawn(container: () => HTMLElement | null, key: string, pending: PendingFocus, landed?: (key: string, cell: HTMLElement) => void): void {
  const land = (): boolean => {
    const cell = container()?.querySelector<HTMLElement>(`[data-cell="${key}"]`)
    if (!cell) return false
    cell.focus({ preventScroll: true })
    // Also when it already had focus (a move that went nowhere): no focus event then.
    pending.current = null
    landed?.(key, cell)
    return true
  }
  if (land()) return
  pending.current = key
  // A press meanwhile is the person moving on: the move gives up rather than pull focus back from
  // where the press put it (or take it from the cell pressed, when that cell still has focus and
  // so gets no focus event). A press on something that takes no focus sends focus nowhere, as a
  // cell scrolled out of the drawing does, and focus going nowhere says nothing: only the press
  // tells the two apart. A press on the scroller itself (its scrollbar) moves no focus: the move
  // goes on.
  const pressed = (event: PointerEvent): void => {
    if (pending.current === key && event.target !== container()) pending.current = null
  }
  // Focus taken to another element outside the grid (Tab, a click in the filters, a dialog): the
  // move gives up rather than pull it back. Focus arriving in the grid is the grid's to handle.
  const focusedOutside = (event: FocusEvent): void => {
    if (pending.current === key && event.target instanceof Node && !container()?.contains(event.target)) pending.current = null
  }
  document.addEventListener('pointerdown', pressed, { capture: true })
  document.addEventListener('focusin', focusedOutside, { capture: true })
  let attempts = 0
  const tryFocus = (): void => {
    if (pending.current === key && !land() && attempts++ < 10) {
      requestAnimationFrame(tryFocus)
      return
    }
    if (pending.current === key) pending.current = null
    document.removeEventListener('pointerdown', pressed, { capture: true })
    document.removeEventListener('focusin', focusedOutside, { capture: true })
  }
  requestAnimationFrame(tryFocus)
}
