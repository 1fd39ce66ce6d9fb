import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { isTypingTarget } from '../../../shared/shortcuts'
import { db } from '../../../db/instance'
import { saveClaimDraft } from '../../../db/repositories/claims'
import type { TextSpan } from '../../../domain/anchoring'
import { validateClaimDraft, type ClaimDraft, type ClaimField, type DraftProblem } from '../../../domain/claimDraft'
import { calendarDate, type Claim, type Stance } from '../../../domain/model'
import { ActorField, actorFieldFor, EMPTY_ACTOR_FIELD, type ActorFieldValue } from '../../../shared/ui/ActorField'
import { EMPTY_ISSUE_FIELD, IssueField, issueFieldFor, type IssueFieldValue } from '../../../shared/ui/IssueField'
import { performTagging } from '../../../shared/undo/history'
import { useReaderSession } from '../ReaderSession'
import { QuotePreview } from './QuotePreview'
import { stanceForKey } from '../../../shared/ui/stance'
import { StanceField } from './StanceField'
import { TagForm, withUnpickedActor } from './TagForm'

interface ClaimFormProps {
  span: TextSpan
  /** The claim being edited; absent for a new claim. */
  existing?: Claim
}

/** Tag claim / Edit claim: claimant, issue, stance, date, addressee and note for a quote. */
export function ClaimForm({ span, existing }: ClaimFormProps) {
  const { article, actors, issues, actorIndex, preferredActors, actions } = useReaderSession()
  const byId = new Map(actors.map((actor) => [actor.id, actor]))
  const [actor, setActor] = useState<ActorFieldValue>(() => (existing ? actorFieldFor(byId.get(existing.actorId)) : EMPTY_ACTOR_FIELD))
  const [issue, setIssue] = useState<IssueFieldValue>(() => (existing ? issueFieldFor(issues.find((entry) => entry.id === existing.issueIds[0])) : EMPTY_ISSUE_FIELD))
  const [stance, setStance] = useState<Stance | null>(existing?.stance ?? null)
  const [date, setDate] = useState(existing?.date ?? calendarDate(article.publishedAt))
  const [addressee, setAddressee] = useState<ActorFieldValue>(() => (existing?.addresseeId ? actorFieldFor(byId.get(existing.addresseeId)) : EMPTY_ACTOR_FIELD))
  const [note, setNote] = useState(existing?.note ?? '')
  const [problems, setProblems] = useState<DraftProblem[]>([])
  const [saving, setSaving] = useState(false)
  const actorRef = useRef<HTMLInputElement>(null)
  const issueRef = useRef<HTMLInputElement>(null)
  const stanceRef = useRef<HTMLSelectElement>(null)
  const formRef = useRef<HTMLFormElement>(null)

  // A new claim starts at its claimant, an edit at its stance. Focused in the next frame, so the
  // form's first layout is not forced in the same task that renders it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => (existing ? stanceRef.current : actorRef.current)?.focus())
    return () => cancelAnimationFrame(frame)
    // Only when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const problemFor = (field: ClaimField): string | undefined => problems.find((problem) => problem.field === field)?.message

  const draft = (): ClaimDraft => ({ span, actor: actor.choice, issue: issue.choice, stance, date, addressee: addressee.text.trim() === '' ? null : addressee.choice, note })

  const submit = async (): Promise<void> => {
    if (saving) return
    const current = draft()
    const found = withUnpickedActor(validateClaimDraft(current), actor)
    if (addressee.text.trim() !== '' && addressee.choice === null) found.push({ field: 'addressee', message: 'Pick the addressee from the list, create it, or clear the field.' })
    setProblems(found)
    if (found.length > 0) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return
    }
    setSaving(true)
    const result = await performTagging(existing ? 'save the claim' : 'save the new claim', () => saveClaimDraft(db, current, article, existing?.id))
    setSaving(false)
    if (result) actions.claimSaved(result.claim)
  }

  // Outside text fields, the stance keys set the stance.
  const onStanceKey = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (isTypingTarget(event.target) || event.ctrlKey || event.altKey || event.metaKey) return
    const next = stanceForKey(event.key)
    if (next !== null) {
      event.preventDefault()
      setStance(next)
    }
  }

  return (
    <TagForm
      title={existing ? 'Edit claim' : 'Tag claim'}
      submitLabel="Save claim"
      keyHint="Ctrl+Enter saves · Esc cancels"
      saving={saving}
      onSubmit={() => void submit()}
      onCancel={actions.cancelForm}
      onOtherKey={onStanceKey}
      formRef={formRef}
    >
      <QuotePreview text={article.body.slice(span.start, span.end)} direction={article.direction} error={problemFor('quote')} />
      <ActorField
        label="Actor"
        value={actor}
        onChange={setActor}
        actors={actors}
        index={actorIndex}
        preferred={preferredActors}
        error={problemFor('actor')}
        inputRef={actorRef}
        onPicked={(how, created) => {
          if (how === 'keyboard' && !created) issueRef.current?.focus()
        }}
      />
      <IssueField value={issue} onChange={setIssue} issues={issues} inputRef={issueRef} error={problemFor('issue')} onPicked={(how) => how === 'keyboard' && stanceRef.current?.focus()} />
      <StanceField value={stance} onChange={setStance} selectRef={stanceRef} error={problemFor('stance')} />
      <div className="field">
        <label htmlFor="claim-date">Date</label>
        <input
          id="claim-date"
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          aria-invalid={!!problemFor('date') || undefined}
          aria-describedby="claim-date-note"
        />
        <p id="claim-date-note" className="field-note">
          When the claim was made. {article.publishedAt ? `The article is dated ${calendarDate(article.publishedAt)}.` : 'The article has no date.'}
        </p>
        {problemFor('date') && <p className="field-error">{problemFor('date')}</p>}
      </div>
      <ActorField
        label="Addressee"
        subLabel="Addressee"
        optional
        value={addressee}
        onChange={setAddressee}
        actors={actors}
        index={actorIndex}
        preferred={preferredActors}
        error={problemFor('addressee')}
      />
      <div className="field">
        <label htmlFor="claim-note">Note</label>
        <textarea id="claim-note" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
    </TagForm>
  )
}
