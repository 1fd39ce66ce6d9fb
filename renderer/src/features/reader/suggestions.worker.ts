// Finds suggested mentions off the main thread: folding a long article and scanning it for
// every known name takes tens of milliseconds, which the reader must not spend while the
// coder types or scrolls.
import { findSuggestedMentions, type SuggestedMention } from '../../domain/suggestedMentions'
import { foldWithMap, type FoldedText } from '../../domain/text/folding'
import type { SuggestionRequest, SuggestionResponse } from './suggestionProtocol'

let cached: { body: string; folded: FoldedText } | null = null

self.onmessage = (event: MessageEvent<SuggestionRequest>) => {
  const { id, body, actors, taken, dismissed } = event.data
  try {
    if (cached?.body !== body) cached = { body, folded: foldWithMap(body) }
    const suggestions: SuggestedMention[] = findSuggestedMentions(body, actors, { taken, dismissed: new Set(dismissed), folded: cached.folded })
    self.postMessage({ id, suggestions } satisfies SuggestionResponse)
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies SuggestionResponse)
  }
}
