/** The cell a grid's keyboard move is sending focus to (its data-cell key), until focus lands. */
export interface PendingFocus {
  current: string | null
}

/**
 * Moves focus to a grid's cell by its data-cell key: at once when the cell is drawn, else once
 * the grid has drawn it (a few frames at most). While focus is on its way, `pending` holds the
 * key, so a key pressed meanwhile moves on from there, not from the cell focus is leaving. It is
 * cleared when focus is put on the cell, when the cell never appears, on a pointer press (mouse,
 * pen or touch) outside the grid, and by the grid itself (when focus arrives anywhere in it, and
 * in Positions when focus leaves it for another element). `landed` is told each time focus lands.
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
  // A press outside the grid meanwhile is the person moving on: the move gives up rather than
  // pull focus back from where the press put it. A press on something that takes no focus sends
  // focus nowhere (blur with no relatedTarget), as a cell scrolled out of the drawing does, so the
  // grid's own blur handling cannot tell the two apart. A press inside the grid is left to the
  // grid: on a cell, focus arriving there ends the wait; on its scrollbar, the move goes on.
  const giveUp = (event: PointerEvent): void => {
    if (pending.current !== key) return
    if (event.target instanceof Node && container()?.contains(event.target)) return
    pending.current = null
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
