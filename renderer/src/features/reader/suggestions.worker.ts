// Finds suggested mentions off the main thread: folding a long article and scanning it for
// every known name takes tens of milliseconds, which the reader must not spend while the
// coder types or scrolls.
import type { TextSpan } from '../../domain/anchoring'
import type { Actor } from '../../domain/model'
import { findSuggestedMentions, type SuggestedMention } from '../../domain/suggestedMentions'
import { foldWithMap, type FoldedText } from '../../domain/text/folding'
import { serveWorker } from '../../platform/workers'

let cached: { body: string; folded: FoldedText } | null = null

const api = {
  async find(body: string, actors: readonly Actor[], taken: readonly TextSpan[], dismissed: readonly string[]): Promise<SuggestedMention[]> {
    if (cached?.body !== body) cached = { body, folded: foldWithMap(body) }
    return findSuggestedMentions(body, actors, { taken, dismissed: new Set(dismissed), folded: cached.folded })
  },
}

export type SuggestionsWorker = typeof api

serveWorker(api)
