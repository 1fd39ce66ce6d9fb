import { useId, useState } from 'react'
import { notify } from '../../shared/notices'
import { FormDialog } from '../../shared/ui/FormDialog'
import { useActorKinds } from '../../shared/useActorKinds'
import { performTagging } from '../../shared/undo/history'
import { db } from '../../db/instance'
import { bulkEditActors } from '../../db/repositories/actors'
import { ATTRIBUTE_EDIT_LABELS, ATTRIBUTE_EDIT_MODES, type ActorBulkEdit, type AttributeEditMode } from '../../domain/actorBulkEdit'
import { parseValues } from '../../domain/attributes'
import type { Actor } from '../../domain/model'
import { plural } from '../../domain/text/plural'

const KEEP_KIND = '\u0000keep'

/** Kind and one attribute for every selected actor at once; one undo takes it all back. */
export function BulkEditDialog({ actors, attributeKeys, onClose }: { actors: readonly Actor[]; attributeKeys: readonly string[]; onClose: () => void }) {
  const id = useId()
  const kinds = useActorKinds()
  const [kind, setKind] = useState(KEEP_KIND)
  const [key, setKey] = useState(attributeKeys[0] ?? '')
  const [values, setValues] = useState('')
  const [mode, setMode] = useState<AttributeEditMode>('add')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const noun = plural(actors.length, 'actor')

  const save = async (): Promise<void> => {
    const edit: ActorBulkEdit = {}
    if (kind !== KEEP_KIND) edit.kind = kind
    const parsed = parseValues(values)
    if (key.trim() !== '' && (mode === 'clear' || parsed.length > 0 || mode === 'set')) edit.attributes = [{ key: key.trim(), mode, values: parsed }]
    else if (key.trim() === '' && values.trim() !== '') {
      setError('Name the attribute the values belong to.')
      return
    }
    if (!edit.kind && !edit.attributes) {
      setError('Choose a kind, or an attribute and its values.')
      return
    }
    setSaving(true)
    const result = await performTagging(`edit ${noun}`, () => bulkEditActors(db, actors.map((actor) => actor.id), edit))
    setSaving(false)
    if (!result) return
    notify('success', result.changed === 0 ? `Nothing to change: the ${noun} already had that.` : `Edited ${plural(result.changed, 'actor')}. Ctrl+Z undoes it.`)
    onClose()
  }

  return (
    <FormDialog title={`Edit ${noun}`} submitLabel={`Apply to ${noun}`} saving={saving} onSubmit={() => void save()} onClose={onClose}>
      <p className="muted small bulk-names">
        {actors
          .slice(0, 8)
          .map((actor) => actor.name)
          .join(', ')}
        {actors.length > 8 ? ` and ${actors.length - 8} more` : ''}
      </p>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value)}>
          <option value={KEEP_KIND}>(leave each actor’s kind)</option>
          {kinds.map((entry) => (
            <option key={entry} value={entry}>
              {entry}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="bulk-attribute">
        <legend>Attribute</legend>
        <datalist id={`${id}-keys`}>
          {attributeKeys.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-key`}>Attribute name</label>
            <input id={`${id}-key`} type="text" list={`${id}-keys`} placeholder="party" value={key} onChange={(event) => setKey(event.target.value)} />
          </div>
          <div className="field field-grow">
            <label htmlFor={`${id}-values`}>Values</label>
            <input id={`${id}-values`} type="text" placeholder="CDU | CSU" value={values} disabled={mode === 'clear'} onChange={(event) => setValues(event.target.value)} aria-invalid={!!error || undefined} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-mode`}>Change</label>
          <select id={`${id}-mode`} value={mode} onChange={(event) => setMode(event.target.value as AttributeEditMode)}>
            {ATTRIBUTE_EDIT_MODES.map((entry) => (
              <option key={entry} value={entry}>
                {ATTRIBUTE_EDIT_LABELS[entry]}
              </option>
            ))}
          </select>
        </div>
        {error && <p className="field-error">{error}</p>}
      </fieldset>
    </FormDialog>
  )
}
