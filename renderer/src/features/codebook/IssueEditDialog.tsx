import { useState } from 'react'
import { FormDialog } from '../../shared/ui/FormDialog'
import { db } from '../../db/instance'
import { createIssue, updateIssue } from '../../db/repositories/issues'
import { newId, nowIso, type Id, type Issue } from '../../domain/model'
import { compareText } from '../../domain/text/compare'
import { performTagging } from '../../shared/undo/history'

/** The issues an issue may be filed under: any but itself and its own sub-issues. */
function possibleParents(issue: Issue | null, issues: readonly Issue[]): Issue[] {
  if (!issue) return [...issues]
  const excluded = new Set<Id>([issue.id])
  let grew = true
  while (grew) {
    grew = false
    for (const candidate of issues) {
      if (candidate.parentId !== null && excluded.has(candidate.parentId) && !excluded.has(candidate.id)) {
        excluded.add(candidate.id)
        grew = true
      }
    }
  }
  return issues.filter((candidate) => !excluded.has(candidate.id))
}

/** New issue / Edit issue: label, description and optional parent issue. */
export function IssueEditDialog({ issue, issues, onClose }: { issue: Issue | null; issues: readonly Issue[]; onClose: () => void }) {
  const [label, setLabel] = useState(issue?.label ?? '')
  const [description, setDescription] = useState(issue?.description ?? '')
  const [parentId, setParentId] = useState<string>(issue?.parentId ?? '')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const save = async (): Promise<void> => {
    if (label.trim() === '') {
      setError('Give the issue a label.')
      return
    }
    setSaving(true)
    const now = nowIso()
    const record: Issue = {
      id: issue?.id ?? newId(),
      label,
      description,
      parentId: parentId === '' ? null : parentId,
      createdAt: issue?.createdAt ?? now,
      updatedAt: now,
      code: issue?.code ?? '',
      updatedBy: issue?.updatedBy ?? '',
    }
    const done = await performTagging(issue ? 'save the issue' : 'create the issue', () => (issue ? updateIssue(db, record) : createIssue(db, record)))
    setSaving(false)
    if (done) onClose()
  }

  return (
    <FormDialog title={issue ? `Edit issue “${issue.label}”` : 'New issue'} submitLabel={issue ? 'Save issue' : 'Create issue'} saving={saving} onSubmit={() => void save()} onClose={onClose}>
      <div className="field">
        <label htmlFor="issue-label">Label</label>
        <input id="issue-label" type="text" value={label} autoFocus onChange={(event) => setLabel(event.target.value)} aria-invalid={!!error || undefined} />
        {error && <p className="field-error">{error}</p>}
      </div>
      <div className="field">
        <label htmlFor="issue-description">Description</label>
        <textarea id="issue-description" rows={4} value={description} onChange={(event) => setDescription(event.target.value)} aria-describedby="issue-description-note" />
        <p id="issue-description-note" className="field-note">
          What the issue covers and what +1 and −1 mean on it, so every coder reads the stance scale the same way.
        </p>
      </div>
      <div className="field">
        <label htmlFor="issue-parent">Parent issue</label>
        <select id="issue-parent" value={parentId} onChange={(event) => setParentId(event.target.value)}>
          <option value="">None (top level)</option>
          {possibleParents(issue, issues)
            .sort((a, b) => compareText(a.label, b.label))
            .map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
        </select>
      </div>
    </FormDialog>
  )
}
