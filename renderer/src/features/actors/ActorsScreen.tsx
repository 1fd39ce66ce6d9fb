import { useLiveQuery } from 'dexie-react-hooks'
import { memo, useCallback, useMemo, useState } from 'react'
import { EditDeleteCell } from '../../shared/ui/EditDeleteCell'
import { Screen } from '../../shared/ui/Screen'
import { db } from '../../db/instance'
import { actorUsage, listActors, type ActorUsage } from '../../db/repositories/actors'
import { actorKindKey } from '../../domain/actorKinds'
import { buildActorIndex } from '../../domain/actorMatching'
import { attributeKeysOf, attributeValueCounts, attributeValues, formatValues } from '../../domain/attributes'
import { actorRows, actorsShape } from '../../domain/export/actorsCsv'
import { findDuplicatePairs, type DuplicatePair } from '../../domain/duplicateActors'
import type { Actor, Id } from '../../domain/model'
import { compareText } from '../../domain/text/compare'
import { plural } from '../../domain/text/plural'
import { exportShownTable } from '../export'
import { UndoRedoButtons } from '../../shared/undo/UndoRedoButtons'
import { ActorEditDialog } from './ActorEditDialog'
import { BulkEditDialog } from './BulkEditDialog'
import { ColumnPicker } from './ColumnPicker'
import { DeleteActorDialog } from './DeleteActorDialog'
import { KindsDialog } from './KindsDialog'
import { MergeActorsDialog } from './MergeActorsDialog'

type SortKey = 'name' | 'kind' | 'claims' | 'mentions' | `attr:${string}`
type DialogState =
  | { kind: 'edit'; actor: Actor | null }
  | { kind: 'merge'; actors: Actor[] }
  | { kind: 'delete'; actor: Actor }
  | { kind: 'bulk'; actors: Actor[] }
  | { kind: 'kinds' }
  | null

/** An attribute filter: actors with this value, or (value null) actors without the attribute. */
interface AttributeFilter {
  key: string
  value: string | null
}

const SHOWN_BY_DEFAULT = 6
const NO_USAGE: ActorUsage = { claims: 0, mentions: 0 }

// What the analyst set up survives leaving the screen and coming back.
const memory: { columns: string[] | null } = { columns: null }

const filterValue = (filter: AttributeFilter | null): string => (filter === null ? '' : JSON.stringify([filter.key, filter.value]))

