import { useId, type ReactNode } from 'react'
import { Dialog } from './Dialog'
import { DialogButtons } from './DialogButtons'

interface FormDialogProps {
  title: string
  /** What the submit button says: "Create actor", "Save issue". */
  submitLabel: string
  /** While true the submit button is disabled, so a double click saves once. */
  saving: boolean
  onSubmit: () => void
  onClose: () => void
  children: ReactNode
}

/**
 * A dialog around one form (New/Edit actor, New/Edit issue): Enter in a field or the submit
 * button submits it, without the browser's own validation bubbles; Cancel and Escape close it.
 */
export function FormDialog({ title, submitLabel, saving, onSubmit, onClose, children }: FormDialogProps) {
  const formId = useId()
  return (
    <Dialog title={title} open onClose={onClose} footer={<DialogButtons label={submitLabel} onCancel={onClose} form={formId} disabled={saving} />}>
      <form
        id={formId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit()
        }}
      >
        {children}
      </form>
    </Dialog>
  )
}
