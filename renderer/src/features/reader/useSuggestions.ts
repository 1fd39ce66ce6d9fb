import { useEffect, useState } from 'react'
import type { Actor, Mention } from '../../domain/model'
import { findSuggestedMentions, type SuggestedMention } from '../../domain/suggestedMentions'
import type { SuggestionRequest, SuggestionResponse } from './suggestionProtocol'

let worker: Worker | null | undefined
let nextId = 1
const waiting = new Map<number, (response: SuggestionResponse) => void>()

/** One shared worker for the session; null where workers cannot start (then the main thread does it). */
function suggestionWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./suggestions.worker.ts', import.meta.url), { type: 'module', name: 'suggested-mentions' })
    worker.onmessage = (event: MessageEvent<SuggestionResponse>) => {
      waiting.get(event.data.id)?.(event.data)
      waiting.delete(event.data.id)
    }
    worker.onerror = () => {
      // A worker that fails to load answers nothing: fall back for good, and answer the waiting.
      worker?.terminate()
      worker = null
      for (const [id, resolve] of waiting) resolve({ id, error: 'worker failed' })
      waiting.clear()
    }
  } catch {
    worker = null
  }
  return worker
}

function requestSuggestions(request: Omit<SuggestionRequest, 'id'>): Promise<SuggestedMention[]> {
  const fallback = (): SuggestedMention[] => findSuggestedMentions(request.body, request.actors, { taken: request.taken, dismissed: new Set(request.dismissed) })
  const target = suggestionWorker()
  if (!target) return new Promise((resolve) => setTimeout(() => resolve(fallback()), 0))
  const id = nextId++
  return new Promise((resolve) => {
    waiting.set(id, (response) => resolve('suggestions' in response ? response.suggestions : fallback()))
    target.postMessage({ id, ...request } satisfies SuggestionRequest)
  })
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
