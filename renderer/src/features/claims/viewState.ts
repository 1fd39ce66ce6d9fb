import { useCallback, useSyncExternalStore } from 'react'
import { db } from '../../db/instance'
import { writeSetting } from '../../db/repositories/settings'
import { NO_FILTERS, type ClaimFilters } from '../../domain/claims/filter'
import { CLAIMS_TABLE_VIEW, DEFAULT_TABLE_VIEW, type ClaimsTableView } from '../../domain/claims/view'
import { NO_SELECTION, type Selection } from '../../domain/claims/selection'
import { readSavedClaimsView } from './savedView'

// What the analyst has set up on the claims screen. Filters, the claim set and the selection
// live for the session (a trip to the reader and back finds them); columns, widths and the
// sort are also kept in the workspace settings for the next session.

/** 'all', 'adjudicated', or 'coder:<id>': the `Claims shown` choice. */
export type ClaimSetChoice = string

export interface ClaimsViewState extends ClaimsTableView {
  filters: ClaimFilters
  claimSet: ClaimSetChoice
  selection: Selection
}

let state: ClaimsViewState = { ...DEFAULT_TABLE_VIEW, filters: NO_FILTERS, claimSet: 'all', selection: NO_SELECTION }
let restored = false
let saveTimer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of listeners) listener()
}

function persist(): void {
  // Dragging a column edge changes its width many times a second: store the last one.
  clearTimeout(saveTimer)
  saveTimer = setTimeout(() => {
    const { visibility, widths, sorting } = state
    // A preference, not data: failing to store it costs nothing the analyst would miss.
    writeSetting(db, CLAIMS_TABLE_VIEW, { visibility, widths, sorting }).catch(() => undefined)
  }, 400)
}

export function updateClaimsView(patch: Partial<ClaimsViewState>): void {
  state = { ...state, ...patch }
  emit()
  if ('visibility' in patch || 'widths' in patch || 'sorting' in patch) persist()
}

async function restoreOnce(): Promise<void> {
  if (restored) return
  restored = true
  try {
    // Asked for as the app starts (savedView.ts): usually read by now.
    const saved = await readSavedClaimsView()
    if (saved) {
      state = { ...state, visibility: saved.visibility, widths: saved.widths, sorting: saved.sorting }
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

export function useClaimsView(): [ClaimsViewState, (patch: Partial<ClaimsViewState>) => void] {
  const current = useSyncExternalStore(subscribe, () => state)
  const update = useCallback((patch: Partial<ClaimsViewState>) => updateClaimsView(patch), [])
  return [current, update]
}
