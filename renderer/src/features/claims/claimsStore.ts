import { useSyncExternalStore } from 'react'
import { db } from '../../db/instance'
import { watchQuery } from '../../db/live'
import { readClaimsViewer, type ClaimsViewer } from '../../db/queries/claimsTable'
import { ClaimsSource, type ClaimsSourceState } from './claimsSource'

// The window's one copy of the claims table's data. It stays in memory (and in step) for a few
// minutes after the screen closes, so a trip to the reader from a row and back reopens the
// table at once; following the journal costs one small read per write meanwhile.

const KEEP_MS = 5 * 60_000

const listeners = new Set<() => void>()
const emit = (): void => {
  for (const listener of listeners) listener()
}

let source: ClaimsSource | null = null
// The current coder, coders and assignments are kept with the claims: a warm open must not wait
// on an IndexedDB read (behind whatever another screen left running) to show claims in memory.
let viewer: ClaimsViewer | undefined
let stopViewer: (() => void) | null = null
let releaseTimer: ReturnType<typeof setTimeout> | undefined
const EMPTY: ClaimsSourceState = { data: null, coders: [], progress: null, error: null, applied: 0, reads: 0 }

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  clearTimeout(releaseTimer)
  if (!source) {
    source = new ClaimsSource(db, emit)
    void source.start()
    stopViewer = watchQuery(() => readClaimsViewer(db), {
      next: (value) => {
        viewer = value
        emit()
      },
      // The source reports read failures; a failed viewer read leaves the last one shown.
      error: () => undefined,
    })
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size > 0) return
    releaseTimer = setTimeout(() => {
      source?.stop()
      source = null
      stopViewer?.()
      stopViewer = null
      viewer = undefined
    }, KEEP_MS)
  }
}

export function useClaimsSource(): ClaimsSourceState {
  return useSyncExternalStore(subscribe, () => source?.state ?? EMPTY)
}

/** The current coder, the coders and the assignments, live (small tables), kept like the claims. */
export function useClaimsViewer(): ClaimsViewer | undefined {
  return useSyncExternalStore(subscribe, () => viewer)
}
