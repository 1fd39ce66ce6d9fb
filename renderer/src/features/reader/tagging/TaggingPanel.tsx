import { useEffect, useRef } from 'react'
import type { ActorIndex } from '../../../domain/actorMatching'
import type { TextSpan } from '../../../domain/anchoring'
import type { Actor, Article, Claim, Id, Issue, Mention } from '../../../domain/model'
import type { SuggestedMention } from '../../../domain/suggestedMentions'
import type { AnchorState, ResolvedAnchors } from '../useResolvedAnchors'
import { ClaimForm } from './ClaimForm'
import { MentionForm } from './MentionForm'
import { stanceClass, stanceSign, stanceText } from '../../../shared/ui/stance'
import type { Focus, PanelMode } from '../focus'
import { VirtualList } from '../../../shared/ui/VirtualList'

export interface TaggingPanelProps {
  article: Article
  actors: readonly Actor[]
  issues: readonly Issue[]
  actorIndex: ActorIndex
  claims: readonly Claim[]
  mentions: readonly Mention[]
  anchors: ResolvedAnchors
  /** null while they are still being looked for. */
  suggestions: readonly SuggestedMention[] | null
  selection: TextSpan | null
  mode: PanelMode
  focus: Focus | null
  preferredActors: readonly Actor[]
  onTagActor: () => void
  onTagClaim: () => void
  onModeChange: (mode: PanelMode) => void
  onFocus: (focus: Focus | null) => void
  onClaimSaved: (claim: Claim) => void
  onMentionSaved: (mention: Mention) => void
  onDeleteClaim: (claim: Claim) => void
  onDeleteMention: (mention: Mention) => void
  onReattach: (record: { kind: 'claim'; claim: Claim } | { kind: 'mention'; mention: Mention }) => void
  onAcceptSuggestion: (suggestion: SuggestedMention) => void
  onDismissSuggestion: (suggestion: SuggestedMention) => void
  onAcceptAllSuggestions: () => void
}

