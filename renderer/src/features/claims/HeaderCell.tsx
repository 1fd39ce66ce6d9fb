import type { Header } from '@tanstack/react-table'
import type { ClaimRow } from '../../domain/claims/rows'
import type { ClaimsTableFeatures } from './claimsColumns'

/** A column header: sorts on click (Shift adds to the sort), resizes by drag, double-click or the arrow keys. */
export function HeaderCell({ header, sortCount, setWidth }: { header: Header<ClaimsTableFeatures, ClaimRow, unknown>; sortCount: number; setWidth: (width: number) => void }) {
  const column = header.column
  const direction = column.getIsSorted()
  const sortIndex = column.getSortIndex()
  const label = String(column.columnDef.header)
  const resize = header.getResizeHandler()
  return (
    <th scope="col" aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'} className={column.getIsResizing() ? 'is-resizing' : undefined}>
      <button type="button" className="sort-button" onClick={column.getToggleSortingHandler()} title={`Sort by ${label.toLowerCase()} (Shift+click adds it to the sort)`}>
        <span className="claims-head-label">{label}</span>
        <span className="sort-indicator" aria-hidden="true">
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
          {direction && sortCount > 1 ? sortIndex + 1 : ''}
        </span>
      </button>
      <span
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${label}`}
        aria-valuenow={Math.round(header.getSize())}
        tabIndex={0}
        className="claims-resizer"
        onMouseDown={resize}
        onTouchStart={resize}
        onDoubleClick={() => column.resetSize()}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
          event.preventDefault()
          setWidth(Math.max(56, Math.round(header.getSize() + (event.key === 'ArrowRight' ? 16 : -16))))
        }}
      />
    </th>
  )
}
