import { VirtualList } from '../../../shared/ui/VirtualList'
import { useReaderSession } from '../ReaderSession'
import { excerpt } from './labels'

/** Known names found in the text, each with Accept and Dismiss; Accept all takes every one. */
export function SuggestionList() {
  const { article, suggestions, focus, actorName, focusAndScroll, actions } = useReaderSession()
  if (!suggestions || suggestions.length === 0) return null
  const words = (suggestion: (typeof suggestions)[number]): string => excerpt(article.body.slice(suggestion.start, suggestion.end), 40)
  return (
    <section className="panel-section" aria-labelledby="suggestions-heading">
      <div className="section-heading">
        <h3 id="suggestions-heading">Suggested mentions ({suggestions.length})</h3>
        <button type="button" className="link-button" onClick={() => void actions.acceptAllSuggestions()}>
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
            <button type="button" className="row-main" onClick={() => focusAndScroll({ kind: 'suggestion', key: suggestion.key })}>
              <span className="row-title">{actorName(suggestion.actorId)}</span>
              <span className="row-detail">
                “<bdi>{words(suggestion)}</bdi>”
              </span>
            </button>
            <button type="button" className="icon-button accept" aria-label={`Accept ${actorName(suggestion.actorId)} at “${words(suggestion)}”`} onClick={() => void actions.acceptSuggestion(suggestion)}>
              ✓
            </button>
            <button type="button" className="icon-button dismiss" aria-label={`Dismiss ${actorName(suggestion.actorId)} at “${words(suggestion)}”`} onClick={() => void actions.dismissSuggestion(suggestion)}>
              ×
            </button>
          </div>
        )}
      />
    </section>
  )
}
