import { compareText, ranksOfSorted } from '../text/compare'
import { VALUE_SEPARATOR, type ClaimColumn } from './columns'
import { rowDate, type ClaimLookups, type ClaimRow } from './rows'

// Sorting the claims table at 100,000 rows within a frame budget. A comparator sort that reads
// each value through its column and compares text with the collator takes most of a second
// there; instead each sorted column becomes one number per row (a rank), computed once per
// change of the data, and the rows are ordered by a native sort of typed arrays, one stable
// pass per sort column (least significant first). Same order as comparing the values with
// compareText (text), by value (dates, times, stances); empty cells last whichever direction.

export interface SortEntry {
  id: string
  desc: boolean
}

/**
 * The rank of every text value seen so far, in compareText order, kept between sorts: a sort
 * after an edit ranks only the values it has not seen (a binary insertion each), so a table of
 * 100,000 quotes pays the collator's full sort once, not on every save.
 */
export class TextRanks {
  private sorted: string[] = []
  private ranks = new Map<string, number>()

  /** Each value's rank (NaN for ''), as one number per value. */
  rankAll(values: readonly string[]): Float64Array {
    const missing = new Set<string>()
    for (const value of values) if (value !== '' && !this.ranks.has(value)) missing.add(value)
    if (missing.size > 0) this.add([...missing])
    const keys = new Float64Array(values.length)
    for (let index = 0; index < values.length; index++) {
      const value = values[index]!
      keys[index] = value === '' ? NaN : this.ranks.get(value)!
    }
    return keys
  }

  /** How many distinct values are ranked. */
  get size(): number {
    return this.sorted.length
  }

  private add(values: string[]): void {
    // Many new values (the first sort): one collator sort. A few (an edit): binary insertion.
    if (values.length > 64 && values.length * 8 > this.sorted.length) {
      this.sorted = this.sorted.concat(values).sort(compareText)
    } else {
      for (const value of values) {
        let low = 0
        let high = this.sorted.length
        while (low < high) {
          const middle = (low + high) >>> 1
          if (compareText(this.sorted[middle]!, value) <= 0) low = middle + 1
          else high = middle
        }
        this.sorted.splice(low, 0, value)
      }
    }
    // Values the collator calls equal ("AfD", "AFD") share a rank, so the next sort key decides.
    this.ranks = ranksOfSorted(this.sorted)
  }
}

const ZERO = 48
const DASH = 45
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9]
const PLACES = [1e7, 1e6, 1e5, 1e4, 1e3, 1e2, 10, 1]

/** 'YYYY-MM-DD' (or a longer timestamp) as YYYYMMDD; NaN when it is not a date. Read by character
 * codes: it runs once per row on every first sort by date, 100,000 times. */
export function dateNumber(value: string): number {
  if (value.length < 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return NaN
  let number = 0
  for (let index = 0; index < 8; index++) {
    const digit = value.charCodeAt(DIGITS[index]!) - ZERO
    if (digit < 0 || digit > 9) return NaN
    number += digit * PLACES[index]!
  }
  return number
}

/** Numbers replaced by their rank among the distinct values (NaN stays NaN): small enough to pack. */
function denseRanks(values: Float64Array): Float64Array {
  const distinct = Float64Array.from(new Set(values.filter((value) => value === value))).sort()
  const ranks = new Float64Array(values.length)
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!
    if (value !== value) {
      ranks[index] = NaN
      continue
    }
    let low = 0
    let high = distinct.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (distinct[middle]! < value) low = middle + 1
      else high = middle
    }
    ranks[index] = low
  }
  return ranks
}

/** The sort key of every row for one column: a whole number per row, NaN for an empty cell. */
export function columnKeys(column: ClaimColumn, rows: readonly ClaimRow[], lookups: ClaimLookups, textRanks: TextRanks): Float64Array {
  const count = rows.length
  switch (column.type) {
    case 'stance': {
      const keys = new Float64Array(count)
      for (let index = 0; index < count; index++) keys[index] = rows[index]!.stance
      return keys
    }
    case 'date': {
      const keys = new Float64Array(count)
      // The date column reads the row's date directly (no cell array per row); others through it.
      if (column.id === 'date') for (let index = 0; index < count; index++) keys[index] = dateNumber(rowDate(rows[index]!, lookups))
      else for (let index = 0; index < count; index++) keys[index] = dateNumber(column.values(rows[index]!, lookups)[0] ?? '')
      return keys
    }
    case 'time': {
      const keys = new Float64Array(count)
      const field = column.id === 'updatedAt' ? 'updatedAt' : 'createdAt'
      for (let index = 0; index < count; index++) {
        const parsed = Date.parse(rows[index]![field])
        keys[index] = Number.isFinite(parsed) ? parsed : NaN
      }
      return denseRanks(keys)
    }
    case 'text': {
      const values = new Array<string>(count)
      for (let index = 0; index < count; index++) {
        const cell = column.values(rows[index]!, lookups)
        values[index] = cell.length === 1 ? cell[0]! : cell.join(VALUE_SEPARATOR)
      }
      return textRanks.rankAll(values)
    }
  }
}

/** One sort column's keys (from columnKeys) and direction. */
export interface SortPass {
  keys: Float64Array
  desc: boolean
}

/**
 * Orders `order` (row indices) by the passes, the first the most significant; ties keep the
 * order given. Each pass packs (key, position) into one double and sorts the typed array
 * natively: exact while (distinct keys + 2) × rows < 2^53.
 */
export function sortOrder(order: Uint32Array, passes: readonly SortPass[]): Uint32Array {
  let current = order
  const count = current.length
  for (let pass = passes.length - 1; pass >= 0; pass--) {
    const { keys, desc } = passes[pass]!
    let min = Infinity
    let max = -Infinity
    let empties = 0
    for (let position = 0; position < count; position++) {
      const key = keys[current[position]!]!
      if (key === key) {
        if (key < min) min = key
        if (key > max) max = key
      } else empties++
    }
    // Nothing to order by (every cell empty, or all alike): the order stands.
    if (empties === count || (min === max && empties === 0)) continue
    const empty = max - min + 1
    const packed = new Float64Array(count)
    for (let position = 0; position < count; position++) {
      const key = keys[current[position]!]!
      const adjusted = key !== key ? empty : desc ? max - key : key - min
      packed[position] = adjusted * count + position
    }
    packed.sort()
    const next = new Uint32Array(count)
    for (let position = 0; position < count; position++) next[position] = current[packed[position]! % count]!
    current = next
  }
  return current
}

/** 0, 1, … count − 1. */
export function identityOrder(count: number): Uint32Array {
  const order = new Uint32Array(count)
  for (let index = 0; index < count; index++) order[index] = index
  return order
}
