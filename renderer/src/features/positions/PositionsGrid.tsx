import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react'
import type { BucketSize } from '../../domain/positions/buckets'
import type { PositionsColumn } from '../../domain/positions/columns'
import { describeCell, describeSeries, formatMean, stanceTone } from '../../domain/positions/format'
import type { PositionRow, PositionsView } from '../../domain/positions/rows'

// The positions table: sticky header, sticky label columns (actor, kind, issue), rows and
// columns both virtualised, so only what is on screen is in the DOM. Semantics are a table's
// (explicit roles, aria-rowindex/colindex for the parts not rendered, aria-sort); arrow keys
// move between cells, Enter opens the claims behind one.

export const ROW_HEIGHT = 32
export const HEADER_HEIGHT = 44
const LABEL_WIDTHS: Record<string, number> = { actor: 188, kind: 96, issue: 156 }
const SUMMARY_WIDTHS: Record<string, number> = { claims: 62, first: 60, last: 60, shift: 54, reversals: 86, lastSeen: 92 }
const BUCKET_WIDTHS: Record<BucketSize, number> = { day: 90, week: 80, month: 74, quarter: 74, year: 66 }

export type SortDirection = 'asc' | 'desc' | false

export interface SortInfo {
  direction: SortDirection
  /** Position in a multi-column sort (0-based), -1 when unsorted. */
  index: number
}

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

function widthOf(column: PositionsColumn, size: BucketSize): number {
  if (column.kind === 'label') return LABEL_WIDTHS[column.id] ?? 160
  if (column.kind === 'summary') return SUMMARY_WIDTHS[column.id] ?? 80
  return BUCKET_WIDTHS[size]
}

