import type { BucketSize } from '../../domain/positions/buckets'
import type { PositionsColumn } from '../../domain/positions/columns'

// The positions table's geometry and sort state, shared by the grid and its cells.

export const ROW_HEIGHT = 32
export const HEADER_HEIGHT = 44
/**
 * Rows and columns are rendered in blocks, so most scroll frames change nothing in the DOM.
 * Smaller blocks spread a fast scroll's work over more frames: at 8 rows and 3 columns the
 * bench-like scroll's 95th percentile frame was 21-29 ms, against 27 ms at 12 and 4 (and 26-39
 * ms for rows at 6 and 2, where nearly every frame renders).
 */
export const ROW_BLOCK = 8
export const COLUMN_BLOCK = 3

/** The frozen pane's right edge (positions.css .positions-frozen border), beside the label widths. */
export const FROZEN_EDGE = 2

export const MIN_WIDTH = 40
export const MAX_WIDTH = 900

const LABEL_WIDTHS: Record<string, number> = { actor: 200, kind: 96, issue: 200 }
const SUMMARY_WIDTHS: Record<string, number> = { claims: 62, mean: 60, first: 60, last: 60, shift: 54, reversals: 86, lastSeen: 92, actors: 62 }
const BUCKET_WIDTHS: Record<BucketSize, number> = { day: 90, week: 80, month: 74, quarter: 74, year: 66 }

export type SortDirection = 'asc' | 'desc' | false

export interface SortInfo {
  direction: SortDirection
  /** Position in a multi-column sort (0-based), -1 when unsorted. */
  index: number
}

/** The key a column's width is kept under: every period column shares one. */
export function widthKey(column: PositionsColumn): string {
  return column.kind === 'bucket' ? 'bucket' : column.id
}

export function widthOf(column: PositionsColumn, size: BucketSize, widths: Readonly<Record<string, number>>): number {
  const chosen = widths[widthKey(column)]
  if (chosen !== undefined) return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, chosen))
  if (column.kind === 'label') return LABEL_WIDTHS[column.id] ?? 160
  if (column.kind === 'summary') return SUMMARY_WIDTHS[column.id] ?? 80
  return BUCKET_WIDTHS[size]
}

/** The index of the last offset ≤ x (offsets ascending, starting at 0). */
export function indexAt(offsets: readonly number[], x: number): number {
  let low = 0
  let high = offsets.length - 1
  while (low < high) {
    const mid = (low + high + 1) >>> 1
    if (offsets[mid]! <= x) low = mid
    else high = mid - 1
  }
  return low
}
