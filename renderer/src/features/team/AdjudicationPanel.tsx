import { useState } from 'react'
import { db } from '../../db/instance'
import { adjudicate } from '../../db/team/adjudication'
import { fieldsOf, type AdjudicatedFields } from '../../domain/team/adjudication'
import { STANCES, type Actor, type Claim, type Id, type Issue, type Stance, type TextDirection } from '../../domain/model'
import { navigate } from '../../shared/routing'
import { notify } from '../../shared/notices'
import { StanceBadge } from '../../shared/ui/StanceBadge'
import { stanceText } from '../../shared/ui/stance'
import { performTagging } from '../../shared/undo/history'
import type { CoderMark } from './readerCoding'

interface AdjudicationPanelProps {
  /** The disagreement's claims, in the compared coders' order. */
  sources: readonly Claim[]
  /** Adjudicated claims already decided from exactly these sources. */
  decided: readonly Claim[]
  rejected: boolean
  markOf: (claim: Claim) => CoderMark | null
  actorName: (id: Id | null) => string
  issueLabel: (ids: readonly Id[]) => string
  actors: readonly Actor[]
  issues: readonly Issue[]
  direction: TextDirection
  onShow: (claimId: Id) => void
}

function excerpt(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

/**
 * The adjudicator's decision on one disagreement: accept one coder's version, write a merged
 * one, or reject them all. The result is an adjudicated claim linked to its sources.
 */
export function AdjudicationPanel(props: AdjudicationPanelProps) {
  const { sources, decided, rejected, markOf, actorName, issueLabel, direction, onShow } = props
  const [editing, setEditing] = useState(false)
  if (sources.length === 0) {
    return (
      <section className="panel-section adjudication" aria-label="Adjudication">
        <h3>Adjudication</h3>
        <p className="muted small">The claims of this disagreement are no longer in the workspace, or blind coding hides them from you.</p>
      </section>
    )
  }
  const ids = sources.map((claim) => claim.id)
  const decide = async (fields: AdjudicatedFields | null, what: string): Promise<void> => {
    const result = await performTagging('adjudicate', () => adjudicate(db, { sourceIds: ids, fields }))
    if (result) {
      notify('success', what)
      setEditing(false)
    }
  }
  const names = sources.map((claim) => markOf(claim)?.name ?? 'a coder')
  const status = decided.length > 0 ? `Decided: ${decided.map((claim) => `${actorName(claim.actorId)} · ${issueLabel(claim.issueIds)} · ${stanceText(claim.stance)}`).join('; ')}` : rejected ? 'Decided: every version rejected.' : 'Not decided yet.'
  return (
    <section className="panel-section adjudication" aria-label="Adjudication">
      <h3>Adjudication</h3>
      <p className="small" role="status">
        {status}
      </p>
      <div className="adjudication-versions">
        {sources.map((claim) => {
          const mark = markOf(claim)
          const name = mark?.name ?? 'Unknown coder'
          return (
            <article key={claim.id} className="adjudication-version" aria-label={`${name}’s version`} style={{ borderColor: mark?.color }}>
              <header>
                <span className="coder-dot" style={{ background: mark?.color }} aria-hidden="true" /> <strong>{name}</strong>
              </header>
              <dl className="fact-list compact">
                <dt>Actor</dt>
                <dd>
                  <bdi>{actorName(claim.actorId)}</bdi>
                </dd>
                <dt>Issues</dt>
                <dd>
                  <bdi>{issueLabel(claim.issueIds)}</bdi>
                </dd>
                <dt>Stance</dt>
                <dd>
                  <StanceBadge stance={claim.stance} /> {stanceText(claim.stance)}
                </dd>
                <dt>Date</dt>
                <dd>{claim.date || 'No date'}</dd>
                {claim.note && (
                  <>
                    <dt>Note</dt>
                    <dd className="note-text">{claim.note}</dd>
                  </>
                )}
              </dl>
              <blockquote className="card-quote" dir={direction}>
                {excerpt(claim.anchor.exact, 200)}
              </blockquote>
              <div className="button-row">
                <button type="button" className="link-button" onClick={() => onShow(claim.id)}>
                  Show in text
                </button>
                <button type="button" className="primary" onClick={() => void decide(fieldsOf(claim), `Accepted ${name}’s version.`)}>
                  Accept {name}’s version
                </button>
              </div>
            </article>
          )
        })}
      </div>
      <div className="button-row">
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          Edit a merged version
        </button>
        <button type="button" className="danger" onClick={() => void decide(null, sources.length === 1 ? 'Rejected the claim.' : 'Rejected every version.')}>
          {sources.length === 1 ? 'Reject the claim' : sources.length === 2 ? 'Reject both' : 'Reject all'}
        </button>
        <button type="button" className="link-button" onClick={() => navigate('agreement')}>
          Back to Agreement
        </button>
      </div>
      {editing && <MergedForm {...props} names={names} onSave={(fields) => void decide(fields, 'Saved the merged version.')} />}
    </section>
  )
}

function MergedForm({ sources, actors, issues, actorName, names, onSave }: AdjudicationPanelProps & { names: string[]; onSave: (fields: AdjudicatedFields) => void }) {
  const first = sources[0]!
  const [actorId, setActorId] = useState(first.actorId)
  const [issueIds, setIssueIds] = useState<Id[]>([...first.issueIds])
  const [stance, setStance] = useState<Stance>(first.stance)
  const [date, setDate] = useState(first.date)
  const [note, setNote] = useState(first.note)
  const [quoteFrom, setQuoteFrom] = useState(first.id)
  const offered = [...new Set(sources.map((claim) => claim.actorId))]
  const others = actors.filter((actor) => !offered.includes(actor.id))
  const issueChoices = [...new Set(sources.flatMap((claim) => claim.issueIds))]
  const issueById = new Map(issues.map((issue) => [issue.id, issue]))
  return (
    <form
      className="merged-form"
      aria-label="Merged version"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const quote = sources.find((claim) => claim.id === quoteFrom) ?? first
        onSave({ actorId, issueIds, stance, date, note, addresseeId: quote.addresseeId, anchor: quote.anchor, attributes: quote.attributes })
      }}
    >
      <label className="stacked-field">
        Merged actor
        <select value={actorId} onChange={(event) => setActorId(event.currentTarget.value)}>
          {offered.map((id) => (
            <option key={id} value={id}>
              {actorName(id)}
            </option>
          ))}
          {others.length > 0 && (
            <optgroup label="Other actors">
              {others.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <fieldset className="stacked-field">
        <legend>Merged issues</legend>
        {issueChoices.map((id) => (
          <label key={id} className="inline-check">
            <input
              type="checkbox"
              checked={issueIds.includes(id)}
              onChange={(event) => setIssueIds(event.currentTarget.checked ? [...issueIds, id] : issueIds.filter((entry) => entry !== id))}
            />
            <bdi>{issueById.get(id)?.label ?? 'Unknown issue'}</bdi>
          </label>
        ))}
      </fieldset>
      <label className="stacked-field">
        Merged stance
        <select value={stance} onChange={(event) => setStance(Number(event.currentTarget.value) as Stance)}>
          {STANCES.map((value) => (
            <option key={value} value={value}>
              {stanceText(value)}
            </option>
          ))}
        </select>
      </label>
      <label className="stacked-field">
        Merged date
        <input type="date" value={date} onChange={(event) => setDate(event.currentTarget.value)} />
      </label>
      <label className="stacked-field">
        Merged note
        <textarea rows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
      </label>
      <fieldset className="stacked-field">
        <legend>Quote from</legend>
        {sources.map((claim, index) => (
          <label key={claim.id} className="inline-check">
            <input type="radio" name="merged-quote" checked={quoteFrom === claim.id} onChange={() => setQuoteFrom(claim.id)} />
            {names[index]}: “{excerpt(claim.anchor.exact, 60)}”
          </label>
        ))}
      </fieldset>
      {issueIds.length === 0 && (
        <p className="inline-error" role="alert">
          Choose at least one issue.
        </p>
      )}
      <button type="submit" className="primary" disabled={issueIds.length === 0}>
        Save adjudicated claim
      </button>
    </form>
  )
}
