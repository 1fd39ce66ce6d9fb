import { STANCE_LABELS, STANCES, type Stance } from '../model'
import type { PositionCell, PositionSeries } from './engine'
import { describeBucket, type Bucket, type BucketSize } from './buckets'

// How positions read as text: in cells, tooltips and the CSV alike, so the export says exactly
// what the table shows. Signs are always written: the colour scale never carries meaning alone.

/** A mean stance to one decimal with its sign: "+1.0", "-0.5", "0.0". */
export function formatMean(mean: number): string {
  const rounded = Math.round(Math.abs(mean) * 10) / 10
  if (rounded === 0) return '0.0'
  return `${mean < 0 ? '-' : '+'}${rounded.toFixed(1)}`
}

/** A whole number with its sign: "+2", "-1", "0". */
export function formatSigned(value: number): string {
  if (value === 0) return '0'
  return value > 0 ? `+${value}` : String(value)
}

export type StanceTone = 'm2' | 'm1' | '0' | 'p1' | 'p2'

/** The colour step of a mean stance, rounding half away from zero (+0.5 leans for, −0.5 against). */
export function stanceTone(mean: number): StanceTone {
  const step = Math.sign(mean) * Math.round(Math.abs(mean))
  if (step <= -2) return 'm2'
  if (step === -1) return 'm1'
  if (step === 0) return '0'
  if (step === 1) return 'p1'
  return 'p2'
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/** "+1 (for)". */
export function describeStance(stance: Stance): string {
  return `${formatSigned(stance)} (${STANCE_LABELS[stance]})`
}

/**
 * The breakdown a cell shows on hover: the bucket, the mean, claims per stance, the latest
 * stance, and the shift when there is one.
 */
export function describeCell(cell: PositionCell, bucket: Bucket, size: BucketSize, previousBucket: Bucket | undefined): string {
  const lines = [
    `${bucket.key} (${describeBucket(bucket, size)})`,
    `Mean stance ${formatMean(cell.mean)} from ${plural(cell.count, 'claim', 'claims')}`,
  ]
  for (const stance of [...STANCES].reverse()) {
    const count = cell.counts[stance + 2]!
    if (count > 0) lines.push(`  ${describeStance(stance)}: ${count}`)
  }
  lines.push(`Latest: ${formatSigned(cell.latest)} on ${cell.latestDate}`)
  if (cell.shift && cell.previous) {
    lines.push(`Shift: the stance changed sign since ${previousBucket?.key ?? 'the previous bucket'} (mean ${formatMean(cell.previous.mean)})`)
  }
  lines.push('Click or press Enter to list the claims.')
  return lines.join('\n')
}

/** Screen-reader text for a cell: what the colour and the small print say. */
export function cellAccessibleText(cell: PositionCell): string {
  return `mean ${formatMean(cell.mean)}, ${plural(cell.count, 'claim', 'claims')}${cell.shift ? ', shift' : ''}`
}

/** A cell's accessible name: whose stance on what, when, then what its colour and small print say. */
export function cellAccessibleName(actor: string, issue: string, period: string, cell: PositionCell): string {
  return `${actor} on ${issue}, ${period}: ${cellAccessibleText(cell)}`
}

export function describeSeries(series: PositionSeries): string {
  return (
    `${plural(series.count, 'claim', 'claims')} from ${series.firstSeen} to ${series.lastSeen}; ` +
    `first ${formatSigned(series.firstStance)}, last ${formatSigned(series.lastStance)}` +
    (series.reversals > 0 ? `; ${plural(series.reversals, 'reversal', 'reversals')}` : '')
  )
}
