import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ChangeEvent, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react'
import type { ClaimColumn } from '../../domain/claims/columns'
import { scrollLeftToShow } from '../../domain/claims/columnWindow'
import type { ColumnFilter } from '../../domain/claims/filter'
import type { ClaimLookups, ClaimRow } from '../../domain/claims/rows'
import { clickRow, extendTo, NO_SELECTION, selectAll, type ShownRows } from '../../domain/claims/selection'
import { navigate } from '../../shared/routing'
import { isTypingTarget } from '../../shared/shortcuts'
import { focusCellWhenDrawn } from '../../shared/ui/focusCellWhenDrawn'
import { CellTooltip } from './CellTooltip'
import { cellOf, ClaimsBody, positionOf, ROW_HEIGHT, scrollMemory, type RowVirtualizer } from './ClaimsBody'
import { useClaimsColumns } from './claimsColumns'
import { FilterCell } from './FilterCell'
import { HeaderCell } from './HeaderCell'
import type { ClaimsViewState } from './viewState'

// The claims table. TanStack Table holds the columns' state (sort, widths, resizing); the rows
// are not its row model: at 100,000 claims that is an object per row rebuilt on every sort, so
// the screen sorts and filters on precomputed keys (domain/claims/shownOrder.ts) and the body
// (ClaimsBody) draws only the rows in view, under a sticky header and filter row. The table's
// rows are CSS grids on one column template, not a table layout: a row entering view is laid out
// alone, where a table would lay out every row again.
// Keyboard: arrows move between cells, Enter opens the reader, Space selects, Shift+↑/↓
// extends, Ctrl+A selects every row shown, Escape clears the selection.

const HEAD_HEIGHT = 36
const FILTER_HEIGHT = 36
const CHECK_WIDTH = 38

export interface ClaimsTableProps {
  columns: readonly ClaimColumn[]
  rows: readonly ClaimRow[]
  /** Indices into rows, in the order shown. */
  order: Uint32Array
  lookups: ClaimLookups
  shown: ShownRows
  view: ClaimsViewState
  update: (patch: Partial<ClaimsViewState>) => void
  onEditSelected: () => void
}

/** Opens the reader at the claim's highlight. */
export function openClaim(row: ClaimRow): void {
  navigate('library', ['article', row.articleId], { claim: row.id })
}

