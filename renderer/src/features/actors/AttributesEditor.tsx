import { useId } from 'react'
import { cleanValues, formatValues, parseValues } from '../../domain/attributes'
import type { Attributes } from '../../domain/model'

/** An attribute being edited: its name and its values as typed ("CDU | CSU"). */
export interface AttributeDraft {
  key: string
  values: string
}

export function attributeDrafts(attributes: Attributes): AttributeDraft[] {
  return Object.entries(attributes).map(([key, values]) => ({ key, values: formatValues(values) }))
}

/** The drafts as attributes: blank names and empty value lists dropped, same-named rows joined. */
export function draftsToAttributes(drafts: readonly AttributeDraft[]): Attributes {
  const result: Attributes = {}
  const keyOf = new Map<string, string>()
  for (const draft of drafts) {
    const key = draft.key.trim()
    const values = parseValues(draft.values)
    if (key === '' || values.length === 0) continue
    const existing = keyOf.get(key.toLowerCase())
    if (existing) result[existing] = cleanValues([...result[existing]!, ...values])
    else {
      keyOf.set(key.toLowerCase(), key)
      result[key] = values
    }
  }
  return result
}

/** Free attributes (party, country, coalition…), each with one or more values separated by “|”. */
export function AttributesEditor({ drafts, onChange, knownKeys }: { drafts: AttributeDraft[]; onChange: (drafts: AttributeDraft[]) => void; knownKeys: readonly string[] }) {
  const id = useId()
  const update = (index: number, patch: Partial<AttributeDraft>): void => onChange(drafts.map((draft, at) => (at === index ? { ...draft, ...patch } : draft)))
  return (
    <fieldset className="attributes-editor">
      <legend>Attributes</legend>
      <datalist id={`${id}-keys`}>
        {knownKeys.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
      {drafts.length === 0 && <p className="muted small">No attributes. Add party, country, coalition or anything you group actors by.</p>}
      {drafts.map((draft, index) => (
        <div key={index} className="attribute-row">
          <input type="text" list={`${id}-keys`} aria-label={`Attribute ${index + 1} name`} placeholder="party" value={draft.key} onChange={(event) => update(index, { key: event.target.value })} />
          <input
            type="text"
            aria-label={`Values of ${draft.key.trim() || `attribute ${index + 1}`}`}
            placeholder="CDU | CSU"
            value={draft.values}
            onChange={(event) => update(index, { values: event.target.value })}
          />
          <button type="button" className="icon-button" aria-label={`Remove attribute ${draft.key.trim() || index + 1}`} onClick={() => onChange(drafts.filter((_, at) => at !== index))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => onChange([...drafts, { key: '', values: '' }])}>
        Add attribute
      </button>
      <p className="field-note">Several values: separate them with “|”.</p>
    </fieldset>
  )
}
