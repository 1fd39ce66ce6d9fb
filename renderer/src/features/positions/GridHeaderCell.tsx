import { memo, useRef, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react'
import type { PositionsColumn } from '../../domain/positions/columns'
import { MAX_WIDTH, MIN_WIDTH, type SortDirection, type SortInfo } from './gridLayout'

function ariaSort(direction: SortDirection): 'ascending' | 'descending' | 'none' {
  return direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'
}

interface HeaderCellProps {
  column: PositionsColumn
  colIndex: number
  width: number
  sortOf: (columnId: string) => SortInfo
  sortedColumnCount: number
  onSort: (columnId: string, multi: boolean) => void
  /** The key the width is kept under ('bucket' for every period column). */
  resizeKey: string
  onResize: (key: string, width: number) => void
}

// Memoised: a scroll that brings new period columns leaves the header cells already shown alone.
export const HeaderCell = memo(function HeaderCell({ column, colIndex, width, sortOf, sortedColumnCount, onSort, resizeKey, onResize }: HeaderCellProps) {
  const sort = sortOf(column.id)
  const drag = useRef<{ x: number; width: number } | null>(null)
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { x: event.clientX, width }
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (!drag.current) return
    onResize(resizeKey, Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, drag.current.width + event.clientX - drag.current.x))))
  }
  const onPointerUp = (): void => {
    drag.current = null
  }
  const onHandleKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.shiftKey ? 48 : 16
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault()
      event.stopPropagation()
      onResize(resizeKey, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width + (event.key === 'ArrowRight' ? step : -step))))
    }
  }
  const what = column.kind === 'bucket' ? 'period columns' : `${column.header} column`
  return (
    <div
      role="columnheader"
      // Named by its header alone: the resize handle inside it has a name of its own.
      aria-label={column.header}
      aria-colindex={colIndex}
      aria-sort={ariaSort(sort.direction)}
      className={`positions-th kind-${column.kind}`}
      style={{ width }}
      title={`${column.description}. Click to sort; Shift+click to sort by this column too. Drag the right edge to widen.`}
    >
      <button type="button" className="sort-button" onClick={(event: MouseEvent) => onSort(column.id, event.shiftKey)}>
        <span className="sort-label">{column.header}</span>
        <span className="sort-indicator" aria-hidden="true">
          {sort.direction === 'asc' ? '▲' : sort.direction === 'desc' ? '▼' : ''}
          {sort.direction && sortedColumnCount > 1 ? <sup>{sort.index + 1}</sup> : null}
        </span>
      </button>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${what}`}
        aria-valuenow={width}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        tabIndex={column.kind === 'label' ? 0 : -1}
        className="resize-handle"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onHandleKey}
      />
    </div>
  )
})
