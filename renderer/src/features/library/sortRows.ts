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

export function sortLibraryRows<Row extends LibraryRow>(rows: readonly Row[], sorting: readonly LibrarySort[], claims: ReadonlyMap<string, number>): Row[] {
  const sort = sorting[0]
  if (!sort) return rows.slice()
  const order = Array.from(rows.keys())
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
  return order.map((index) => rows[index]!)
}

/** The first `count` rows of the default order (newest first, undated last): the saved first screen. */
export function newestRows<Row extends LibraryRow>(rows: readonly Row[], count: number): Row[] {
  return sortLibraryRows(rows, [{ id: 'publishedAt', desc: true }], new Map()).slice(0, count)
}
