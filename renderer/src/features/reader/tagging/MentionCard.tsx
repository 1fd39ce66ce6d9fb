import type { Mention } from '../../../domain/model'
import { useReaderSession } from '../ReaderSession'
import { anchorNote, excerpt } from './labels'

/** The selected mention: which actor, its words, and its actions. */
export function MentionCard({ mention }: { mention: Mention }) {
  const { article, actors, anchors, selection, actorName, actions } = useReaderSession()
  const span = anchors.get(mention.id)
  const note = anchorNote(span, mention.anchor.exact, article.body)
  return (
    <section className="panel-section focus-card" aria-label="Selected mention">
      <header className="focus-card-header">
        <span className="mention-badge" aria-hidden="true">
          @
        </span>
        <div>
          <strong>{actorName(mention.actorId)}</strong>
          <span className="muted"> ({actors.find((actor) => actor.id === mention.actorId)?.kind ?? 'unknown'}) mentioned</span>
        </div>
      </header>
      <blockquote className="card-quote" dir={article.direction}>
        {excerpt(mention.anchor.exact, 200)}
      </blockquote>
      {note && (
        <p className="anchor-note" role="note">
          {note}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={() => actions.editMention(mention)} aria-keyshortcuts="E">
          Change actor
        </button>
        {span === null && (
          <button type="button" disabled={!selection} onClick={() => void actions.reattach({ kind: 'mention', mention })}>
            Re-attach to selection
          </button>
        )}
        <button type="button" className="danger" onClick={() => void actions.removeMention(mention)} aria-keyshortcuts="Delete">
          Delete mention
        </button>
      </div>
    </section>
  )
}
