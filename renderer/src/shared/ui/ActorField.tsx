import { useId, useMemo, type Ref } from 'react'
import type { ActorIndex } from '../../domain/actorMatching'
import type { ActorChoice } from '../../domain/claimDraft'
import { findLikelyDuplicates } from '../../domain/duplicateActors'
import type { Actor, ActorKind } from '../../domain/model'
import { useActorKinds, withKind } from '../useActorKinds'
import { parseAliases } from '../../domain/actorMatching'
import { Combobox, type ComboOption } from './Combobox'

export interface ActorFieldValue {
  text: string
  choice: ActorChoice | null
}

export const EMPTY_ACTOR_FIELD: ActorFieldValue = { text: '', choice: null }

export function actorFieldFor(actor: Actor | undefined): ActorFieldValue {
  return actor ? { text: actor.name, choice: { kind: 'existing', id: actor.id } } : EMPTY_ACTOR_FIELD
}

const CREATE = '__create__'
const DEFAULT_NEW_ACTOR_KIND: ActorKind = 'person'

interface ActorFieldProps {
  label: string
  /** Prefix for the new-actor fields' labels ("Kind", "Addressee kind"). */
  subLabel?: string
  value: ActorFieldValue
  onChange: (value: ActorFieldValue) => void
  actors: readonly Actor[]
  index: ActorIndex
  /** Shown first when the field is empty: the actors already tagged in this article. */
  preferred?: readonly Actor[]
  onPicked?: (how: 'keyboard' | 'pointer', created: boolean) => void
  inputRef?: Ref<HTMLInputElement>
  error?: string
  optional?: boolean
  /** Offer "Create actor …" (off where only existing actors make sense). */
  allowCreate?: boolean
}

/**
 * Picks an existing actor (fuzzy, alias-aware, diacritics-insensitive) or creates a new one
 * with its kind and aliases, warning when the new one looks like an actor already known.
 */
export function ActorField({ label, subLabel, value, onChange, actors, index, preferred = [], onPicked, inputRef, error, optional, allowCreate = true }: ActorFieldProps) {
  const id = useId()
  const kinds = useActorKinds()
  const byId = useMemo(() => new Map(actors.map((actor) => [actor.id, actor])), [actors])
  const { text, choice } = value

  const options = useMemo<ComboOption[]>(() => {
    const query = text.trim()
    const describe = (actor: Actor, matched: string): ComboOption => ({
      id: actor.id,
      label: actor.name,
      detail: matched !== actor.name ? `${actor.kind} · alias “${matched}”` : actor.kind,
    })
    let list: ComboOption[]
    if (query === '') {
      const first = preferred.map((actor) => describe(actor, actor.name))
      const seen = new Set(first.map((option) => option.id))
      list = [...first, ...index.search('', 12).filter((match) => !seen.has(match.actor.id)).map((match) => describe(match.actor, match.matched))].slice(0, 12)
    } else {
      list = index.search(query, 8).map((match) => describe(match.actor, match.matched))
      if (allowCreate && index.exact(query).length === 0) list.push({ id: CREATE, label: `Create actor “${query}”`, create: true })
    }
    return list
  }, [text, index, preferred, allowCreate])

  const duplicates = useMemo(() => {
    if (choice?.kind !== 'new' || choice.name.trim() === '') return []
    return findLikelyDuplicates(actors, { name: choice.name, aliases: parseAliases(choice.aliases) }).slice(0, 3)
  }, [choice, actors])

  const chosen = choice?.kind === 'existing' ? byId.get(choice.id) : undefined
  const kindLabel = subLabel ? `${subLabel} kind` : 'Kind'
  const aliasesLabel = subLabel ? `${subLabel} aliases` : 'Aliases'
  const errorId = `${id}-error`

  return (
    <div className={choice?.kind === 'new' ? 'actor-field actor-field-new' : 'actor-field'}>
      <Combobox
        label={label}
        labelContent={optional ? <>{label} <span className="optional">(optional)</span></> : undefined}
        text={text}
        inputRef={inputRef}
        invalid={!!error}
        describedBy={error ? errorId : undefined}
        options={options}
        onTextChange={(next) => onChange({ text: next, choice: choice?.kind === 'new' ? { ...choice, name: next } : null })}
        onPick={(option, how) => {
          if (option.id === CREATE) {
            onChange({ text: text.trim(), choice: { kind: 'new', name: text.trim(), actorKind: choice?.kind === 'new' ? choice.actorKind : DEFAULT_NEW_ACTOR_KIND, aliases: choice?.kind === 'new' ? choice.aliases : '' } })
            onPicked?.(how, true)
          } else {
            onChange({ text: option.label, choice: { kind: 'existing', id: option.id } })
            onPicked?.(how, false)
          }
        }}
        onCommitText={(typed) => {
          // Typed a name exactly and left the field: take that actor without a pick.
          if (choice !== null || typed.trim() === '') return
          const exact = index.exact(typed)
          if (exact.length === 1) onChange({ text: exact[0]!.name, choice: { kind: 'existing', id: exact[0]!.id } })
        }}
      />
      {chosen && (
        <p className="field-note">
          {chosen.kind}
          {chosen.aliases.length > 0 && <> · also {chosen.aliases.slice(0, 3).join(', ')}</>}
        </p>
      )}
      {choice?.kind === 'new' && (
        <div className="new-record" role="group" aria-label={`New actor ${choice.name}`}>
          <p className="field-note">New actor, saved with this {label === 'Addressee' ? 'claim' : 'tag'}.</p>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-kind`}>{kindLabel}</label>
              <select id={`${id}-kind`} value={choice.actorKind} onChange={(event) => onChange({ text, choice: { ...choice, actorKind: event.target.value } })}>
                {withKind(kinds, choice.actorKind).map((kind) => (
                  <option key={kind} value={kind}>
                    {kind}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field-grow">
              <label htmlFor={`${id}-aliases`}>{aliasesLabel}</label>
              <input id={`${id}-aliases`} type="text" placeholder="Separate with commas" value={choice.aliases} onChange={(event) => onChange({ text, choice: { ...choice, aliases: event.target.value } })} />
            </div>
          </div>
          {duplicates.length > 0 && (
            <div className="duplicate-warning" role="status">
              <strong>Possible duplicate.</strong>
              <ul>
                {duplicates.map((duplicate) => (
                  <li key={duplicate.actor.id}>
                    {duplicate.actor.name} ({duplicate.actor.kind}): {duplicate.reason}.{' '}
                    <button type="button" className="link-button" onClick={() => onChange(actorFieldFor(duplicate.actor))}>
                      Use {duplicate.actor.name}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
