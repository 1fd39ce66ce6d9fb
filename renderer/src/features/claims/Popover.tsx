import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'

// A small non-modal panel under the button that opened it (a column's filter, the column
// picker). It lives at the end of the page, so the table's clipped, sticky cells cannot cut it
// off. Escape or a click elsewhere closes it and focus goes back to the button.

export function Popover({ label, anchor, onClose, children, className }: { label: string; anchor: RefObject<HTMLElement | null>; onClose: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null)

  useLayoutEffect(() => {
    const button = anchor.current
    const panel = ref.current
    if (!button || !panel) return
    const box = button.getBoundingClientRect()
    const width = panel.offsetWidth
    const height = panel.offsetHeight
    const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8))
    const below = box.bottom + 4
    const top = below + height > window.innerHeight - 8 ? Math.max(8, box.top - height - 4) : below
    setPlace({ top, left })
  }, [anchor])

  useEffect(() => {
    const panel = ref.current
    panel?.querySelector<HTMLElement>('input, select, button')?.focus()
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target as Node
      if (!panel?.contains(target) && !anchor.current?.contains(target)) onClose()
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => document.removeEventListener('pointerdown', onPointerDown, true)
  }, [anchor, onClose])

  return createPortal(
    <div
      ref={ref}
      role="dialog"
      aria-label={label}
      className={className ? `claims-popover ${className}` : 'claims-popover'}
      style={place ? { top: place.top, left: place.left } : { top: -9999, left: -9999 }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          event.stopPropagation()
          onClose()
          anchor.current?.focus()
        }
      }}
    >
      {children}
    </div>,
    document.body,
  )
}
