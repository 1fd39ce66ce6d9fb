import { useMemo, useRef, useState } from 'react'
import type { ClaimColumn } from '../../domain/claims/columns'
import { filterIsActive, oneOfOptions, type ColumnFilter } from '../../domain/claims/filter'
import { foldForSearch, type ClaimLookups, type ClaimRow } from '../../domain/claims/rows'
import { STANCES, type Stance } from '../../domain/model'
import { stanceSign } from '../../shared/ui/stance'
import { Popover } from './Popover'

// One cell of the filter row under the headers: a "contains" field for text, a button that
// opens the column's list (one of), date range or stance range.

interface FilterCellProps {
  column: ClaimColumn
  filter: ColumnFilter | undefined
  onChange: (filter: ColumnFilter | undefined) => void
  /** The rows a one-of list counts (the rows in the claim set, before filters). */
  rows: readonly ClaimRow[]
  lookups: ClaimLookups
}

const MIN_STANCE = STANCES[0]
const MAX_STANCE = STANCES[STANCES.length - 1]!

function summary(filter: ColumnFilter | undefined): string {
  if (!filter || !filterIsActive(filter)) return 'Any'
  switch (filter.type) {
    case 'oneOf':
      return `${filter.keys.length.toLocaleString('en')} chosen`
    case 'dateRange':
      return filter.from && filter.to ? `${filter.from} – ${filter.to}` : filter.from ? `from ${filter.from}` : `to ${filter.to}`
    case 'stanceRange':
      return filter.min === filter.max ? stanceSign(filter.min) : `${stanceSign(filter.min)} … ${stanceSign(filter.max)}`
    case 'contains':
      return filter.text
  }
}

export function FilterCell({ column, filter, onChange, rows, lookups }: FilterCellProps) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const label = `Filter ${column.label}`
  if (column.filter === 'contains') {
    return (
      <input
        type="search"
        className="claims-filter-input"
        aria-label={label}
        placeholder="contains…"
        dir="auto"
        value={filter?.type === 'contains' ? filter.text : ''}
        onChange={(event) => onChange(event.currentTarget.value === '' ? undefined : { type: 'contains', text: event.currentTarget.value })}
      />
    )
  }
  const active = filterIsActive(filter)
  const close = (): void => setOpen(false)
  return (
    <>
      <button
        ref={button}
        type="button"
        className={active ? 'claims-filter-button is-active' : 'claims-filter-button'}
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        title={active ? `${column.label}: ${summary(filter)}` : `Filter by ${column.label.toLowerCase()}`}
        onClick={() => setOpen(!open)}
      >
        <span>{summary(filter)}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <Popover label={label} anchor={button} onClose={close} className={column.filter === 'oneOf' ? 'claims-popover-list' : undefined}>
          {column.filter === 'oneOf' && <OneOfPicker column={column} chosen={filter?.type === 'oneOf' ? filter.keys : []} onChange={onChange} rows={rows} lookups={lookups} onDone={close} />}
          {column.filter === 'dateRange' && <DateRange filter={filter?.type === 'dateRange' ? filter : { type: 'dateRange', from: '', to: '' }} onChange={onChange} onDone={close} />}
          {column.filter === 'stanceRange' && (
            <StanceRange filter={filter?.type === 'stanceRange' ? filter : { type: 'stanceRange', min: MIN_STANCE, max: MAX_STANCE }} onChange={onChange} onDone={close} />
          )}
        </Popover>
      )}
    </>
  )
}

/** How many options a list draws at once: typing narrows it. */
const LIST_LIMIT = 300

