import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type ReactNode } from 'react'

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
 * lists render plainly, so the common case has no scroller of its own.
 */
export function VirtualList<T>({ items, label, itemKey, renderItem, activeIndex, estimate = 54 }: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtual = items.length > 40
  // The virtualizer's functions change identity on purpose; this component is not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtual ? items.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    overscan: 6,
    getItemKey: (index) => itemKey(items[index]!),
  })
  useEffect(() => {
    if (virtual && activeIndex !== undefined && activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  }, [activeIndex, virtual, virtualizer])

  if (!virtual) {
    return (
      <ul className="tag-list" aria-label={label}>
        {items.map((item) => (
          <li key={itemKey(item)}>{renderItem(item)}</li>
        ))}
      </ul>
    )
  }
  return (
    <div ref={scrollRef} className="tag-list-scroll">
      <ul className="tag-list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <li key={row.key} data-index={row.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}>
            {renderItem(items[row.index]!)}
          </li>
        ))}
      </ul>
    </div>
  )
}
