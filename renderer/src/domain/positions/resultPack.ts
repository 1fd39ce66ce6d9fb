import { STANCES, type Id, type Stance } from '../model'
import type { PositionCell, PositionSeries, PositionsOptions, PositionsResult, StanceCounts } from './engine'
import { StringTable } from './stringTable'

// Computed positions packed into one record: every row's series and cells as numbers in typed
// arrays, without the claims behind them. Stored beside the facts snapshot with the journal seq
// and the options it was computed for, it lets a cold open draw the table at once, before the
// engine has read and placed every claim (which then replaces it, with the claims behind each
// cell). A cache: a record that does not unpack whole is ignored, never half-used.

export const RESULT_FORMAT = 1

export interface PackedResult {
  format: typeof RESULT_FORMAT
  options: PositionsOptions
  counted: number
  undated: number
  hiddenBefore: number
  cutoff: number | null
  byCoder: [Id, number][]
  adjudicated: number
  /** Every group key, issue id and date once; the arrays below refer to them by number. */
  strings: string[]
  seriesCount: number
  group: Uint32Array
  issue: Uint32Array
  /** Per series: its first cell's index in the cell arrays (cellStart[seriesCount] = cell count). */
  cellStart: Uint32Array
  actorCount: Uint32Array
  firstStance: Int8Array
  lastStance: Int8Array
  firstSeen: Uint32Array
  lastSeen: Uint32Array
  /** Per cell. */
  ordinal: Int32Array
  /** Claims per stance, five per cell (−2 … +2). */
  counts: Uint32Array
  latest: Int8Array
  latestDate: Uint32Array
}

export function packResult(result: PositionsResult): PackedResult {
  const strings = new StringTable()
  const series = result.series
  const cellTotal = series.reduce((sum, entry) => sum + entry.cells.length, 0)
  const group = new Uint32Array(series.length)
  const issue = new Uint32Array(series.length)
  const cellStart = new Uint32Array(series.length + 1)
  const actorCount = new Uint32Array(series.length)
  const firstStance = new Int8Array(series.length)
  const lastStance = new Int8Array(series.length)
  const firstSeen = new Uint32Array(series.length)
  const lastSeen = new Uint32Array(series.length)
  const ordinal = new Int32Array(cellTotal)
  const counts = new Uint32Array(cellTotal * 5)
  const latest = new Int8Array(cellTotal)
  const latestDate = new Uint32Array(cellTotal)
  let cursor = 0
  series.forEach((entry, index) => {
    group[index] = strings.of(entry.groupKey)
    issue[index] = strings.of(entry.issueId)
    cellStart[index] = cursor
    actorCount[index] = entry.actorCount
    firstStance[index] = entry.firstStance
    lastStance[index] = entry.lastStance
    firstSeen[index] = strings.of(entry.firstSeen)
    lastSeen[index] = strings.of(entry.lastSeen)
    for (const cell of entry.cells) {
      ordinal[cursor] = cell.ordinal
      counts.set(cell.counts, cursor * 5)
      latest[cursor] = cell.latest
      latestDate[cursor] = strings.of(cell.latestDate)
      cursor++
    }
  })
  cellStart[series.length] = cursor
  return {
    format: RESULT_FORMAT,
    options: result.options,
    counted: result.counted,
    undated: result.undated,
    hiddenBefore: result.hiddenBefore,
    cutoff: result.cutoff,
    byCoder: [...result.mix.byCoder],
    adjudicated: result.mix.adjudicated,
    strings: strings.list,
    seriesCount: series.length,
    group,
    issue,
    cellStart,
    actorCount,
    firstStance,
    lastStance,
    firstSeen,
    lastSeen,
    ordinal,
    counts,
    latest,
    latestDate,
  }
}

const isStance = (value: number): value is Stance => (STANCES as readonly number[]).includes(value)
const NO_CLAIMS: never[] = []

/**
 * The result a packed record holds, with every number as computed, and no claims behind the
 * cells (cell.claims and series.claimList are empty: `claimsBehind` is false). Null when the
 * record is not one this release wrote whole.
 */
