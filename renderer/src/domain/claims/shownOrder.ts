import type { ClaimColumn } from './columns'
import { claimMatcher, filterOrder, type ClaimFilters } from './filter'
import type { ClaimLookups, ClaimRow } from './rows'
import { columnKeys, identityOrder, sortOrder, TextRanks, type SortEntry } from './sort'

// The rows the claims table shows, in its order: sorted (each sort column's keys computed once
// per change of the data), then filtered in that order. The caches live as long as the model,
// so re-sorting or re-filtering after a change of the filters reuses the keys, and a write
// recomputes only the sorted columns' keys, ranking only the text values it has not seen.

export class ShownOrderModel {
  private readonly textRanks = new Map<string, TextRanks>()
  private keyCache = new Map<string, { rows: readonly ClaimRow[]; lookups: ClaimLookups; keys: Float64Array }>()
  private sorted: { rows: readonly ClaimRow[]; lookups: ClaimLookups; sorting: string; order: Uint32Array } | null = null
  private filtered: { order: Uint32Array; filters: ClaimFilters; columns: ReadonlyMap<string, ClaimColumn>; shown: Uint32Array } | null = null

  /** One column's keys for these rows (cached). */
  keysOf(column: ClaimColumn, rows: readonly ClaimRow[], lookups: ClaimLookups): Float64Array {
    const cached = this.keyCache.get(column.id)
    if (cached && cached.rows === rows && cached.lookups === lookups) return cached.keys
    let ranks = this.textRanks.get(column.id)
    if (!ranks) this.textRanks.set(column.id, (ranks = new TextRanks()))
    const keys = columnKeys(column, rows, lookups, ranks)
    this.keyCache.set(column.id, { rows, lookups, keys })
    return keys
  }

  /** Every row's index, in the sort's order. */
  sortedOrder(rows: readonly ClaimRow[], lookups: ClaimLookups, sorting: readonly SortEntry[], columns: ReadonlyMap<string, ClaimColumn>): Uint32Array {
    const applicable = sorting.filter((entry) => columns.has(entry.id))
    const key = JSON.stringify(applicable)
    const cached = this.sorted
    if (cached && cached.rows === rows && cached.lookups === lookups && cached.sorting === key) return cached.order
    const passes = applicable.map((entry) => ({ keys: this.keysOf(columns.get(entry.id)!, rows, lookups), desc: entry.desc }))
    const order = sortOrder(identityOrder(rows.length), passes)
    this.sorted = { rows, lookups, sorting: key, order }
    return order
  }

  /** The rows shown: sorted, then filtered (row indices into `rows`). */
  shownOrder(rows: readonly ClaimRow[], lookups: ClaimLookups, sorting: readonly SortEntry[], filters: ClaimFilters, columns: ReadonlyMap<string, ClaimColumn>): Uint32Array {
    const order = this.sortedOrder(rows, lookups, sorting, columns)
    const cached = this.filtered
    if (cached && cached.order === order && cached.filters === filters && cached.columns === columns) return cached.shown
    const shown = filterOrder(order, rows, claimMatcher(filters, columns, lookups))
    this.filtered = { order, filters, columns, shown }
    return shown
  }

  /** Forgets the keys of columns no longer offered and every cached order. */
  reset(): void {
    this.keyCache = new Map()
    this.sorted = null
    this.filtered = null
  }
}
