import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent } from 'react'
import { flushSync } from 'react-dom'
import { describeBucket, type BucketSize } from '../../domain/positions/buckets'
import type { PositionsColumn } from '../../domain/positions/columns'
import type { PositionRow, PositionsView } from '../../domain/positions/rows'
import { focusCellWhenDrawn } from '../../shared/ui/focusCellWhenDrawn'
import { GridRow, type ColumnBlock } from './GridCells'
import { HeaderCell } from './GridHeaderCell'
import { COLUMN_BLOCK, FROZEN_EDGE, HEADER_HEIGHT, indexAt, ROW_BLOCK, ROW_HEIGHT, widthKey, widthOf, type SortInfo } from './gridLayout'

// The positions table. One scroller; the label columns (actor, kind, issue) form a frozen pane:
// one sticky block at the start of each row and of the header, not a sticky cell per column.
// Rows and period columns are rendered in blocks of ROW_BLOCK rows and COLUMN_BLOCK columns
// around what is on screen, so a scroll frame usually changes nothing in the DOM and the
// browser only moves pixels; crossing a block boundary renders one block more. Each row is
// placed at its own index and each column block at its own offset, so a block coming or going
// moves nothing else: a moved element is painted again, and a whole screen of cells takes the
// browser longer to paint than a frame lasts.
//
// Semantics are a table's: explicit roles, aria-rowindex/colindex for the parts not rendered,
// aria-sort. Arrow keys move between cells, Enter opens the claims behind one.

export type { SortInfo } from './gridLayout'

export interface PositionsGridProps {
  columns: PositionsColumn[]
  rows: PositionRow[]
  /** How many rows the table has: more than `rows` while only the first screen's are known. */
  rowCount: number
  view: PositionsView
  bucketSize: BucketSize
  widths: Readonly<Record<string, number>>
  onResize: (key: string, width: number) => void
  /** Sort state per column id; several entries when sorted by more than one column. */
  sortOf: (columnId: string) => SortInfo
  sortedColumnCount: number
  onSort: (columnId: string, multi: boolean) => void
  selected: ReadonlySet<string>
  canSelectMore: boolean
  onToggleSelected: (rowId: string) => void
  onOpen: (row: PositionRow, column: PositionsColumn) => void
  /** Changes when the columns mean something else (bucket size); the table then reopens at the latest periods. */
  scrollKey: string
}

interface Range {
  rowStart: number
  rowEnd: number
  columnStart: number
  columnEnd: number
}

// Where the table was scrolled, kept across visits within the session (drill-down and back).
const savedScroll = new Map<string, { top: number; left: number }>()

// The scroller's size when last seen in this window (kept over a reload): the first drawing
// covers what that size shows (see the range's first state below).
const SIZE_KEY = 'standpoint.positions.scrollerSize'
let lastSize: { width: number; height: number } | null = readLastSize()

function readLastSize(): { width: number; height: number } | null {
  try {
    const size = JSON.parse(sessionStorage.getItem(SIZE_KEY) ?? 'null') as { width?: unknown; height?: unknown } | null
    return size && typeof size.width === 'number' && typeof size.height === 'number' ? { width: size.width, height: size.height } : null
  } catch {
    return null
  }
}