export function unpackResult(packed: unknown): PositionsResult | null {
  if (!isPackedResult(packed)) return null
  const { strings } = packed
  const series: PositionSeries[] = new Array<PositionSeries>(packed.seriesCount)
  for (let index = 0; index < packed.seriesCount; index++) {
    const cells: PositionCell[] = []
    const byOrdinal = new Map<number, PositionCell>()
    let total = 0
    let sum = 0
    let reversals = 0
    let previous: PositionCell | null = null
    for (let at = packed.cellStart[index]!; at < packed.cellStart[index + 1]!; at++) {
      const base = at * 5
      const all = packed.counts
      const counts: StanceCounts = [all[base]!, all[base + 1]!, all[base + 2]!, all[base + 3]!, all[base + 4]!]
      const count = counts[0] + counts[1] + counts[2] + counts[3] + counts[4]
      const cellSum = -2 * counts[0] - counts[1] + counts[3] + 2 * counts[4]
      const latest = packed.latest[at]!
      const cell: PositionCell = {
        ordinal: packed.ordinal[at]!,
        count,
        sum: cellSum,
        mean: cellSum / count,
        counts,
        latest: isStance(latest) ? latest : 0,
        latestDate: strings[packed.latestDate[at]!]!,
        claims: NO_CLAIMS,
        shift: false,
        previous: null,
      }
      // As the engine's closeCell: the sign turned from the previous non-empty bucket's.
      if (previous !== null) {
        // The previous cell itself: it has the ordinal and mean asked for (one object fewer per cell).
        cell.previous = previous
        if (Math.sign(previous.sum) * Math.sign(cell.sum) < 0) {
          cell.shift = true
          reversals++
        }
      }
      cells.push(cell)
      byOrdinal.set(cell.ordinal, cell)
      total += count
      sum += cellSum
      previous = cell
    }
    const groupKey = strings[packed.group[index]!]!
    const issueId = strings[packed.issue[index]!]!
    const first = packed.firstStance[index]!
    const last = packed.lastStance[index]!
    const firstStance = isStance(first) ? first : 0
    const lastStance = isStance(last) ? last : 0
    series[index] = {
      key: `${groupKey}|${issueId}`,
      groupKey,
      issueId,
      cells,
      byOrdinal,
      count: total,
      sum,
      mean: sum / total,
      firstStance,
      lastStance,
      shift: lastStance - firstStance,
      firstSeen: strings[packed.firstSeen[index]!]!,
      lastSeen: strings[packed.lastSeen[index]!]!,
      reversals,
      claimList: NO_CLAIMS,
      actorCount: packed.actorCount[index]!,
    }
  }
  return {
    options: packed.options,
    series,
    counted: packed.counted,
    undated: packed.undated,
    hiddenBefore: packed.hiddenBefore,
    truncated: packed.cutoff !== null,
    cutoff: packed.cutoff,
    mix: { byCoder: new Map(packed.byCoder), adjudicated: packed.adjudicated },
    version: 0,
    claimsBehind: false,
  }
}

function isPackedResult(value: unknown): value is PackedResult {
  if (typeof value !== 'object' || value === null) return false
  const packed = value as Partial<PackedResult>
  if (packed.format !== RESULT_FORMAT || typeof packed.options !== 'object' || packed.options === null) return false
  const count = packed.seriesCount
  if (typeof count !== 'number' || !Array.isArray(packed.strings) || !Array.isArray(packed.byCoder)) return false
  for (const field of ['counted', 'undated', 'hiddenBefore', 'adjudicated'] as const) if (typeof packed[field] !== 'number') return false
  if (packed.cutoff !== null && typeof packed.cutoff !== 'number') return false
  const perSeries = [packed.group, packed.issue, packed.actorCount, packed.firstStance, packed.lastStance, packed.firstSeen, packed.lastSeen]
  if (!perSeries.every((list) => ArrayBuffer.isView(list) && (list as Uint32Array).length === count)) return false
  if (!(packed.cellStart instanceof Uint32Array) || packed.cellStart.length !== count + 1) return false
  const cells = packed.cellStart[count]!
  for (let index = 0; index < count; index++) if (packed.cellStart[index]! >= packed.cellStart[index + 1]!) return false
  if (!(packed.ordinal instanceof Int32Array) || packed.ordinal.length !== cells) return false
  if (!(packed.counts instanceof Uint32Array) || packed.counts.length !== cells * 5) return false
  if (!(packed.latest instanceof Int8Array) || packed.latest.length !== cells) return false
  if (!(packed.latestDate instanceof Uint32Array) || packed.latestDate.length !== cells) return false
  for (let at = 0; at < cells; at++) {
    const base = at * 5
    if (packed.counts[base]! + packed.counts[base + 1]! + packed.counts[base + 2]! + packed.counts[base + 3]! + packed.counts[base + 4]! === 0) return false
  }
  const size = packed.strings.length
  for (const list of [packed.group, packed.issue, packed.firstSeen, packed.lastSeen, packed.latestDate] as Uint32Array[]) for (const ref of list) if (ref >= size) return false
  return true
}
