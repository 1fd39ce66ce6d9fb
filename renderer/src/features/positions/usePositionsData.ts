import { useLiveQuery } from 'dexie-react-hooks'
import { useSyncExternalStore } from 'react'
import type { Id } from '../../domain/model'
import { db } from '../../db/instance'
import { watchQuery } from '../../db/live'
import { articleIdsFromSource, readPositionsSource, type PositionsSource } from '../../db/queries/positions'

// The live inputs of the positions table. Positions are derived, never stored: the query
// re-runs whenever a claim, actor, issue or article changes, and the table follows.
//
// Reading every claim is the slow part of opening the table (100,000 claims take a second or
// more to come out of IndexedDB), so the claims are read in slices, each cut down to what
// positions need while the next is read, with a progress bar meanwhile; and the subscription
// outlives the screen by a few minutes: going to the reader from a drill-down and back, or to
// the library and back, reopens the table from memory, still live.

export type { PositionsSource }

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

function readSource(): Promise<PositionsSource> {
  return readPositionsSource(db, setReadProgress).finally(() => setReadProgress(null))
}

/** How long the data stays subscribed after the positions screen closes. */
const KEEP_MS = 5 * 60_000

let state: SourceState = { source: undefined, error: null }
let unsubscribe: (() => void) | null = null
let releaseTimer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  clearTimeout(releaseTimer)
  unsubscribe ??= watchQuery(readSource, {
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
      unsubscribe?.()
      unsubscribe = null
      state = { source: undefined, error: null }
    }, KEEP_MS)
  }
}

export function usePositionsSource(): SourceState {
  return useSyncExternalStore(subscribe, () => state)
}

/** The ids of the articles from one source, or null when no source is chosen. */
export function useSourceArticleIds(source: string | null): Set<Id> | null | undefined {
  return useLiveQuery(() => (source === null ? null : articleIdsFromSource(db, source)), [source])
}
