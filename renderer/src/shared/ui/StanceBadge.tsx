import type { Stance } from '../../domain/model'
import { stanceClass, stanceSign, stanceText } from './stance'

/** A stance as a small coloured badge with its sign ("−1"); the label is its tooltip. */
export function StanceBadge({ stance }: { stance: Stance }) {
  return (
    <span className={`stance-badge stance-${stanceClass(stance)}`} title={stanceText(stance)}>
      {stanceSign(stance)}
    </span>
  )
}
