/** The cell a grid's keyboard move is sending focus to (its data-cell key), until focus lands. */
export interface PendingFocus {
  current: string | null
}

/**
 * Moves focus to a grid's cell by its data-cell key: at once when the cell is drawn, else once
 * the grid has drawn it (a few frames at most). While focus is on its way, `pending` holds the
 * key, so a key pressed meanwhile moves on from there, not from the cell focus is leaving. It is
 * cleared when focus is put on the cell, when the cell never appears, when the mouse is pressed
 * anywhere, and (by the grid) when focus arrives anywhere in the grid. `landed` is told each time
 * focus lands.
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
  // where the press put it. A press on something that takes no focus leaves the cell with nowhere
  // to go, as a cell scrolled out of the drawing does, so the grid cannot tell it from its blur.
  const giveUp = (): void => {
    if (pending.current === key) pending.current = null
  }
  document.addEventListener('pointerdown', giveUp, { capture: true })
  let attempts = 0
  const tryFocus = (): void => {
    if (pending.current === key && !land() && attempts++ < 10) {
      requestAnimationFrame(tryFocus)
      return
    }
    if (pending.current === key) pending.current = null
    document.removeEventListener('pointerdown', giveUp, { capture: true })
  }
  requestAnimationFrame(tryFocus)
}
