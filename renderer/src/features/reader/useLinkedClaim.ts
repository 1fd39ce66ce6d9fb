import { useEffect, useRef, type RefObject } from 'react'
import type { Claim } from '../../domain/model'
import { notify } from '../../shared/notices'
import type { Focus } from './focus'
import { scrollSpanIntoView } from './text/domRanges'
import type { ResolvedAnchors } from './useResolvedAnchors'

/**
 * #/library/article/<id>?claim=<claimId>: scrolls to that claim and selects it, once. Returns
 * the linked claim (its paragraph is drawn first).
 */
export function useLinkedClaim(claimParam: string | null, claims: readonly Claim[], anchors: ResolvedAnchors, ready: boolean, textRef: RefObject<HTMLElement | null>, setFocus: (focus: Focus) => void): Claim | undefined {
  const handledParam = useRef<string | null>(null)
  const linkedClaim = claimParam ? claims.find((claim) => claim.id === claimParam) : undefined
  const linkedState = linkedClaim ? anchors.get(linkedClaim.id) : undefined
  useEffect(() => {
    if (!claimParam || handledParam.current === claimParam || !ready) return
    if (!linkedClaim) {
      handledParam.current = claimParam
      notify('warning', 'The linked claim is no longer in this article.')
      return
    }
    if (linkedState === undefined) return
    // In the frame after the text is drawn, so there is something to scroll to. Marked as done
    // only then: a re-run that cancels this frame schedules its own.
    const frame = requestAnimationFrame(() => {
      const root = textRef.current
      if (!root) return
      handledParam.current = claimParam
      setFocus({ kind: 'claim', id: linkedClaim.id })
      if (linkedState) scrollSpanIntoView(root, linkedState)
    })
    return () => cancelAnimationFrame(frame)
  }, [claimParam, linkedClaim, linkedState, ready, textRef, setFocus])
  return linkedClaim
}
