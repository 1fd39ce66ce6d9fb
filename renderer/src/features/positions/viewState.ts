import { useCallback, useSyncExternalStore } from 'react'
import type { SortingState } from '@tanstack/react-table'
import type { ActorKind, Id } from '../../domain/model'
import type { ClaimSet } from '../../domain/coding/claimSet'
import type { BucketSize } from '../../domain/positions/buckets'
import type { GroupBy, IssueLevel } from '../../domain/positions/grouping'
import type { RowMode } from '../../domain/positions/rows'
import { db } from '../../db/instance'
import { readSetting, writeSetting } from '../../db/repositories/settings'
import { POSITIONS_VIEW } from '../../domain/settings'

// What the analyst has set up on the positions screen: bucket, rows, grouping, issue level,
// claims shown, filters, sort and column widths. It lives outside the component, so a trip to
// the reader and back finds it as it was, and it is saved in the workspace settings (shortly
// after each change) for the next session. Only the rows ticked for the timeline are not kept.

export interface PositionsViewState {
  bucketSize: BucketSize
  mode: RowMode
  level: IssueLevel
  /** 'actor', 'kind' or 'attribute:<name>' (see groupByOf). */
  groupBy: string
  /** 'all', 'adjudicated' or 'coder:<id>' (see claimSetOf). */
  claimSet: string
  issueId: Id | null
  actorKind: ActorKind | null
  /** An article source (outlet), or null for all. */
  source: string | null
  from: string
  to: string
  actorText: string
  sorting: SortingState
  /** One issue: list the actors with no claim on it too. */
  showAll: boolean
  /** Hide empty periods; null: automatically, when more than about 40 would show. */
  onlyWithClaims: boolean | null
  /** Column widths the analyst dragged, by column id ('bucket' for every period column). */
  widths: Record<string, number>
  /** Row ids drawn in the timeline. */
  selected: string[]
}

export const DEFAULT_VIEW: PositionsViewState = {
  bucketSize: 'month',
  mode: 'actor-issue',
  level: 'coded',
  groupBy: 'actor',
  claimSet: 'all',
  issueId: null,
  actorKind: null,
  source: null,
  from: '',
  to: '',
  actorText: '',
  sorting: [],
  showAll: false,
  onlyWithClaims: null,
  widths: {},
  selected: [],
}

const ATTRIBUTE_PREFIX = 'attribute:'
const CODER_PREFIX = 'coder:'

export function groupByOf(value: string): GroupBy {
  if (value === 'kind') return { kind: 'kind' }
  if (value.startsWith(ATTRIBUTE_PREFIX) && value.length > ATTRIBUTE_PREFIX.length) return { kind: 'attribute', name: value.slice(ATTRIBUTE_PREFIX.length) }
  return { kind: 'actor' }
}

export function groupByValue(groupBy: GroupBy): string {
  return groupBy.kind === 'attribute' ? `${ATTRIBUTE_PREFIX}${groupBy.name}` : groupBy.kind
}

export function claimSetOf(value: string): ClaimSet {
  if (value === 'adjudicated') return { kind: 'adjudicated' }
  if (value.startsWith(CODER_PREFIX) && value.length > CODER_PREFIX.length) return { kind: 'coder', coderId: value.slice(CODER_PREFIX.length) }
  return { kind: 'all' }
}

export function claimSetValue(set: ClaimSet): string {
  return set.kind === 'coder' ? `${CODER_PREFIX}${set.coderId}` : set.kind
}

let state: PositionsViewState = DEFAULT_VIEW
let restored = false
let changedThisSession = false
let saveTimer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of listeners) listener()
}

function save(): void {
  const { selected: _selected, ...kept } = state
  // A preference, not data: failing to store it costs nothing the analyst would miss.
  writeSetting(db, POSITIONS_VIEW, kept).catch(() => undefined)
}

export function updateViewState(patch: Partial<PositionsViewState>): void {
  state = { ...state, ...patch }
  changedThisSession = true
  emit()
  if (Object.keys(patch).some((key) => key !== 'selected')) {
    clearTimeout(saveTimer)
    saveTimer = setTimeout(save, 400)
  }
}

/** Reads the saved setup once per session. */
async function restoreOnce(): Promise<void> {
  if (restored) return
  restored = true
  try {
    const saved = await readSetting(db, POSITIONS_VIEW)
    // Only if the analyst has not already changed something in this session.
    if (!saved || changedThisSession) return
    const patch: Partial<PositionsViewState> = {}
    for (const [key, value] of Object.entries(saved)) if (value !== undefined) (patch as Record<string, unknown>)[key] = value
    state = { ...state, ...patch }
    emit()
  } catch {
    // An unreadable preference leaves the defaults in place.
  }
}

/**
 * Reads the saved setup now (the app calls it as it starts): the screen's first render, and the
 * stored first screen it is matched against, then use the analyst's setup. Read on the screen's
 * first subscription instead, it came after the click, behind the start screen's reads (3-21 ms,
 * traced), and the first screen drawn from the defaults was thrown away.
 */
export function restorePositionsView(): void {
  void restoreOnce()
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

/** The filters that narrow the rows (not the bucket, rows, grouping, level or claims shown). */
export const CLEARED_FILTERS: Partial<PositionsViewState> = { actorKind: null, source: null, from: '', to: '', actorText: '' }

export function filtersAreSet(view: PositionsViewState): boolean {
  return view.issueId !== null || view.actorKind !== null || view.source !== null || view.from !== '' || view.to !== '' || view.actorText.trim() !== ''
}