function noteSize(width: number, height: number): void {
  if (lastSize?.width === width && lastSize.height === height) return
  lastSize = { width, height }
  try {
    sessionStorage.setItem(SIZE_KEY, JSON.stringify(lastSize))
  } catch {
    // Only a guess for the next first drawing is lost.
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.rowStart === b.rowStart && a.rowEnd === b.rowEnd && a.columnStart === b.columnStart && a.columnEnd === b.columnEnd
}

/** Whether `outer` draws everything `inner` does. */
function covers(outer: Range, inner: Range): boolean {
  return outer.rowStart <= inner.rowStart && outer.rowEnd >= inner.rowEnd && outer.columnStart <= inner.columnStart && outer.columnEnd >= inner.columnEnd
}

export function PositionsGrid(props: PositionsGridProps) {
  const { columns, rows, rowCount, bucketSize, scrollKey, widths } = props
  const sorting = { sortOf: props.sortOf, sortedColumnCount: props.sortedColumnCount, onSort: props.onSort }
  const scrollRef = useRef<HTMLDivElement>(null)

  const layout = useMemo(() => {
    const labels = columns.filter((column) => column.kind === 'label')
    const scrolling = columns.filter((column) => column.kind !== 'label')
    const labelWidths = labels.map((column) => widthOf(column, bucketSize, widths))
    // The pane's edge is drawn outside the label cells, so no label covers it and the periods
    // read as passing under the pane rather than as part of the last label.
    const frozenWidth = labelWidths.reduce((sum, width) => sum + width, 0) + FROZEN_EDGE
    const scrollingWidths = scrolling.map((column) => widthOf(column, bucketSize, widths))
    const offsets: number[] = []
    let x = 0
    for (const width of scrollingWidths) {
      offsets.push(x)
      x += width
    }
    // The scrolling columns in fixed blocks, made once: rows render whole blocks, so a block
    // already on screen is the same object at the next scroll and its cells are not made again.
    const blocks: ColumnBlock[] = []
    for (let first = 0; first < scrolling.length; first += COLUMN_BLOCK) {
      blocks.push({ columns: scrolling.slice(first, first + COLUMN_BLOCK), widths: scrollingWidths.slice(first, first + COLUMN_BLOCK), first, left: frozenWidth + offsets[first]! })
    }
    // Each period in words, for the cells' accessible names: once per column, and only for the
    // columns drawn (a day table has thousands of columns; a screen draws a dozen or two).
    const periods = new Map<string, string>()
    const periodOf = (column: PositionsColumn): string => {
      let words = periods.get(column.id)
      if (words === undefined) {
        words = column.bucket ? describeBucket(column.bucket, bucketSize) : ''
        periods.set(column.id, words)
      }
      return words
    }
    // Every period column has one width (widthKey): the cells take it from the table's style.
    const bucketIndex = scrolling.findIndex((column) => column.kind === 'bucket')
    const bucketWidth = bucketIndex < 0 ? 0 : scrollingWidths[bucketIndex]!
    return { labels, scrolling, labelWidths, frozenWidth, scrollingWidths, offsets, blocks, scrollingWidth: x, periodOf, bucketWidth }
  }, [columns, bucketSize, widths])
  const totalWidth = layout.frozenWidth + layout.scrollingWidth

  // The blocks beyond the screen on each side (see computeWindow): none for the first drawing,
  // so the table appears as soon as what is on screen is made; one each side once it has been
  // painted, so that scrolling a little renders nothing.
  const [overscan, setOverscan] = useState(0)
  useEffect(() => {
    let timer = 0
    const frameId = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setOverscan(1), 0)
    })
    return () => {
      cancelAnimationFrame(frameId)
      clearTimeout(timer)
    }
  }, [])

  const windowAt = useCallback((top: number, left: number, width: number, height: number): Range => {
    const firstRow = Math.floor(top / ROW_HEIGHT)
    const lastRow = Math.ceil((top + height) / ROW_HEIGHT)
    // The blocks on screen and `overscan` blocks either side.
    const rowStart = Math.max(0, (Math.floor(firstRow / ROW_BLOCK) - overscan) * ROW_BLOCK)
    const rowEnd = Math.min(rowCount, (Math.floor(lastRow / ROW_BLOCK) + 1 + overscan) * ROW_BLOCK)
    if (layout.scrolling.length === 0) return { rowStart, rowEnd, columnStart: 0, columnEnd: 0 }
    const firstColumn = indexAt(layout.offsets, left)
    const lastColumn = indexAt(layout.offsets, Math.max(left, left + width - layout.frozenWidth))
    const columnStart = Math.max(0, (Math.floor(firstColumn / COLUMN_BLOCK) - overscan) * COLUMN_BLOCK)
    const columnEnd = Math.min(layout.scrolling.length, (Math.floor(lastColumn / COLUMN_BLOCK) + 1 + overscan) * COLUMN_BLOCK)
    return { rowStart, rowEnd, columnStart, columnEnd }
  }, [rowCount, layout, overscan])
  const computeWindow = useCallback((): Range => {
    const element = scrollRef.current
    return windowAt(element?.scrollTop ?? 0, element?.scrollLeft ?? 0, element?.clientWidth ?? 1200, element?.clientHeight ?? 600)
  }, [windowAt])

  // The first drawing covers the blocks on screen where the table will open (see the layout
  // effect below): at the size the table last had in this window, else as if it filled the
  // window. (Columns 0 to 0, then the real ones, had the browser lay the table out twice.)
  const [range, setRange] = useState<Range>(() => {
    const saved = savedScroll.get(scrollKey)
    const width = Math.min(lastSize?.width ?? window.innerWidth, totalWidth)
    return windowAt(saved?.top ?? 0, saved?.left ?? Math.max(0, totalWidth - width), width, lastSize?.height ?? window.innerHeight)
  })
  const frame = useRef(0)
  const refresh = useCallback(
    (keepCovering = false) => {
      const next = computeWindow()
      setRange((current) => (sameRange(current, next) || (keepCovering && covers(current, next)) ? current : next))
    },
    [computeWindow],
  )

  // Open where the analyst left the table, or at the latest periods (and the summary) when new.
  const restoredFor = useRef<string | null>(null)
  useLayoutEffect(() => {
    const element = scrollRef.current
    if (element && restoredFor.current !== scrollKey) {
      // Scrolled in the coming frame, before it is painted, rather than now: a scroll position
      // is set on a laid-out table, and laying the new table out here made the task that made
      // its cells twice as long. The frame lays it out anyway.
      const frameId = requestAnimationFrame(() => {
        restoredFor.current = scrollKey
        const saved = savedScroll.get(scrollKey)
        element.scrollTop = saved?.top ?? 0
        element.scrollLeft = saved?.left ?? element.scrollWidth
        flushSync(() => refresh(true))
      })
      return () => cancelAnimationFrame(frameId)
    }
    // Measuring the scroller after layout is what a layout effect is for; the range only
    // changes when what is on screen is not drawn.
    refresh(true)
  }, [scrollKey, refresh])

  useEffect(() => {
    const element = scrollRef.current
    if (!element) return
    const observer = new ResizeObserver(() => {
      noteSize(element.clientWidth, element.clientHeight)
      refresh(true)
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [refresh])
  useEffect(() => () => cancelAnimationFrame(frame.current), [])

  // The scroll event only asks for a frame: reading the scroller's position there would make the
  // browser lay out the last block's cells before the frame, and once more in it. In the frame,
  // a new block is rendered and committed at once (flushSync), so the browser lays it out and
  // paints it in that same frame rather than one frame later, from a task of its own.
  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current)
    frame.current = requestAnimationFrame(() => {
      const element = scrollRef.current
      if (element) savedScroll.set(scrollKey, { top: element.scrollTop, left: element.scrollLeft })
      flushSync(refresh)
    })
  }, [scrollKey, refresh])

  const rowStart = Math.min(range.rowStart, rows.length)
  const rowEnd = Math.min(range.rowEnd, rows.length)
  const columnStart = Math.min(range.columnStart, layout.scrolling.length)
  const columnEnd = Math.min(range.columnEnd, layout.scrolling.length)
  const leftPad = layout.offsets[columnStart] ?? 0

  // Keyboard: arrows move between cells (scrolling them into view), Home/End along the row.
  const pendingFocus = useRef<string | null>(null)
  // Enter or Space pressed while focus is on its way: the cell it acts on once focus is there.
  const activateOnLanding = useRef<string | null>(null)
  const landed = (key: string, cell: HTMLElement): void => {
    if (activateOnLanding.current !== key) return
    activateOnLanding.current = null
    // As the key would have on the cell: a cell with claims behind it lists them.
    cell.click()
  }
  const focusCell = (rowIndex: number, columnIndex: number): void => {
    const element = scrollRef.current
    if (!element) return
    const row = Math.max(0, Math.min(rowCount - 1, rowIndex))
    const column = Math.max(0, Math.min(columns.length - 1, columnIndex))
    const top = row * ROW_HEIGHT
    const viewHeight = element.clientHeight - HEADER_HEIGHT
    if (top < element.scrollTop) element.scrollTop = top
    else if (top + ROW_HEIGHT > element.scrollTop + viewHeight) element.scrollTop = top + ROW_HEIGHT - viewHeight
    if (column >= layout.labels.length) {
      const index = column - layout.labels.length
      const left = layout.offsets[index]!
      const right = left + layout.scrollingWidths[index]!
      const viewWidth = element.clientWidth - layout.frozenWidth
      if (left < element.scrollLeft) element.scrollLeft = left
      else if (right > element.scrollLeft + viewWidth) element.scrollLeft = right - viewWidth
    }
    refresh()
    // A key pressed after Enter, before focus landed, moves on: that Enter is dropped.
    activateOnLanding.current = null
    // Focus arriving anywhere in the grid (this cell, or a click elsewhere) ends the wait (see
    // onFocus), as do a press and focus going elsewhere (see focusCellWhenDrawn).
    focusCellWhenDrawn(() => scrollRef.current, `${row}:${column}`, pendingFocus, landed)
  }
  // Ahead of the cell's own handler, which would act on the cell focus is leaving.
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>): void => {
    const key = pendingFocus.current
    if (key === null || (event.key !== 'Enter' && event.key !== ' ')) return
    const target = event.target as HTMLElement
    if (target.closest('[data-cell]') !== target) return
    event.preventDefault()
    event.stopPropagation()
    activateOnLanding.current = key
  }
  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    // Focus arriving elsewhere than where a move sent it (a click) drops what was to happen there.
    if ((event.target as HTMLElement).dataset.cell !== pendingFocus.current) activateOnLanding.current = null
    pendingFocus.current = null
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]')
    if (!target || event.target !== target) return
    // A key pressed before the last move's focus has landed moves on from where that move went.
    const [rowIndex, columnIndex] = (pendingFocus.current ?? target.dataset.cell!).split(':').map(Number) as [number, number]
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 2)
    const moves: Record<string, [number, number]> = {
      ArrowUp: [rowIndex - 1, columnIndex],
      ArrowDown: [rowIndex + 1, columnIndex],
      ArrowLeft: [rowIndex, columnIndex - 1],
      ArrowRight: [rowIndex, columnIndex + 1],
      PageUp: [rowIndex - page, columnIndex],
      PageDown: [rowIndex + page, columnIndex],
      Home: event.ctrlKey ? [0, 0] : [rowIndex, 0],
      End: event.ctrlKey ? [rowCount - 1, columns.length - 1] : [rowIndex, columns.length - 1],
    }
    const move = moves[event.key]
    if (move) {
      event.preventDefault()
      focusCell(move[0], move[1])
    }
  }

  // Stable between renders of one range, so rows that did not change skip rendering.
  const visibleColumns = useMemo(() => layout.scrolling.slice(columnStart, columnEnd), [layout, columnStart, columnEnd])
  const visibleWidths = useMemo(() => layout.scrollingWidths.slice(columnStart, columnEnd), [layout, columnStart, columnEnd])
  const visibleBlocks = useMemo(() => layout.blocks.filter((block) => block.first >= columnStart && block.first < columnEnd), [layout, columnStart, columnEnd])
  return (
    <div className="positions-scroll" ref={scrollRef} onScroll={onScroll}>
      <div className="positions-table" role="table" aria-label="Positions" aria-rowcount={rowCount + 1} aria-colcount={columns.length} style={{ width: totalWidth, '--bucket-width': `${layout.bucketWidth}px` } as CSSProperties} onKeyDown={onKeyDown} onKeyDownCapture={onKeyDownCapture} onFocus={onFocus}>
        <div role="rowgroup" className="positions-head" style={{ width: totalWidth }}>
          <div role="row" aria-rowindex={1} className="positions-row positions-head-row" style={{ height: HEADER_HEIGHT }}>
            <div role="presentation" className="positions-frozen" style={{ width: layout.frozenWidth }}>
              {layout.labels.map((column, index) => (
                <HeaderCell key={column.id} {...sorting} column={column} colIndex={index + 1} width={layout.labelWidths[index]!} resizeKey={widthKey(column)} onResize={props.onResize} />
              ))}
            </div>
            {leftPad > 0 && <div role="presentation" className="positions-pad" style={{ width: leftPad }} />}
            {visibleColumns.map((column, offset) => (
              <HeaderCell
                key={column.id}
                {...sorting}
                column={column}
                colIndex={layout.labels.length + columnStart + offset + 1}
                width={visibleWidths[offset]!}
                resizeKey={widthKey(column)}
                onResize={props.onResize}
              />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="positions-body" style={{ height: rowCount * ROW_HEIGHT, width: totalWidth }}>
          {rows.slice(rowStart, rowEnd).map((row, offset) => (
              <GridRow
                key={row.id}
                row={row}
                rowIndex={rowStart + offset}
                labels={layout.labels}
                labelWidths={layout.labelWidths}
                frozenWidth={layout.frozenWidth}
                blocks={visibleBlocks}
                bucketSize={bucketSize}
                periodOf={layout.periodOf}
                view={props.view}
                selected={props.selected.has(row.id)}
                canSelectMore={props.canSelectMore}
                onToggleSelected={props.onToggleSelected}
                onOpen={props.onOpen}
              />
            ))}
        </div>
      </div>
    </div>
  )
}
