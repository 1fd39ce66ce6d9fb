import {
  createSortedRowModel,
  functionalUpdate,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type Row,
  type SortingState,
} from '@tanstack/react-table'
import { useCallback, useMemo } from 'react'
import type { PositionsColumn } from '../../domain/positions/columns'
import type { PositionRow } from '../../domain/positions/rows'
import { compareText } from '../../domain/text/compare'
import type { SortInfo } from './gridLayout'

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() })
type Features = typeof features

function compareValues(rowA: Row<Features, PositionRow>, rowB: Row<Features, PositionRow>, columnId: string): number {
  const a = rowA.getValue<string | number>(columnId)
  const b = rowB.getValue<string | number>(columnId)
  return a < b ? -1 : a > b ? 1 : 0
}

function compareTextValues(rowA: Row<Features, PositionRow>, rowB: Row<Features, PositionRow>, columnId: string): number {
  return compareText(String(rowA.getValue(columnId)), String(rowB.getValue(columnId)))
}

function columnDefs(columns: PositionsColumn[]): ColumnDef<Features, PositionRow>[] {
  return columns.map((column) => ({
    id: column.id,
    header: column.header,
    accessorFn: (row: PositionRow) => column.sortValue(row),
    sortFn: column.sortType === 'text' ? compareTextValues : compareValues,
    // An empty cell has nothing to rank: it goes last whichever way the column is sorted.
    sortUndefined: 'last',
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
  // Unsorted, the rows are the data in its own order: the row model would only wrap each of
  // tens of thousands of rows in an object to unwrap it again, on every change of the data.
  const rowModel = sorting.length === 0 ? null : table.getRowModel()
  const rows = useMemo(() => (rowModel ? rowModel.rows.map((row) => row.original) : (data ?? NO_ROWS)), [rowModel, data])

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
