import type { Estimate } from '../../domain/agreement/estimate'
import { figure, percent } from './format'

/** One figure in a table cell: its value, or a dash whose tooltip says why it is undefined. */
export function FigureCell({ estimate, as = 'coefficient' }: { estimate: Estimate | null; as?: 'coefficient' | 'percent' }) {
  if (!estimate) return <td className="cell-number muted">n/a</td>
  const shown = as === 'percent' ? percent(estimate) : figure(estimate)
  return (
    <td className={estimate.value === null ? 'cell-number muted' : 'cell-number'} title={shown.title}>
      {shown.text}
      {shown.title && <span className="visually-hidden"> ({shown.title})</span>}
    </td>
  )
}
