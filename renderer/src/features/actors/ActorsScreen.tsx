import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useMemo, useState } from 'react'
import { Screen } from '../../shared/ui/Screen'
import { db } from '../../db/instance'
import { listActors, type ActorUsage } from '../../db/repositories/actors'
import { actorKindKey } from '../../domain/actorKinds'
import { buildActorIndex } from '../../domain/actorMatching'
import { attributeKeysOf, attributeValueCounts, attributeValues } from '../../domain/attributes'
import { actorRows, actorsShape } from '../../domain/export/actorsCsv'
import { findDuplicatePairs } from '../../domain/duplicateActors'
import type { Actor, Id } from '../../domain/model'
import { compareText } from '../../domain/text/compare'
import { plural } from '../../domain/text/plural'
import { ExportCsvButton, exportShownTable } from '../export'
import { UndoRedoButtons } from '../../shared/undo/UndoRedoButtons'
import { ActorEditDialog } from './ActorEditDialog'
import { ActorRow } from './ActorRow'
import { BulkEditDialog } from './BulkEditDialog'
import { ColumnPicker } from './ColumnPicker'
import { DeleteActorDialog } from './DeleteActorDialog'
import { DuplicatesPanel } from './DuplicatesPanel'
import { KindsDialog } from './KindsDialog'
import { MergeActorsDialog } from './MergeActorsDialog'
import { useShownActors, type AttributeFilter, type SortKey } from './shownActors'
import { useActorUsage } from './useActorUsage'

type DialogState =
  | { kind: 'edit'; actor: Actor | null }
  | { kind: 'merge'; actors: Actor[] }
  | { kind: 'delete'; actor: Actor }
  | { kind: 'bulk'; actors: Actor[] }
  | { kind: 'kinds' }
  | null

const SHOWN_BY_DEFAULT = 6
const NO_USAGE: ActorUsage = { claims: 0, mentions: 0 }

// What the analyst set up survives leaving the screen and coming back.
const memory: { columns: string[] | null } = { columns: null }

const filterValue = (filter: AttributeFilter | null): string => (filter === null ? '' : JSON.stringify([filter.key, filter.value]))

