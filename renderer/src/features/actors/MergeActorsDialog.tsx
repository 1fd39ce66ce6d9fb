import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { DialogButtons } from '../../shared/ui/DialogButtons'
import { db } from '../../db/instance'
import { actorReferences, mergeActors } from '../../db/repositories/actors'
import { mergedAliases } from '../../domain/actorMerge'
import type { Actor, Id } from '../../domain/model'
import { plural } from '../../domain/text/plural'
import { performTagging } from '../../shared/undo/history'

interface MergeActorsDialogProps {
  actors: readonly Actor[]
  onClose: () => void
  onMerged: (survivor: Id) => void
}

/**
 * Merge duplicate actors: choose the one to keep; the others' claims, mentions and addressee
 * roles move to it and their names become its aliases, in one transaction (one undo).
 */
export function MergeActorsDialog({ actors, onClose, onMerged }: MergeActorsDialogProps) {
  const [survivorId, setSurvivorId] = useState<Id>(actors[0]!.id)
  const survivor = actors.find((actor) => actor.id === survivorId) ?? actors[0]!
  const absorbed = actors.filter((actor) => actor.id !== survivor.id)
  const references = useLiveQuery(() => actorReferences(db, absorbed.map((actor) => actor.id)), [absorbed.map((actor) => actor.id).join(',')])
  const [saving, setSaving] = useState(false)

  const merge = async (): Promise<void> => {
    setSaving(true)
    const result = await performTagging('merge the actors', () => mergeActors(db, survivor.id, absorbed.map((actor) => actor.id)))
    setSaving(false)
    if (!result) return
    const { plan } = result
    notify(
      'success',
      `Merged into “${survivor.name}”: ${plural(plan.movedClaims, 'claim')} and ${plural(plan.movedMentions, 'mention')} moved` +
        (plan.droppedMentions > 0 ? `, ${plural(plan.droppedMentions, 'duplicate mention')} removed` : '') +
        '. Ctrl+Z undoes the merge.',
    )
    onMerged(survivor.id)
  }

  return (
    <Dialog
      title="Merge actors"
      open
      onClose={onClose}
      footer={<DialogButtons label="Merge" disabled={saving} onCancel={onClose} onConfirm={() => void merge()} />}
    >
      <fieldset className="choice-list">
        <legend>Actor to keep</legend>
        {actors.map((actor) => (
          <label key={actor.id} className="choice">
            <input type="radio" name="merge-survivor" value={actor.id} checked={actor.id === survivor.id} onChange={() => setSurvivorId(actor.id)} />
            <span>
              <strong>{actor.name}</strong> <span className="muted">({actor.kind})</span>
              {actor.aliases.length > 0 && <span className="muted small"> · also {actor.aliases.join(', ')}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="merge-preview" role="status">
        {references ? (
          <p>
            {plural(references.claims.length, 'claim')}, {plural(references.addressed.length, 'addressed claim')} and {plural(references.mentions.length, 'mention')} move to <strong>{survivor.name}</strong>
            ; {absorbed.map((actor) => `“${actor.name}”`).join(', ')} {absorbed.length === 1 ? 'is' : 'are'} then removed.
          </p>
        ) : (
          <p className="muted">Counting claims…</p>
        )}
        <p>
          Aliases after the merge: <strong>{mergedAliases(survivor, absorbed).join(', ') || 'none'}</strong>
        </p>
      </div>
    </Dialog>
  )
}
