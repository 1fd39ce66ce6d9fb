import { memo } from 'react'
import type { ActorUsage } from '../../db/repositories/actors'
import { attributeValues, formatValues } from '../../domain/attributes'
import type { Actor, Id } from '../../domain/model'
import { EditDeleteCell } from '../../shared/ui/EditDeleteCell'

export interface ActorRowProps {
  actor: Actor
  matched: string
  columns: readonly string[]
  usage: ActorUsage
  checked: boolean
  onToggle: (id: Id) => void
  onEdit: (actor: Actor) => void
  onDelete: (actor: Actor) => void
}

/** One actor's row; redrawn only when its actor, counts, columns or selection change. */
export const ActorRow = memo(function ActorRow({ actor, matched, columns, usage, checked, onToggle, onEdit, onDelete }: ActorRowProps) {
  return (
    <tr className={checked ? 'is-checked' : undefined}>
      <td className="cell-check">
        <input type="checkbox" aria-label={`Select ${actor.name}`} checked={checked} onChange={() => onToggle(actor.id)} />
      </td>
      <td>
        <bdi className="actor-name">{actor.name}</bdi>
        {matched !== actor.name && <span className="muted small"> (matches “{matched}”)</span>}
      </td>
      <td>
        <span className={`kind-tag kind-${actor.kind.replace(/\s+/g, '-')}`}>{actor.kind}</span>
      </td>
      <td className="cell-aliases">
        {actor.aliases.map((alias) => (
          <bdi key={alias} className="alias-chip">
            {alias}
          </bdi>
        ))}
      </td>
      {columns.map((key) => {
        const values = attributeValues(actor.attributes, key)
        return (
          <td key={key} className="cell-attribute" title={values.length > 0 ? `${key}: ${formatValues(values)}` : undefined}>
            {values.map((value) => (
              <bdi key={value} className="value-chip">
                {value}
              </bdi>
            ))}
          </td>
        )
      })}
      <td className="cell-number">{usage.claims}</td>
      <td className="cell-number">{usage.mentions}</td>
      <EditDeleteCell name={actor.name} onEdit={() => onEdit(actor)} onDelete={() => onDelete(actor)} />
    </tr>
  )
})
