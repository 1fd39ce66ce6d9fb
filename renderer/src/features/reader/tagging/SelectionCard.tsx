import { useReaderSession } from '../ReaderSession'
import { excerpt } from './labels'

/** The selected words and the two ways to tag them. */
export function SelectionCard() {
  const { article, selection, actions } = useReaderSession()
  return (
    <section className="panel-section selection-section" aria-label="Selection">
      {selection ? (
        <p className="selection-quote" dir={article.direction}>
          “{excerpt(article.body.slice(selection.start, selection.end), 140)}”
        </p>
      ) : (
        <p className="muted selection-hint">Select words in the article (mouse, Shift+arrows, or / to find them), then tag them.</p>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={!selection} onClick={() => actions.startTagging('tag-actor')} aria-keyshortcuts="A">
          Tag actor
          <kbd aria-hidden="true">A</kbd>
        </button>
        <button type="button" className="primary" disabled={!selection} onClick={() => actions.startTagging('tag-claim')} aria-keyshortcuts="C">
          Tag claim
          <kbd aria-hidden="true">C</kbd>
        </button>
      </div>
    </section>
  )
}
