import { compareText } from '../../domain/text/compare'
import type { LibraryRow } from './search/libraryTypes'

// The library's sort, on a precomputed key per row: at 100,000 articles a table library's
// sorted row model (a row object per article, every value fetched through its column on every
// comparison) takes most of a second; this takes a few dozen milliseconds for the default
// order. Same rules: rows with no date last whichever the direction, ties in the order given.

export type LibrarySortColumn = 'publishedAt' | 'title' | 'source' | 'claims'

export interface LibrarySort {
  id: string
  desc: boolean
}

/** The library's default order: newest first, undated last. */
export const NEWEST_FIRST: readonly LibrarySort[] = [{ id: 'publishedAt', desc: true }]

export function sortLibraryRows<Row extends LibraryRow>(rows: readonly Row[], sorting: readonly LibrarySort[], claims: ReadonlyMap<string, number>): Row[] {
  return libraryOrder(rows, sorting, claims).map((index) => rows[index]!)
}

/** The positions of `rows` in sorted order. */
export function libraryOrder(rows: readonly LibraryRow[], sorting: readonly LibrarySort[], claims: ReadonlyMap<string, number>): number[] {
  const sort = sorting[0]
  const order = Array.from(rows.keys())
  if (!sort) return order
  const sign = sort.desc ? -1 : 1
  if (sort.id === 'claims') {
    const keys = rows.map((row) => claims.get(row.id) ?? 0)
    order.sort((a, b) => sign * (keys[a]! - keys[b]!) || a - b)
  } else if (sort.id === 'publishedAt') {
    const keys = rows.map((row) => row.publishedAt)
    order.sort((a, b) => {
      const x = keys[a]!
      const y = keys[b]!
      if (x === '' || y === '') return x === y ? a - b : x === '' ? 1 : -1
      return x < y ? -sign : x > y ? sign : a - b
    })
  } else if (sort.id === 'title' || sort.id === 'source') {
    const keys = rows.map((row) => row[sort.id as 'title' | 'source'])
    order.sort((a, b) => sign * compareText(keys[a]!, keys[b]!) || a - b)
  }
  return order
}

/** The first `count` rows of the default order (newest first, undated last): the saved first screen. */
export function newestRows<Row extends LibraryRow>(rows: readonly Row[], count: number): Row[] {
  return libraryOrder(rows, NEWEST_FIRST, new Map())
    .slice(0, count)
    .map((index) => rows[index]!)
}
