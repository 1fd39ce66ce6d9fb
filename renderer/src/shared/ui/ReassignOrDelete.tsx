import type { ReactNode } from 'react'

export type ClaimsChoice = 'reassign' | 'delete'

interface ReassignOrDeleteProps {
  /** The radio group's name, one per dialog. */
  name: string
  /** Read by screen readers only: the question is in the paragraph above. */
  legend: string
  choice: ClaimsChoice
  onChoice: (choice: ClaimsChoice) => void
  reassignLabel: string
  deleteLabel: string
  /** Where the user picks who or what takes the claims over, shown while reassigning. */
  children: ReactNode
}

/** The question deleting an actor or an issue asks: reassign its claims, or delete them too. */
export function ReassignOrDelete({ name, legend, choice, onChoice, reassignLabel, deleteLabel, children }: ReassignOrDeleteProps) {
  return (
    <fieldset className="choice-list">
      <legend className="visually-hidden">{legend}</legend>
      <label className="choice">
        <input type="radio" name={name} checked={choice === 'reassign'} onChange={() => onChoice('reassign')} />
        <span>{reassignLabel}</span>
      </label>
      {choice === 'reassign' && <div className="choice-detail">{children}</div>}
      <label className="choice">
        <input type="radio" name={name} checked={choice === 'delete'} onChange={() => onChoice('delete')} />
        <span>{deleteLabel}</span>
      </label>
    </fieldset>
  )
}

/** "Deleted “X”: 3 claims moved, 1 sub-issue moved up. Ctrl+Z undoes it." from the parts that apply. */
export function deletedNotice(name: string, parts: (string | false)[]): string {
  const done = parts.filter(Boolean)
  return `Deleted “${name}”${done.length ? `: ${done.join(', ')}` : ''}. Ctrl+Z undoes it.`
}
