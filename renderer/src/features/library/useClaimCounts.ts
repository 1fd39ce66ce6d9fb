import { useSyncExternalStore } from 'react'
import { db } from '../../db/instance'
import { watchQuery } from '../../db/live'
import { followKeyCounts } from '../../db/queries/keyCounts'
import { readViewerContext } from '../../db/team/coders'
import { claimVisibility, visibilityKey } from '../../domain/coding/visibility'
import { errorText } from '../../domain/errorText'

// Claims per article for the library table (and the claims the status bar counts), followed
// for the app's lifetime from the first time either shows: a claim saved or deleted moves one
// count (db/queries/keyCounts.ts) rather than re-reading every claim. Under blind coding only
// the claims the person here may see are counted; a change of coder or of assignments starts
// the count again, showing nothing meanwhile rather than someone else's coding.

interface ClaimCounts {
  perArticle: ReadonlyMap<string, number>
  /** Claims counted; null until the first count. */
  total: number | null
  /** Why counting failed (the counts shown may be wrong); null while it has not. */
  failed: string | null
}

const EMPTY: ClaimCounts = { perArticle: new Map(), total: null, failed: null }
let state = EMPTY
let started = false
const listeners = new Set<() => void>()

function publish(next: ClaimCounts): void {
  state = next
  for (const notify of listeners) notify()
}

function start(): void {
  let key: string | null = null
  let stopCounting: (() => void) | null = null
  watchQuery(() => readViewerContext(db), {
    next: (context) => {
      const nextKey = visibilityKey(context.viewer, context.assignments)
      if (nextKey === key) return
      key = nextKey
      stopCounting?.()
      publish(EMPTY)
      const visible = nextKey === '' ? undefined : claimVisibility(context.viewer, context.assignments)
      stopCounting = followKeyCounts(db, 'claims', 'articleId', (perArticle, total) => publish({ perArticle, total, failed: state.failed }), report, visible)
    },
    // The count is started again at the next read of who is coding, even for the same coder.
    error: (error) => {
      key = null
      report(error)
    },
  })
}

function report(error: unknown): void {
  const message = errorText(error)
  console.warn(`[library] claim counts: ${message}`)
  publish({ ...state, failed: message })
}

function subscribe(listener: () => void): () => void {
  if (!started) {
    started = true
    start()
  }
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Claims per article the person here may see, live. */
export function useClaimCounts(): ReadonlyMap<string, number> {
  return useSyncExternalStore(subscribe, () => state.perArticle)
}

/** Why the claims could not be counted, or null. */
export function useClaimCountsFailure(): string | null {
  return useSyncExternalStore(subscribe, () => state.failed)
}

/** How many claims the person here may see, live; null until counted. */
export function useVisibleClaimTotal(): number | null {
  return useSyncExternalStore(subscribe, () => state.total)
}
