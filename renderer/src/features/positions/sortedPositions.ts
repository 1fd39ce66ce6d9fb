import {
  functionalUpdate,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table'
import { useCallback, useMemo } from 'react'
import type { PositionsColumn } from '../../domain/positions/columns'
import type { PositionRow } from '../../domain/positions/rows'
import { sortPositionRows } from '../../domain/positions/sortRows'
import type { SortInfo } from './gridLayout'

// The table keeps the sorting state and what a header click does to it; the rows are put in
// that order by sortPositionRows (domain/positions/sortRows.ts), the row model's order made
// without an object per row.
const features = tableFeatures({ rowSortingFeature })
type Features = typeof features

function columnDefs(columns: PositionsColumn[]): ColumnDef<Features, PositionRow>[] {
  return columns.map((column) => ({
    id: column.id,
    header: column.header,
    // A column sorts only with a value to sort on; the first click on a figure sorts it largest first.
    accessorFn: (row: PositionRow) => column.sortValue(row),
    sortDescFirst: column.sortType !== 'text',
  }))
}

const NO_ROWS: PositionRow[] = []

/** The positions rows in the order the analyst sorted them (one or several columns), and the sort state the grid headers show. */
export function useSortedPositions(columns: PositionsColumn[], data: PositionRow[] | undefined, chosenSorting: SortingState, update: (patch: { sorting: SortingState }) => void) {
  const defs = useMemo(() => columnDefs(columns), [columns])
  const columnIds = useMemo(() => new Set(columns.map((column) => column.id)), [columns])
  const sorting = useMemo(() => chosenSorting.filter((entry) => columnIds.has(entry.id)), [chosenSorting, columnIds])

  const onSortingChange = useCallback(
    (updater: SortingState | ((old: SortingState) => SortingState)) => update({ sorting: functionalUpdate(updater, sorting) }),
    [update, sorting],
  )
  const table = useTable({
    features,
    columns: defs,
    data: data ?? NO_ROWS,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange,
  })
  const rows = useMemo(() => sortPositionRows(data ?? NO_ROWS, columns, sorting) as PositionRow[], [data, columns, sorting])

  const sortOf = useCallback(
    (columnId: string): SortInfo => {
      const index = sorting.findIndex((entry) => entry.id === columnId)
      return { direction: index < 0 ? false : sorting[index]!.desc ? 'desc' : 'asc', index }
    },
    [sorting],
  )
  const onSort = useCallback((columnId: string, multi: boolean) => table.getColumn(columnId)?.toggleSorting(undefined, multi), [table])
  return { sorting, rows, sortOf, onSort }
}
