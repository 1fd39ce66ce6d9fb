import { StanceBadge } from '../../../shared/ui/StanceBadge'
import { useReaderSession } from '../ReaderSession'
import { excerpt } from './labels'

/** Claims and mentions whose words are no longer in the text, kept until re-attached or deleted. */
export function OrphanList() {
  const { claims, mentions, anchors, actorName, issueLabel, focusAndScroll } = useReaderSession()
  const orphanClaims = claims.filter((claim) => anchors.get(claim.id) === null)
  const orphanMentions = mentions.filter((mention) => anchors.get(mention.id) === null)
  if (orphanClaims.length + orphanMentions.length === 0) return null
  return (
    <section className="panel-section orphans" aria-labelledby="orphans-heading">
      <h3 id="orphans-heading">Orphaned tags ({orphanClaims.length + orphanMentions.length})</h3>
      <p className="small">Their words are no longer in this text. They are kept until you re-attach or delete them.</p>
      <ul className="tag-list" aria-label="Orphaned tags">
        {orphanClaims.map((claim) => (
          <li key={claim.id}>
            <button type="button" className="tag-row" onClick={() => focusAndScroll({ kind: 'claim', id: claim.id })}>
              <StanceBadge stance={claim.stance} />
              <span className="row-text">
                <span className="row-title">
                  {actorName(claim.actorId)} · {issueLabel(claim.issueIds)}
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
            <button type="button" className="tag-row" onClick={() => focusAndScroll({ kind: 'mention', id: mention.id })}>
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
  )
}