function OneOfPicker({ column, chosen, onChange, rows, lookups, onDone }: { column: ClaimColumn; chosen: readonly string[]; onChange: (filter: ColumnFilter | undefined) => void; rows: readonly ClaimRow[]; lookups: ClaimLookups; onDone: () => void }) {
  const [query, setQuery] = useState('')
  const options = useMemo(() => oneOfOptions(column, rows, lookups), [column, rows, lookups])
  // Issues are found by their path too ("migration general" finds Controlling migration › General).
  const folded = useMemo(() => options.map((option) => foldForSearch(column.id === 'issues' ? (lookups.issuePaths.get(option.key) ?? option.label) : option.label)), [options, column.id, lookups])
  const needle = foldForSearch(query)
  const matches = needle === '' ? options : options.filter((_, index) => folded[index]!.includes(needle))
  const chosenSet = new Set(chosen)
  const set = (keys: Iterable<string>): void => {
    const list = [...keys]
    onChange(list.length === 0 ? undefined : { type: 'oneOf', keys: list })
  }
  const noun = column.label.toLowerCase()
  return (
    <div className="claims-oneof">
      <input type="search" aria-label={`Find ${noun}`} placeholder={`Find ${noun}…`} value={query} onChange={(event) => setQuery(event.currentTarget.value)} dir="auto" />
      {column.id === 'issues' && <p className="field-note">Choosing an issue takes in the issues below it.</p>}
      <ul className="claims-oneof-list" aria-label={`${column.label} to show`}>
        {matches.slice(0, LIST_LIMIT).map((option) => (
          // While searching, matches lose their tree: issues show their whole path instead.
          <li key={option.key} style={{ paddingInlineStart: needle === '' ? option.depth * 16 : 0 }} className={option.parent ? 'is-parent' : undefined}>
            <label title={column.id === 'issues' ? lookups.issuePaths.get(option.key) : undefined}>
              <input
                type="checkbox"
                checked={chosenSet.has(option.key)}
                onChange={(event) => {
                  const next = new Set(chosenSet)
                  if (event.currentTarget.checked) next.add(option.key)
                  else next.delete(option.key)
                  set(next)
                }}
              />
              <span className="claims-oneof-label" dir="auto">
                {needle !== '' && column.id === 'issues' ? (lookups.issuePaths.get(option.key) ?? option.label) : option.label}
              </span>
              <span className="claims-oneof-count">{option.count.toLocaleString('en')}</span>
            </label>
          </li>
        ))}
      </ul>
      {matches.length > LIST_LIMIT && <p className="field-note">Showing {LIST_LIMIT} of {matches.length.toLocaleString('en')}: type to narrow the list.</p>}
      {matches.length === 0 && <p className="field-note">Nothing matches “{query}”.</p>}
      <div className="claims-popover-buttons">
        <span className="muted">{chosen.length.toLocaleString('en')} chosen</span>
        <button type="button" onClick={() => set([...chosenSet, ...matches.map((option) => option.key)])} disabled={matches.length === 0}>
          {needle === '' ? 'Choose all' : 'Choose all matches'}
        </button>
        <button type="button" onClick={() => set([])} disabled={chosen.length === 0}>
          Clear
        </button>
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  )
}

function DateRange({ filter, onChange, onDone }: { filter: Extract<ColumnFilter, { type: 'dateRange' }>; onChange: (filter: ColumnFilter | undefined) => void; onDone: () => void }) {
  const set = (patch: Partial<typeof filter>): void => {
    const next = { ...filter, ...patch }
    onChange(next.from === '' && next.to === '' ? undefined : next)
  }
  return (
    <div className="claims-range">
      <label className="inline-field">
        From
        <input type="date" value={filter.from} max={filter.to || undefined} onChange={(event) => set({ from: event.currentTarget.value })} />
      </label>
      <label className="inline-field">
        To
        <input type="date" value={filter.to} min={filter.from || undefined} onChange={(event) => set({ to: event.currentTarget.value })} />
      </label>
      <div className="claims-popover-buttons">
        <button type="button" onClick={() => onChange(undefined)}>
          Clear
        </button>
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  )
}

function StanceRange({ filter, onChange, onDone }: { filter: Extract<ColumnFilter, { type: 'stanceRange' }>; onChange: (filter: ColumnFilter | undefined) => void; onDone: () => void }) {
  const set = (patch: Partial<typeof filter>): void => {
    const next = { ...filter, ...patch }
    if (next.min > next.max) {
      if ('min' in patch) next.max = next.min
      else next.min = next.max
    }
    onChange(next.min === MIN_STANCE && next.max === MAX_STANCE ? undefined : next)
  }
  const options = STANCES.map((stance) => (
    <option key={stance} value={stance}>
      {stanceSign(stance)}
    </option>
  ))
  return (
    <div className="claims-range">
      <label className="inline-field">
        From stance
        <select value={filter.min} onChange={(event) => set({ min: Number(event.currentTarget.value) as Stance })}>
          {options}
        </select>
      </label>
      <label className="inline-field">
        To stance
        <select value={filter.max} onChange={(event) => set({ max: Number(event.currentTarget.value) as Stance })}>
          {options}
        </select>
      </label>
      <div className="claims-popover-buttons">
        <button type="button" onClick={() => onChange(undefined)}>
          Clear
        </button>
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  )
}
