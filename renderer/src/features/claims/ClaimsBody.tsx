import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { memo, useLayoutEffect, type ChangeEvent, type MouseEvent, type RefObject } from 'react'
import type { ClaimColumn } from '../../domain/claims/columns'
import type { ClaimLookups, ClaimRow } from '../../domain/claims/rows'
import type { Id } from '../../domain/model'
import { ClaimCell } from './ClaimCell'

// The claims table's rows: only those in view (TanStack Virtual), in a body as tall as every
// row together, padded down to the first row drawn. The virtualizer lives here, not in the table,
// so a scroll frame re-renders this body alone (not the headers and filters); each row is
// memoised and sized by CSS (contain: strict), so a frame mounts the rows entering view and lays
// out only those, while the rows that stay are neither re-rendered nor laid out again. (Rows
// placed absolutely, each with its own inline offset, measured slower to style in Chromium.)

export const ROW_HEIGHT = 34
const OVERSCAN = 8

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

export const ClaimsBody = memo(function ClaimsBody(props: ClaimsBodyProps) {
  const { scrollElement, virtualizerRef, headHeight, columns, rows, order, lookups, selected, tabRow, tabColumn, onCheck } = props
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
  columns: readonly ClaimColumn[]
  lookups: ClaimLookups
  onCheck: (event: ChangeEvent<HTMLInputElement>) => void
}

const ClaimsRow = memo(function ClaimsRow({ row, position, selected, tabColumn, columns, lookups, onCheck }: ClaimsRowProps) {
  return (
    <tr data-position={position} aria-rowindex={position + 3} aria-selected={selected} className={selected ? 'claims-row is-selected' : 'claims-row'}>
      <td className="cell-check">
        <input type="checkbox" aria-label={`Select claim ${position + 1}`} checked={selected} onChange={onCheck} />
      </td>
      {columns.map((column, index) => (
        <ClaimCell key={column.id} column={column} row={row} lookups={lookups} at={`${position}:${index + 1}`} tabbable={index + 1 === tabColumn} />
      ))}
    </tr>
  )
})
