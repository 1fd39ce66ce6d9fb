interface DialogButtonsProps {
  /** What the action button says: "Delete actor", "Save issue". */
  label: string
  onCancel: () => void
  /** Runs the action. Leave it out when `form` is given: the button then submits that form. */
  onConfirm?: () => void
  /** The id of the form the action button submits. */
  form?: string
  disabled?: boolean
  /** A destructive action: the button is filled red. */
  danger?: boolean
}

/** The footer most dialogs have: Cancel, then their one action. */
export function DialogButtons({ label, onCancel, onConfirm, form, disabled, danger }: DialogButtonsProps) {
  return (
    <>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type={form ? 'submit' : 'button'} form={form} className={danger ? 'primary danger-fill' : 'primary'} disabled={disabled} onClick={onConfirm}>
        {label}
      </button>
    </>
  )
}
