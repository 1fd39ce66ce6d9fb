/** The last cell of a record's row: Edit and Delete, named after the record for screen readers. */
export function EditDeleteCell({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <td className="cell-actions">
      <button type="button" onClick={onEdit} aria-label={`Edit ${name}`}>
        Edit
      </button>
      <button type="button" className="danger" onClick={onDelete} aria-label={`Delete ${name}`}>
        Delete
      </button>
    </td>
  )
}