export function ClaimsTable({ columns, rows, order, lookups, shown, view, update, onEditSelected }: ClaimsTableProps) {
  const { sorting, headers } = useClaimsColumns(columns, view, update)
  const sizeKey = headers.map((header) => header.getSize()).join(',')
  // One array while the widths stay, so the body (memoised) re-renders only when they change.
  const sizes = useMemo(() => sizeKey.split(',').filter(Boolean).map(Number), [sizeKey])
  const totalWidth = CHECK_WIDTH + sizes.reduce((sum, size) => sum + size, 0)
  // Every row (header, filter, body) is a grid on this template: a resize restyles, no row re-renders.
  const tableStyle = { width: totalWidth, '--claims-columns': [CHECK_WIDTH, ...sizes].map((size) => `${size}px`).join(' ') } as CSSProperties

  const scrollRef = useRef<HTMLDivElement>(null)
  // The body's virtualizer mounts before this element's ref is set: it gets the element when
  // it exists, as a prop, and re-renders then.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null)
  const attachScroll = useCallback((element: HTMLDivElement | null) => {
    scrollRef.current = element
    setScrollElement(element)
  }, [])
  const virtualizerRef = useRef<RowVirtualizer | null>(null)
  const headHeight = HEAD_HEIGHT + FILTER_HEIGHT

  // The focused cell: one tab stop in the body (roving tabindex), by row id so it survives a sort.
  const [active, setActive] = useState<{ id: string | null; column: number }>({ id: null, column: 0 })
  const activePosition = active.id === null ? -1 : shown.positionOf(active.id)
  const tabRow = activePosition >= 0 ? activePosition : 0
  const tabColumn = activePosition >= 0 ? active.column : 1
  const selection = view.selection
  const setSelection = useCallback((next: typeof selection) => update({ selection: next }), [update])

  // Where the last move sent focus until it lands there: a cell out of view is drawn first, so
  // focus can arrive a frame or more later, and a key pressed meanwhile moves on from the cell
  // it was sent to, not from the one it left. Any focus arriving in the table (the cell, or a
  // click elsewhere) ends the wait, as do a press and focus going elsewhere (focusCellWhenDrawn).
  const focusOnItsWay = useRef<string | null>(null)
  const focusCell = useCallback(
    (position: number, column: number) => {
      if (order.length === 0) return
      const row = Math.max(0, Math.min(order.length - 1, position))
      const col = Math.max(0, Math.min(columns.length, column))
      setActive({ id: shown.idAt(row), column: col })
      virtualizerRef.current?.scrollToIndex(row, { align: 'auto' })
      // The body draws the columns in view: bring the cell's column there (the checkbox column is always first).
      const scroller = scrollRef.current
      if (scroller) {
        const left = col === 0 ? 0 : scrollLeftToShow(sizes, CHECK_WIDTH, col - 1, scroller.scrollLeft, scroller.clientWidth)
        if (left !== scroller.scrollLeft) scroller.scrollLeft = left
      }
      focusCellWhenDrawn(() => scrollRef.current, `${row}:${col}`, focusOnItsWay)
    },
    [order.length, columns.length, shown, sizes],
  )

  // A new filter or sort starts at the top: the old scroll position means nothing there.
  const orderKey = useRef(order)
  useLayoutEffect(() => {
    if (orderKey.current === order) return
    const previous = orderKey.current
    orderKey.current = order
    // A write that changes a few rows keeps the place; a new filter or sort does not. Already at
    // the top (as the virtualizer last saw), scrollTo would only force a layout mid-commit.
    if (scrollMemory.top > 0 && (previous.length !== order.length || previous[0] !== order[0])) scrollRef.current?.scrollTo({ top: 0 })
  }, [order])

  // The body's handlers are stable, so a re-render here (focus, selection) leaves its rows be;
  // they read the latest state from here.
  const latest = useRef({ selection, shown, rows, order })
  useLayoutEffect(() => {
    latest.current = { selection, shown, rows, order }
  })
  const onCheck = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const position = positionOf(event.currentTarget)
      if (position < 0) return
      const { selection: current, shown: rowsShown } = latest.current
      setSelection(clickRow(current, position, rowsShown, { range: (event.nativeEvent as globalThis.MouseEvent).shiftKey, toggle: true }))
    },
    [setSelection],
  )
  const onBodyClick = useCallback(
    (event: MouseEvent<HTMLTableSectionElement>) => {
      const target = event.target as HTMLElement
      const position = positionOf(target)
      if (position < 0 || target.closest('a, input, button')) return
      const { selection: current, shown: rowsShown } = latest.current
      setSelection(clickRow(current, position, rowsShown, { range: event.shiftKey, toggle: event.ctrlKey || event.metaKey }))
      const cell = cellOf(target)
      if (cell) setActive({ id: rowsShown.idAt(position), column: cell.column })
    },
    [setSelection],
  )
  const onBodyDoubleClick = useCallback((event: MouseEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement
    const position = positionOf(target)
    if (position < 0 || target.closest('a, input, button')) return
    const { rows: all, order: shownOrder } = latest.current
    openClaim(all[shownOrder[position]!]!)
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLElement
    const at = cellOf(target)
    if (!at || isTypingTarget(target)) return
    const [position, column] = focusOnItsWay.current === null ? [at.position, at.column] : focusOnItsWay.current.split(':').map(Number) as [number, number]
    const cell = target.closest<HTMLElement>('[data-cell]')
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - headHeight) / ROW_HEIGHT) - 1)
    const key = event.key
    if ((event.ctrlKey || event.metaKey) && !event.altKey && key.toLowerCase() === 'a') {
      event.preventDefault()
      setSelection(selectAll(shown))
      return
    }
    if (key === 'Escape' && selection.selected.size > 0) {
      event.preventDefault()
      setSelection(NO_SELECTION)
      return
    }
    if (key === 'Enter' && target === cell) {
      event.preventDefault()
      if (event.ctrlKey || event.metaKey) onEditSelected()
      else openClaim(rows[order[position]!]!)
      return
    }
    if (key === ' ' && target === cell) {
      event.preventDefault()
      setSelection(clickRow(selection, position, shown, { range: event.shiftKey, toggle: true }))
      return
    }
    const moves: Record<string, [number, number]> = {
      ArrowUp: [position - 1, column],
      ArrowDown: [position + 1, column],
      ArrowLeft: [position, column - 1],
      ArrowRight: [position, column + 1],
      PageUp: [position - page, column],
      PageDown: [position + page, column],
      Home: event.ctrlKey ? [0, column] : [position, 0],
      End: event.ctrlKey ? [order.length - 1, column] : [position, columns.length],
    }
    const move = moves[key]
    if (!move) return
    event.preventDefault()
    const to = Math.max(0, Math.min(order.length - 1, move[0]))
    if (event.shiftKey && to !== position && (key === 'ArrowUp' || key === 'ArrowDown' || key === 'PageUp' || key === 'PageDown')) {
      setSelection(extendTo(selection, position, to, shown))
    }
    focusCell(to, move[1])
  }

  const setFilter = (columnId: string, filter: ColumnFilter | undefined): void => {
    const next = { ...view.filters.columns }
    if (filter === undefined) delete next[columnId]
    else next[columnId] = filter
    update({ filters: { ...view.filters, columns: next }, selection: { ...selection, anchor: null } })
  }

  const allSelected = order.length > 0 && selection.selected.size >= order.length && shown.count > 0 && [0, order.length - 1].every((position) => selection.selected.has(shown.idAt(position)))
  const someSelected = selection.selected.size > 0

  return (
    <div className="claims-scroll" ref={attachScroll} onKeyDown={onKeyDown} onFocus={() => (focusOnItsWay.current = null)}>
      <table className="claims-table" aria-label="Claims" aria-rowcount={order.length + 2} aria-colcount={columns.length + 1} style={tableStyle}>
        <thead className="claims-head">
          <tr aria-rowindex={1} className="claims-head-row">
            <th scope="col" className="cell-check">
              <input
                type="checkbox"
                aria-label="Select every claim shown"
                checked={allSelected}
                ref={(element) => {
                  if (element) element.indeterminate = someSelected && !allSelected
                }}
                onChange={() => setSelection(allSelected ? NO_SELECTION : selectAll(shown))}
              />
            </th>
            {headers.map((header) => (
              <HeaderCell key={header.id} header={header} sortCount={sorting.length} setWidth={(width) => update({ widths: { ...view.widths, [header.column.id]: width } })} />
            ))}
          </tr>
          <tr aria-rowindex={2} className="claims-filter-row">
            <td className="cell-check" />
            {columns.map((column) => (
              <td key={column.id}>
                <FilterCell column={column} filter={view.filters.columns[column.id]} onChange={(filter) => setFilter(column.id, filter)} rows={rows} lookups={lookups} />
              </td>
            ))}
          </tr>
        </thead>
        <ClaimsBody
          scrollElement={scrollElement}
          virtualizerRef={virtualizerRef}
          headHeight={headHeight}
          columns={columns}
          widths={sizes}
          lead={CHECK_WIDTH}
          rows={rows}
          order={order}
          lookups={lookups}
          selected={selection.selected}
          tabRow={tabRow}
          tabColumn={tabColumn}
          onCheck={onCheck}
          onClick={onBodyClick}
          onDoubleClick={onBodyDoubleClick}
        />
      </table>
      {order.length === 0 && <p className="claims-none">No claims match these filters.</p>}
      <CellTooltip container={scrollRef} />
    </div>
  )
}