export function ActorsScreen() {
  const actors = useLiveQuery(() => listActors(db), [])
  const usage = useLiveQuery(() => actorUsage(db), [])
  const [query, setQuery] = useState('')
  const [kindFilter, setKindFilter] = useState<string | null>(null)
  const [attributeFilter, setAttributeFilter] = useState<AttributeFilter | null>(null)
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false })
  const [checked, setChecked] = useState<ReadonlySet<Id>>(new Set())
  const [dialog, setDialog] = useState<DialogState>(null)
  const [hiddenPairs, setHiddenPairs] = useState<ReadonlySet<string>>(new Set())
  const [shownColumns, setShownColumns] = useState<string[] | null>(memory.columns)

  const list = useMemo(() => actors ?? [], [actors])
  const index = useMemo(() => buildActorIndex(list), [list])
  const pairs = useMemo(() => findDuplicatePairs(list), [list])
  const pairKey = (pair: DuplicatePair): string => [pair.first.id, pair.second.id].sort().join('+')
  const visiblePairs = pairs.filter((pair) => !hiddenPairs.has(pairKey(pair)))
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

  const rows = useMemo(() => {
    const passes = (actor: Actor): boolean => {
      if (kindFilter !== null && actorKindKey(actor.kind) !== kindFilter) return false
      if (attributeFilter) {
        const values = attributeValues(actor.attributes, attributeFilter.key)
        if (attributeFilter.value === null ? values.length > 0 : !values.some((value) => value.toLowerCase() === attributeFilter.value!.toLowerCase())) return false
      }
      return true
    }
    if (query.trim() !== '') {
      return index
        .search(query, list.length)
        .filter((match) => passes(match.actor))
        .map((match) => ({ actor: match.actor, matched: match.matched }))
    }
    const count = (actor: Actor, key: 'claims' | 'mentions'): number => usage?.get(actor.id)?.[key] ?? 0
    const attribute = (actor: Actor, key: string): string => formatValues(attributeValues(actor.attributes, key))
    const sorted = list.filter(passes).sort((a, b) => {
      let order: number
      if (sort.key === 'name') order = compareText(a.name, b.name)
      else if (sort.key === 'kind') order = compareText(a.kind, b.kind) || compareText(a.name, b.name)
      else if (sort.key === 'claims' || sort.key === 'mentions') order = count(a, sort.key) - count(b, sort.key) || compareText(a.name, b.name)
      else {
        const key = sort.key.slice(5)
        const [x, y] = [attribute(a, key), attribute(b, key)]
        // Actors without the attribute sort last either way.
        order = x === '' && y !== '' ? 1 : y === '' && x !== '' ? -1 : compareText(x, y) || compareText(a.name, b.name)
        if (x === '' || y === '') return order
      }
      return sort.descending ? -order : order
    })
    return sorted.map((actor) => ({ actor, matched: actor.name }))
  }, [list, usage, query, sort, index, kindFilter, attributeFilter])

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
          <button type="button" onClick={() => void exportShown()} title="Export the actors shown (search, filters and order) as CSV">
            Export CSV
          </button>
          <UndoRedoButtons />
        </>
      }
    >
      {visiblePairs.length > 0 && (
        <section className="duplicates-panel" aria-labelledby="duplicates-heading">
          <h2 id="duplicates-heading">Possible duplicates ({visiblePairs.length})</h2>
          <ul>
            {visiblePairs.slice(0, 6).map((pair) => (
              <li key={pairKey(pair)}>
                <span>
                  <strong>{pair.first.name}</strong> and <strong>{pair.second.name}</strong>: {pair.reason}.
                </span>
                <span className="button-row">
                  <button type="button" onClick={() => setDialog({ kind: 'merge', actors: [pair.first, pair.second] })}>
                    Merge…
                  </button>
                  <button type="button" className="link-button" onClick={() => setHiddenPairs((current) => new Set([...current, pairKey(pair)]))}>
                    Not duplicates
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
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

interface ActorRowProps {
  actor: Actor
  matched: string
  columns: readonly string[]
  usage: ActorUsage
  checked: boolean
  onToggle: (id: Id) => void
  onEdit: (actor: Actor) => void
  onDelete: (actor: Actor) => void
}

/** One actor's row; redrawn only when its actor, counts, columns or selection change. */
const ActorRow = memo(function ActorRow({ actor, matched, columns, usage, checked, onToggle, onEdit, onDelete }: ActorRowProps) {
  return (
    <tr className={checked ? 'is-checked' : undefined}>
      <td className="cell-check">
        <input type="checkbox" aria-label={`Select ${actor.name}`} checked={checked} onChange={() => onToggle(actor.id)} />
      </td>
      <td>
        <bdi className="actor-name">{actor.name}</bdi>
        {matched !== actor.name && <span className="muted small"> (matches “{matched}”)</span>}
      </td>
      <td>
        <span className={`kind-tag kind-${actor.kind.replace(/\s+/g, '-')}`}>{actor.kind}</span>
      </td>
      <td className="cell-aliases">
        {actor.aliases.map((alias) => (
          <bdi key={alias} className="alias-chip">
            {alias}
          </bdi>
        ))}
      </td>
      {columns.map((key) => {
        const values = attributeValues(actor.attributes, key)
        return (
          <td key={key} className="cell-attribute" title={values.length > 0 ? `${key}: ${formatValues(values)}` : undefined}>
            {values.map((value) => (
              <bdi key={value} className="value-chip">
                {value}
              </bdi>
            ))}
          </td>
        )
      })}
      <td className="cell-number">{usage.claims}</td>
      <td className="cell-number">{usage.mentions}</td>
      <EditDeleteCell name={actor.name} onEdit={() => onEdit(actor)} onDelete={() => onDelete(actor)} />
    </tr>
  )
})
