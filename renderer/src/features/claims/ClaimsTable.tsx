import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { ClaimColumn } from '../../domain/claims/columns'
import type { ColumnFilter } from '../../domain/claims/filter'
import type { ClaimLookups, ClaimRow } from '../../domain/claims/rows'
import { clickRow, extendTo, NO_SELECTION, selectAll, type ShownRows } from '../../domain/claims/selection'
import { navigate } from '../../shared/routing'
import { isTypingTarget } from '../../shared/shortcuts'
import { ClaimCell } from './ClaimCell'
import { CellTooltip } from './CellTooltip'
import { useClaimsColumns } from './claimsColumns'
import { FilterCell } from './FilterCell'
import { HeaderCell } from './HeaderCell'
import type { ClaimsViewState } from './viewState'

// The claims table. TanStack Table holds the columns' state (sort, widths, resizing); the rows
// are not its row model: at 100,000 claims that is an object per row rebuilt on every sort, so
// the screen sorts and filters on precomputed keys (domain/claims/shownOrder.ts) and this
// component draws only the rows in view (TanStack Virtual), with a sticky header and filter row.
// Keyboard: arrows move between cells, Enter opens the reader, Space selects, Shift+↑/↓
// extends, Ctrl+A selects every row shown, Escape clears the selection.


const ROW_HEIGHT = 34
const HEAD_HEIGHT = 36
const FILTER_HEIGHT = 36
const CHECK_WIDTH = 38

// Where the table was scrolled, kept across visits within the session.
const memory = { top: 0 }

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
  const totalWidth = CHECK_WIDTH + headers.reduce((sum, header) => sum + header.getSize(), 0)

  const scrollRef = useRef<HTMLDivElement>(null)
  const headHeight = HEAD_HEIGHT + FILTER_HEIGHT
  // The app does not use the React Compiler; the virtualizer's unmemoisable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    initialOffset: memory.top,
  })
  const items = virtualizer.getVirtualItems()
  const paddingTop = items.length > 0 ? items[0]!.start - headHeight : 0
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - headHeight) : 0

  // The focused cell: one tab stop in the body (roving tabindex), by row id so it survives a sort.
  const [active, setActive] = useState<{ id: string | null; column: number }>({ id: null, column: 0 })
  const activePosition = active.id === null ? -1 : shown.positionOf(active.id)
  const tabRow = activePosition >= 0 ? activePosition : 0
  const selection = view.selection
  const setSelection = useCallback((next: typeof selection) => update({ selection: next }), [update])

  const focusCell = useCallback(
    (position: number, column: number) => {
      if (order.length === 0) return
      const row = Math.max(0, Math.min(order.length - 1, position))
      const col = Math.max(0, Math.min(columns.length, column))
      setActive({ id: shown.idAt(row), column: col })
      virtualizer.scrollToIndex(row, { align: 'auto' })
      let attempts = 0
      const tryFocus = (): void => {
        const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`)
        if (cell) cell.focus({ preventScroll: true })
        else if (attempts++ < 10) requestAnimationFrame(tryFocus)
      }
      requestAnimationFrame(tryFocus)
    },
    [order.length, columns.length, shown, virtualizer],
  )

  useEffect(() => {
    const element = scrollRef.current
    if (!element) return
    const remember = (): void => {
      memory.top = element.scrollTop
    }
    element.addEventListener('scroll', remember, { passive: true })
    return () => element.removeEventListener('scroll', remember)
  }, [])
  // A new filter or sort starts at the top: the old scroll position means nothing there.
  const orderKey = useRef(order)
  useLayoutEffect(() => {
    if (orderKey.current === order) return
    const previous = orderKey.current
    orderKey.current = order
    // A write that changes a few rows keeps the place; a new filter or sort does not. Already at
    // the top (as the scroll listener last saw), scrollTo would only force a layout mid-commit.
    if (memory.top > 0 && (previous.length !== order.length || previous[0] !== order[0])) scrollRef.current?.scrollTo({ top: 0 })
  }, [order])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLElement
    const cell = target.closest<HTMLElement>('[data-cell]')
    if (!cell || isTypingTarget(target)) return
    const [position, column] = cell.dataset.cell!.split(':').map(Number) as [number, number]
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

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, position: number): void => {
    const target = event.target as HTMLElement
    if (target.closest('a, input, button')) return
    setSelection(clickRow(selection, position, shown, { range: event.shiftKey, toggle: event.ctrlKey || event.metaKey }))
    const cell = target.closest<HTMLElement>('[data-cell]')
    if (cell) setActive({ id: shown.idAt(position), column: Number(cell.dataset.cell!.split(':')[1]) })
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
    <div className="claims-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
      <table className="claims-table" aria-label="Claims" aria-rowcount={order.length + 2} aria-colcount={columns.length + 1} style={{ width: totalWidth }}>
        <colgroup>
          <col style={{ width: CHECK_WIDTH }} />
          {headers.map((header) => (
            <col key={header.id} style={{ width: header.getSize() }} />
          ))}
        </colgroup>
        <thead>
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
        <tbody>
          {paddingTop > 0 && (
            <tr className="virtual-spacer" aria-hidden="true">
              <td colSpan={columns.length + 1} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const position = item.index
            const row = rows[order[position]!]!
            const selected = selection.selected.has(row.id)
            return (
              <tr
                key={row.id}
                aria-rowindex={position + 3}
                aria-selected={selected}
                className={selected ? 'claims-row is-selected' : 'claims-row'}
                onMouseDown={(event) => {
                  // Shift+click selects rows, not the text between them.
                  if (event.shiftKey) event.preventDefault()
                }}
                onClick={(event) => onRowClick(event, position)}
                onDoubleClick={(event) => {
                  if (!(event.target as HTMLElement).closest('a, input, button')) openClaim(row)
                }}
              >
                <td className="cell-check">
                  <input
                    type="checkbox"
                    aria-label={`Select claim ${position + 1}`}
                    checked={selected}
                    onChange={(event) => setSelection(clickRow(selection, position, shown, { range: (event.nativeEvent as globalThis.MouseEvent).shiftKey, toggle: true }))}
                  />
                </td>
                {columns.map((column, index) => (
                  <td
                    key={column.id}
                    data-cell={`${position}:${index + 1}`}
                    tabIndex={position === tabRow && index + 1 === (activePosition >= 0 ? active.column : 1) ? 0 : -1}
                    className={`claims-cell cell-${column.type} col-${column.id.replace(/[^a-z0-9]/gi, '-')}`}
                  >
                    <ClaimCell column={column} row={row} lookups={lookups} />
                  </td>
                ))}
              </tr>
            )
          })}
          {paddingBottom > 0 && (
            <tr className="virtual-spacer" aria-hidden="true">
              <td colSpan={columns.length + 1} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {order.length === 0 && <p className="claims-none">No claims match these filters.</p>}
      <CellTooltip container={scrollRef} />
    </div>
  )
}
