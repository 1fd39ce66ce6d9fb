import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react'
import { describeStorageError } from '../../db/storageErrors'
import { availableColumns, attributeKeys, type ClaimColumn } from '../../domain/claims/columns'
import { activeFilterCount, NO_FILTERS } from '../../domain/claims/filter'
import type { ClaimLookups, ClaimRow } from '../../domain/claims/rows'
import { NO_SELECTION, selectedShown, shownRowsOf } from '../../domain/claims/selection'
import { ShownOrderModel } from '../../domain/claims/shownOrder'
import { lookupsOf, type ClaimsTableData } from '../../domain/claims/tableState'
import { columnShown } from '../../domain/claims/view'
import { inClaimSet, type ClaimSet } from '../../domain/coding/claimSet'
import { claimVisibility } from '../../domain/coding/visibility'
import type { Coder } from '../../domain/model'
import { plural } from '../../domain/text/plural'
import { Screen } from '../../shared/ui/Screen'
import { UndoRedoButtons } from '../../shared/undo/UndoRedoButtons'
import { BulkEditDialog } from './BulkEditDialog'
import { ClaimsTable } from './ClaimsTable'
import { useClaimsSource, useClaimsViewer } from './claimsStore'
import { ColumnPicker } from './ColumnPicker'
import { exportShownClaims } from './exportShown'
import { useClaimsView, type ClaimSetChoice } from './viewState'

// The coder's working view: every claim in one table, sorted, filtered and searched in memory,
// edited in bulk, each row a way into the reader at its highlight.

const model = new ShownOrderModel()

// What is derived from the data alone is kept with the sort caches, across visits: back from the
// reader, the screen finds the same lookups object (the caches are keyed by it) and does not
// walk 100,000 rows again for their attribute names.
let derived: { data: ClaimsTableData; codersKey: string; lookups: ClaimLookups } | null = null
let attributes: { data: ClaimsTableData; actor: string[]; claim: string[] } | null = null

function lookupsFor(data: ClaimsTableData, coders: readonly Coder[]): ClaimLookups {
  const codersKey = coders.map((coder) => `${coder.id}\u0000${coder.name}\u0000${coder.updatedAt}`).join('\u0001')
  if (derived?.data !== data || derived.codersKey !== codersKey) derived = { data, codersKey, lookups: lookupsOf(data, new Map(coders.map((coder) => [coder.id, coder]))) }
  return derived.lookups
}

function attributeNames(data: ClaimsTableData): { actor: string[]; claim: string[] } {
  if (attributes?.data !== data) attributes = { data, actor: attributeKeys(data.actors.values()), claim: attributeKeys(data.rows) }
  return attributes
}

function claimSetOf(choice: ClaimSetChoice): ClaimSet {
  if (choice === 'adjudicated') return { kind: 'adjudicated' }
  if (choice.startsWith('coder:')) return { kind: 'coder', coderId: choice.slice('coder:'.length) }
  return { kind: 'all' }
}

