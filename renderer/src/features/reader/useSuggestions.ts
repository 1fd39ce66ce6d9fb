import { useEffect, useState } from 'react'
import * as v from 'valibot'
import type { TextSpan } from '../../domain/anchoring'
import type { Actor, Mention } from '../../domain/model'
import { findSuggestedMentions, SuggestedMentionSchema, type SuggestedMention } from '../../domain/suggestedMentions'
import { connectWorker, type WorkerApi } from '../../platform/workers'
import type { SuggestionsWorker } from './suggestions.worker'

let worker: WorkerApi<SuggestionsWorker> | null | undefined

/** One shared worker for the session; null where workers cannot start (then the main thread does it). */
function suggestionWorker(): WorkerApi<SuggestionsWorker> | null {
  if (worker !== undefined) return worker
  try {
    const started = new Worker(new URL('./suggestions.worker.ts', import.meta.url), { type: 'module', name: 'suggested-mentions' })
    // A worker that fails to load answers nothing: its waiting calls fail (and fall back), and so do later ones.
    const connection = connectWorker<SuggestionsWorker>(started, { name: 'suggestions', onCrash: () => (worker = null) })
    worker = connection.api
  } catch {
    worker = null
  }
  return worker
}

interface SuggestionRequest {
  body: string
  actors: readonly Actor[]
  taken: readonly TextSpan[]
  dismissed: readonly string[]
}

/** Accepting a suggestion writes a mention at its span: only spans inside this text pass. */
const answerFor = (body: string) =>
  v.array(
    v.pipe(
      SuggestedMentionSchema,
      v.check((suggestion) => suggestion.end <= body.length, 'lies outside the article'),
    ),
  )

function requestSuggestions(request: SuggestionRequest): Promise<SuggestedMention[]> {
  const fallback = (): SuggestedMention[] => findSuggestedMentions(request.body, request.actors, { taken: request.taken, dismissed: new Set(request.dismissed) })
  const target = suggestionWorker()
  if (!target) return new Promise((resolve) => setTimeout(() => resolve(fallback()), 0))
  return target.find(request.body, request.actors, request.taken, request.dismissed).then(
    (suggestions) => {
      const checked = v.safeParse(answerFor(request.body), suggestions)
      return checked.success ? checked.output : fallback()
    },
    () => fallback(),
  )
}

/**
 * Names and aliases of known actors found in the article, offered as mentions. Found in a
 * worker after the article is on screen; null until the first answer.
 */
export function useSuggestions(body: string, actors: readonly Actor[] | undefined, mentions: readonly Mention[] | undefined, dismissed: readonly string[] | undefined): SuggestedMention[] | null {
  const [result, setResult] = useState<{ body: string; suggestions: SuggestedMention[] } | null>(null)
  useEffect(() => {
    if (!actors || !mentions || !dismissed) return
    let current = true
    void requestSuggestions({ body, actors, taken: mentions.map((mention) => mention.anchor), dismissed }).then((suggestions) => {
      if (current) setResult({ body, suggestions })
    })
    return () => {
      current = false
    }
  }, [body, actors, mentions, dismissed])
  return result?.body === body ? result.suggestions : null
}
