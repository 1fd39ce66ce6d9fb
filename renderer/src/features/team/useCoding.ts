import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { db } from '../../db/instance'
import { readCoderState, readViewerContext, type CoderState } from '../../db/team/coders'
import { claimVisibility, type CodedRecord } from '../../domain/coding/visibility'
import type { Coder, Id } from '../../domain/model'

const NO_CODERS: CoderState = { coders: [], current: null, confirmed: true }

/** The workspace's coders and who codes here, kept live; undefined until read. */
export function useCoderState(): CoderState | undefined {
  return useLiveQuery(() => readCoderState(db), [])
}

/** The coders by id, for names and colours. */
export function useCodersById(): ReadonlyMap<Id, Coder> {
  const state = useCoderState() ?? NO_CODERS
  return useMemo(() => new Map(state.coders.map((coder) => [coder.id, coder])), [state.coders])
}

export interface CodingView {
  /** False until the viewer and the assignments are read: screens wait rather than flash hidden coding. */
  ready: boolean
  viewer: Coder | null
  /** Whether the person here may see a claim or mention (blind coding). */
  visible: (record: CodedRecord) => boolean
  /** True when blind coding hides some coders' work from the person here. */
  blind: boolean
}

const SEES_NOTHING = (): boolean => false

/** What blind coding lets the person at this machine see, kept live. */
export function useCodingView(): CodingView {
  const context = useLiveQuery(() => readViewerContext(db), [])
  return useMemo(() => {
    if (!context) return { ready: false, viewer: null, visible: SEES_NOTHING, blind: false }
    const visible = claimVisibility(context.viewer, context.assignments)
    const viewer = context.viewer
    const blind = viewer !== null && viewer.role !== 'lead' && context.assignments.some((assignment) => assignment.blind && assignment.coderIds.includes(viewer.id))
    return { ready: true, viewer, visible, blind }
  }, [context])
}
