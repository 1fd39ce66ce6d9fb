import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { isTypingTarget } from '../../app/shortcuts'
import { db } from '../../db/instance'
import { saveClaimDraft } from '../../db/repositories/claims'
import type { ActorIndex } from '../../domain/actorMatching'
import type { TextSpan } from '../../domain/anchoring'
import { validateClaimDraft, type ClaimDraft, type ClaimField, type DraftProblem } from '../../domain/claimDraft'
import { calendarDate, type Actor, type Article, type Claim, type Issue, type Stance } from '../../domain/model'
import { ActorField, actorFieldFor, EMPTY_ACTOR_FIELD, type ActorFieldValue } from './ActorField'
import { EMPTY_ISSUE_FIELD, IssueField, issueFieldFor, type IssueFieldValue } from './IssueField'
import { performTagging } from './history'
import { QuotePreview } from './QuotePreview'
import { stanceForKey } from './stance'
import { StanceField } from './StanceField'

interface ClaimFormProps {
  article: Article
  span: TextSpan
  actors: readonly Actor[]
  issues: readonly Issue[]
  actorIndex: ActorIndex
  preferredActors: readonly Actor[]
  /** The claim being edited; absent for a new claim. */
  existing?: Claim
  onSaved: (claim: Claim) => void
  onCancel: () => void
}

/** Tag claim / Edit claim: claimant, issue, stance, date, addressee and note for a quote. */
export function ClaimForm({ article, span, actors, issues, actorIndex, preferredActors, existing, onSaved, onCancel }: ClaimFormProps) {
  const byId = new Map(actors.map((actor) => [actor.id, actor]))
  const [actor, setActor] = useState<ActorFieldValue>(() => (existing ? actorFieldFor(byId.get(existing.actorId)) : EMPTY_ACTOR_FIELD))
  const [issue, setIssue] = useState<IssueFieldValue>(() => (existing ? issueFieldFor(issues.find((entry) => entry.id === existing.issueId)) : EMPTY_ISSUE_FIELD))
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
    const found = validateClaimDraft(current)
    if (addressee.text.trim() !== '' && addressee.choice === null) found.push({ field: 'addressee', message: 'Pick the addressee from the list, create it, or clear the field.' })
    if (actor.text.trim() !== '' && actor.choice === null) {
      const index = found.findIndex((problem) => problem.field === 'actor')
      if (index >= 0) found[index] = { field: 'actor', message: 'Pick the actor from the list, or choose “Create actor”.' }
    }
    setProblems(found)
    if (found.length > 0) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return
    }
    setSaving(true)
    const result = await performTagging(existing ? 'save the claim' : 'save the new claim', () => saveClaimDraft(db, current, article, existing?.id))
    setSaving(false)
    if (result) onSaved(result.claim)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void submit()
    } else if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault()
      onCancel()
    } else if (!isTypingTarget(event.target) && !event.ctrlKey && !event.altKey && !event.metaKey) {
      const next = stanceForKey(event.key)
      if (next !== null) {
        event.preventDefault()
        setStance(next)
      }
    }
  }

  return (
    <form
      ref={formRef}
      className="tag-form"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h2>{existing ? 'Edit claim' : 'Tag claim'}</h2>
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
      <div className="button-row form-actions">
        <button type="submit" className="primary" disabled={saving} aria-keyshortcuts="Control+Enter">
          Save claim
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="muted key-hint" aria-hidden="true">
          Ctrl+Enter saves · Esc cancels
        </span>
      </div>
    </form>
  )
}
