import { STANCES, type Stance } from '../../domain/model'
import { stanceText } from './stance'

interface Props {
  /** The source value the choice is for, as the file shows it. */
  value: string
  mapped: Stance | null | undefined
  /** What "reject" means here: "Reject these rows", "… statements", "… selections". */
  rejectLabel: string
  onChange: (stance: Stance | null) => void
}

/** The stance a source's value becomes, or its rows refused: one select per value in every import. */
export function StanceOrReject({ value, mapped, rejectLabel, onChange }: Props) {
  return (
    <select
      aria-label={`Stance for “${value}”`}
      value={mapped === null || mapped === undefined ? 'reject' : String(mapped)}
      data-stance={mapped ?? 'reject'}
      onChange={(event) => onChange(event.target.value === 'reject' ? null : (Number(event.target.value) as Stance))}
    >
      {STANCES.map((stance) => (
        <option key={stance} value={stance}>
          {stanceText(stance)}
        </option>
      ))}
      <option value="reject">{rejectLabel}</option>
    </select>
  )
}
