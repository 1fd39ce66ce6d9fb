import { useMemo, useState } from 'react'
import { FormDialog } from '../../shared/ui/FormDialog'
import { db } from '../../db/instance'
import { createActor, updateActor } from '../../db/repositories/actors'
import { parseAliases } from '../../domain/actorMatching'
import { findLikelyDuplicates } from '../../domain/duplicateActors'
import { newId, nowIso, type Actor, type ActorKind } from '../../domain/model'
import { useActorKinds, withKind } from '../../shared/useActorKinds'
import { foldText } from '../../domain/text/folding'
import { performTagging } from '../../shared/undo/history'

interface ActorEditDialogProps {
  /** The actor to edit; null creates a new one. */
  actor: Actor | null
  actors: readonly Actor[]
  onClose: () => void
  onMergeInstead?: (other: Actor) => void
}

/** New actor / Edit actor: name, kind, aliases and notes, with a duplicate warning. */
export function ActorEditDialog({ actor, actors, onClose, onMergeInstead }: ActorEditDialogProps) {
  const [name, setName] = useState(actor?.name ?? '')
  const [kind, setKind] = useState<ActorKind>(actor?.kind ?? 'person')
  const kinds = useActorKinds()
  const [aliases, setAliases] = useState(actor?.aliases.join(', ') ?? '')
  const [notes, setNotes] = useState(actor?.notes ?? '')
  const [keepOldName, setKeepOldName] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const renamed = actor !== null && foldText(name) !== foldText(actor.name) && name.trim() !== ''
  const duplicates = useMemo(
    () => (name.trim() === '' ? [] : findLikelyDuplicates(actors, { name, aliases: parseAliases(aliases) }, actor?.id).slice(0, 3)),
    [actors, name, aliases, actor],
  )

  const save = async (): Promise<void> => {
    if (name.trim() === '') {
      setError('Give the actor a name.')
      return
    }
    setSaving(true)
    const now = nowIso()
    const record: Actor = {
      id: actor?.id ?? newId(),
      name,
      kind,
      aliases: parseAliases(aliases),
      notes,
      createdAt: actor?.createdAt ?? now,
      updatedAt: now,
      attributes: actor?.attributes ?? {},
      updatedBy: actor?.updatedBy ?? '',
    }
    const done = await performTagging(actor ? 'save the actor' : 'create the actor', () => (actor ? updateActor(db, record, { keepOldNameAsAlias: renamed && keepOldName }) : createActor(db, record)))
    setSaving(false)
    if (done) onClose()
  }

  return (
    <FormDialog title={actor ? `Edit actor “${actor.name}”` : 'New actor'} submitLabel={actor ? 'Save actor' : 'Create actor'} saving={saving} onSubmit={() => void save()} onClose={onClose}>
      <div className="field">
        <label htmlFor="actor-name">Name</label>
        <input id="actor-name" type="text" value={name} autoFocus onChange={(event) => setName(event.target.value)} aria-invalid={!!error || undefined} />
        {error && <p className="field-error">{error}</p>}
      </div>
      {renamed && (
        <label className="checkbox">
          <input type="checkbox" checked={keepOldName} onChange={(event) => setKeepOldName(event.target.checked)} />
          Keep “{actor.name}” as an alias
        </label>
      )}
      <div className="field">
        <label htmlFor="actor-kind">Kind</label>
        <select id="actor-kind" value={kind} onChange={(event) => setKind(event.target.value)}>
          {withKind(kinds, kind).map((entry) => (
            <option key={entry} value={entry}>
              {entry}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="actor-aliases">Aliases</label>
        <textarea id="actor-aliases" rows={3} value={aliases} onChange={(event) => setAliases(event.target.value)} aria-describedby="actor-aliases-note" />
        <p id="actor-aliases-note" className="field-note">
          Other names in the texts, separated by commas or lines. Matching ignores case, accents and hyphens.
        </p>
      </div>
      <div className="field">
        <label htmlFor="actor-notes">Notes</label>
        <textarea id="actor-notes" rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} />
      </div>
      {duplicates.length > 0 && (
        <div className="duplicate-warning" role="status">
          <strong>Possible duplicate.</strong>
          <ul>
            {duplicates.map((duplicate) => (
              <li key={duplicate.actor.id}>
                {duplicate.actor.name} ({duplicate.actor.kind}): {duplicate.reason}.
                {actor && onMergeInstead && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => onMergeInstead(duplicate.actor)}>
                      Merge with {duplicate.actor.name}…
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </FormDialog>
  )
}
