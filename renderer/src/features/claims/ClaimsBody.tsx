import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { memo, useLayoutEffect, useRef, useState, type ChangeEvent, type MouseEvent, type RefObject } from 'react'
import { columnWindow, sameWindow, type ColumnWindow } from '../../domain/claims/columnWindow'
import type { ClaimColumn } from '../../domain/claims/columns'
import type { ClaimLookups, ClaimRow } from '../../domain/claims/rows'
import type { Id } from '../../domain/model'
import { ClaimCell, rowName } from './ClaimCell'

// The claims table's rows: only those in view (TanStack Virtual), in a body as tall as every
// row together, padded down to the first row drawn. The virtualizer lives here, not in the table,
// so a scroll frame re-renders this body alone (not the headers and filters); each row is
// memoised and sized by CSS (contain: strict), so a frame mounts the rows entering view and lays
// out only those, while the rows that stay are neither re-rendered nor laid out again. (Rows
// placed absolutely, each with its own inline offset, measured slower to style in Chromium.)
// A row draws only the columns in view (and one more each side): with the standard columns in a
// 1,360 px window, a quarter of the elements a scroll frame styled and laid out were off to the
// side. Each row carries its whole accessible name, so what it reads as does not depend on the
// horizontal scroll.

export const ROW_HEIGHT = 34
// Rows drawn beyond each edge, for a scroll the compositor runs ahead of the main thread (about
// a wheel notch). Every row drawn is painted, layerised and committed each frame, so more costs
// every frame: in a traced pair, 8 took about 1.4 ms more main-thread time per frame than 3.
const OVERSCAN = 4
const COLUMN_OVERSCAN = 1

/** Where the table was scrolled, kept across visits within the session. */
export const scrollMemory = { top: 0 }

export type RowVirtualizer = Virtualizer<HTMLDivElement, Element>

/** Where a click landed: the row's position in the order shown and the cell's column (0: the checkbox). */
export function cellOf(target: HTMLElement): { position: number; column: number } | null {
  const cell = target.closest<HTMLElement>('[data-cell]')
  if (!cell) return null
  const [position, column] = cell.dataset.cell!.split(':').map(Number) as [number, number]
  return { position, column }
}

/** The position of the row an event came from, or -1. */
export function positionOf(target: HTMLElement): number {
  const row = target.closest<HTMLElement>('tr[data-position]')
  return row ? Number(row.dataset.position) : -1
}

export interface ClaimsBodyProps {
  scrollElement: HTMLDivElement | null
  /** Set to the virtualizer, for keyboard moves that scroll a row into view. */
  virtualizerRef: RefObject<RowVirtualizer | null>
  /** Height of the sticky header and filter rows above the body. */
  headHeight: number
  columns: readonly ClaimColumn[]
  /** Each column's width, in the order of columns. */
  widths: readonly number[]
  /** Where the first column starts (the checkbox column's width). */
  lead: number
  rows: readonly ClaimRow[]
  order: Uint32Array
  lookups: ClaimLookups
  selected: ReadonlySet<Id>
  /** The one cell in the body reachable by Tab (roving tabindex). */
  tabRow: number
  tabColumn: number
  /** Stable: the checkbox of the row at data-position changed. */
  onCheck: (event: ChangeEvent<HTMLInputElement>) => void
  onClick: (event: MouseEvent<HTMLTableSectionElement>) => void
  onDoubleClick: (event: MouseEvent<HTMLTableSectionElement>) => void
}

/**
 * The columns in view, kept from the scroll element's scrollLeft and width. It listens before
 * the row virtualizer (declared first), so its scrollLeft read finds the layout of the frame
 * before, not the rows the virtualizer has just rendered; it re-renders only when the window moves.
 */
function useColumnWindow(scrollElement: HTMLDivElement | null, widths: readonly number[], lead: number): ColumnWindow {
  // Until the element is measured, the window's width: more columns than in view, never fewer.
  const [shown, setShown] = useState(() => columnWindow(widths, lead, 0, window.innerWidth, COLUMN_OVERSCAN))
  const viewport = useRef({ left: 0, width: window.innerWidth })
  const latest = useRef({ widths, lead })
  useLayoutEffect(() => {
    latest.current = { widths, lead }
    const next = columnWindow(widths, lead, viewport.current.left, viewport.current.width, COLUMN_OVERSCAN)
    setShown((current) => (sameWindow(current, next) ? current : next))
  }, [widths, lead])
  useLayoutEffect(() => {
    if (!scrollElement) return
    const update = (): void => {
      const next = columnWindow(latest.current.widths, latest.current.lead, viewport.current.left, viewport.current.width, COLUMN_OVERSCAN)
      setShown((current) => (sameWindow(current, next) ? current : next))
    }
    const onScroll = (): void => {
      const left = scrollElement.scrollLeft
      if (left === viewport.current.left) return
      viewport.current.left = left
      update()
    }
    const observer = new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]!.contentRect.width
      if (width === viewport.current.width) return
      viewport.current.width = width
      update()
    })
    viewport.current.left = scrollElement.scrollLeft
    scrollElement.addEventListener('scroll', onScroll, { passive: true })
    observer.observe(scrollElement)
    update()
    return () => {
      scrollElement.removeEventListener('scroll', onScroll)
      observer.disconnect()
    }
  }, [scrollElement])
  return shown
}

