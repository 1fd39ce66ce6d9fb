import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import { describeBucket, type BucketSize } from '../../domain/positions/buckets'
import type { PositionsColumn } from '../../domain/positions/columns'
import type { PositionRow, PositionsView } from '../../domain/positions/rows'
import { GridRow, HeaderCell } from './GridCells'
import { HEADER_HEIGHT, ROW_HEIGHT, widthOf, type SortInfo } from './gridLayout'

// The positions table: sticky header, sticky label columns (actor, kind, issue), rows and
// columns both virtualised, so only what is on screen is in the DOM. Semantics are a table's
// (explicit roles, aria-rowindex/colindex for the parts not rendered, aria-sort); arrow keys
// move between cells, Enter opens the claims behind one.

export type { SortInfo } from './gridLayout'

export interface PositionsGridProps {
  columns: PositionsColumn[]
  rows: PositionRow[]
  view: PositionsView
  bucketSize: BucketSize
  /** Sort state per column id; several entries when sorted by more than one column. */
  sortOf: (columnId: string) => SortInfo
  sortedColumnCount: number
  onSort: (columnId: string, multi: boolean) => void
  selected: ReadonlySet<string>
  canSelectMore: boolean
  onToggleSelected: (rowId: string) => void
  onOpen: (row: PositionRow, column: PositionsColumn) => void
  /** Changes when the columns mean something else (bucket size); the table then reopens at the latest buckets. */
  scrollKey: string
}

// Where the table was scrolled, kept across visits within the session (drill-down and back).
const savedScroll = new Map<string, { top: number; left: number }>()

