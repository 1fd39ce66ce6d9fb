import { useId, useState } from 'react'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { useActorKinds } from '../../shared/useActorKinds'
import { performTagging } from '../../shared/undo/history'
import { db } from '../../db/instance'
import { addActorKind, changeActorKind } from '../../db/repositories/actors'
import { actorKindKey } from '../../domain/actorKinds'
import type { Actor } from '../../domain/model'
import { plural } from '../../domain/text/plural'
import { errorText } from '../../domain/errorText'

type Editing = { kind: string; mode: 'rename'; text: string } | { kind: string; mode: 'remove'; to: string } | null

/** The workspace's list of actor kinds: add, rename (its actors follow) and remove (its actors move to another kind). */
export function KindsDialog({ actors, onClose }: { actors: readonly Actor[]; onClose: () => void }) {
  const id = useId()
  const kinds = useActorKinds()
  const [editing, setEditing] = useState<Editing>(null)
  const [added, setAdded] = useState('')
  const [busy, setBusy] = useState(false)
  const count = (kind: string): number => actors.filter((actor) => actorKindKey(actor.kind) === actorKindKey(kind)).length

  const add = async (): Promise<void> => {
    if (added.trim() === '') return
    setBusy(true)
    try {
      await addActorKind(db, added)
      setAdded('')
    } catch (error) {
      notify('error', `Could not add the kind: ${errorText(error)}`)
    } finally {
      setBusy(false)
    }
  }

  const apply = async (): Promise<void> => {
    if (!editing) return
    const to = editing.mode === 'rename' ? editing.text : editing.to
    setBusy(true)
    const result = await performTagging(editing.mode === 'rename' ? 'rename the kind' : 'remove the kind', () => changeActorKind(db, editing.kind, to, editing.mode))
    setBusy(false)
    if (!result) return
    notify(
      'success',
      editing.mode === 'rename'
        ? `Renamed “${editing.kind}” to “${to.trim()}”${result.moved > 0 ? `; ${plural(result.moved, 'actor')} changed` : ''}.`
        : `Removed “${editing.kind}”${result.moved > 0 ? `; ${plural(result.moved, 'actor')} moved to “${to}”` : ''}.`,
    )
    setEditing(null)
  }

  return (
    <Dialog
      title="Actor kinds"
      open
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <p className="muted small">The kinds offered wherever an actor is created or edited. Renaming a kind renames it on its actors; Ctrl+Z undoes a rename or removal.</p>
      <table className="data-table compact-table kinds-table" aria-label="Kinds">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col" className="cell-number">
              Actors
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => {
            const actorsOfKind = count(kind)
            const mine = editing && actorKindKey(editing.kind) === actorKindKey(kind) ? editing : null
            return (
              <tr key={kind}>
                <td>
                  {mine?.mode === 'rename' ? (
                    <input
                      type="text"
                      aria-label={`New name for ${kind}`}
                      value={mine.text}
                      autoFocus
                      onChange={(event) => setEditing({ ...mine, text: event.target.value })}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter') {
                          event.preventDefault()
                          void apply()
                        }
                      }}
                    />
                  ) : (
                    kind
                  )}
                </td>
                <td className="cell-number">{actorsOfKind}</td>
                <td className="cell-actions">
                  {mine?.mode === 'rename' && (
                    <>
                      <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>
                        Save
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </>
                  )}
                  {mine?.mode === 'remove' && (
                    <span className="kind-remove">
                      {actorsOfKind > 0 && (
                        <label>
                          Move its {plural(actorsOfKind, 'actor')} to{' '}
                          <select value={mine.to} onChange={(event) => setEditing({ ...mine, to: event.target.value })}>
                            {kinds
                              .filter((other) => actorKindKey(other) !== actorKindKey(kind))
                              .map((other) => (
                                <option key={other} value={other}>
                                  {other}
                                </option>
                              ))}
                          </select>
                        </label>
                      )}
                      <button type="button" className="danger" disabled={busy} onClick={() => void apply()}>
                        Remove {kind}
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </span>
                  )}
                  {!mine && (
                    <>
                      <button type="button" aria-label={`Rename ${kind}`} onClick={() => setEditing({ kind, mode: 'rename', text: kind })}>
                        Rename
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Remove ${kind}…`}
                        disabled={kinds.length < 2}
                        onClick={() => setEditing({ kind, mode: 'remove', to: kinds.find((other) => actorKindKey(other) !== actorKindKey(kind)) ?? '' })}
                      >
                        Remove…
                      </button>
                    </>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <form
        className="field-row add-kind"
        onSubmit={(event) => {
          event.preventDefault()
          void add()
        }}
      >
        <div className="field field-grow">
          <label htmlFor={`${id}-new`}>New kind</label>
          <input id={`${id}-new`} type="text" value={added} placeholder="ministry, think tank…" onChange={(event) => setAdded(event.target.value)} />
        </div>
        <button type="submit" disabled={busy || added.trim() === ''}>
          Add kind
        </button>
      </form>
    </Dialog>
  )
}
