import { useId, useState } from 'react'
import { db } from '../../db/instance'
import { addCoder, chooseCurrentCoder, CoderNameError, updateCoder } from '../../db/team/coders'
import { coderColor, DEFAULT_CODER_NAME } from '../../domain/coding/coders'
import type { Coder } from '../../domain/model'
import { notify } from '../../shared/notices'
import { useCoderState } from './useCoding'
import { errorText } from '../../domain/errorText'

const NEW = '\u0000new'

// Asked once per machine, not in a modal: the workbench stays usable (and a first tag still
// codes as "Coder 1") until the person here says who they are. Shown again after a workspace
// arrives from someone else's machine, since "who is coding" never travels with a backup.
let dismissedThisSession = false

/** The first-start question: who is coding at this machine? Choose a coder or add yourself. */
export function CoderPrompt() {
  const state = useCoderState()
  const [dismissed, setDismissed] = useState(dismissedThisSession)
  const [choice, setChoice] = useState<string | null>(null)
  const idBase = useId()
  if (!state || state.confirmed || dismissed) return null
  const { coders } = state
  const selected = choice ?? state.current?.id ?? coders[0]?.id ?? NEW
  const chosen = coders.find((coder) => coder.id === selected) ?? null
  const upgraded = coders.length === 1 && coders[0]!.name === DEFAULT_CODER_NAME
  const dismiss = (): void => {
    dismissedThisSession = true
    setDismissed(true)
  }
  return (
    <section className="coder-prompt" aria-labelledby={`${idBase}-title`}>
      <h2 id={`${idBase}-title`}>Who is coding?</h2>
      <p className="muted small">
        {upgraded
          ? 'The coding already in this workspace was given to “Coder 1”. Rename it to your name, or add yourself as another coder.'
          : coders.length === 0
            ? 'Every claim and mention records who coded it. Add yourself; the lead adds the others under Team › Coders….'
            : 'Every claim and mention records who coded it. Choose yourself, or add yourself as a new coder.'}
      </p>
      {/* Keyed by the choice: picking another coder starts the name and colour afresh. */}
      <PromptForm key={selected} coders={coders} selected={selected} chosen={chosen} onChoose={setChoice} onDismiss={dismiss} />
    </section>
  )
}

function PromptForm({ coders, selected, chosen, onChoose, onDismiss }: { coders: readonly Coder[]; selected: string; chosen: Coder | null; onChoose: (id: string) => void; onDismiss: () => void }) {
  const [name, setName] = useState(chosen?.name ?? '')
  const [color, setColor] = useState(chosen?.color ?? coderColor(coders.length))
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const submit = async (): Promise<void> => {
    setSaving(true)
    setError(null)
    try {
      let id: string
      if (chosen) {
        if (name.trim() !== chosen.name || color !== chosen.color) await updateCoder(db, chosen.id, { name, color })
        id = chosen.id
      } else {
        id = (await addCoder(db, { name, color })).id
      }
      await chooseCurrentCoder(db, id)
      notify('success', `You are coding as ${name.trim()}. Switch in the status bar.`)
    } catch (caught) {
      setError(caught instanceof CoderNameError ? caught.message : `Could not save: ${errorText(caught)}`)
      setSaving(false)
    }
  }

  return (
    <form
      className="coder-prompt-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      {coders.length > 0 && (
        <label className="inline-field">
          I am
          <select value={selected} onChange={(event) => onChoose(event.currentTarget.value)}>
            {coders.map((coder) => (
              <option key={coder.id} value={coder.id}>
                {coder.name}
                {coder.role === 'lead' ? ' (lead)' : ''}
              </option>
            ))}
            <option value={NEW}>Someone new…</option>
          </select>
        </label>
      )}
      <label className="inline-field">
        Your name
        <input type="text" value={name} onChange={(event) => setName(event.currentTarget.value)} aria-invalid={error ? true : undefined} />
      </label>
      <label className="inline-field">
        Your colour
        <input type="color" value={color} onChange={(event) => setColor(event.currentTarget.value)} />
      </label>
      <button type="submit" className="primary" disabled={saving || name.trim() === ''}>
        {chosen ? 'Continue' : 'Add me'}
      </button>
      <button type="button" onClick={onDismiss}>
        Not now
      </button>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </form>
  )
}
