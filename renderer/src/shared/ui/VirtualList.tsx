import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type ReactNode } from 'react'

interface VirtualListProps<T> {
  items: readonly T[]
  label: string
  itemKey: (item: T) => string
  renderItem: (item: T) => ReactNode
  /** Index to keep in view (the selected tag). */
  activeIndex?: number
  estimate?: number
}

/**
 * A list that renders only the rows in view, for articles with thousands of claims. Short
 * lists render plainly, so the common case has no scroller of its own. Long lists appear a
 * moment after the rest of the panel, so the article's first frame does not wait for them.
 */
export function VirtualList<T>({ items, label, itemKey, renderItem, activeIndex, estimate = 54 }: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtual = items.length > 40
  const [mounted, setMounted] = useState(!virtual)
  useEffect(() => {
    if (mounted) return
    const timer = setTimeout(() => setMounted(true), 0)
    return () => clearTimeout(timer)
  }, [mounted])
  // The virtualizer's functions change identity on purpose; this component is not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtual && mounted ? items.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    overscan: 6,
    getItemKey: (index) => itemKey(items[index]!),
  })
  useEffect(() => {
    if (mounted && virtual && activeIndex !== undefined && activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  }, [activeIndex, virtual, virtualizer, mounted])

  if (!virtual) {
    return (
      <ul className="tag-list" aria-label={label}>
        {items.map((item) => (
          <li key={itemKey(item)}>{renderItem(item)}</li>
        ))}
      </ul>
    )
  }
  if (!mounted) return <p className="muted small">Listing {items.length}…</p>
  return (
    <div ref={scrollRef} className="tag-list-scroll">
      <ul className="tag-list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          // Fixed row heights: measuring rows would force a layout of the whole page.
          <li key={row.key} data-index={row.index} className="tag-list-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: estimate, transform: `translateY(${row.start}px)` }}>
            {renderItem(items[row.index]!)}
          </li>
        ))}
      </ul>
    </div>
  )
}
