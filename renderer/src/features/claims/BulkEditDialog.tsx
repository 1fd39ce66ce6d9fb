import { useId, useMemo, useState } from 'react'
import { db } from '../../db/instance'
import { bulkEditClaims } from '../../db/repositories/claimBulkEdit'
import { bulkEditProblem, type BulkEdit, type IssueEditMode } from '../../domain/claims/bulkEdit'
import type { ClaimLookups } from '../../domain/claims/rows'
import { STANCE_LABELS, STANCES, type Id, type Stance } from '../../domain/model'
import { compareText } from '../../domain/text/compare'
import { foldText } from '../../domain/text/folding'
import { plural } from '../../domain/text/plural'
import { notify } from '../../shared/notices'
import { Combobox, type ComboOption } from '../../shared/ui/Combobox'
import { DialogButtons } from '../../shared/ui/DialogButtons'
import { Dialog } from '../../shared/ui/Dialog'
import { stanceSign } from '../../shared/ui/stance'
import { performTagging } from '../../shared/undo/history'

// Bulk edit of the selected claims: replace, add or remove one issue, and set the stance, the
// claimant or the date, on all of them in one transaction; Ctrl+Z undoes it as one step.

const LEAVE = ''

/** An existing record picked by name: issues by their path in the codebook, actors by name. */
function usePicker(entries: readonly { id: Id; label: string; detail?: string }[]) {
  const folded = useMemo(() => entries.map((entry) => ({ entry, folded: foldText(entry.label) })), [entries])
  return (query: string): ComboOption[] => {
    const needle = foldText(query)
    const hits = needle === '' ? folded : folded.filter((item) => item.folded.includes(needle))
    // Exact and prefix matches first, then the rest by name.
    const rank = (item: (typeof folded)[number]): number => (item.folded === needle ? 0 : item.folded.startsWith(needle) ? 1 : 2)
    return hits
      .slice()
      .sort((a, b) => rank(a) - rank(b) || compareText(a.entry.label, b.entry.label))
      .slice(0, 12)
      .map((item) => ({ id: item.entry.id, label: item.entry.label, detail: item.entry.detail }))
  }
}

export function BulkEditDialog({ claimIds, lookups, onClose, onDone }: { claimIds: readonly Id[]; lookups: ClaimLookups; onClose: () => void; onDone: (summary: string[]) => void }) {
  const formId = useId()
  const [issueMode, setIssueMode] = useState<IssueEditMode | typeof LEAVE>(LEAVE)
  const [issueText, setIssueText] = useState('')
  const [issueId, setIssueId] = useState<Id | null>(null)
  const [stance, setStance] = useState<string>(LEAVE)
  const [actorText, setActorText] = useState('')
  const [actorId, setActorId] = useState<Id | null>(null)
  const [setDate, setSetDate] = useState(false)
  const [date, setDateValue] = useState('')
  const [problem, setProblem] = useState('')
  const [saving, setSaving] = useState(false)

  const issueEntries = useMemo(() => [...lookups.issuePaths].map(([id, path]) => ({ id, label: path, detail: lookups.tree.byId.get(id)?.code || undefined })), [lookups])
  const actorEntries = useMemo(() => [...lookups.actors.values()].map((actor) => ({ id: actor.id, label: actor.name, detail: actor.kind })), [lookups])
  const findIssues = usePicker(issueEntries)
  const findActors = usePicker(actorEntries)

  const edit = (): BulkEdit | string => {
    const result: BulkEdit = {}
    if (issueMode !== LEAVE) {
      if (issueId === null) return 'Pick the issue from the codebook, or leave the issues as they are.'
      result.issue = { mode: issueMode, issueId }
    }
    if (stance !== LEAVE) result.stance = Number(stance) as Stance
    if (actorText.trim() !== '') {
      if (actorId === null) return 'Pick the actor from the list, or leave the field empty.'
      result.actorId = actorId
    }
    if (setDate) result.date = date
    return bulkEditProblem(result) || result
  }

  const apply = async (): Promise<void> => {
    const result = edit()
    if (typeof result === 'string') {
      setProblem(result)
      return
    }
    setSaving(true)
    const label = `Edit ${plural(claimIds.length, 'claim')}`
    const names = { issue: (id: Id) => lookups.issuePaths.get(id) ?? '(unknown issue)', actor: (id: Id) => lookups.actors.get(id)?.name ?? '(unknown actor)' }
    const done = await performTagging('edit the claims', () => bulkEditClaims(db, claimIds, result, label, names))
    setSaving(false)
    if (!done) return
    const { plan, missing } = done
    const lines = [
      `${plural(plan.updated.length, 'claim')} changed${plan.unchanged > 0 ? `, ${plural(plan.unchanged, 'claim')} already as asked` : ''}${missing > 0 ? `, ${plural(missing, 'claim')} no longer in the workspace` : ''}.`,
      ...plan.summary,
      plan.updated.length > 0 ? 'Ctrl+Z undoes this edit.' : '',
    ].filter((line) => line !== '')
    notify('success', lines.join(' '))
    onDone(lines)
  }

  return (
    <Dialog title="Edit selected claims" open onClose={onClose} footer={<DialogButtons label={`Apply to ${plural(claimIds.length, 'claim')}`} onCancel={onClose} form={formId} disabled={saving} />}>
      <form
        id={formId}
        noValidate
        className="claims-bulk-form"
        onSubmit={(event) => {
          event.preventDefault()
          void apply()
        }}
      >
        <p className="muted">Only what you set changes; everything else stays as it is on each claim.</p>
        <fieldset>
          <legend>Issue</legend>
          <select aria-label="Issue change" value={issueMode} onChange={(event) => setIssueMode(event.currentTarget.value as IssueEditMode | typeof LEAVE)}>
            <option value={LEAVE}>Leave the issues as they are</option>
            <option value="replace">Replace all issues with</option>
            <option value="add">Add the issue</option>
            <option value="remove">Remove the issue</option>
          </select>
          {issueMode !== LEAVE && (
            <Combobox
              label="Issue"
              text={issueText}
              onTextChange={(text) => {
                setIssueText(text)
                setIssueId(null)
              }}
              options={findIssues(issueText)}
              onPick={(option) => {
                setIssueText(option.label)
                setIssueId(option.id)
              }}
              placeholder="Type to find an issue…"
            />
          )}
        </fieldset>
        <label className="claims-bulk-field">
          Stance
          <select value={stance} onChange={(event) => setStance(event.currentTarget.value)}>
            <option value={LEAVE}>Leave as it is</option>
            {STANCES.map((value) => (
              <option key={value} value={String(value)}>
                {stanceSign(value)} {STANCE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <Combobox
          label="Actor"
          text={actorText}
          onTextChange={(text) => {
            setActorText(text)
            setActorId(null)
          }}
          options={actorText.trim() === '' ? [] : findActors(actorText)}
          onPick={(option) => {
            setActorText(option.label)
            setActorId(option.id)
          }}
          placeholder="Leave empty to keep each claim's actor"
        />
        <div className="claims-bulk-date">
          <label className="checkbox">
            <input type="checkbox" checked={setDate} onChange={(event) => setSetDate(event.currentTarget.checked)} />
            Set the date
          </label>
          {setDate && (
            <label className="inline-field">
              Date
              <input type="date" value={date} onChange={(event) => setDateValue(event.currentTarget.value)} />
              <span className="field-note">Empty: each claim takes its article's date.</span>
            </label>
          )}
        </div>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </Dialog>
  )
}
