import type { KeyboardEvent, ReactNode, Ref } from 'react'
import type { DraftProblem } from '../../../domain/claimDraft'
import type { ActorFieldValue } from '../../../shared/ui/ActorField'

interface TagFormProps {
  title: string
  submitLabel: string
  /** The hint beside the buttons: which keys save and cancel. */
  keyHint: string
  saving: boolean
  onSubmit: () => void
  onCancel: () => void
  /** Keys the form handles besides Ctrl+Enter (save) and Escape (cancel). */
  onOtherKey?: (event: KeyboardEvent<HTMLFormElement>) => void
  formRef?: Ref<HTMLFormElement>
  children: ReactNode
}

/** The frame of the Tagging panel's forms (Tag claim, Tag actor): keys, heading and buttons. */
export function TagForm({ title, submitLabel, keyHint, saving, onSubmit, onCancel, onOtherKey, formRef, children }: TagFormProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      onSubmit()
    } else if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault()
      onCancel()
    } else {
      onOtherKey?.(event)
    }
  }
  return (
    <form
      ref={formRef}
      className="tag-form"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit()
      }}
    >
      <h2>{title}</h2>
      {children}
      <div className="button-row form-actions">
        <button type="submit" className="primary" disabled={saving} aria-keyshortcuts="Control+Enter">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="muted key-hint" aria-hidden="true">
          {keyHint}
        </span>
      </div>
    </form>
  )
}

/** Text typed in the actor field but not picked: say so, rather than "choose an actor". */
export function withUnpickedActor(problems: DraftProblem[], actor: ActorFieldValue): DraftProblem[] {
  if (actor.text.trim() === '' || actor.choice !== null) return problems
  return problems.map((problem) => (problem.field === 'actor' ? { field: 'actor', message: 'Pick the actor from the list, or choose “Create actor”.' } : problem))
}
