import { liveQuery, type Subscription } from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'
import { useSyncExternalStore } from 'react'
import type { Actor, Id, Issue } from '../../domain/model'
import { positionInput, type PositionInput } from '../../domain/positions/aggregate'
import { CLAIM_SLICES, readClaimsInSlices } from '../../db/claimSlices'
import { db } from '../../db/instance'

// The live inputs of the positions table. Positions are derived, never stored: the query
// re-runs whenever a claim, actor, issue or article changes, and the table follows.
//
// Reading every claim is the slow part of opening the table (100,000 claims take a second or
// more to come out of IndexedDB), so the claims are read in slices, each cut down to what
// positions need while the next is read, with a progress bar meanwhile; and the subscription
// outlives the screen by a few minutes: going to the reader from a drill-down and back, or to
// the library and back, reopens the table from memory, still live.

export interface PositionsSource {
  claims: PositionInput[]
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

/** How far the current read has got, 0..1, or null when no read is under way. */
let readProgress: number | null = null
const progressListeners = new Set<() => void>()

function setReadProgress(value: number | null): void {
  readProgress = value
  for (const listener of progressListeners) listener()
}

/** The read's progress, for the screen shown while there is nothing else to show. */
export function useReadProgress(): number | null {
  return useSyncExternalStore(
    (listener) => {
      progressListeners.add(listener)
      return () => progressListeners.delete(listener)
    },
    () => readProgress,
  )
}

async function readSource(): Promise<PositionsSource> {
  // One read transaction, so claims, actors, issues and article dates are one moment's picture.
  // Being explicit also keeps it out of Dexie's live-query cache, which deep-copies every
  // result it hands out (a hundred thousand claims, every time the query runs).
  return db.transaction('r', [db.claims, db.actors, db.issues, db.articles], async () => {
    const claims: PositionInput[] = []
    let slices = 0
    setReadProgress(0)
    const [actors, issues, sourceKeys] = await Promise.all([
      db.actors.toArray(),
      db.issues.toArray(),
      // Articles hold whole texts: read only their sources (an index walk) and, for the rare
      // claim with no date of its own, its article's date.
      db.articles.orderBy('source').uniqueKeys(),
      readClaimsInSlices(db, (slice) => {
        for (const claim of slice) claims.push(positionInput(claim))
        setReadProgress(++slices / CLAIM_SLICES)
      }),
    ])
    const undatedArticleIds = [...new Set(claims.filter((claim) => !claim.date).map((claim) => claim.articleId))]
    const articleDates = new Map<Id, string>()
    if (undatedArticleIds.length > 0) {
      const articles = await db.articles.bulkGet(undatedArticleIds)
      for (const article of articles) if (article) articleDates.set(article.id, article.publishedAt)
    }
    const sources = sourceKeys.filter((key): key is string => typeof key === 'string' && key.trim() !== '')
    return { claims, actors, issues, sources, articleDates }
  }).finally(() => setReadProgress(null))
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
