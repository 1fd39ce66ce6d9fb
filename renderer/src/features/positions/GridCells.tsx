import { memo, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react'
import type { BucketSize } from '../../domain/positions/buckets'
import type { PositionsColumn } from '../../domain/positions/columns'
import { cellAccessibleName, describeCell, describeSeries, formatMean, stanceTone } from '../../domain/positions/format'
import type { PositionRow, PositionsView } from '../../domain/positions/rows'
import { widthOf, type SortDirection, type SortInfo } from './gridLayout'

// The positions table's rows and cells: header cells that sort, sticky label cells, and the
// bucket and summary cells (a bucket cell names its actor, issue and period for screen readers).

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
  /** Each bucket column's period in words, by column id. */
  periods: ReadonlyMap<string, string>
  view: PositionsView
  selected: boolean
  canSelectMore: boolean
  onToggleSelected: (rowId: string) => void
  onOpen: (row: PositionRow, column: PositionsColumn) => void
}

// Memoised on plain values, so scrolling re-renders only the rows and cells that change.
export const GridRow = memo(function GridRow(props: GridRowProps) {
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
        period={props.periods.get(column.id) ?? ''}
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

interface HeaderCellProps {
  column: PositionsColumn
  colIndex: number
  width: number
  left?: number
  sortOf: (columnId: string) => SortInfo
  sortedColumnCount: number
  onSort: (columnId: string, multi: boolean) => void
}

export function HeaderCell({ column, colIndex, width, left, sortOf, sortedColumnCount, onSort }: HeaderCellProps) {
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
  period,
  view,
  onOpen,
}: {
  row: PositionRow
  column: PositionsColumn
  rowIndex: number
  colIndex: number
  width: number
  bucketSize: BucketSize
  period: string
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
        aria-label={cellAccessibleName(row.actorName, row.issueLabel, period, cell)}
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
