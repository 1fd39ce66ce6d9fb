import { textRanks } from '../text/compare'
import type { PositionsColumn } from './columns'
import type { PositionRow } from './rows'

// The positions rows in the analyst's sort order, in the order TanStack Table's sorted row model
// gives them (the grid's headers keep using its sorting state): per sort column in turn, an
// empty value last whichever the direction, text by compareText, other values by < and >, the
// data's order last. The row model made an object per row, read each value through it at every
// comparison and compared text with the collator each time: 20,646 rows sorted by a column took
// 40-150 ms (node, 5 runs), on every open of stored positions and after every saved claim. Here
// each sort column's values are read once per row, text becomes its rank among the column's
// distinct values (a few thousand labels, one collator sort), and the row indexes are sorted:
// 3-24 ms.

export interface SortEntry {
  id: string
  desc: boolean
}

export type SortableColumn = Pick<PositionsColumn, 'id' | 'sortType' | 'sortValue'>

type Key = string | number | undefined

/** Each value as a number in compareText order (text/compare.ts textRanks); no value stays none. */
function asTextRanks(values: readonly Key[]): (number | undefined)[] {
  const texts: string[] = []
  for (const value of values) if (value !== undefined) texts.push(String(value))
  const rank = textRanks(texts)
  return values.map((value) => (value === undefined ? undefined : rank.get(String(value))!))
}

/** The rows sorted by `sorting` (entries naming no column are skipped); `rows` itself when nothing sorts. */
export function sortPositionRows(rows: readonly PositionRow[], columns: readonly SortableColumn[], sorting: readonly SortEntry[]): readonly PositionRow[] {
  const byId = new Map(columns.map((column) => [column.id, column]))
  const keys: { values: readonly Key[]; desc: boolean }[] = []
  for (const entry of sorting) {
    const column = byId.get(entry.id)
    if (!column) continue
    const values: Key[] = new Array<Key>(rows.length)
    for (let index = 0; index < rows.length; index++) values[index] = column.sortValue(rows[index]!)
    keys.push({ values: column.sortType === 'text' ? asTextRanks(values) : values, desc: entry.desc })
  }
  if (keys.length === 0 || rows.length < 2) return rows
  const order: number[] = []
  for (let index = 0; index < rows.length; index++) order.push(index)
  order.sort((left, right) => {
    for (const key of keys) {
      const a = key.values[left]
      const b = key.values[right]
      if (a === undefined || b === undefined) {
        if (a === undefined && b === undefined) continue
        return a === undefined ? 1 : -1
      }
      const compared = a < b ? -1 : a > b ? 1 : 0
      if (compared !== 0) return key.desc ? -compared : compared
    }
    return left - right
  })
  return order.map((index) => rows[index]!)
}