export function PositionsGrid(props: PositionsGridProps) {
  const { columns, rows, bucketSize, scrollKey } = props
  const sorting = { sortOf: props.sortOf, sortedColumnCount: props.sortedColumnCount, onSort: props.onSort }
  const scrollRef = useRef<HTMLDivElement>(null)
  const { labels, scrolling, labelOffsets, stickyWidth, periods } = useMemo(() => {
    const labels = columns.filter((column) => column.kind === 'label')
    const labelOffsets: number[] = []
    let stickyWidth = 0
    for (const column of labels) {
      labelOffsets.push(stickyWidth)
      stickyWidth += widthOf(column, bucketSize)
    }
    // Each period in words, once per column, for the cells' accessible names.
    const periods = new Map(columns.flatMap((column) => (column.bucket ? [[column.id, describeBucket(column.bucket, bucketSize)] as const] : [])))
    return { labels, scrolling: columns.filter((column) => column.kind !== 'label'), labelOffsets, stickyWidth, periods }
  }, [columns, bucketSize])

  // The app does not use the React Compiler; the virtualizer's unmemoisable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  })
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: scrolling.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => widthOf(scrolling[index]!, bucketSize),
    overscan: 3,
    scrollMargin: stickyWidth,
    scrollPaddingStart: stickyWidth,
  })
  // Widths change with the bucket size: let the virtualizer measure again.
  useLayoutEffect(() => columnVirtualizer.measure(), [columnVirtualizer, bucketSize, scrolling.length])

  // Open where the analyst left the table, or at the latest buckets (and the summary) when new.
  const restoredFor = useRef<string | null>(null)
  useLayoutEffect(() => {
    const element = scrollRef.current
    if (!element || restoredFor.current === scrollKey || scrolling.length === 0) return
    restoredFor.current = scrollKey
    const saved = savedScroll.get(scrollKey)
    element.scrollTop = saved?.top ?? 0
    element.scrollLeft = saved?.left ?? element.scrollWidth
  }, [scrollKey, scrolling.length])
  const onScroll = useCallback(() => {
    const element = scrollRef.current
    if (element) savedScroll.set(scrollKey, { top: element.scrollTop, left: element.scrollLeft })
  }, [scrollKey])

  const virtualRows = rowVirtualizer.getVirtualItems()
  const virtualColumns = columnVirtualizer.getVirtualItems()
  const totalWidth = stickyWidth + columnVirtualizer.getTotalSize()
  const leftPad = virtualColumns.length > 0 ? virtualColumns[0]!.start - stickyWidth : 0
  const rightPad = virtualColumns.length > 0 ? columnVirtualizer.getTotalSize() - (virtualColumns[virtualColumns.length - 1]!.end - stickyWidth) : 0

  // Keyboard: arrows move between cells (scrolling them into view), Home/End along the row.
  const pendingFocus = useRef<string | null>(null)
  const focusCell = (rowIndex: number, columnIndex: number): void => {
    const row = Math.max(0, Math.min(rows.length - 1, rowIndex))
    const column = Math.max(0, Math.min(columns.length - 1, columnIndex))
    rowVirtualizer.scrollToIndex(row, { align: 'auto' })
    if (column >= labels.length) columnVirtualizer.scrollToIndex(column - labels.length, { align: 'auto' })
    pendingFocus.current = `${row}:${column}`
    let attempts = 0
    const tryFocus = (): void => {
      const key = pendingFocus.current
      if (key === null) return
      const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${key}"]`)
      if (cell) {
        cell.focus({ preventScroll: true })
        pendingFocus.current = null
      } else if (attempts++ < 10) requestAnimationFrame(tryFocus)
    }
    requestAnimationFrame(tryFocus)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>): void => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]')
    if (!target || event.target !== target) return
    const [rowIndex, columnIndex] = target.dataset.cell!.split(':').map(Number) as [number, number]
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 2)
    const moves: Record<string, [number, number]> = {
      ArrowUp: [rowIndex - 1, columnIndex],
      ArrowDown: [rowIndex + 1, columnIndex],
      ArrowLeft: [rowIndex, columnIndex - 1],
      ArrowRight: [rowIndex, columnIndex + 1],
      PageUp: [rowIndex - page, columnIndex],
      PageDown: [rowIndex + page, columnIndex],
      Home: event.ctrlKey ? [0, 0] : [rowIndex, 0],
      End: event.ctrlKey ? [rows.length - 1, columns.length - 1] : [rowIndex, columns.length - 1],
    }
    const move = moves[event.key]
    if (move) {
      event.preventDefault()
      focusCell(move[0], move[1])
    }
  }

  return (
    <div className="positions-scroll" ref={scrollRef} onScroll={onScroll}>
      <table
        className="positions-table"
        role="table"
        aria-label="Positions"
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        style={{ width: totalWidth }}
        onKeyDown={onKeyDown}
      >
        <thead role="rowgroup">
          <tr role="row" aria-rowindex={1} style={{ height: HEADER_HEIGHT, width: totalWidth }}>
            {labels.map((column, index) => (
              <HeaderCell key={column.id} {...sorting} column={column} colIndex={index + 1} width={widthOf(column, bucketSize)} left={labelOffsets[index]} />
            ))}
            {leftPad > 0 && <th role="presentation" aria-hidden="true" className="positions-spacer" style={{ width: leftPad }} />}
            {virtualColumns.map((item) => {
              const column = scrolling[item.index]!
              return <HeaderCell key={column.id} {...sorting} column={column} colIndex={labels.length + item.index + 1} width={item.size} />
            })}
            {rightPad > 0 && <th role="presentation" aria-hidden="true" className="positions-spacer" style={{ width: rightPad }} />}
          </tr>
        </thead>
        <tbody role="rowgroup" style={{ height: rowVirtualizer.getTotalSize() }}>
          {virtualRows.map((item) => (
            <GridRow
              key={rows[item.index]!.id}
              row={rows[item.index]!}
              rowIndex={item.index}
              top={item.start - HEADER_HEIGHT}
              totalWidth={totalWidth}
              labels={labels}
              labelOffsets={labelOffsets}
              scrolling={scrolling}
              firstColumn={virtualColumns[0]?.index ?? 0}
              lastColumn={virtualColumns[virtualColumns.length - 1]?.index ?? -1}
              leftPad={leftPad}
              rightPad={rightPad}
              bucketSize={bucketSize}
              periods={periods}
              view={props.view}
              selected={props.selected.has(rows[item.index]!.id)}
              canSelectMore={props.canSelectMore}
              onToggleSelected={props.onToggleSelected}
              onOpen={props.onOpen}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}
