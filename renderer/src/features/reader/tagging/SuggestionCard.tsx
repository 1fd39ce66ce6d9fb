import type { SuggestedMention } from '../../../domain/suggestedMentions'
import { useReaderSession } from '../ReaderSession'

/** The selected suggestion: whose name was found, as which words, and Accept / Dismiss. */
export function SuggestionCard({ suggestion }: { suggestion: SuggestedMention }) {
  const { actorName, actions } = useReaderSession()
  const name = actorName(suggestion.actorId)
  return (
    <section className="panel-section focus-card" aria-label="Selected suggestion">
      <p>
        Suggested mention of <strong>{name}</strong>
        {suggestion.matched !== name && <> (as “{suggestion.matched}”)</>}.
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void actions.acceptSuggestion(suggestion)} aria-keyshortcuts="Y">
          Accept
          <kbd aria-hidden="true">Y</kbd>
        </button>
        <button type="button" onClick={() => void actions.dismissSuggestion(suggestion)} aria-keyshortcuts="X">
          Dismiss
          <kbd aria-hidden="true">X</kbd>
        </button>
      </div>
    </section>
  )
}
