import { liveQuery, type Subscription } from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'
import { useSyncExternalStore } from 'react'
import type { Actor, Claim, Id, Issue } from '../../domain/model'
import { db } from '../../db/instance'

// The live inputs of the positions table. Positions are derived, never stored: the query
// re-runs whenever a claim, actor, issue or article changes, and the table follows.
//
// Reading every claim is the slow part of opening the table (100,000 claims take a second or
// more to come out of IndexedDB), so the subscription outlives the screen by a few minutes:
// going to the reader from a drill-down and back, or to the library and back, reopens the
// table from memory, still live.

export interface PositionsSource {
  claims: Claim[]
  actors: Actor[]
  issues: Issue[]
  /** Every article source (outlet) in the workspace, for the Source filter. */
  sources: string[]
  /** Publication dates of the articles behind undated claims (the only ones needed). */
  articleDates: Map<Id, string>
}

export interface SourceState {
  source: PositionsSource | undefined
  error: unknown
}

async function readSource(): Promise<PositionsSource> {
  // Articles hold whole texts: read only their sources (an index walk) and, for the rare
  // claim with no date of its own, its article's date.
  const [claims, actors, issues, sourceKeys] = await Promise.all([
    db.claims.toArray(),
    db.actors.toArray(),
    db.issues.toArray(),
    db.articles.orderBy('source').uniqueKeys(),
  ])
  const undatedArticleIds = [...new Set(claims.filter((claim) => !claim.date).map((claim) => claim.articleId))]
  const articleDates = new Map<Id, string>()
  if (undatedArticleIds.length > 0) {
    const articles = await db.articles.bulkGet(undatedArticleIds)
    for (const article of articles) if (article) articleDates.set(article.id, article.publishedAt)
  }
  const sources = sourceKeys.filter((key): key is string => typeof key === 'string' && key.trim() !== '')
  return { claims, actors, issues, sources, articleDates }
}

/** How long the data stays subscribed after the positions screen closes. */
const KEEP_MS = 5 * 60_000

let state: SourceState = { source: undefined, error: null }
let subscription: Subscription | null = null
let releaseTimer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  clearTimeout(releaseTimer)
  subscription ??= liveQuery(readSource).subscribe({
    next: (source) => {
      state = { source, error: null }
      emit()
    },
    error: (error: unknown) => {
      state = { source: state.source, error }
      emit()
    },
  })
  return () => {
    listeners.delete(listener)
    if (listeners.size > 0) return
    releaseTimer = setTimeout(() => {
      subscription?.unsubscribe()
      subscription = null
      state = { source: undefined, error: null }
    }, KEEP_MS)
  }
}

export function usePositionsSource(): SourceState {
  return useSyncExternalStore(subscribe, () => state)
}

/** The ids of the articles from one source, or null when no source is chosen. */
export function useSourceArticleIds(source: string | null): Set<Id> | null | undefined {
  return useLiveQuery(
    async () => (source === null ? null : new Set(await db.articles.where('source').equals(source).primaryKeys())),
    [source],
  )
}
