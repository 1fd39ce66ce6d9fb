import { StanceBadge } from '../../../shared/ui/StanceBadge'
import { VirtualList } from '../../../shared/ui/VirtualList'
import { useReaderSession } from '../ReaderSession'
import { excerpt, located } from './labels'

/** The article's claims in reading order; orphans are counted here and listed apart. */
export function ClaimList() {
  const { article, claims, anchors, focus, actorName, issueLabel, focusAndScroll } = useReaderSession()
  const entries = located(claims, anchors)
  const orphans = claims.filter((claim) => anchors.get(claim.id) === null).length
  return (
    <section className="panel-section" aria-labelledby="claims-heading">
      <h3 id="claims-heading">
        Claims ({entries.length}
        {orphans > 0 && ` + ${orphans} orphaned`})
      </h3>
      {claims.length === 0 ? (
        <p className="muted small">No claims yet. Select the words of a claim and press C.</p>
      ) : (
        <VirtualList
          items={entries}
          label="Claims in this article"
          itemKey={(entry) => entry.record.id}
          activeIndex={focus?.kind === 'claim' ? entries.findIndex((entry) => entry.record.id === focus.id) : undefined}
          renderItem={({ record, state }) => (
            <button
              type="button"
              className={focus?.kind === 'claim' && focus.id === record.id ? 'tag-row is-focused' : 'tag-row'}
              aria-current={focus?.kind === 'claim' && focus.id === record.id ? 'true' : undefined}
              onClick={() => focusAndScroll({ kind: 'claim', id: record.id })}
            >
              <StanceBadge stance={record.stance} />
              <span className="row-text">
                <span className="row-title">
                  <bdi>{actorName(record.actorId)}</bdi> · <bdi>{issueLabel(record.issueIds)}</bdi>
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
  )
}
