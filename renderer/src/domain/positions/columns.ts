import type { Bucket } from './buckets'
import type { GroupBy } from './grouping'
import { formatMean, formatSigned } from './format'
import type { PositionRow, PositionsView } from './rows'

// The columns of the positions table, as data: the header, the value a column sorts on and
// the text a cell shows. The screen renders from these and the CSV export writes from these,
// so the file holds the table as shown, with two differences a spreadsheet needs: each bucket
// is two columns, `<bucket> mean` and `<bucket> n`, and means are written unrounded (rounding
// is for the screen).

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
  /** The cell's text on screen; '' for an empty cell. */
  text: (row: PositionRow) => string
  /** The cell's text in the CSV: like text, but numbers unrounded. */
  csv: (row: PositionRow) => string
  /** For bucket columns: the bucket's ordinal (cells are keyed by it). */
  ordinal: number
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
  csv: PositionsColumn['csv'] = text,
): PositionsColumn {
  return { id, header, kind, description, sortType, sortValue, text, csv, ordinal: 0, bucket: null }
}

export const bucketColumnId = (bucket: Bucket): string => `bucket:${bucket.key}`

/** A number as the CSV holds it: every digit JavaScript has ("0.3333333333333333"), '' for none. */
function exact(value: number | undefined): string {
  return value === undefined ? '' : String(value)
}

/** The header of the group column: "Actor", "Kind", or the attribute's name as spelt ("Party"). */
export function groupHeader(groupBy: GroupBy): string {
  switch (groupBy.kind) {
    case 'actor':
      return 'Actor'
    case 'kind':
      return 'Kind'
    case 'attribute': {
      const name = groupBy.name.trim()
      return name.charAt(0).toLocaleUpperCase() + name.slice(1)
    }
  }
}

/**
 * Every column of the table, left to right: the labels, one per time bucket, then the summary.
 * The summary comes last so that it sits beside the latest buckets, where the table opens.
 */
export function positionsColumns(view: PositionsView, groupBy: GroupBy): PositionsColumn[] {
  const signed = (value: number | undefined): string => (value === undefined ? '' : formatSigned(value))
  const byActor = groupBy.kind === 'actor'
  const columns: PositionsColumn[] = [
    column('actor', groupHeader(groupBy), 'label', 'text', byActor ? 'The claimant' : `The group of actors (${groupHeader(groupBy)})`, (row) => row.label),
  ]
  if (byActor) columns.push(column('kind', 'Kind', 'label', 'text', 'The kind of actor', (row) => row.actorKind))
  columns.push(column('issue', 'Issue', 'label', 'text', 'The codebook issue the stance is taken on', (row) => row.issueLabel))
  for (const { ordinal, bucket } of view.buckets) {
    const cell = (row: PositionRow) => row.series?.byOrdinal.get(ordinal)
    columns.push({
      ...column(
        bucketColumnId(bucket),
        bucket.key,
        'bucket',
        'number',
        `Mean stance from ${bucket.start} to ${bucket.end}`,
        (row) => cell(row)?.mean,
        (row) => {
          const found = cell(row)
          return found ? formatMean(found.mean) : ''
        },
        (row) => exact(cell(row)?.mean),
      ),
      ordinal,
      bucket,
    })
  }
  columns.push(
    column('claims', 'Claims', 'summary', 'number', 'Claims in this row in the period shown', (row) => row.series?.count ?? 0),
    column(
      'mean',
      'Mean',
      'summary',
      'number',
      'Mean stance over every claim of the row in the period shown',
      (row) => row.series?.mean,
      (row) => (row.series ? formatMean(row.series.mean) : ''),
      (row) => exact(row.series?.mean),
    ),
    column('first', 'First stance', 'summary', 'number', 'The stance of the earliest claim', (row) => row.series?.firstStance, (row) => signed(row.series?.firstStance)),
    column('last', 'Last stance', 'summary', 'number', 'The stance of the latest claim', (row) => row.series?.lastStance, (row) => signed(row.series?.lastStance)),
    column('shift', 'Shift', 'summary', 'number', 'Last stance − first stance', (row) => row.series?.shift, (row) => signed(row.series?.shift)),
    column('reversals', 'Reversals', 'summary', 'number', 'How often the stance changed sign between consecutive non-empty buckets', (row) => (row.series ? row.series.reversals : undefined)),
    column('lastSeen', 'Last seen', 'summary', 'date', 'The date of the latest claim', (row) => row.series?.lastSeen),
  )
  if (!byActor) columns.push(column('actors', 'Actors', 'summary', 'number', 'How many actors of the group the claims come from', (row) => row.series?.actorCount ?? 0))
  return columns
}

/** The CSV header of a bucket column's count. */
export const countHeader = (bucket: Bucket): string => `${bucket.key} n`
/** The CSV header of a bucket column's mean. */
export const meanHeader = (bucket: Bucket): string => `${bucket.key} mean`

/**
 * The table as shown, as CSV header and rows: the same columns and rows in the same order; each
 * bucket as `<bucket> mean` (unrounded, empty when the row has no claim then) and `<bucket> n`
 * (the claims behind it, 0 when none); the Mean column unrounded.
 */
export function positionsTable(columns: readonly PositionsColumn[], rows: readonly PositionRow[]): { header: string[]; rows: string[][] } {
  const header: string[] = []
  for (const entry of columns) {
    if (entry.kind === 'bucket') header.push(meanHeader(entry.bucket!), countHeader(entry.bucket!))
    else header.push(entry.header)
  }
  return {
    header,
    rows: rows.map((row) => {
      const cells: string[] = []
      for (const entry of columns) {
        if (entry.kind === 'bucket') cells.push(entry.csv(row), String(row.series?.byOrdinal.get(entry.ordinal)?.count ?? 0))
        else cells.push(entry.csv(row))
      }
      return cells
    }),
  }
}