function excerpt(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

function StanceBadge({ stance }: { stance: Claim['stance'] }) {
  return (
    <span className={`stance-badge stance-${stanceClass(stance)}`} title={stanceText(stance)}>
      {stanceSign(stance)}
    </span>
  )
}

function anchorNote(state: AnchorState, stored: string, body: string): string | null {
  if (state === undefined) return 'Locating this quote in the text…'
  if (state === null) return `Orphaned: “${excerpt(stored, 120)}” is no longer in this text. Select the words it belongs to and re-attach it, or delete it.`
  if (state.method === 'quote') return 'Found again by its quote and context: the text has moved since this was tagged.'
  if (state.method === 'fuzzy') return `Found approximately: the words changed since this was tagged (was “${excerpt(stored, 100)}”, now “${excerpt(body.slice(state.start, state.end), 100)}”).`
  return null
}

export function TaggingPanel(props: TaggingPanelProps) {
  const { article, actors, issues, actorIndex, claims, mentions, anchors, suggestions, selection, mode, focus, preferredActors } = props
  const actorsById = new Map(actors.map((actor) => [actor.id, actor]))
  const issuesById = new Map(issues.map((issue) => [issue.id, issue]))
  const actorName = (id: Id | null): string => (id === null ? '' : (actorsById.get(id)?.name ?? 'Unknown actor'))
  const issueLabel = (id: Id): string => issuesById.get(id)?.label ?? 'Unknown issue'

  const located = <T extends { id: string }>(records: readonly T[]) =>
    records
      .map((record) => ({ record, state: anchors.get(record.id) }))
      .filter((entry) => entry.state)
      .sort((a, b) => a.state!.start - b.state!.start || a.state!.end - b.state!.end)
  const claimEntries = located(claims)
  const mentionEntries = located(mentions)
  const orphanClaims = claims.filter((claim) => anchors.get(claim.id) === null)
  const orphanMentions = mentions.filter((mention) => anchors.get(mention.id) === null)

  const focusedClaim = focus?.kind === 'claim' ? claims.find((claim) => claim.id === focus.id) : undefined
  const focusedMention = focus?.kind === 'mention' ? mentions.find((mention) => mention.id === focus.id) : undefined
  const focusedSuggestion = focus?.kind === 'suggestion' ? suggestions?.find((suggestion) => suggestion.key === focus.key) : undefined
  const selectedText = selection ? article.body.slice(selection.start, selection.end) : ''

  // The selected tag's card and the forms sit at the top: bring them into view when they change.
  const panelRef = useRef<HTMLElement>(null)
  const focusKey = focus ? `${focus.kind}:${focus.kind === 'suggestion' ? focus.key : focus.id}` : ''
  useEffect(() => {
    if (focusKey !== '' || mode.kind !== 'browse') panelRef.current?.scrollTo({ top: 0 })
  }, [focusKey, mode.kind])
  const focusedSpan = focusedClaim ? anchors.get(focusedClaim.id) : undefined
  const overlapping = focusedSpan
    ? claimEntries.filter(({ record, state }) => record.id !== focusedClaim!.id && state!.start < focusedSpan.end && focusedSpan.start < state!.end).map(({ record }) => record)
    : []

  return (
    <aside className="tagging-panel" aria-label="Tagging" ref={panelRef}>
      {mode.kind === 'browse' && (
        <section className="panel-section selection-section" aria-label="Selection">
          {selection ? (
            <p className="selection-quote" dir={article.direction}>
              “{excerpt(selectedText, 140)}”
            </p>
          ) : (
            <p className="muted selection-hint">Select words in the article (mouse, Shift+arrows, or / to find them), then tag them.</p>
          )}
          <div className="button-row">
            <button type="button" className="primary" disabled={!selection} onClick={props.onTagActor} aria-keyshortcuts="A">
              Tag actor
              <kbd aria-hidden="true">A</kbd>
            </button>
            <button type="button" className="primary" disabled={!selection} onClick={props.onTagClaim} aria-keyshortcuts="C">
              Tag claim
              <kbd aria-hidden="true">C</kbd>
            </button>
          </div>
        </section>
      )}

      {mode.kind === 'tag-claim' && (
        <section className="panel-section">
          <ClaimForm
            key={`${mode.claimId ?? 'new'}:${mode.span.start}:${mode.span.end}`}
            article={article}
            span={mode.span}
            actors={actors}
            issues={issues}
            actorIndex={actorIndex}
            preferredActors={preferredActors}
            existing={mode.claimId ? claims.find((claim) => claim.id === mode.claimId) : undefined}
            onSaved={props.onClaimSaved}
            onCancel={() => props.onModeChange({ kind: 'browse' })}
          />
        </section>
      )}
      {mode.kind === 'tag-actor' && (
        <section className="panel-section">
          <MentionForm
            key={`${mode.mentionId ?? 'new'}:${mode.span.start}:${mode.span.end}`}
            article={article}
            span={mode.span}
            actors={actors}
            actorIndex={actorIndex}
            existing={mode.mentionId ? mentions.find((mention) => mention.id === mode.mentionId) : undefined}
            onSaved={props.onMentionSaved}
            onCancel={() => props.onModeChange({ kind: 'browse' })}
          />
        </section>
      )}

      {mode.kind === 'browse' && focusedClaim && (
        <section className="panel-section focus-card" aria-label="Selected claim">
          <header className="focus-card-header">
            <StanceBadge stance={focusedClaim.stance} />
            <div>
              <strong>
                <bdi>{actorName(focusedClaim.actorId)}</bdi>
              </strong>
              <span className="muted"> on </span>
              <strong>
                <bdi>{issueLabel(focusedClaim.issueId)}</bdi>
              </strong>
            </div>
          </header>
          <dl className="fact-list compact">
            <dt>Stance</dt>
            <dd>{stanceText(focusedClaim.stance)}</dd>
            <dt>Date</dt>
            <dd>{focusedClaim.date || 'No date'}</dd>
            {focusedClaim.addresseeId && (
              <>
                <dt>Addressee</dt>
                <dd>{actorName(focusedClaim.addresseeId)}</dd>
              </>
            )}
            {focusedClaim.note && (
              <>
                <dt>Note</dt>
                <dd className="note-text">{focusedClaim.note}</dd>
              </>
            )}
          </dl>
          <blockquote className="card-quote" dir={article.direction}>
            {excerpt(focusedClaim.anchor.exact, 300)}
          </blockquote>
          {overlapping.length > 0 && (
            <div className="overlaps">
              <span className="muted small">Overlaps with:</span>
              <ul>
                {overlapping.map((claim) => (
                  <li key={claim.id}>
                    <button type="button" className="link-button" onClick={() => props.onFocus({ kind: 'claim', id: claim.id })}>
                      {stanceSign(claim.stance)} {actorName(claim.actorId)} · {issueLabel(claim.issueId)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {anchorNote(anchors.get(focusedClaim.id), focusedClaim.anchor.exact, article.body) && (
            <p className="anchor-note" role="note">
              {anchorNote(anchors.get(focusedClaim.id), focusedClaim.anchor.exact, article.body)}
            </p>
          )}
          <div className="button-row">
            <button type="button" onClick={() => props.onModeChange({ kind: 'tag-claim', span: anchors.get(focusedClaim.id) ?? selection ?? focusedClaim.anchor, claimId: focusedClaim.id })} aria-keyshortcuts="E">
              Edit claim
            </button>
            {(anchors.get(focusedClaim.id) === null || anchors.get(focusedClaim.id)?.method === 'fuzzy') && (
              <button type="button" disabled={!selection} onClick={() => props.onReattach({ kind: 'claim', claim: focusedClaim })}>
                Re-attach to selection
              </button>
            )}
            <button type="button" className="danger" onClick={() => props.onDeleteClaim(focusedClaim)} aria-keyshortcuts="Delete">
              Delete claim
            </button>
          </div>
        </section>
      )}
      {mode.kind === 'browse' && focusedMention && (
        <section className="panel-section focus-card" aria-label="Selected mention">
          <header className="focus-card-header">
            <span className="mention-badge" aria-hidden="true">
              @
            </span>
            <div>
              <strong>{actorName(focusedMention.actorId)}</strong>
              <span className="muted"> ({actorsById.get(focusedMention.actorId)?.kind ?? 'unknown'}) mentioned</span>
            </div>
          </header>
          <blockquote className="card-quote" dir={article.direction}>
            {excerpt(focusedMention.anchor.exact, 200)}
          </blockquote>
          {anchorNote(anchors.get(focusedMention.id), focusedMention.anchor.exact, article.body) && (
            <p className="anchor-note" role="note">
              {anchorNote(anchors.get(focusedMention.id), focusedMention.anchor.exact, article.body)}
            </p>
          )}
          <div className="button-row">
            <button type="button" onClick={() => props.onModeChange({ kind: 'tag-actor', span: anchors.get(focusedMention.id) ?? focusedMention.anchor, mentionId: focusedMention.id })} aria-keyshortcuts="E">
              Change actor
            </button>
            {anchors.get(focusedMention.id) === null && (
              <button type="button" disabled={!selection} onClick={() => props.onReattach({ kind: 'mention', mention: focusedMention })}>
                Re-attach to selection
              </button>
            )}
            <button type="button" className="danger" onClick={() => props.onDeleteMention(focusedMention)} aria-keyshortcuts="Delete">
              Delete mention
            </button>
          </div>
        </section>
      )}
      {mode.kind === 'browse' && focusedSuggestion && (
        <section className="panel-section focus-card" aria-label="Selected suggestion">
          <p>
            Suggested mention of <strong>{actorName(focusedSuggestion.actorId)}</strong>
            {focusedSuggestion.matched !== actorName(focusedSuggestion.actorId) && <> (as “{focusedSuggestion.matched}”)</>}.
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => props.onAcceptSuggestion(focusedSuggestion)} aria-keyshortcuts="Y">
              Accept
              <kbd aria-hidden="true">Y</kbd>
            </button>
            <button type="button" onClick={() => props.onDismissSuggestion(focusedSuggestion)} aria-keyshortcuts="X">
              Dismiss
              <kbd aria-hidden="true">X</kbd>
            </button>
          </div>
        </section>
      )}

      <section className="panel-section" aria-labelledby="claims-heading">
        <h3 id="claims-heading">
          Claims ({claimEntries.length}
          {orphanClaims.length > 0 && ` + ${orphanClaims.length} orphaned`})
        </h3>
        {claims.length === 0 ? (
          <p className="muted small">No claims yet. Select the words of a claim and press C.</p>
        ) : (
          <VirtualList
            items={claimEntries}
            label="Claims in this article"
            itemKey={(entry) => entry.record.id}
            activeIndex={focus?.kind === 'claim' ? claimEntries.findIndex((entry) => entry.record.id === focus.id) : undefined}
            renderItem={({ record, state }) => (
              <button
                type="button"
                className={focus?.kind === 'claim' && focus.id === record.id ? 'tag-row is-focused' : 'tag-row'}
                aria-current={focus?.kind === 'claim' && focus.id === record.id ? 'true' : undefined}
                onClick={() => props.onFocus({ kind: 'claim', id: record.id })}
              >
                <StanceBadge stance={record.stance} />
                <span className="row-text">
                  <span className="row-title">
                    <bdi>{actorName(record.actorId)}</bdi> · <bdi>{issueLabel(record.issueId)}</bdi>
                    {state?.method === 'fuzzy' && <span className="row-flag"> (approximate)</span>}
                  </span>
                  <span className="row-detail" dir={article.direction}>
                    {excerpt(record.anchor.exact, 80)}
                  </span>
                </span>
              </button>
            )}
          />
        )}
      </section>

      {mentions.length > 0 && (
        <section className="panel-section" aria-labelledby="mentions-heading">
          <h3 id="mentions-heading">
            Mentions ({mentionEntries.length}
            {orphanMentions.length > 0 && ` + ${orphanMentions.length} orphaned`})
          </h3>
          <VirtualList
            items={mentionEntries}
            label="Mentions in this article"
            itemKey={(entry) => entry.record.id}
            estimate={40}
            activeIndex={focus?.kind === 'mention' ? mentionEntries.findIndex((entry) => entry.record.id === focus.id) : undefined}
            renderItem={({ record }) => (
              <button
                type="button"
                className={focus?.kind === 'mention' && focus.id === record.id ? 'tag-row is-focused' : 'tag-row'}
                aria-current={focus?.kind === 'mention' && focus.id === record.id ? 'true' : undefined}
                onClick={() => props.onFocus({ kind: 'mention', id: record.id })}
              >
                <span className="mention-badge" aria-hidden="true">
                  @
                </span>
                <span className="row-text">
                  <span className="row-title">{actorName(record.actorId)}</span>
                  <span className="row-detail" dir={article.direction}>
                    {excerpt(record.anchor.exact, 60)}
                  </span>
                </span>
              </button>
            )}
          />
        </section>
      )}

      {suggestions && suggestions.length > 0 && (
        <section className="panel-section" aria-labelledby="suggestions-heading">
          <div className="section-heading">
            <h3 id="suggestions-heading">Suggested mentions ({suggestions.length})</h3>
            <button type="button" className="link-button" onClick={props.onAcceptAllSuggestions}>
              Accept all
            </button>
          </div>
          <p className="muted small">Known names found in this text. Y accepts, X dismisses the current one.</p>
          <VirtualList
            items={suggestions}
            label="Suggested mentions"
            itemKey={(suggestion) => suggestion.key}
            activeIndex={focus?.kind === 'suggestion' ? suggestions.findIndex((suggestion) => suggestion.key === focus.key) : undefined}
            estimate={40}
            renderItem={(suggestion) => (
              <div className={focus?.kind === 'suggestion' && focus.key === suggestion.key ? 'suggestion-row is-focused' : 'suggestion-row'}>
                <button type="button" className="row-main" onClick={() => props.onFocus({ kind: 'suggestion', key: suggestion.key })}>
                  <span className="row-title">{actorName(suggestion.actorId)}</span>
                  <span className="row-detail">
                    “<bdi>{excerpt(article.body.slice(suggestion.start, suggestion.end), 40)}</bdi>”
                  </span>
                </button>
                <button type="button" className="icon-button accept" aria-label={`Accept ${actorName(suggestion.actorId)} at “${excerpt(article.body.slice(suggestion.start, suggestion.end), 40)}”`} onClick={() => props.onAcceptSuggestion(suggestion)}>
                  ✓
                </button>
                <button type="button" className="icon-button dismiss" aria-label={`Dismiss ${actorName(suggestion.actorId)} at “${excerpt(article.body.slice(suggestion.start, suggestion.end), 40)}”`} onClick={() => props.onDismissSuggestion(suggestion)}>
                  ×
                </button>
              </div>
            )}
          />
        </section>
      )}

      {orphanClaims.length + orphanMentions.length > 0 && (
        <section className="panel-section orphans" aria-labelledby="orphans-heading">
          <h3 id="orphans-heading">Orphaned tags ({orphanClaims.length + orphanMentions.length})</h3>
          <p className="small">Their words are no longer in this text. They are kept until you re-attach or delete them.</p>
          <ul className="tag-list" aria-label="Orphaned tags">
            {orphanClaims.map((claim) => (
              <li key={claim.id}>
                <button type="button" className="tag-row" onClick={() => props.onFocus({ kind: 'claim', id: claim.id })}>
                  <StanceBadge stance={claim.stance} />
                  <span className="row-text">
                    <span className="row-title">
                      {actorName(claim.actorId)} · {issueLabel(claim.issueId)}
                    </span>
                    <span className="row-detail">
                      “<bdi>{excerpt(claim.anchor.exact, 80)}</bdi>”
                    </span>
                  </span>
                </button>
              </li>
            ))}
            {orphanMentions.map((mention) => (
              <li key={mention.id}>
                <button type="button" className="tag-row" onClick={() => props.onFocus({ kind: 'mention', id: mention.id })}>
                  <span className="mention-badge" aria-hidden="true">
                    @
                  </span>
                  <span className="row-text">
                    <span className="row-title">{actorName(mention.actorId)}</span>
                    <span className="row-detail">
                      “<bdi>{excerpt(mention.anchor.exact, 60)}</bdi>”
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  )
}
