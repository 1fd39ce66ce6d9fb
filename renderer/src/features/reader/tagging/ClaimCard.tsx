import type { Claim } from '../../../domain/model'
import { StanceBadge } from '../../../shared/ui/StanceBadge'
import { stanceSign, stanceText } from '../../../shared/ui/stance'
import { useReaderSession } from '../ReaderSession'
import { anchorNote, excerpt, located } from './labels'

/** The selected claim: who, on what, which stance, its words, what it overlaps, and its actions. */
export function ClaimCard({ claim }: { claim: Claim }) {
  const { article, claims, anchors, selection, actorName, issueLabel, focusAndScroll, actions } = useReaderSession()
  const span = anchors.get(claim.id)
  const overlapping = span
    ? located(claims, anchors)
        .filter(({ record, state }) => record.id !== claim.id && state!.start < span.end && span.start < state!.end)
        .map(({ record }) => record)
    : []
  const note = anchorNote(span, claim.anchor.exact, article.body)
  return (
    <section className="panel-section focus-card" aria-label="Selected claim">
      <header className="focus-card-header">
        <StanceBadge stance={claim.stance} />
        <div>
          <strong>
            <bdi>{actorName(claim.actorId)}</bdi>
          </strong>
          <span className="muted"> on </span>
          <strong>
            <bdi>{issueLabel(claim.issueIds)}</bdi>
          </strong>
        </div>
      </header>
      <dl className="fact-list compact">
        <dt>Stance</dt>
        <dd>{stanceText(claim.stance)}</dd>
        <dt>Date</dt>
        <dd>{claim.date || 'No date'}</dd>
        {claim.addresseeId && (
          <>
            <dt>Addressee</dt>
            <dd>{actorName(claim.addresseeId)}</dd>
          </>
        )}
        {claim.note && (
          <>
            <dt>Note</dt>
            <dd className="note-text">{claim.note}</dd>
          </>
        )}
      </dl>
      <blockquote className="card-quote" dir={article.direction}>
        {excerpt(claim.anchor.exact, 300)}
      </blockquote>
      {overlapping.length > 0 && (
        <div className="overlaps">
          <span className="muted small">Overlaps with:</span>
          <ul>
            {overlapping.map((other) => (
              <li key={other.id}>
                <button type="button" className="link-button" onClick={() => focusAndScroll({ kind: 'claim', id: other.id })}>
                  {stanceSign(other.stance)} {actorName(other.actorId)} · {issueLabel(other.issueIds)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {note && (
        <p className="anchor-note" role="note">
          {note}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={() => actions.editClaim(claim, true)} aria-keyshortcuts="E">
          Edit claim
        </button>
        {(span === null || span?.method === 'fuzzy') && (
          <button type="button" disabled={!selection} onClick={() => void actions.reattach({ kind: 'claim', claim })}>
            Re-attach to selection
          </button>
        )}
        <button type="button" className="danger" onClick={() => void actions.removeClaim(claim)} aria-keyshortcuts="Delete">
          Delete claim
        </button>
      </div>
    </section>
  )
}
