import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react'

// An editable combobox (WAI-ARIA 1.2 pattern, list autocomplete): type to filter, arrows to
// move, Enter or Tab to pick, Escape to close the list. The first option is active while
// typing, so "nuj" Enter picks the best match without touching the mouse.

export interface ComboOption {
  id: string
  label: string
  /** Smaller text after the label: kind, matched alias. */
  detail?: string
  /** Rendered differently: "Create actor “…”". */
  create?: boolean
}

interface ComboboxProps {
  label: string
  /** Visible label text when it differs from the accessible name. */
  labelContent?: ReactNode
  text: string
  onTextChange: (text: string) => void
  options: readonly ComboOption[]
  onPick: (option: ComboOption, how: 'keyboard' | 'pointer') => void
  placeholder?: string
  inputRef?: Ref<HTMLInputElement>
  invalid?: boolean
  describedBy?: string
  /** Called when the field loses focus without a pick, with the text as typed. */
  onCommitText?: (text: string) => void
}

export function Combobox({ label, labelContent, text, onTextChange, options, onPick, placeholder, inputRef, invalid, describedBy, onCommitText }: ComboboxProps) {
  const id = useId()
  const listId = `${id}-list`
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)
  const visible = open && options.length > 0
  const activeIndex = Math.min(active, options.length - 1)

  useEffect(() => {
    if (!visible) return
    listRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [activeIndex, visible])

  const pick = (option: ComboOption | undefined, how: 'keyboard' | 'pointer'): void => {
    if (!option) return
    setOpen(false)
    onPick(option, how)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open) {
        setOpen(true)
        setActive(0)
        return
      }
      const delta = event.key === 'ArrowDown' ? 1 : -1
      setActive((activeIndex + delta + options.length) % Math.max(1, options.length))
    } else if (event.key === 'Enter' && visible && !event.ctrlKey && !event.metaKey) {
      event.preventDefault()
      pick(options[activeIndex], 'keyboard')
    } else if (event.key === 'Tab' && visible && !event.shiftKey && text.trim() !== '') {
      pick(options[activeIndex], 'keyboard')
    } else if (event.key === 'Escape' && visible) {
      event.preventDefault()
      event.stopPropagation()
      setOpen(false)
    }
  }

  return (
    <div className="combobox">
      <label htmlFor={id}>{labelContent ?? label}</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label={labelContent ? label : undefined}
        aria-expanded={visible}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={visible ? `${id}-option-${activeIndex}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          onTextChange(event.target.value)
          setOpen(true)
          setActive(0)
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false)
          onCommitText?.(text)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} ref={listRef} role="listbox" aria-label="Matches" className="combobox-list" hidden={!visible}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={`${id}-option-${index}`}
            data-index={index}
            role="option"
            aria-selected={index === activeIndex}
            className={option.create ? 'combobox-option combobox-create' : 'combobox-option'}
            // mousedown, not click: a click would blur the input first and close the list.
            onMouseDown={(event) => {
              event.preventDefault()
              pick(option, 'pointer')
            }}
            onMouseMove={() => index !== activeIndex && setActive(index)}
          >
            <span className="combobox-label">{option.label}</span>
            {option.detail && <span className="combobox-detail">{option.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
