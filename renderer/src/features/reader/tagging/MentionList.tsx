import { VirtualList } from '../../../shared/ui/VirtualList'
import { useReaderSession } from '../ReaderSession'
import { excerpt, located } from './labels'

/** The article's mentions in reading order; shown once there is one. */
export function MentionList() {
  const { article, mentions, anchors, focus, actorName, focusAndScroll } = useReaderSession()
  if (mentions.length === 0) return null
  const entries = located(mentions, anchors)
  const orphans = mentions.filter((mention) => anchors.get(mention.id) === null).length
  return (
    <section className="panel-section" aria-labelledby="mentions-heading">
      <h3 id="mentions-heading">
        Mentions ({entries.length}
        {orphans > 0 && ` + ${orphans} orphaned`})
      </h3>
      <VirtualList
        items={entries}
        label="Mentions in this article"
        itemKey={(entry) => entry.record.id}
        estimate={40}
        activeIndex={focus?.kind === 'mention' ? entries.findIndex((entry) => entry.record.id === focus.id) : undefined}
        renderItem={({ record }) => (
          <button
            type="button"
            className={focus?.kind === 'mention' && focus.id === record.id ? 'tag-row is-focused' : 'tag-row'}
            aria-current={focus?.kind === 'mention' && focus.id === record.id ? 'true' : undefined}
            onClick={() => focusAndScroll({ kind: 'mention', id: record.id })}
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
  )
}
