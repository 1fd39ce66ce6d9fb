import type { Id } from '../model'
import { bucketAtOrdinal } from './buckets'
import type { PositionSeries, PositionsResult } from './engine'
import { packResult, unpackResult, type PackedResult } from './resultPack'
import type { PositionRow, PositionsView } from './rows'

// The table's first screen, as the analyst last saw it: the first rows in their sorted order,
// with their labels and figures, and the bucket columns and counts above them. Stored for one
// setup of the screen (options, rows, filters, sort) at one journal seq, it lets a cold open
// draw the table from a record of a few kilobytes instead of the twenty thousand rows, which
// are labelled and sorted afterwards. A cache like the stored positions: a record that does
// not unpack whole is ignored.

/** Enough rows for the tallest screen's first blocks (the grid renders rows in blocks of 12). */
export const FIRST_ROWS = 96

export interface PackedFirstRows {
  rowCount: number
  /** Per row: id, group key, label, actor id ('' for a group), actor kind, issue id, issue label. */
  labels: string[][]
  /** Per row: its series' index in `packed`, or -1 for a group listed with no claim. */
  seriesIndex: number[]
  packed: PackedResult
  /** The bucket columns' ordinals, in time order. */
  ordinals: number[]
  spanBuckets: number
  onlyWithClaims: boolean
  claims: number
  groups: number
}

export interface FirstRows {
  /** How many rows the whole table has. */
  rowCount: number
  /** The view, its `rows` being only the first ones. */
  view: PositionsView
  /** The positions' figures (counts, notes) with only the first rows' series. */
  result: PositionsResult
}

export function packFirstRows(result: PositionsResult, view: PositionsView, sortedRows: readonly PositionRow[], count = FIRST_ROWS): PackedFirstRows {
  const first = sortedRows.slice(0, count)
  const series: PositionSeries[] = []
  const seriesIndex = first.map((row) => (row.series ? series.push(row.series) - 1 : -1))
  return {
    rowCount: sortedRows.length,
    labels: first.map((row) => [row.id, row.groupKey, row.label, row.actorId ?? '', row.actorKind, row.issueId, row.issueLabel]),
    seriesIndex,
    packed: packResult({ ...result, series }),
    ordinals: view.buckets.map((bucket) => bucket.ordinal),
    spanBuckets: view.spanBuckets,
    onlyWithClaims: view.onlyWithClaims,
    claims: view.claims,
    groups: view.groups,
  }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0

export function unpackFirstRows(value: unknown): FirstRows | null {
  if (typeof value !== 'object' || value === null) return null
  const stored = value as Partial<PackedFirstRows>
  const { labels, seriesIndex, ordinals } = stored
  if (!isCount(stored.rowCount) || !isCount(stored.spanBuckets) || !isCount(stored.claims) || !isCount(stored.groups) || typeof stored.onlyWithClaims !== 'boolean') return null
  if (!Array.isArray(labels) || !Array.isArray(seriesIndex) || !Array.isArray(ordinals) || labels.length !== seriesIndex.length || labels.length > stored.rowCount) return null
  if (!ordinals.every((ordinal) => Number.isInteger(ordinal))) return null
  const result = unpackResult(stored.packed)
  if (!result) return null
  const rows: PositionRow[] = []
  for (let index = 0; index < labels.length; index++) {
    const text = labels[index]
    const at = seriesIndex[index]
    if (!Array.isArray(text) || text.length !== 7 || !text.every((item) => typeof item === 'string')) return null
    if (!Number.isInteger(at) || at! < -1 || at! >= result.series.length) return null
    const [id, groupKey, label, actorId, actorKind, issueId, issueLabel] = text as [string, string, string, Id, string, Id, string]
    rows.push({ id, groupKey, label, actorId: actorId === '' ? null : actorId, actorKind, issueId, issueLabel, series: at === -1 ? null : result.series[at!]! })
  }
  const size = result.options.bucketSize
  const view: PositionsView = {
    buckets: ordinals.map((ordinal) => ({ ordinal, bucket: bucketAtOrdinal(ordinal, size) })),
    rows,
    spanBuckets: stored.spanBuckets,
    onlyWithClaims: stored.onlyWithClaims,
    claims: stored.claims,
    groups: stored.groups,
  }
  return { rowCount: stored.rowCount, view, result }
}
