import { useId, type Ref } from 'react'
import { isStance, STANCES, type Stance } from '../../../domain/model'
import { stanceClass, stanceForKey, stanceText } from '../../../shared/ui/stance'

interface StanceFieldProps {
  value: Stance | null
  onChange: (stance: Stance) => void
  selectRef?: Ref<HTMLSelectElement>
  error?: string
}

/**
 * The stance as a native select (keyboard and screen readers know it), with keys 1–5 as
 * shortcuts for −2…+2 and the scale drawn beside it in the stance colours, each with its sign.
 */
export function StanceField({ value, onChange, selectRef, error }: StanceFieldProps) {
  const id = useId()
  return (
    <div className="field stance-field">
      <label htmlFor={id}>Stance</label>
      <div className="stance-row">
        <select
          id={id}
          ref={selectRef}
          value={value === null ? '' : String(value)}
          className={value === null ? 'stance-select' : `stance-select stance-select-${stanceClass(value)}`}
          aria-invalid={!!error || undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-keyshortcuts="1 2 3 4 5"
          onChange={(event) => {
            const next = Number(event.target.value)
            if (event.target.value !== '' && isStance(next)) onChange(next)
          }}
          onKeyDown={(event) => {
            const stance = stanceForKey(event.key)
            if (stance !== null && !event.ctrlKey && !event.altKey && !event.metaKey) {
              event.preventDefault()
              onChange(stance)
            }
          }}
        >
          <option value="" disabled>
            Choose…
          </option>
          {STANCES.map((stance) => (
            <option key={stance} value={String(stance)}>
              {stanceText(stance)}
            </option>
          ))}
        </select>
        <div className="stance-scale" aria-hidden="true">
          {STANCES.map((stance, index) => (
            <button
              key={stance}
              type="button"
              tabIndex={-1}
              className={`stance-chip stance-${stanceClass(stance)}${value === stance ? ' stance-chip-on' : ''}`}
              title={`${stanceText(stance)} (key ${index + 1})`}
              onClick={() => onChange(stance)}
            >
              {stanceText(stance).split(' ')[0]}
            </button>
          ))}
        </div>
      </div>
      <p id={`${id}-hint`} className="field-note">
        Keys 1–5 set −2 … +2.
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