export function ActorsScreen() {
  const actors = useLiveQuery(() => listActors(db), [])
  const { usage, failed: usageFailed } = useActorUsage()
  const [query, setQuery] = useState('')
  const [kindFilter, setKindFilter] = useState<string | null>(null)
  const [attributeFilter, setAttributeFilter] = useState<AttributeFilter | null>(null)
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false })
  const [checked, setChecked] = useState<ReadonlySet<Id>>(new Set())
  const [dialog, setDialog] = useState<DialogState>(null)
  const [shownColumns, setShownColumns] = useState<string[] | null>(memory.columns)

  const list = useMemo(() => actors ?? [], [actors])
  const index = useMemo(() => buildActorIndex(list), [list])
  const pairs = useMemo(() => findDuplicatePairs(list), [list])
  const attributeKeys = useMemo(() => attributeKeysOf(list), [list])
  const columns = useMemo(() => {
    const chosen = shownColumns ?? attributeKeys.slice(0, SHOWN_BY_DEFAULT)
    return attributeKeys.filter((key) => chosen.some((name) => name.toLowerCase() === key.toLowerCase()))
  }, [shownColumns, attributeKeys])
  const kindCounts = useMemo(() => {
    const counts = new Map<string, { kind: string; count: number }>()
    for (const actor of list) {
      const entry = counts.get(actorKindKey(actor.kind))
      if (entry) entry.count++
      else counts.set(actorKindKey(actor.kind), { kind: actor.kind, count: 1 })
    }
    return [...counts.values()].sort((a, b) => compareText(a.kind, b.kind))
  }, [list])
  const attributeOptions = useMemo(
    () => attributeKeys.map((key) => ({ key, values: attributeValueCounts(list, key), without: list.filter((actor) => attributeValues(actor.attributes, key).length === 0).length })),
    [attributeKeys, list],
  )

  const rows = useShownActors({ list, usage, query, sort, index, kindFilter, attributeFilter })

  const checkedActors = list.filter((actor) => checked.has(actor.id))
  const allShownChecked = rows.length > 0 && rows.every((row) => checked.has(row.actor.id))
  const toggle = useCallback(
    (id: Id): void =>
      setChecked((current) => {
        const next = new Set(current)
        if (next.has(id)) next.delete(id)
        else next.add(id)
        return next
      }),
    [],
  )
  const toggleAllShown = (): void =>
    setChecked((current) => {
      const next = new Set(current)
      for (const row of rows) {
        if (allShownChecked) next.delete(row.actor.id)
        else next.add(row.actor.id)
      }
      return next
    })
  const openEdit = useCallback((target: Actor) => setDialog({ kind: 'edit', actor: target }), [])
  const openDelete = useCallback((target: Actor) => setDialog({ kind: 'delete', actor: target }), [])
  const chooseColumns = (next: string[]): void => {
    memory.columns = next
    setShownColumns(next)
  }

  const header = (key: SortKey, label: string, numeric = false) => (
    <th scope="col" aria-sort={sort.key === key && query === '' ? (sort.descending ? 'descending' : 'ascending') : 'none'} className={numeric ? 'cell-number' : undefined}>
      <button type="button" className="sort-button" onClick={() => setSort((current) => ({ key, descending: current.key === key ? !current.descending : numeric }))}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  )

  const exportShown = (): Promise<void> =>
    exportShownTable({
      what: 'actors',
      noun: 'actors',
      build: () => {
        const shown = rows.map((row) => row.actor)
        const shape = actorsShape(shown)
        return { header: shape.header, rows: [...actorRows(shown, new Map([...(usage ?? [])].map(([id, use]) => [id, use.claims])), shape)] }
      },
    })

  return (
    <Screen
      title="Actors"
      className="actors-screen"
      actions={
        <>
          <input type="search" aria-label="Search actors" placeholder="Search names and aliases…" value={query} onChange={(event) => setQuery(event.target.value)} />
          <button type="button" onClick={() => setDialog({ kind: 'kinds' })} title="Add, rename or remove actor kinds">
            Kinds…
          </button>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'edit', actor: null })}>
            New actor
          </button>
          <ExportCsvButton
            title="Export the actors shown (search, filters and order) as CSV"
            waiting={usage === undefined ? 'Counting the claims of each actor…' : null}
            failed={usageFailed}
            onExport={() => void exportShown()}
          />
          <UndoRedoButtons />
        </>
      }
    >
      <DuplicatesPanel pairs={pairs} onMerge={(pair) => setDialog({ kind: 'merge', actors: [pair.first, pair.second] })} />
      {actors && actors.length === 0 ? (
        <p className="muted">No actors yet. Tag one in the reader, or create one with “New actor”.</p>
      ) : (
        <>
          <div className="actors-bar" role="group" aria-label="Filter and select actors">
            <label className="inline-field">
              Kind
              <select value={kindFilter ?? ''} onChange={(event) => setKindFilter(event.target.value === '' ? null : event.target.value)}>
                <option value="">All kinds ({list.length.toLocaleString('en')})</option>
                {kindCounts.map((entry) => (
                  <option key={entry.kind} value={actorKindKey(entry.kind)}>
                    {entry.kind} ({entry.count.toLocaleString('en')})
                  </option>
                ))}
              </select>
            </label>
            {attributeOptions.length > 0 && (
              <label className="inline-field">
                Attribute
                <select
                  value={filterValue(attributeFilter)}
                  onChange={(event) => setAttributeFilter(event.target.value === '' ? null : (([key, value]: [string, string | null]) => ({ key, value }))(JSON.parse(event.target.value) as [string, string | null]))}
                >
                  <option value="">Any attributes</option>
                  {attributeOptions.map((option) => (
                    <optgroup key={option.key} label={option.key}>
                      {option.values.map((entry) => (
                        <option key={entry.value} value={filterValue({ key: option.key, value: entry.value })}>
                          {option.key}: {entry.value} ({entry.count.toLocaleString('en')})
                        </option>
                      ))}
                      {option.without > 0 && <option value={filterValue({ key: option.key, value: null })}>{`${option.key}: (none) (${option.without.toLocaleString('en')})`}</option>}
                    </optgroup>
                  ))}
                </select>
              </label>
            )}
            {attributeKeys.length > 0 && <ColumnPicker label="Attribute columns" options={attributeKeys} chosen={columns} onChange={chooseColumns} />}
            <span className="actors-count muted" role="status">
              {rows.length.toLocaleString('en')} of {list.length.toLocaleString('en')} actors
              {checked.size > 0 && ` · ${checked.size.toLocaleString('en')} selected`}
            </span>
            <span className="button-row">
              <button type="button" disabled={checkedActors.length === 0} onClick={() => setDialog({ kind: 'bulk', actors: checkedActors })} title="Set the kind or an attribute of every selected actor">
                Edit selected…
              </button>
              <button type="button" disabled={checkedActors.length < 2} onClick={() => setDialog({ kind: 'merge', actors: checkedActors })}>
                Merge selected…
              </button>
              {checked.size > 0 && (
                <button type="button" className="link-button" onClick={() => setChecked(new Set())}>
                  Clear selection
                </button>
              )}
            </span>
          </div>
          <div className="table-scroll actors-scroll">
            <table className="data-table actors-table" aria-label="Actors">
              <thead>
                <tr>
                  <th scope="col" className="cell-check">
                    <input type="checkbox" aria-label="Select all shown" checked={allShownChecked} onChange={toggleAllShown} />
                  </th>
                  {header('name', 'Name')}
                  {header('kind', 'Kind')}
                  <th scope="col">Aliases</th>
                  {columns.map((key) => (
                    <th key={key} scope="col" aria-sort={sort.key === `attr:${key}` && query === '' ? (sort.descending ? 'descending' : 'ascending') : 'none'} className="cell-attribute">
                      <button type="button" className="sort-button" title={key} onClick={() => setSort((current) => ({ key: `attr:${key}`, descending: current.key === `attr:${key}` ? !current.descending : false }))}>
                        {key}
                        <span aria-hidden="true">{sort.key === `attr:${key}` ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                      </button>
                    </th>
                  ))}
                  {header('claims', 'Claims', true)}
                  {header('mentions', 'Mentions', true)}
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ actor, matched }) => (
                  <ActorRow
                    key={actor.id}
                    actor={actor}
                    matched={matched}
                    columns={columns}
                    usage={usage?.get(actor.id) ?? NO_USAGE}
                    checked={checked.has(actor.id)}
                    onToggle={toggle}
                    onEdit={openEdit}
                    onDelete={openDelete}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {dialog?.kind === 'edit' && (
        <ActorEditDialog
          actor={dialog.actor}
          actors={list}
          attributeKeys={attributeKeys}
          onClose={() => setDialog(null)}
          onMergeInstead={(other) => dialog.actor && setDialog({ kind: 'merge', actors: [other, dialog.actor] })}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeActorsDialog
          actors={dialog.actors}
          onClose={() => setDialog(null)}
          onMerged={() => {
            setChecked(new Set())
            setDialog(null)
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteActorDialog
          actor={dialog.actor}
          actors={list}
          onClose={() => {
            setChecked((current) => new Set([...current].filter((id) => id !== dialog.actor.id)))
            setDialog(null)
          }}
        />
      )}
      {dialog?.kind === 'bulk' && <BulkEditDialog actors={dialog.actors} attributeKeys={attributeKeys} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'kinds' && <KindsDialog actors={list} onClose={() => setDialog(null)} />}
      {checked.size > 0 && <p className="visually-hidden">{plural(checked.size, 'actor')} selected</p>}
    </Screen>
  )
}
