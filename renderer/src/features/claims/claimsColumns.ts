import { columnResizingFeature, columnSizingFeature, functionalUpdate, rowSortingFeature, tableFeatures, useTable, type ColumnDef } from '@tanstack/react-table'
import { useMemo } from 'react'
import type { ClaimColumn } from '../../domain/claims/columns'
import type { ClaimRow } from '../../domain/claims/rows'
import type { ClaimsViewState } from './viewState'

const features = tableFeatures({ rowSortingFeature, columnSizingFeature, columnResizingFeature })
export type ClaimsTableFeatures = typeof features
type Def = ColumnDef<ClaimsTableFeatures, ClaimRow>

const NONE = (): null => null

/**
 * The claims table's columns as TanStack Table sees them: sort (up to four columns), widths and
 * resizing, all kept in the view state. It holds no rows: the screen sorts on precomputed keys.
 */
export function useClaimsColumns(columns: readonly ClaimColumn[], view: ClaimsViewState, update: (patch: Partial<ClaimsViewState>) => void) {
  const defs = useMemo<Def[]>(
    () =>
      columns.map((column) => ({
        id: column.id,
        header: column.label,
        // The rows are not TanStack's: an accessor only marks the column as sortable.
        accessorFn: NONE,
        size: column.width,
        minSize: 56,
        maxSize: 1600,
        sortDescFirst: column.type !== 'text',
      })),
    [columns],
  )
  const sorting = view.sorting
  const table = useTable({
    features,
    columns: defs,
    data: [],
    state: { sorting, columnSizing: view.widths },
    manualSorting: true,
    enableMultiSort: true,
    maxMultiSortColCount: 4,
    enableColumnResizing: true,
    columnResizeMode: 'onChange',
    onSortingChange: (updater) => update({ sorting: functionalUpdate(updater, sorting) }),
    onColumnSizingChange: (updater) => {
      const next = functionalUpdate(updater, view.widths)
      update({ widths: Object.fromEntries(Object.entries(next).map(([id, width]) => [id, Math.round(width)])) })
    },
  })
  const headers = table.getHeaderGroups()[0]?.headers ?? []
  return { sorting, headers }
}
