import { memo, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react'
import type { BucketSize } from '../../domain/positions/buckets'
import type { PositionsColumn } from '../../domain/positions/columns'
import { cellAccessibleName, describeCell, describeSeries, formatMean, stanceTone } from '../../domain/positions/format'
import type { PositionRow, PositionsView } from '../../domain/positions/rows'
import { ROW_HEIGHT } from './gridLayout'

// The positions table's rows and cells (header cells: GridHeaderCell.tsx): the frozen label
// block at the start of each row, and the period and summary cells (a period cell names its
// row and period for screen readers).

interface GridRowProps {
  row: PositionRow
  rowIndex: number
  labels: PositionsColumn[]
  labelWidths: number[]
  frozenWidth: number
  /** The blocks of scrolling columns rendered (stable arrays, see PositionsGrid's layout). */
  blocks: readonly ColumnBlock[]
  bucketSize: BucketSize
  /** A period column's period in words ('' for other columns; worked out once per column, when first drawn). */
  periodOf: (column: PositionsColumn) => string
  view: PositionsView
  selected: boolean
  canSelectMore: boolean
  onToggleSelected: (rowId: string) => void
  onOpen: (row: PositionRow, column: PositionsColumn) => void
}

/** A run of scrolling columns rendered together: its columns, their widths and its first index among the scrolling columns. */
export interface ColumnBlock {
  columns: readonly PositionsColumn[]
  widths: readonly number[]
  first: number
  /** Where the block starts, from the row's left edge (past the frozen pane). */
  left: number
}

// Memoised on plain values, so a scroll that renders a new block of rows leaves the other rows
// alone; and its cells come in column blocks, memoised too, so a scroll that brings a new
// block of columns makes only that block's cells, not every cell of every row again.
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { row, rowIndex, labels } = props
  return (
    <div role="row" aria-rowindex={rowIndex + 2} className={props.selected ? 'positions-row is-selected' : 'positions-row'} style={{ top: rowIndex * ROW_HEIGHT }}>
      <div role="presentation" className="positions-frozen" style={{ width: props.frozenWidth }}>
        {labels.map((column, index) => (
          <LabelCell
            key={column.id}
            row={row}
            column={column}
            rowIndex={rowIndex}
            colIndex={index}
            width={props.labelWidths[index]!}
            last={index === labels.length - 1}
            selected={props.selected}
            canSelectMore={props.canSelectMore}
            onToggleSelected={props.onToggleSelected}
          />
        ))}
      </div>
      {props.blocks.map((block) => (
        <CellBlock
          key={block.first}
          row={row}
          block={block}
          rowIndex={rowIndex}
          labelCount={labels.length}
          bucketSize={props.bucketSize}
          periodOf={props.periodOf}
          view={props.view}
          onOpen={props.onOpen}
        />
      ))}
    </div>
  )
})

const CellBlock = memo(function CellBlock(props: {
  row: PositionRow
  block: ColumnBlock
  rowIndex: number
  labelCount: number
  bucketSize: BucketSize
  periodOf: (column: PositionsColumn) => string
  view: PositionsView
  onOpen: (row: PositionRow, column: PositionsColumn) => void
}) {
  const { row, block, rowIndex, bucketSize } = props
  const cells: ReactNode[] = []
  for (let index = 0; index < block.columns.length; index++) {
    const column = block.columns[index]!
    cells.push(
      dataCell({
        row,
        column,
        rowIndex,
        colIndex: props.labelCount + block.first + index,
        width: block.widths[index]!,
        bucketSize,
        period: props.periodOf(column),
        view: props.view,
        onOpen: props.onOpen,
      }),
    )
  }
  return (
    <div role="presentation" className="positions-block" style={{ left: block.left }}>
      {cells}
    </div>
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

const LabelCell = memo(function LabelCell({
  row,
  column,
  rowIndex,
  colIndex,
  width,
  last,
  selected,
  canSelectMore,
  onToggleSelected,
}: {
  row: PositionRow
  column: PositionsColumn
  rowIndex: number
  colIndex: number
  width: number
  last: boolean
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
  if (colIndex === 0) {
    const label = `Show ${row.label} on ${row.issueLabel} in the timeline`
    content = (
      <>
        <input
          type="checkbox"
          className="timeline-toggle"
          aria-label={label}
          title={selected || canSelectMore ? label : 'The timeline is full: untick a row first'}
          checked={selected}
          disabled={!selected && !canSelectMore}
          onChange={() => onToggleSelected(row.id)}
        />
        {content}
      </>
    )
  }
  return (
    <div
      role="cell"
      aria-colindex={colIndex + 1}
      className={`positions-td kind-label${last ? ' is-last-label' : ''}`}
      style={{ width }}
      // The whole label on hover; on focus the cell itself opens to show it (positions.css).
      {...lazyTitle(() => (colIndex === 0 && row.series ? `${text}\n${describeSeries(row.series)}` : text))}
      tabIndex={-1}
      data-cell={`${rowIndex}:${colIndex}`}
    >
      {content}
    </div>
  )
})

/** A period or summary cell: plain elements, no component of its own (a block holds hundreds). */
function dataCell({
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
}): ReactNode {
  const common = {
    role: 'cell',
    'aria-colindex': colIndex + 1,
    'data-cell': `${rowIndex}:${colIndex}`,
  } as const
  const open = (): void => onOpen(row, column)
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      open()
    }
  }

  if (column.kind === 'bucket') {
    const cell = row.series?.byOrdinal.get(column.ordinal)
    // Period cells take their width from the table (--bucket-width: every period column has the
    // same), and the count is the cell's own text, styled by the cell (positions.css): two
    // elements per cell, laid out as a line rather than a flex box, so a block of new cells
    // costs the browser little to make, lay out and paint.
    if (!cell) return <div key={column.id} {...common} className="positions-td kind-bucket is-empty" tabIndex={-1} />
    // Looked up on hover only: a day table has thousands of buckets.
    const previous = () => (cell.previous ? view.buckets.find((entry) => entry.ordinal === cell.previous!.ordinal)?.bucket : undefined)
    return (
      <div
        key={column.id}
        {...common}
        className={`positions-td kind-bucket tone-${stanceTone(cell.mean)}${cell.shift ? ' has-shift' : ''}`}
        aria-label={cellAccessibleName(row.label, row.issueLabel, period, cell)}
        {...lazyTitle(() => describeCell(cell, column.bucket!, bucketSize, previous()))}
        tabIndex={0}
        onClick={open}
        onKeyDown={onKeyDown}
      >
        {cell.shift && (
          <span className="shift-marker" role="img" aria-label="shift">
            ⇄
          </span>
        )}
        <span className="cell-mean">{formatMean(cell.mean)}</span>·{cell.count}
      </div>
    )
  }

  const text = column.text(row)
  const clickable = column.id === 'claims' && (row.series?.count ?? 0) > 0
  return (
    <div
      key={column.id}
      {...common}
      style={{ width }}
      className={`positions-td kind-summary${clickable ? ' is-clickable' : ''}${column.id === 'shift' && text !== '' && text !== '0' ? ' is-shifted' : ''}`}
      {...lazyTitle(() => (clickable ? 'Click or press Enter to list every claim in this row' : column.description))}
      tabIndex={clickable ? 0 : -1}
      onClick={clickable ? open : undefined}
      onKeyDown={clickable ? onKeyDown : undefined}
    >
      {text}
    </div>
  )
}
