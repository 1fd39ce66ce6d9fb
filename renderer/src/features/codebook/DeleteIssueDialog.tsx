import { useState } from 'react'
import { notify } from '../../shared/notices'
import { Dialog } from '../../shared/ui/Dialog'
import { DialogButtons } from '../../shared/ui/DialogButtons'
import { db } from '../../db/instance'
import { deleteIssue } from '../../db/repositories/issues'
import type { Issue } from '../../domain/model'
import type { ClaimDisposition } from '../../domain/recordDeletion'
import { compareText } from '../../domain/text/compare'
import { plural } from '../../domain/text/plural'
import { performTagging } from '../../shared/undo/history'
import { deletedNotice, ReassignOrDelete, type ClaimsChoice } from '../../shared/ui/ReassignOrDelete'

/**
 * Deleting an issue asks what becomes of its claims: move them to another issue, or delete them.
 * `claimCount`: the claims coded on the issue, null while they are still being counted.
 */
export function DeleteIssueDialog({ issue, issues, claimCount, onClose }: { issue: Issue; issues: readonly Issue[]; claimCount: number | null; onClose: () => void }) {
  const [choice, setChoice] = useState<ClaimsChoice>('reassign')
  const [heirId, setHeirId] = useState<string>('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const others = issues.filter((other) => other.id !== issue.id).sort((a, b) => compareText(a.label, b.label))
  const children = issues.filter((other) => other.parentId === issue.id)

  const confirm = async (): Promise<void> => {
    if (claimCount === null) return
    let disposition: ClaimDisposition = { kind: 'delete' }
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
    notify(
      'success',
      deletedNotice(issue.label, [
        plan.reassignedClaims > 0 && `${plural(plan.reassignedClaims, 'claim')} moved`,
        plan.deletedClaims > 0 && `${plural(plan.deletedClaims, 'claim')} deleted`,
        plan.unlinkedClaims > 0 && `${plural(plan.unlinkedClaims, 'claim')} kept on ${plan.unlinkedClaims === 1 ? 'its' : 'their'} other issues`,
        plan.reparentedIssues > 0 && `${plural(plan.reparentedIssues, 'sub-issue')} moved up`,
      ]),
    )
    onClose()
  }

  return (
    <Dialog
      title={`Delete issue “${issue.label}”`}
      open
      onClose={onClose}
      footer={<DialogButtons label="Delete issue" danger disabled={saving || claimCount === null} onCancel={onClose} onConfirm={() => void confirm()} />}
    >
      {claimCount === null ? (
        <p>
          Counting the claims coded on <strong>{issue.label}</strong>…
        </p>
      ) : claimCount === 0 ? (
        <p>
          No claims are coded on <strong>{issue.label}</strong>. Delete it?
        </p>
      ) : (
        <>
          <p>
            {plural(claimCount, 'claim')} {claimCount === 1 ? 'is' : 'are'} coded on <strong>{issue.label}</strong>. What should happen to {claimCount === 1 ? 'it' : 'them'}?
          </p>
          <ReassignOrDelete
            name="issue-claims"
            legend={`Claims on ${issue.label}`}
            choice={choice}
            onChoice={setChoice}
            reassignLabel="Move them to another issue"
            deleteLabel="Delete the claims too"
          >
            <div className="field">
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
          </ReassignOrDelete>
        </>
      )}
      {children.length > 0 && <p className="muted small">Its sub-issues ({children.map((child) => child.label).join(', ')}) move up one level.</p>}
    </Dialog>
  )
}