export function ClaimsScreen() {
  const { data, coders: firstCoders, progress, error } = useClaimsSource()
  const viewer = useClaimsViewer()
  const [view, update] = useClaimsView()
  const [editing, setEditing] = useState(false)
  const [summary, setSummary] = useState<string[] | null>(null)
  const searchId = useId()

  const coders = viewer?.coders ?? firstCoders
  const lookups = data ? lookupsFor(data, coders) : null
  const coderMap = lookups?.coders

  // Blind coding first (a coder on a blind assignment sees only their own claims on its
  // articles), then the claim set chosen.
  const viewerCoder: Coder | null = viewer?.currentCoderId ? (coderMap?.get(viewer.currentCoderId) ?? null) : null
  const visible = useMemo(() => claimVisibility(viewerCoder, viewer?.assignments ?? []), [viewerCoder, viewer?.assignments])
  const claimSet = useMemo(() => claimSetOf(view.claimSet), [view.claimSet])
  const { rows, hidden } = useMemo(() => {
    const all = data?.rows ?? []
    const inSet = inClaimSet(claimSet)
    const kept: ClaimRow[] = []
    let hiddenCount = 0
    for (const row of all) {
      if (!visible(row)) hiddenCount++
      else if (inSet(row)) kept.push(row)
    }
    // Nothing left out: the same array, so the sort caches carry over.
    return { rows: kept.length === all.length ? all : kept, hidden: hiddenCount }
  }, [data, visible, claimSet])

  const severalCoders = coders.length > 1
  const allColumns = useMemo(
    () => {
      if (!data) return []
      const names = attributeNames(data)
      return availableColumns({ actorAttributes: names.actor, claimAttributes: names.claim, severalCoders })
    },
    [data, severalCoders],
  )
  const shownColumns = useMemo(() => allColumns.filter((column) => columnShown(view, column)), [allColumns, view])
  const columnsById = useMemo(() => new Map(shownColumns.map((column) => [column.id, column] as const)), [shownColumns])

  const filters = useDeferredValue(view.filters)
  const order = useMemo(() => (lookups ? model.shownOrder(rows, lookups, view.sorting, filters, columnsById) : new Uint32Array(0)), [rows, lookups, view.sorting, filters, columnsById])
  const shown = useMemo(() => shownRowsOf(rows, order), [rows, order])
  const selectedIds = useMemo(() => selectedShown(view.selection.selected, shown), [view.selection.selected, shown])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        document.getElementById(searchId)?.focus()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [searchId])

  const hideColumn = (column: ClaimColumn, shownNow: boolean): void => {
    const visibility = { ...view.visibility, [column.id]: shownNow }
    if (shownNow === column.standard) delete visibility[column.id]
    // A hidden column's filter would narrow the rows with nothing on screen saying so.
    const columns = { ...view.filters.columns }
    delete columns[column.id]
    update({ visibility, filters: { ...view.filters, columns }, sorting: shownNow ? view.sorting : view.sorting.filter((entry) => entry.id !== column.id) })
  }

  const actions = (
    <>
      <label className="inline-field claims-set">
        <span className="visually-hidden">Claims shown</span>
        <select aria-label="Claims shown" value={view.claimSet} onChange={(event) => update({ claimSet: event.currentTarget.value, selection: NO_SELECTION })}>
          <option value="all">All claims</option>
          <option value="adjudicated">Adjudicated only</option>
          {coders.map((coder) => (
            <option key={coder.id} value={`coder:${coder.id}`}>
              {coder.name}
            </option>
          ))}
        </select>
      </label>
      <ColumnPicker columns={allColumns} isShown={(column) => columnShown(view, column)} onToggle={hideColumn} onReset={() => update({ visibility: {}, widths: {} })} />
      <button type="button" disabled={selectedIds.length === 0} onClick={() => setEditing(true)} title="Change issue, stance, actor or date of the selected claims">
        {selectedIds.length > 0 ? `Edit ${plural(selectedIds.length, 'claim')}…` : 'Edit selected…'}
      </button>
      <button
        type="button"
        disabled={!lookups}
        onClick={() => lookups && void exportShownClaims(shownColumns, rows, order, lookups)}
        title="Export the claims shown (columns, filters and order) as CSV"
      >
        Export CSV
      </button>
      <UndoRedoButtons />
    </>
  )

  if (error && !data) {
    return (
      <Screen title="Claims" actions={actions}>
        <div className="error-panel" role="alert">
          <h2>The claims could not be read</h2>
          <p>{describeStorageError(error, 'read the claims')}</p>
        </div>
      </Screen>
    )
  }
  // Until we know who is looking, no row shows: a coder on a blind assignment must not glimpse
  // the others' claims for a frame.
  if (!data || !lookups || !viewer) {
    return (
      <Screen title="Claims" className="claims-screen">
        <div className="claims-loading" role="status">
          <p className="muted">Reading the claims…</p>
          <progress aria-label="Loading claims" value={progress ?? 0} max={1} />
        </div>
      </Screen>
    )
  }

  const filterCount = activeFilterCount(view.filters)
  return (
    <Screen title="Claims" actions={actions} className="claims-screen">
      <div className="claims-toolbar">
        <input
          id={searchId}
          type="search"
          aria-label="Search claims"
          placeholder="Search quotes and notes…"
          value={view.filters.search}
          dir="auto"
          onChange={(event) => update({ filters: { ...view.filters, search: event.currentTarget.value } })}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && view.filters.search !== '') {
              event.stopPropagation()
              update({ filters: { ...view.filters, search: '' } })
            }
          }}
        />
        {filterCount > 0 && (
          <button type="button" onClick={() => update({ filters: NO_FILTERS })}>
            Clear {filterCount === 1 ? 'filter' : `${filterCount} filters`}
          </button>
        )}
        {selectedIds.length > 0 && (
          <span className="claims-selected">
            {plural(selectedIds.length, 'claim')} selected
            <button type="button" className="link-button" onClick={() => update({ selection: NO_SELECTION })}>
              Clear selection
            </button>
          </span>
        )}
        <span className="claims-count" role="status">
          {order.length.toLocaleString('en')} of {plural(rows.length, 'claim')}
          {hidden > 0 && <span className="muted"> · {plural(hidden, 'claim')} of other coders hidden (blind coding)</span>}
        </span>
      </div>
      {summary && (
        <div className="claims-summary" role="status" aria-label="Bulk edit summary">
          <ul>
            {summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button type="button" className="icon-button" aria-label="Dismiss summary" onClick={() => setSummary(null)}>
            ×
          </button>
        </div>
      )}
      {data.rows.length === 0 ? (
        <div className="claims-empty">
          <p>No claims yet. Tag claims in the reader, or bring coded claims in with Data › Import coded claims….</p>
        </div>
      ) : (
        <ClaimsTable
          columns={shownColumns}
          rows={rows}
          order={order}
          lookups={lookups}
          shown={shown}
          view={view}
          update={update}
          onEditSelected={() => selectedIds.length > 0 && setEditing(true)}
        />
      )}
      {editing && (
        <BulkEditDialog
          claimIds={selectedIds}
          lookups={lookups}
          onClose={() => setEditing(false)}
          onDone={(lines) => {
            setEditing(false)
            setSummary(lines)
          }}
        />
      )}
    </Screen>
  )
}
