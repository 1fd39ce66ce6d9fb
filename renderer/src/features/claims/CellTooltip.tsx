import { useEffect, useState, type RefObject } from 'react'

// The whole text of a cut-off cell, under it, while the pointer is over it or the cell has
// focus. Only for cells whose text does not fit; the text is in the cell already, so assistive
// technology reads it from there and this stays hidden from it.

interface Tip {
  text: string
  top: number
  left: number
  width: number
}

const cut = (element: Element): boolean => element.scrollWidth > element.clientWidth + 1

/** Whether any of the cell's text is cut: the cell as a whole, or a chip inside it (issues). */
function isCut(clip: HTMLElement): boolean {
  if (cut(clip)) return true
  for (const part of clip.querySelectorAll('.claims-issue, .claims-issue-parents, .claims-issue-leaf')) if (cut(part)) return true
  return false
}

function tipFor(element: Element | null): Tip | null {
  const cell = element?.closest('td')
  // A plain text cell is its own clip.
  const clip = cell?.querySelector<HTMLElement>('.claims-clip') ?? (cell?.classList.contains('claims-cell') ? cell : null)
  if (!cell || !clip || !isCut(clip)) return null
  const box = cell.getBoundingClientRect()
  const width = Math.max(280, Math.min(560, box.width))
  return { text: clip.dataset.full ?? clip.textContent ?? '', top: box.bottom + 2, left: Math.min(box.left, window.innerWidth - width - 12), width }
}

export function CellTooltip({ container }: { container: RefObject<HTMLElement | null> }) {
  const [tip, setTip] = useState<Tip | null>(null)
  useEffect(() => {
    const element = container.current
    if (!element) return
    let hovered: Element | null = null
    const show = (target: Element | null): void => setTip(tipFor(target))
    const onOver = (event: PointerEvent): void => {
      const cell = (event.target as Element).closest('tbody td')
      if (cell === hovered) return
      hovered = cell
      show(cell)
    }
    const onLeave = (): void => {
      hovered = null
      setTip(tipFor(document.activeElement && element.contains(document.activeElement) ? document.activeElement : null))
    }
    const onFocus = (event: FocusEvent): void => show((event.target as Element).closest('tbody td'))
    const onBlur = (): void => setTip(null)
    const onScroll = (): void => {
      hovered = null
      setTip(null)
    }
    element.addEventListener('pointerover', onOver)
    element.addEventListener('pointerleave', onLeave)
    element.addEventListener('focusin', onFocus)
    element.addEventListener('focusout', onBlur)
    element.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      element.removeEventListener('pointerover', onOver)
      element.removeEventListener('pointerleave', onLeave)
      element.removeEventListener('focusin', onFocus)
      element.removeEventListener('focusout', onBlur)
      element.removeEventListener('scroll', onScroll)
    }
  }, [container])
  if (!tip) return null
  return (
    <div className="claims-tooltip" aria-hidden="true" style={{ top: tip.top, left: tip.left, maxWidth: tip.width }} dir="auto">
      {tip.text}
    </div>
  )
}
