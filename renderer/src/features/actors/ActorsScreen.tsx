import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { EditDeleteCell } from '../../shared/ui/EditDeleteCell'
import { Screen } from '../../shared/ui/Screen'
import { db } from '../../db/instance'
import { actorUsage, listActors } from '../../db/repositories/actors'
import { buildActorIndex } from '../../domain/actorMatching'
import { actorRows, ACTORS_COLUMNS } from '../../domain/export/actorsCsv'
import { findDuplicatePairs, type DuplicatePair } from '../../domain/duplicateActors'
import type { Actor, Id } from '../../domain/model'
import { compareText } from '../../domain/text/compare'
import { exportShownTable } from '../export'
import { UndoRedoButtons } from '../../shared/undo/UndoRedoButtons'
import { ActorEditDialog } from './ActorEditDialog'
import { DeleteActorDialog } from './DeleteActorDialog'
import { MergeActorsDialog } from './MergeActorsDialog'

type SortKey = 'name' | 'kind' | 'claims' | 'mentions'
type DialogState = { kind: 'edit'; actor: Actor | null } | { kind: 'merge'; actors: Actor[] } | { kind: 'delete'; actor: Actor } | null

export function ActorsScreen() {
  const actors = useLiveQuery(() => listActors(db), [])
  const usage = useLiveQuery(() => actorUsage(db), [])
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false })
  const [checked, setChecked] = useState<ReadonlySet<Id>>(new Set())
  const [dialog, setDialog] = useState<DialogState>(null)
  const [hiddenPairs, setHiddenPairs] = useState<ReadonlySet<string>>(new Set())

  const index = useMemo(() => buildActorIndex(actors ?? []), [actors])
  const pairs = useMemo(() => findDuplicatePairs(actors ?? []), [actors])
  const pairKey = (pair: DuplicatePair): string => [pair.first.id, pair.second.id].sort().join('+')
  const visiblePairs = pairs.filter((pair) => !hiddenPairs.has(pairKey(pair)))

  const rows = useMemo(() => {
    const list = actors ?? []
    const count = (actor: Actor, key: 'claims' | 'mentions'): number => usage?.get(actor.id)?.[key] ?? 0
    if (query.trim() !== '') return index.search(query, list.length).map((match) => ({ actor: match.actor, matched: match.matched }))
    const sorted = [...list].sort((a, b) => {
      const order =
        sort.key === 'name' ? compareText(a.name, b.name) : sort.key === 'kind' ? compareText(a.kind, b.kind) || compareText(a.name, b.name) : count(a, sort.key) - count(b, sort.key) || compareText(a.name, b.name)
      return sort.descending ? -order : order
    })
    return sorted.map((actor) => ({ actor, matched: actor.name }))
  }, [actors, usage, query, sort, index])

  const checkedActors = (actors ?? []).filter((actor) => checked.has(actor.id))
  const toggle = (id: Id): void =>
    setChecked((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const header = (key: SortKey, label: string, numeric = false) => (
    <th scope="col" aria-sort={sort.key === key && query === '' ? (sort.descending ? 'descending' : 'ascending') : 'none'} className={numeric ? 'cell-number' : undefined}>
      <button type="button" className="sort-button" onClick={() => setSort((current) => ({ key, descending: current.key === key ? !current.descending : numeric }))}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  )

  return (
    <Screen
      title="Actors"
      actions={
        <>
          <input type="search" aria-label="Search actors" placeholder="Search names and aliases…" value={query} onChange={(event) => setQuery(event.target.value)} />
          <button type="button" disabled={checkedActors.length < 2} onClick={() => setDialog({ kind: 'merge', actors: checkedActors })}>
            Merge selected…
          </button>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'edit', actor: null })}>
            New actor
          </button>
          <button
            type="button"
            onClick={() =>
              void exportShownTable({
                what: 'actors',
                noun: 'actors',
                build: () => ({
                  header: ACTORS_COLUMNS,
                  rows: [...actorRows(rows.map((row) => row.actor), new Map([...(usage ?? [])].map(([id, use]) => [id, use.claims])))],
                }),
              })
            }
            title="Export the actors shown (search and order) as CSV"
          >
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
        <table className="data-table actors-table" aria-label="Actors">
          <thead>
            <tr>
              <th scope="col" className="cell-check">
                <span className="visually-hidden">Select</span>
              </th>
              {header('name', 'Name')}
              {header('kind', 'Kind')}
              <th scope="col">Aliases</th>
              {header('claims', 'Claims', true)}
              {header('mentions', 'Mentions', true)}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ actor, matched }) => (
              <tr key={actor.id} className={checked.has(actor.id) ? 'is-checked' : undefined}>
                <td className="cell-check">
                  <input type="checkbox" aria-label={`Select ${actor.name}`} checked={checked.has(actor.id)} onChange={() => toggle(actor.id)} />
                </td>
                <td>
                  <bdi className="actor-name">{actor.name}</bdi>
                  {matched !== actor.name && <span className="muted small"> (matches “{matched}”)</span>}
                </td>
                <td>
                  <span className={`kind-tag kind-${actor.kind.replace(' ', '-')}`}>{actor.kind}</span>
                </td>
                <td className="cell-aliases">
                  {actor.aliases.map((alias) => (
                    <bdi key={alias} className="alias-chip">
                      {alias}
                    </bdi>
                  ))}
                </td>
                <td className="cell-number">{usage?.get(actor.id)?.claims ?? 0}</td>
                <td className="cell-number">{usage?.get(actor.id)?.mentions ?? 0}</td>
                <EditDeleteCell name={actor.name} onEdit={() => setDialog({ kind: 'edit', actor })} onDelete={() => setDialog({ kind: 'delete', actor })} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'edit' && (
        <ActorEditDialog
          actor={dialog.actor}
          actors={actors ?? []}
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
          actors={actors ?? []}
          onClose={() => {
            setChecked((current) => new Set([...current].filter((id) => id !== dialog.actor.id)))
            setDialog(null)
          }}
        />
      )}
    </Screen>
  )
}
