import { useCallback, useSyncExternalStore } from 'react'
import type { SortingState } from '@tanstack/react-table'
import type { ActorKind, Id } from '../../domain/model'
import type { BucketSize } from '../../domain/positions/buckets'
import type { RowMode } from '../../domain/positions/rows'
import { db } from '../../db/instance'
import { readSetting, writeSetting } from '../../db/repositories/settings'
import { POSITIONS_VIEW } from '../../domain/settings'

// What the analyst has set up on the positions screen. It lives for the session outside the
// component, so a trip to the reader (a drill-down link) and back finds the same filters,
// sort and selection; the bucket size and row mode also persist in the
// workspace settings, for the next session.

export interface PositionsViewState {
  bucketSize: BucketSize
  mode: RowMode
  issueId: Id | null
  actorKind: ActorKind | null
  /** An article source (outlet), or null for all. */
  source: string | null
  from: string
  to: string
  actorText: string
  sorting: SortingState
  /** Row ids drawn in the timeline. */
  selected: string[]
}

export const DEFAULT_VIEW: PositionsViewState = {
  bucketSize: 'month',
  mode: 'actor-issue',
  issueId: null,
  actorKind: null,
  source: null,
  from: '',
  to: '',
  actorText: '',
  sorting: [],
  selected: [],
}

let state: PositionsViewState = DEFAULT_VIEW
let restored = false
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of listeners) listener()
}

export function updateViewState(patch: Partial<PositionsViewState>): void {
  const next = { ...state, ...patch }
  const persist = next.bucketSize !== state.bucketSize || next.mode !== state.mode
  state = next
  emit()
  if (persist) {
    // A preference, not data: failing to store it costs nothing the analyst would miss.
    writeSetting(db, POSITIONS_VIEW, { bucketSize: next.bucketSize, mode: next.mode }).catch(() => undefined)
  }
}

/** Reads the saved bucket size and row mode once per session. */
async function restoreOnce(): Promise<void> {
  if (restored) return
  restored = true
  try {
    const saved = await readSetting(db, POSITIONS_VIEW)
    if (!saved) return
    const patch: Partial<PositionsViewState> = {}
    if (saved.bucketSize) patch.bucketSize = saved.bucketSize
    if (saved.mode) patch.mode = saved.mode
    // Only if the analyst has not already changed them in this session.
    if (state.bucketSize === DEFAULT_VIEW.bucketSize && state.mode === DEFAULT_VIEW.mode) {
      state = { ...state, ...patch }
      emit()
    }
  } catch {
    // An unreadable preference leaves the defaults in place.
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  void restoreOnce()
  return () => listeners.delete(listener)
}

export function usePositionsViewState(): [PositionsViewState, (patch: Partial<PositionsViewState>) => void] {
  const current = useSyncExternalStore(subscribe, () => state)
  const update = useCallback((patch: Partial<PositionsViewState>) => updateViewState(patch), [])
  return [current, update]
}

export function filtersAreSet(view: PositionsViewState): boolean {
  return view.issueId !== null || view.actorKind !== null || view.source !== null || view.from !== '' || view.to !== '' || view.actorText.trim() !== ''
}
