import type { BucketSize } from '../../domain/positions/buckets'
import type { PositionsColumn } from '../../domain/positions/columns'

// The positions table's geometry and sort state, shared by the grid and its cells.

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

export function widthOf(column: PositionsColumn, size: BucketSize): number {
  if (column.kind === 'label') return LABEL_WIDTHS[column.id] ?? 160
  if (column.kind === 'summary') return SUMMARY_WIDTHS[column.id] ?? 80
  return BUCKET_WIDTHS[size]
}
