import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { DialogButtons } from '../../shared/ui/DialogButtons'
import { db } from '../../db/instance'
import { actorReferences, deleteActor } from '../../db/repositories/actors'
import { buildActorIndex } from '../../domain/actorMatching'
import type { Actor } from '../../domain/model'
import type { ClaimDisposition } from '../../domain/recordDeletion'
import { plural } from '../../domain/text/plural'
import { ActorField, EMPTY_ACTOR_FIELD, type ActorFieldValue } from '../../shared/ui/ActorField'
import { performTagging } from '../../shared/undo/history'
import { deletedNotice, ReassignOrDelete, type ClaimsChoice } from '../../shared/ui/ReassignOrDelete'

/** Deleting an actor asks what becomes of its claims and mentions: reassign them, or delete them. */
export function DeleteActorDialog({ actor, actors, onClose }: { actor: Actor; actors: readonly Actor[]; onClose: () => void }) {
  const references = useLiveQuery(() => actorReferences(db, [actor.id]), [actor.id])
  const [choice, setChoice] = useState<ClaimsChoice>('reassign')
  const others = useMemo(() => actors.filter((other) => other.id !== actor.id), [actors, actor.id])
  const index = useMemo(() => buildActorIndex(others), [others])
  const [heir, setHeir] = useState<ActorFieldValue>(EMPTY_ACTOR_FIELD)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const used = references ? references.claims.length + references.addressed.length + references.mentions.length : 0

  const confirm = async (): Promise<void> => {
    let disposition: ClaimDisposition = { kind: 'delete' }
    if (used > 0 && choice === 'reassign') {
      if (heir.choice?.kind !== 'existing') {
        setError('Pick the actor who takes over the claims and mentions.')
        return
      }
      disposition = { kind: 'reassign', to: heir.choice.id }
    }
    setSaving(true)
    const result = await performTagging('delete the actor', () => deleteActor(db, actor.id, disposition))
    setSaving(false)
    if (!result) return
    const { plan } = result
    notify(
      'success',
      deletedNotice(actor.name, [
        plan.reassignedClaims > 0 && `${plural(plan.reassignedClaims, 'claim')} reassigned`,
        plan.deletedClaims > 0 && `${plural(plan.deletedClaims, 'claim')} deleted`,
        plan.clearedAddressees > 0 && `${plural(plan.clearedAddressees, 'addressee')} cleared`,
        plan.reassignedMentions > 0 && `${plural(plan.reassignedMentions, 'mention')} reassigned`,
        plan.deletedMentions > 0 && `${plural(plan.deletedMentions, 'mention')} deleted`,
      ]),
    )
    onClose()
  }

  return (
    <Dialog
      title={`Delete actor “${actor.name}”`}
      open
      onClose={onClose}
      footer={<DialogButtons label="Delete actor" danger disabled={saving || !references} onCancel={onClose} onConfirm={() => void confirm()} />}
    >
      {!references ? (
        <p className="muted">Counting claims…</p>
      ) : used === 0 ? (
        <p>
          <strong>{actor.name}</strong> has no claims or mentions. Delete it?
        </p>
      ) : (
        <>
          <p>
            <strong>{actor.name}</strong>{' '}
            {[
              references.claims.length > 0 && `makes ${plural(references.claims.length, 'claim')}`,
              references.addressed.length > 0 && `is the addressee of ${plural(references.addressed.length, 'claim')}`,
              references.mentions.length > 0 && `is mentioned ${references.mentions.length === 1 ? 'once' : `${references.mentions.length} times`}`,
            ]
              .filter(Boolean)
              .join(', ')
              .replace(/, ([^,]*)$/, ' and $1')}
            . What should happen to them?
          </p>
          <ReassignOrDelete
            name="actor-claims"
            legend={`Claims and mentions of ${actor.name}`}
            choice={choice}
            onChoice={setChoice}
            reassignLabel="Reassign them to another actor"
            deleteLabel="Delete its claims and mentions too (claims addressed to it keep their claimant; the addressee is cleared)"
          >
            <ActorField label="Reassign to" value={heir} onChange={setHeir} actors={others} index={index} error={error ?? undefined} allowCreate={false} />
          </ReassignOrDelete>
        </>
      )}
    </Dialog>
  )
}
