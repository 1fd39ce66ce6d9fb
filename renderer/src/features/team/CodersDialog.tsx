import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { db } from '../../db/instance'
import { addCoder, codingCounts, CoderNameError, updateCoder, type CoderFields } from '../../db/team/coders'
import { coderColor } from '../../domain/coding/coders'
import type { Coder, CoderRole } from '../../domain/model'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { useCoderState } from './useCoding'
import { errorText } from '../../domain/errorText'

const number = new Intl.NumberFormat('en')

function describe(error: unknown): string {
  return error instanceof CoderNameError ? error.message : `Could not save the coder: ${errorText(error)}`
}

/** Coders: add, rename, recolour, and make lead or coder. */
export function CodersDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const state = useCoderState()
  const counts = useLiveQuery(() => codingCounts(db), [])
  const [name, setName] = useState('')
  const [role, setRole] = useState<CoderRole>('coder')
  const [error, setError] = useState<string | null>(null)
  const coders = state?.coders ?? []
  // Roles decide who sees through blind coding: only a lead (or nobody chosen yet) gives them.
  const mayGiveRoles = !state?.current || state.current.role === 'lead'

  const change = async (coder: Coder, fields: Partial<CoderFields>): Promise<void> => {
    try {
      await updateCoder(db, coder.id, fields)
      setError(null)
    } catch (caught) {
      setError(describe(caught))
    }
  }

  const add = async (): Promise<void> => {
    try {
      const coder = await addCoder(db, { name, role: coders.length === 0 ? 'lead' : mayGiveRoles ? role : 'coder', color: coderColor(coders.length) })
      notify('success', `Added ${coder.name}.`)
      setName('')
      setError(null)
    } catch (caught) {
      setError(describe(caught))
    }
  }

  return (
    <Dialog title="Coders" open={open} onClose={onClose} wide footer={<button type="button" onClick={onClose}>Close</button>}>
      <p className="muted small">
        Each claim and mention records its coder. A lead sees every coder’s work and makes assignments; a coder in a blind assignment sees only their own coding on its articles. Names and colours tell coders apart in the reader and in Agreement.
      </p>
      {coders.length === 0 ? (
        <p>No coders yet: add the first one below. The first coder is the lead.</p>
      ) : (
        <table className="data-table compact-table team-table" aria-label="Coders">
          <thead>
            <tr>
              <th scope="col">Colour</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col" className="cell-number">
                Claims
              </th>
              <th scope="col" className="cell-number">
                Mentions
              </th>
              <th scope="col">Here</th>
            </tr>
          </thead>
          <tbody>
            {coders.map((coder) => (
              <tr key={coder.id}>
                <td>
                  <input type="color" aria-label={`Colour of ${coder.name}`} value={coder.color} onChange={(event) => void change(coder, { color: event.currentTarget.value })} />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`Name of ${coder.name}`}
                    defaultValue={coder.name}
                    key={coder.name}
                    onBlur={(event) => {
                      const value = event.currentTarget.value
                      if (value.trim() !== coder.name) void change(coder, { name: value })
                    }}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') event.currentTarget.blur()
                    }}
                  />
                </td>
                <td>
                  <select aria-label={`Role of ${coder.name}`} value={coder.role} disabled={!mayGiveRoles} onChange={(event) => void change(coder, { role: event.currentTarget.value as CoderRole })}>
                    <option value="lead">lead</option>
                    <option value="coder">coder</option>
                  </select>
                </td>
                <td className="cell-number">{number.format(counts?.get(coder.id)?.claims ?? 0)}</td>
                <td className="cell-number">{number.format(counts?.get(coder.id)?.mentions ?? 0)}</td>
                <td>{state?.current?.id === coder.id ? 'coding here' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="team-add-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void add()
        }}
      >
        <label className="inline-field">
          New coder
          <input type="text" value={name} onChange={(event) => setName(event.currentTarget.value)} />
        </label>
        {coders.length > 0 && mayGiveRoles && (
          <label className="inline-field">
            Role
            <select value={role} onChange={(event) => setRole(event.currentTarget.value as CoderRole)}>
              <option value="coder">coder</option>
              <option value="lead">lead</option>
            </select>
          </label>
        )}
        <button type="submit" disabled={name.trim() === ''}>
          Add coder
        </button>
      </form>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </Dialog>
  )
}
