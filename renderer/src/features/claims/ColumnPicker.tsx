import { useRef, useState } from 'react'
import type { ClaimColumn } from '../../domain/claims/columns'
import { Popover } from './Popover'

// Which columns the table shows: every column the workspace offers (one per actor attribute and
// claim attribute in use), remembered in the workspace settings.

export function ColumnPicker({ columns, isShown, onToggle, onReset }: { columns: readonly ClaimColumn[]; isShown: (column: ClaimColumn) => boolean; onToggle: (column: ClaimColumn, shown: boolean) => void; onReset: () => void }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const shownCount = columns.filter(isShown).length
  return (
    <>
      <button ref={button} type="button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)} title="Choose the columns the table shows">
        Columns
      </button>
      {open && (
        <Popover label="Columns" anchor={button} onClose={() => setOpen(false)} className="claims-popover-list">
          <ul className="claims-oneof-list claims-columns-list" aria-label="Columns shown">
            {columns.map((column) => {
              const shown = isShown(column)
              return (
                <li key={column.id}>
                  <label>
                    <input type="checkbox" checked={shown} disabled={shown && shownCount === 1} onChange={(event) => onToggle(column, event.currentTarget.checked)} />
                    <span className="claims-oneof-label">{column.label}</span>
                  </label>
                </li>
              )
            })}
          </ul>
          <div className="claims-popover-buttons">
            <button type="button" onClick={onReset}>
              Default columns
            </button>
            <button type="button" className="primary" onClick={() => setOpen(false)}>
              Done
            </button>
          </div>
        </Popover>
      )}
    </>
  )
}
