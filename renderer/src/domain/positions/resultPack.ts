import { STANCES, type Id, type Stance } from '../model'
import { drainSteps } from '../timeSlices'
import type { PositionCell, PositionSeries, PositionsOptions, PositionsResult, StanceCounts } from './engine'
import { isTextList, joinTexts, splitTexts, StringTable, type TextList } from './stringTable'

// Computed positions packed into one record: every row's series and cells as numbers in typed
// arrays, without the claims behind them. Stored beside the facts snapshot with the journal seq
// and the options it was computed for, it lets a cold open draw the table at once, before the
// engine has read and placed every claim (which then replaces it, with the claims behind each
// cell). A cache: a record that does not unpack whole is ignored, never half-used.

// 2: the strings travel as one long string (a TextList), not a list IndexedDB clones one by one.
export const RESULT_FORMAT = 2

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
  strings: TextList
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

/**
 * `firstKeys`: series keys to store first, in that order (the rows as the table last showed
 * them, before any column sort). A cold open then reads its series already in the order its
 * rows are sorted into, and the sort only confirms it: a sorted list costs one comparison per
 * element, twenty thousand rows in any other order cost more than a frame.
 */
export function packResult(result: PositionsResult, firstKeys: readonly string[] = []): PackedResult {
  const strings = new StringTable()
  const series = inOrder(result.series, firstKeys)
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
    strings: joinTexts(strings.list),
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

/** The series with those of `firstKeys` first, in its order, then the others as they were. */
function inOrder(series: readonly PositionSeries[], firstKeys: readonly string[]): readonly PositionSeries[] {
  if (firstKeys.length === 0) return series
  const byKey = new Map(series.map((entry) => [entry.key, entry]))
  const ordered: PositionSeries[] = []
  for (const key of firstKeys) {
    const entry = byKey.get(key)
    if (entry === undefined) continue
    ordered.push(entry)
    byKey.delete(key)
  }
  for (const entry of byKey.values()) ordered.push(entry)
  return ordered
}

const isStance = (value: number): value is Stance => (STANCES as readonly number[]).includes(value)
const NO_CLAIMS: never[] = []

/**
 * A stored row's series: its figures worked out from the packed numbers at once, its cells made
 * only when something reads them. A cold open draws a few dozen rows of twenty thousand, so
 * making every cell (an object, its counts and a map entry each) before the first paint would
 * cost more than all the rest; the bucket columns are found from the packed ordinals instead
 * (firstOrdinalOf, lastOrdinalOf, countOrdinalsOf).
 */
class StoredSeries implements PositionSeries {
  readonly key: string
  readonly count: number
  readonly sum: number
  readonly mean: number
  readonly shift: number
  readonly claimList: never[] = NO_CLAIMS
  // Private (#): a copy of the series ({ ...series }) holds its figures, not the packed record.
  readonly #packed: PackedResult
  /** The record's strings, split once for every series. */
  readonly #strings: readonly string[]
  readonly #index: number
  #unpacked: { cells: PositionCell[]; byOrdinal: Map<number, PositionCell> } | null = null

  constructor(
    packed: PackedResult,
    strings: readonly string[],
    index: number,
    readonly groupKey: string,
    readonly issueId: Id,
    readonly firstStance: Stance,
    readonly lastStance: Stance,
    readonly firstSeen: string,
    readonly lastSeen: string,
    readonly actorCount: number,
    readonly reversals: number,
    count: number,
    sum: number,
  ) {
    this.#packed = packed
    this.#strings = strings
    this.#index = index
    this.key = `${groupKey}|${issueId}`
    this.count = count
    this.sum = sum
    this.mean = sum / count
    this.shift = lastStance - firstStance
  }

  get cells(): PositionCell[] {
    return this.unpack().cells
  }

  get byOrdinal(): ReadonlyMap<number, PositionCell> {
    return this.unpack().byOrdinal
  }

  /** The bucket ordinal of its first cell (undefined when it has none), without making the cells. */
  firstOrdinal(): number | undefined {
    const { cellStart, ordinal } = this.#packed
    return cellStart[this.#index]! < cellStart[this.#index + 1]! ? ordinal[cellStart[this.#index]!] : undefined
  }

  /** The bucket ordinal of its last cell (undefined when it has none). */
  lastOrdinal(): number | undefined {
    const { cellStart, ordinal } = this.#packed
    return cellStart[this.#index]! < cellStart[this.#index + 1]! ? ordinal[cellStart[this.#index + 1]! - 1] : undefined
  }

  /** Adds one to counts[ordinal - first] for each of its cells. */
  countOrdinals(counts: Uint32Array, first: number): void {
    const { cellStart, ordinal } = this.#packed
    for (let at = cellStart[this.#index]!, end = cellStart[this.#index + 1]!; at < end; at++) counts[ordinal[at]! - first]!++
  }

  /** The bucket ordinals of the row's cells, in time order, without making the cells. */
  ordinals(): Int32Array {
    return this.#packed.ordinal.subarray(this.#packed.cellStart[this.#index], this.#packed.cellStart[this.#index + 1])
  }

  private unpack(): { cells: PositionCell[]; byOrdinal: Map<number, PositionCell> } {
    if (this.#unpacked) return this.#unpacked
    const packed = this.#packed
    const cells: PositionCell[] = []
    const byOrdinal = new Map<number, PositionCell>()
    let previous: PositionCell | null = null
    for (let at = packed.cellStart[this.#index]!; at < packed.cellStart[this.#index + 1]!; at++) {
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
        latestDate: this.#strings[packed.latestDate[at]!]!,
        claims: NO_CLAIMS,
        shift: false,
        previous: null,
      }
      // As the engine's closeCell: the sign turned from the previous non-empty bucket's.
      if (previous !== null) {
        // The previous cell itself: it has the ordinal and mean asked for (one object fewer per cell).
        cell.previous = previous
        if (Math.sign(previous.sum) * Math.sign(cell.sum) < 0) cell.shift = true
      }
      cells.push(cell)
      byOrdinal.set(cell.ordinal, cell)
      previous = cell
    }
    this.#unpacked = { cells, byOrdinal }
    return this.#unpacked
  }
}

// A row's first and last bucket, and its buckets counted, read from a stored series' packed
// record without making its cells or a typed array view of them (twenty thousand views per
// count of the rows' buckets).

/** The bucket ordinal of a series' first cell (undefined when it has none). */
export function firstOrdinalOf(series: PositionSeries): number | undefined {
  return series instanceof StoredSeries ? series.firstOrdinal() : series.cells[0]?.ordinal
}

/** The bucket ordinal of a series' last cell (undefined when it has none). */
export function lastOrdinalOf(series: PositionSeries): number | undefined {
  return series instanceof StoredSeries ? series.lastOrdinal() : series.cells[series.cells.length - 1]?.ordinal
}

/** Adds one to counts[ordinal - first] for each cell of a series. */
export function countOrdinalsOf(series: PositionSeries, counts: Uint32Array, first: number): void {
  if (series instanceof StoredSeries) series.countOrdinals(counts, first)
  // Indexed: for…of steps an iterator per element on code not yet optimised.
  else for (let at = 0, cells = series.cells; at < cells.length; at++) counts[cells[at]!.ordinal - first]!++
}

/** A stored series' cell ordinals when its cells were not made yet, else null (read series.cells). */
export function storedOrdinals(series: PositionSeries): Int32Array | null {
  return series instanceof StoredSeries ? series.ordinals() : null
}

/** The first and last bucket ordinal of an unpacked result's cells, found while unpacking it. */
const spans = new WeakMap<PositionsResult, { first: number; last: number }>()

/** The bucket span of a result as unpacked (null when it has no cells, or was not unpacked here). */
export function storedSpan(result: PositionsResult): { first: number; last: number } | null {
  return spans.get(result) ?? null
}

/**
 * The result a packed record holds, with every number as computed, and no claims behind the
 * cells (cell.claims and series.claimList are empty: `claimsBehind` is false). Null when the
 * record is not one this release wrote whole. Cells are made when first read (StoredSeries).
 */
export function unpackResult(packed: unknown): PositionsResult | null {
  return drainSteps(unpackResultSteps(packed))
}

/** Series handled between two chances to pause. */
const SLICE = 2_000

/** unpackResult in steps, for a caller that gives the thread back between them (runSliced). */
export function* unpackResultSteps(value: unknown): Generator<void, PositionsResult | null, void> {
  if (!isPackedResult(value)) return null
  const packed = value
  const strings = splitTexts(packed.strings)
  const all = packed.counts
  const series: PositionSeries[] = new Array<PositionSeries>(packed.seriesCount)
  const { ordinal, latestDate } = packed
  const size = strings.length
  let firstOrdinal = Infinity
  let lastOrdinal = -Infinity
  for (let index = 0; index < packed.seriesCount; index++) {
    if ((index + 1) % SLICE === 0) yield
    const start = packed.cellStart[index]!
    const end = packed.cellStart[index + 1]!
    // Its cells are in time order (checked below): the span is its first and last cell's.
    if (ordinal[start]! < firstOrdinal) firstOrdinal = ordinal[start]!
    if (ordinal[end - 1]! > lastOrdinal) lastOrdinal = ordinal[end - 1]!
    // The row's figures straight from the numbers, as the cells would sum them. Each cell is
    // checked here rather than in a pass of its own: a hundred thousand cells are read once.
    let total = 0
    let sum = 0
    let reversals = 0
    let previousSum = 0
    for (let at = start; at < end; at++) {
      const base = at * 5
      const c0 = all[base]!
      const c1 = all[base + 1]!
      const c2 = all[base + 2]!
      const c3 = all[base + 3]!
      const c4 = all[base + 4]!
      const count = c0 + c1 + c2 + c3 + c4
      if (count === 0 || latestDate[at]! >= size || (at > start && ordinal[at]! <= ordinal[at - 1]!)) return null
      const cellSum = -2 * c0 - c1 + c3 + 2 * c4
      if (at > start && Math.sign(previousSum) * Math.sign(cellSum) < 0) reversals++
      total += count
      sum += cellSum
      previousSum = cellSum
    }
    const first = packed.firstStance[index]!
    const last = packed.lastStance[index]!
    series[index] = new StoredSeries(
      packed,
      strings,
      index,
      strings[packed.group[index]!]!,
      strings[packed.issue[index]!]!,
      isStance(first) ? first : 0,
      isStance(last) ? last : 0,
      strings[packed.firstSeen[index]!]!,
      strings[packed.lastSeen[index]!]!,
      packed.actorCount[index]!,
      reversals,
      total,
      sum,
    )
  }
  const result: PositionsResult = {
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
  if (firstOrdinal <= lastOrdinal) spans.set(result, { first: firstOrdinal, last: lastOrdinal })
  return result
}

/** The record's shape and per-series references; its cells are checked as unpackResultSteps reads them, so this alone does not make a record usable. */
function isPackedResult(value: unknown): value is PackedResult {
  if (typeof value !== 'object' || value === null) return false
  const packed = value as Partial<PackedResult>
  if (packed.format !== RESULT_FORMAT || typeof packed.options !== 'object' || packed.options === null) return false
  const count = packed.seriesCount
  if (typeof count !== 'number' || !isTextList(packed.strings) || !Array.isArray(packed.byCoder)) return false
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
  const size = packed.strings.ends.length
  // Per series here; each cell (its counts, order and date) is checked as it is unpacked.
  // Indexed loops, as in the facts snapshot's check: for…of steps an iterator per element on cold code.
  for (const list of [packed.group, packed.issue, packed.firstSeen, packed.lastSeen] as Uint32Array[]) {
    for (let index = 0; index < list.length; index++) if (list[index]! >= size) return false
  }
  return true
}
