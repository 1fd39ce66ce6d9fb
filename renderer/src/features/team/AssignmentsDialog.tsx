import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { db } from '../../db/instance'
import { AssignmentError, deleteAssignment, listAssignments, saveAssignment } from '../../db/team/assignments'
import type { Assignment, Id } from '../../domain/model'
import { navigate } from '../../shared/routing'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { ArticlePicker } from './ArticlePicker'
import { useCoderState } from './useCoding'
import { errorText } from '../../domain/errorText'

const number = new Intl.NumberFormat('en')

function describe(error: unknown): string {
  return error instanceof AssignmentError ? error.message : `Could not save the assignment: ${errorText(error)}`
}

/** Assignments: articles several coders code independently, blind or not. The lead makes them. */
export function AssignmentsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const assignments = useLiveQuery(() => listAssignments(db), [])
  const state = useCoderState()
  const [editing, setEditing] = useState<Assignment | 'new' | null>(null)
  const isLead = state?.current?.role === 'lead'
  const names = new Map((state?.coders ?? []).map((coder) => [coder.id, coder.name]))

  const close = (): void => {
    setEditing(null)
    onClose()
  }

  return (
    <Dialog title="Assignments" open={open} onClose={close} wide footer={editing === null ? <button type="button" onClick={close}>Close</button> : undefined}>
      {editing !== null ? (
        <AssignmentEditor key={editing === 'new' ? 'new' : editing.id} assignment={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <>
          {!isLead && (
            <p className="notice-inline" role="note">
              {state?.current ? `${state.current.name} is a coder: only a lead makes and changes assignments.` : 'Say who is coding first: only a lead makes assignments.'}
            </p>
          )}
          {assignments && assignments.length > 0 ? (
            <table className="data-table compact-table team-table" aria-label="Assignments">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className="cell-number">
                    Articles
                  </th>
                  <th scope="col">Coders</th>
                  <th scope="col">Blind</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((assignment) => (
                  <tr key={assignment.id}>
                    <td>{assignment.name}</td>
                    <td className="cell-number">{number.format(assignment.articleIds.length)}</td>
                    <td>{assignment.coderIds.map((id) => names.get(id) ?? 'unknown coder').join(', ')}</td>
                    <td>{assignment.blind ? 'blind' : 'open'}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        onClick={() => {
                          close()
                          navigate('agreement', [], { assignment: assignment.id })
                        }}
                      >
                        Agreement
                      </button>
                      <button type="button" disabled={!isLead} onClick={() => setEditing(assignment)} aria-label={`Edit ${assignment.name}`}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="danger"
                        disabled={!isLead}
                        aria-label={`Delete ${assignment.name}`}
                        onClick={() => {
                          if (!window.confirm(`Delete the assignment “${assignment.name}”? Its claims stay; blind coding on its articles ends.`)) return
                          void deleteAssignment(db, assignment.id).catch((error: unknown) => notify('error', describe(error)))
                        }}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No assignments yet. An assignment gives a set of articles to several coders, who code them independently; Agreement then compares their coding.</p>
          )}
          <button type="button" className="primary" disabled={!isLead} onClick={() => setEditing('new')}>
            New assignment
          </button>
        </>
      )}
    </Dialog>
  )
}

function AssignmentEditor({ assignment, onDone }: { assignment: Assignment | null; onDone: () => void }) {
  const state = useCoderState()
  const [name, setName] = useState(assignment?.name ?? '')
  const [coderIds, setCoderIds] = useState<Set<Id>>(new Set(assignment?.coderIds ?? []))
  const [articleIds, setArticleIds] = useState<Set<Id>>(new Set(assignment?.articleIds ?? []))
  const [blind, setBlind] = useState(assignment?.blind ?? true)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const save = async (): Promise<void> => {
    setSaving(true)
    try {
      const saved = await saveAssignment(db, { name, coderIds: [...coderIds], articleIds: [...articleIds], blind }, assignment?.id)
      notify('success', `Saved the assignment “${saved.name}”: ${number.format(saved.articleIds.length)} articles, ${saved.coderIds.length} coders${saved.blind ? ', blind' : ''}.`)
      onDone()
    } catch (caught) {
      setError(describe(caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className="assignment-editor"
      aria-label={assignment ? `Edit ${assignment.name}` : 'New assignment'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <label className="stacked-field">
        Assignment name
        <input type="text" value={name} onChange={(event) => setName(event.currentTarget.value)} />
      </label>
      <fieldset className="assignment-coders">
        <legend>Coders</legend>
        {(state?.coders ?? []).map((coder) => (
          <label key={coder.id} className="inline-check">
            <input
              type="checkbox"
              checked={coderIds.has(coder.id)}
              onChange={(event) => {
                const next = new Set(coderIds)
                if (event.currentTarget.checked) next.add(coder.id)
                else next.delete(coder.id)
                setCoderIds(next)
              }}
            />
            <span className="coder-dot" style={{ background: coder.color }} aria-hidden="true" />
            {coder.name}
          </label>
        ))}
      </fieldset>
      <label className="inline-check">
        <input type="checkbox" checked={blind} onChange={(event) => setBlind(event.currentTarget.checked)} />
        Blind coding
        <span className="muted small"> — each coder sees only their own claims and mentions on these articles; the lead sees everything.</span>
      </label>
      <ArticlePicker selected={articleIds} onChange={setArticleIds} />
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save assignment
        </button>
      </div>
    </form>
  )
}