export const ClaimsBody = memo(function ClaimsBody(props: ClaimsBodyProps) {
  const { scrollElement, virtualizerRef, headHeight, columns, widths, lead, rows, order, lookups, selected, tabRow, tabColumn, onCheck } = props
  const drawn = useColumnWindow(scrollElement, widths, lead)
  // The window follows new widths a render late (a layout effect): columns just taken out of
  // the picker are not drawn meanwhile.
  const first = drawn.first
  const last = Math.min(drawn.last, columns.length - 1)
  // The virtualizer's functions change with scrolling, and this body re-renders with them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    initialOffset: scrollMemory.top,
    // The offset the virtualizer has just read: reading scrollTop here would force a layout.
    onChange: (instance) => {
      scrollMemory.top = instance.scrollOffset ?? scrollMemory.top
    },
  })
  useLayoutEffect(() => {
    virtualizerRef.current = virtualizer
  }, [virtualizerRef, virtualizer])

  const items = virtualizer.getVirtualItems()
  return (
    <tbody
      className="claims-body"
      style={{ height: virtualizer.getTotalSize(), paddingTop: items.length > 0 ? items[0]!.start - headHeight : 0 }}
      onMouseDown={(event) => {
        // Shift+click selects rows, not the text between them.
        if (event.shiftKey) event.preventDefault()
      }}
      onClick={props.onClick}
      onDoubleClick={props.onDoubleClick}
    >
      {items.map((item) => {
        const position = item.index
        const row = rows[order[position]!]!
        return (
          <ClaimsRow
            key={row.id}
            row={row}
            position={position}
            selected={selected.has(row.id)}
            tabColumn={position === tabRow ? tabColumn : -1}
            first={first}
            last={last}
            columns={columns}
            lookups={lookups}
            onCheck={onCheck}
          />
        )
      })}
    </tbody>
  )
})

interface ClaimsRowProps {
  row: ClaimRow
  position: number
  selected: boolean
  /** The column whose cell takes Tab in this row, or -1. */
  tabColumn: number
  /** The columns drawn (indices into columns, inclusive); the tab cell is drawn wherever it is. */
  first: number
  last: number
  columns: readonly ClaimColumn[]
  lookups: ClaimLookups
  onCheck: (event: ChangeEvent<HTMLInputElement>) => void
}

const ClaimsRow = memo(function ClaimsRow({ row, position, selected, tabColumn, first, last, columns, lookups, onCheck }: ClaimsRowProps) {
  // Column indices here count from 0; the keyboard's and aria-colindex count the checkbox.
  const drawn: number[] = []
  const tab = tabColumn - 1
  if (tab >= 0 && tab < first && tab < columns.length) drawn.push(tab)
  for (let index = first; index <= last; index++) drawn.push(index)
  if (tab > last && tab < columns.length) drawn.push(tab)
  return (
    <tr
      data-position={position}
      aria-rowindex={position + 3}
      aria-selected={selected}
      aria-label={rowName(position, columns, row, lookups)}
      className={selected ? 'claims-row is-selected' : 'claims-row'}
    >
      <td className="cell-check" data-cell={`${position}:0`} aria-colindex={1} tabIndex={tabColumn === 0 ? 0 : -1}>
        <input type="checkbox" aria-label={`Select claim ${position + 1}`} checked={selected} onChange={onCheck} />
      </td>
      {drawn.map((index, at) => {
        const column = columns[index]!
        // The grid places a cell after the one before it; a gap (columns not drawn) is skipped by its grid line.
        const previous = at === 0 ? -1 : drawn[at - 1]!
        return (
          <ClaimCell
            key={column.id}
            column={column}
            row={row}
            lookups={lookups}
            at={`${position}:${index + 1}`}
            colIndex={index + 2}
            tabbable={index === tab}
            gridColumn={index === previous + 1 ? undefined : index + 2}
          />
        )
      })}
    </tr>
  )
})
