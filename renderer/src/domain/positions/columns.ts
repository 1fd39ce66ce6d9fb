import type { Bucket } from './buckets'
import { formatMean, formatSigned } from './format'
import type { PositionRow, PositionsView } from './rows'

// The columns of the positions table, as data: the header, the value a column sorts on and
// the text a cell shows. The screen renders from these and the CSV export writes from these,
// so the file holds exactly the table as shown.

export type PositionsColumnKind = 'label' | 'summary' | 'bucket'

export interface PositionsColumn {
  id: string
  header: string
  kind: PositionsColumnKind
  /** What the header's tooltip explains. */
  description: string
  /** Text columns sort A→Z first; number and date columns sort largest or newest first. */
  sortType: 'text' | 'number' | 'date'
  /** The value the column sorts on; undefined (no claim) sorts last either way. */
  sortValue: (row: PositionRow) => string | number | undefined
  /** The cell's text, as shown and as exported; '' for an empty cell. */
  text: (row: PositionRow) => string
  /** For bucket columns: the index of the bucket in the aggregation (cells are keyed by it). */
  bucketIndex: number
  bucket: Bucket | null
}

function column(
  id: string,
  header: string,
  kind: PositionsColumnKind,
  sortType: PositionsColumn['sortType'],
  description: string,
  sortValue: PositionsColumn['sortValue'],
  text: PositionsColumn['text'] = (row) => {
    const value = sortValue(row)
    return value === undefined ? '' : String(value)
  },
): PositionsColumn {
  return { id, header, kind, description, sortType, sortValue, text, bucketIndex: -1, bucket: null }
}

export const bucketColumnId = (bucket: Bucket): string => `bucket:${bucket.key}`

/**
 * Every column of the table, left to right: the labels, one per time bucket, then the summary.
 * The summary comes last so that it sits beside the latest buckets, where the table opens.
 */
export function positionsColumns(view: PositionsView): PositionsColumn[] {
  const signed = (value: number | undefined): string => (value === undefined ? '' : formatSigned(value))
  const columns: PositionsColumn[] = [
    column('actor', 'Actor', 'label', 'text', 'The claimant', (row) => row.actorName),
    column('kind', 'Kind', 'label', 'text', 'The kind of actor', (row) => row.actorKind),
    column('issue', 'Issue', 'label', 'text', 'The codebook issue the stance is taken on', (row) => row.issueLabel),
  ]
  view.buckets.forEach((bucket, offset) => {
    const bucketIndex = view.bucketOffset + offset
    const mean = (row: PositionRow): number | undefined => row.series?.byBucket.get(bucketIndex)?.mean
    columns.push({
      ...column(bucketColumnId(bucket), bucket.key, 'bucket', 'number', `Mean stance from ${bucket.start} to ${bucket.end}`, mean, (row) => {
        const value = mean(row)
        return value === undefined ? '' : formatMean(value)
      }),
      bucketIndex,
      bucket,
    })
  })
  columns.push(
    column('claims', 'Claims', 'summary', 'number', 'Claims by this actor on this issue in the period shown', (row) => row.series?.count ?? 0),
    column('first', 'First stance', 'summary', 'number', 'The stance of the earliest claim', (row) => row.series?.firstStance, (row) => signed(row.series?.firstStance)),
    column('last', 'Last stance', 'summary', 'number', 'The stance of the latest claim', (row) => row.series?.lastStance, (row) => signed(row.series?.lastStance)),
    column('shift', 'Shift', 'summary', 'number', 'Last stance − first stance', (row) => row.series?.shift, (row) => signed(row.series?.shift)),
    column('reversals', 'Reversals', 'summary', 'number', 'How often the stance changed sign between consecutive non-empty buckets', (row) => (row.series ? row.series.reversals : undefined)),
    column('lastSeen', 'Last seen', 'summary', 'date', 'The date of the latest claim', (row) => row.series?.lastSeen),
  )
  return columns
}

/** The table as shown, as CSV header and rows: the same columns, the rows in the order given. */
export function positionsTable(columns: readonly PositionsColumn[], rows: readonly PositionRow[]): { header: string[]; rows: string[][] } {
  return { header: columns.map((entry) => entry.header), rows: rows.map((row) => columns.map((entry) => entry.text(row))) }
}
