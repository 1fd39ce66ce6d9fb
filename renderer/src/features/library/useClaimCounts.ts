import { useSyncExternalStore } from 'react'
import { db } from '../../db/instance'
import { followKeyCounts } from '../../db/queries/keyCounts'

// Claims per article for the library table, followed for the app's lifetime from the first
// time the library shows: a claim saved or deleted moves one count (db/queries/keyCounts.ts)
// rather than re-reading every claim.

const EMPTY: ReadonlyMap<string, number> = new Map()
let counts = EMPTY
let started = false
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  if (!started) {
    started = true
    followKeyCounts(
      db,
      'claims',
      'articleId',
      (next) => {
        counts = next
        for (const notify of listeners) notify()
      },
      (error) => console.warn(`[library] claim counts: ${error instanceof Error ? error.message : String(error)}`),
    )
  }
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Claims per article, live. */
export function useClaimCounts(): ReadonlyMap<string, number> {
  return useSyncExternalStore(subscribe, () => counts)
}
