import { db } from '../../db/instance'
import { chooseCurrentCoder } from '../../db/team/coders'
import { notify } from '../../shared/notices'
import { openTeamDialog } from './teamDialogs'
import { useCoderState } from './useCoding'
import { errorText } from '../../domain/errorText'

/** The status bar's "coding as": who is coding here, switched in place. */
export function CoderSwitcher() {
  const state = useCoderState()
  if (!state) return null
  const { coders, current } = state
  if (coders.length === 0) {
    return (
      <button type="button" className="status-button" onClick={() => openTeamDialog('coders')}>
        No coder yet
      </button>
    )
  }
  return (
    <span className="coder-switcher">
      <span className="coder-dot" style={{ background: current?.color ?? 'transparent' }} aria-hidden="true" />
      <label>
        Coding as{' '}
        <select
          aria-label="Current coder"
          value={current?.id ?? ''}
          onChange={(event) => {
            const id = event.currentTarget.value
            void chooseCurrentCoder(db, id).then(
              () => notify('info', `Coding as ${coders.find((coder) => coder.id === id)?.name ?? 'another coder'} now.`),
              (error: unknown) => notify('error', `Could not switch coder: ${errorText(error)}`),
            )
          }}
        >
          {!current && <option value="">nobody yet</option>}
          {coders.map((coder) => (
            <option key={coder.id} value={coder.id}>
              {coder.name}
              {coder.role === 'lead' ? ' (lead)' : ''}
            </option>
          ))}
        </select>
      </label>
    </span>
  )
}
