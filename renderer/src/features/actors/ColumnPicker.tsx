import { useEffect, useId, useRef, useState } from 'react'

/** A button that opens a list of checkboxes: which of the optional columns the table shows. */
export function ColumnPicker({ label, options, chosen, onChange }: { label: string; options: readonly string[]; chosen: readonly string[]; onChange: (chosen: string[]) => void }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (event: MouseEvent): void => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    return () => document.removeEventListener('mousedown', close)
  }, [open])
  const isChosen = (option: string): boolean => chosen.some((name) => name.toLowerCase() === option.toLowerCase())
  return (
    <div
      className="column-picker"
      ref={ref}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation()
          setOpen(false)
        }
      }}
    >
      <button type="button" aria-expanded={open} aria-controls={`${id}-list`} onClick={() => setOpen((current) => !current)}>
        {label} ({chosen.length} of {options.length})
      </button>
      {open && (
        <fieldset id={`${id}-list`} className="column-picker-list">
          <legend className="visually-hidden">{label}</legend>
          <div className="button-row">
            <button type="button" className="link-button" onClick={() => onChange([...options])}>
              All
            </button>
            <button type="button" className="link-button" onClick={() => onChange([])}>
              None
            </button>
          </div>
          {options.map((option) => (
            <label key={option} className="inline-check">
              <input
                type="checkbox"
                checked={isChosen(option)}
                onChange={(event) => onChange(event.currentTarget.checked ? [...chosen, option] : chosen.filter((name) => name.toLowerCase() !== option.toLowerCase()))}
              />
              {option}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  )
}
