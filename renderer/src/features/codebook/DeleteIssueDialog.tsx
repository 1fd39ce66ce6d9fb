import { useState } from 'react'
import { notify } from '../../app/notices'
import { Dialog } from '../../app/ui/Dialog'
import { db } from '../../db/instance'
import { deleteIssue } from '../../db/repositories/issues'
import type { Id, Issue } from '../../domain/model'
import { plural } from '../../domain/text/plural'
import { performTagging } from '../tagging/history'

/** Deleting an issue asks what becomes of its claims: move them to another issue, or delete them. */
export function DeleteIssueDialog({ issue, issues, claimCount, onClose }: { issue: Issue; issues: readonly Issue[]; claimCount: number; onClose: () => void }) {
  const [choice, setChoice] = useState<'reassign' | 'delete'>('reassign')
  const [heirId, setHeirId] = useState<string>('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const others = issues.filter((other) => other.id !== issue.id).sort((a, b) => a.label.localeCompare(b.label))
  const children = issues.filter((other) => other.parentId === issue.id)

  const confirm = async (): Promise<void> => {
    let disposition: { kind: 'reassign'; to: Id } | { kind: 'delete' } = { kind: 'delete' }
    if (claimCount > 0 && choice === 'reassign') {
      if (heirId === '') {
        setError('Choose the issue that takes over the claims.')
        return
      }
      disposition = { kind: 'reassign', to: heirId }
    }
    setSaving(true)
    const result = await performTagging('delete the issue', () => deleteIssue(db, issue.id, disposition))
    setSaving(false)
    if (!result) return
    const { plan } = result
    const parts = [
      plan.reassignedClaims > 0 && `${plural(plan.reassignedClaims, 'claim')} moved`,
      plan.deletedClaims > 0 && `${plural(plan.deletedClaims, 'claim')} deleted`,
      plan.reparentedIssues > 0 && `${plural(plan.reparentedIssues, 'sub-issue')} moved up`,
    ].filter(Boolean)
    notify('success', `Deleted “${issue.label}”${parts.length ? `: ${parts.join(', ')}` : ''}. Ctrl+Z undoes it.`)
    onClose()
  }

  return (
    <Dialog
      title={`Delete issue “${issue.label}”`}
      open
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary danger-fill" disabled={saving} onClick={() => void confirm()}>
            Delete issue
          </button>
        </>
      }
    >
      {claimCount === 0 ? (
        <p>
          No claims are coded on <strong>{issue.label}</strong>. Delete it?
        </p>
      ) : (
        <>
          <p>
            {plural(claimCount, 'claim')} {claimCount === 1 ? 'is' : 'are'} coded on <strong>{issue.label}</strong>. What should happen to {claimCount === 1 ? 'it' : 'them'}?
          </p>
          <fieldset className="choice-list">
            <legend className="visually-hidden">Claims on {issue.label}</legend>
            <label className="choice">
              <input type="radio" name="issue-claims" checked={choice === 'reassign'} onChange={() => setChoice('reassign')} />
              <span>Move them to another issue</span>
            </label>
            {choice === 'reassign' && (
              <div className="choice-detail field">
                <label htmlFor="issue-heir">Move claims to</label>
                <select id="issue-heir" value={heirId} onChange={(event) => setHeirId(event.target.value)} aria-invalid={!!error || undefined}>
                  <option value="">Choose an issue…</option>
                  {others.map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.label}
                    </option>
                  ))}
                </select>
                {error && <p className="field-error">{error}</p>}
              </div>
            )}
            <label className="choice">
              <input type="radio" name="issue-claims" checked={choice === 'delete'} onChange={() => setChoice('delete')} />
              <span>Delete the claims too</span>
            </label>
          </fieldset>
        </>
      )}
      {children.length > 0 && <p className="muted small">Its sub-issues ({children.map((child) => child.label).join(', ')}) move up one level.</p>}
    </Dialog>
  )
}