export function PositionsGrid(props: PositionsGridProps) {
  const { columns, rows, bucketSize, scrollKey } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const { labels, scrolling, labelOffsets, stickyWidth } = useMemo(() => {
    const labels = columns.filter((column) => column.kind === 'label')
    const labelOffsets: number[] = []
    let stickyWidth = 0
    for (const column of labels) {
      labelOffsets.push(stickyWidth)
      stickyWidth += widthOf(column, bucketSize)
    }
    return { labels, scrolling: columns.filter((column) => column.kind !== 'label'), labelOffsets, stickyWidth }
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
              <HeaderCell key={column.id} {...props} column={column} colIndex={index + 1} width={widthOf(column, bucketSize)} left={labelOffsets[index]} />
            ))}
            {leftPad > 0 && <th role="presentation" aria-hidden="true" className="positions-spacer" style={{ width: leftPad }} />}
            {virtualColumns.map((item) => {
              const column = scrolling[item.index]!
              return <HeaderCell key={column.id} {...props} column={column} colIndex={labels.length + item.index + 1} width={item.size} />
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

interface GridRowProps {
  row: PositionRow
  rowIndex: number
  top: number
  totalWidth: number
  labels: PositionsColumn[]
  labelOffsets: number[]
  scrolling: PositionsColumn[]
  /** The range of scrolling columns on screen (virtualised). */
  firstColumn: number
  lastColumn: number
  leftPad: number
  rightPad: number
  bucketSize: BucketSize
  view: PositionsView
  selected: boolean
  canSelectMore: boolean
  onToggleSelected: (rowId: string) => void
  onOpen: (row: PositionRow, column: PositionsColumn) => void
}

// Memoised on plain values, so scrolling re-renders only the rows and cells that change.
const GridRow = memo(function GridRow(props: GridRowProps) {
  const { row, rowIndex, labels, scrolling, bucketSize } = props
  const cells: ReactNode[] = []
  for (let index = props.firstColumn; index <= props.lastColumn; index++) {
    const column = scrolling[index]!
    cells.push(
      <DataCell
        key={column.id}
        row={row}
        column={column}
        rowIndex={rowIndex}
        colIndex={labels.length + index}
        width={widthOf(column, bucketSize)}
        bucketSize={bucketSize}
        view={props.view}
        onOpen={props.onOpen}
      />,
    )
  }
  return (
    <tr role="row" aria-rowindex={rowIndex + 2} className={props.selected ? 'is-selected' : undefined} style={{ transform: `translateY(${props.top}px)`, width: props.totalWidth }}>
      {labels.map((column, index) => (
        <LabelCell
          key={column.id}
          row={row}
          column={column}
          rowIndex={rowIndex}
          colIndex={index}
          width={widthOf(column, bucketSize)}
          left={props.labelOffsets[index]!}
          selected={props.selected}
          canSelectMore={props.canSelectMore}
          onToggleSelected={props.onToggleSelected}
        />
      ))}
      {props.leftPad > 0 && <td role="presentation" aria-hidden="true" className="positions-spacer" style={{ width: props.leftPad }} />}
      {cells}
      {props.rightPad > 0 && <td role="presentation" aria-hidden="true" className="positions-spacer" style={{ width: props.rightPad }} />}
    </tr>
  )
})

/**
 * A tooltip written when the pointer arrives rather than with every render: building and
 * setting hundreds of breakdown texts on each scroll frame would cost more than the cells.
 */
function lazyTitle(make: () => string): { onMouseEnter: (event: MouseEvent<HTMLElement>) => void } {
  return {
    onMouseEnter: (event) => {
      event.currentTarget.title = make()
    },
  }
}

function ariaSort(direction: SortDirection): 'ascending' | 'descending' | 'none' {
  return direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'
}

function HeaderCell({
  column,
  colIndex,
  width,
  left,
  sortOf,
  sortedColumnCount,
  onSort,
}: PositionsGridProps & { column: PositionsColumn; colIndex: number; width: number; left?: number }) {
  const sort = sortOf(column.id)
  const sticky = left !== undefined
  return (
    <th
      role="columnheader"
      aria-colindex={colIndex}
      aria-sort={ariaSort(sort.direction)}
      className={`positions-th kind-${column.kind}${sticky ? ' is-sticky' : ''}${left === 0 ? ' is-first' : ''}${sticky && column.id === 'issue' ? ' is-last-sticky' : ''}`}
      style={{ width, left }}
      title={`${column.description}. Click to sort; Shift+click to sort by this column too.`}
    >
      <button type="button" className="sort-button" onClick={(event: MouseEvent) => onSort(column.id, event.shiftKey)}>
        <span className="sort-label">{column.header}</span>
        <span className="sort-indicator" aria-hidden="true">
          {sort.direction === 'asc' ? '▲' : sort.direction === 'desc' ? '▼' : ''}
          {sort.direction && sortedColumnCount > 1 ? <sup>{sort.index + 1}</sup> : null}
        </span>
      </button>
    </th>
  )
}

const LabelCell = memo(function LabelCell({
  row,
  column,
  rowIndex,
  colIndex,
  width,
  left,
  selected,
  canSelectMore,
  onToggleSelected,
}: {
  row: PositionRow
  column: PositionsColumn
  rowIndex: number
  colIndex: number
  width: number
  left: number
  selected: boolean
  canSelectMore: boolean
  onToggleSelected: (rowId: string) => void
}) {
  const text = column.text(row)
  let content: ReactNode = (
    <span className="cell-text" dir="auto">
      {text}
    </span>
  )
  if (column.id === 'actor') {
    const label = `Show ${row.actorName} on ${row.issueLabel} in the timeline`
    content = (
      <>
        <input
          type="checkbox"
          className="timeline-toggle"
          aria-label={label}
          title={selected || canSelectMore ? label : 'The timeline shows up to 8 rows: untick one first'}
          checked={selected}
          disabled={!selected && !canSelectMore}
          onChange={() => onToggleSelected(row.id)}
        />
        {content}
      </>
    )
  }
  return (
    <td
      role="cell"
      aria-colindex={colIndex + 1}
      className={`positions-td kind-label is-sticky${left === 0 ? ' is-first' : ''}${column.id === 'issue' ? ' is-last-sticky' : ''}`}
      style={{ width, left }}
      {...lazyTitle(() => (column.id === 'actor' && row.series ? `${text}\n${describeSeries(row.series)}` : text))}
      tabIndex={-1}
      data-cell={`${rowIndex}:${colIndex}`}
    >
      {content}
    </td>
  )
})

const DataCell = memo(function DataCell({
  row,
  column,
  rowIndex,
  colIndex,
  width,
  bucketSize,
  view,
  onOpen,
}: {
  row: PositionRow
  column: PositionsColumn
  rowIndex: number
  colIndex: number
  width: number
  bucketSize: BucketSize
  view: PositionsView
  onOpen: (row: PositionRow, column: PositionsColumn) => void
}) {
  const common = {
    role: 'cell',
    'aria-colindex': colIndex + 1,
    'data-cell': `${rowIndex}:${colIndex}`,
    style: { width },
  } as const
  const open = (): void => onOpen(row, column)
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      open()
    }
  }

  if (column.kind === 'bucket') {
    const cell = row.series?.byBucket.get(column.bucketIndex)
    if (!cell) return <td {...common} className="positions-td kind-bucket is-empty" tabIndex={-1} />
    const previous = cell.previous ? view.buckets[cell.previous.bucket - view.bucketOffset] : undefined
    return (
      <td
        {...common}
        className={`positions-td kind-bucket tone-${stanceTone(cell.mean)}${cell.shift ? ' has-shift' : ''}`}
        {...lazyTitle(() => describeCell(cell, column.bucket!, bucketSize, previous))}
        tabIndex={0}
        onClick={open}
        onKeyDown={onKeyDown}
      >
        {cell.shift && (
          <span className="shift-marker" role="img" aria-label="shift">
            ⇄
          </span>
        )}
        <span className="cell-mean">{formatMean(cell.mean)}</span>
        <span className="cell-count">·{cell.count}</span>
      </td>
    )
  }

  const text = column.text(row)
  const clickable = column.id === 'claims' && (row.series?.count ?? 0) > 0
  return (
    <td
      {...common}
      className={`positions-td kind-summary${clickable ? ' is-clickable' : ''}${column.id === 'shift' && text !== '' && text !== '0' ? ' is-shifted' : ''}`}
      {...lazyTitle(() => (clickable ? 'Click or press Enter to list every claim in this row' : column.description))}
      tabIndex={clickable ? 0 : -1}
      onClick={clickable ? open : undefined}
      onKeyDown={clickable ? onKeyDown : undefined}
    >
      {text}
    </td>
  )
})
