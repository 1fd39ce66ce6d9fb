import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { db } from '../../db/instance'
import { rejectedUnits } from '../../db/team/adjudication'
import { isAdjudicated } from '../../domain/coding/claimSet'
import type { Claim, Coder, Id, Mention } from '../../domain/model'
import { useCoderState, useCodingView } from './useCoding'

// What the reader shows under team coding. Blind coding first: a coder in a blind assignment
// sees only their own claims and mentions on its articles. Then a comparison, opened from a
// disagreement (#/library/article/<id>?compare=<coder>,<coder>&unit=<claim>+<claim>): only the
// compared coders' claims and the adjudicated ones, each highlight in its coder's colour and
// labelled with their name.

/** Who a highlight belongs to in a comparison. */
export interface CoderMark {
  name: string
  color: string
}

export const ADJUDICATED_MARK: CoderMark = { name: 'Adjudicated', color: '#5b3f8c' }

export interface ReaderCoding {
  ready: boolean
  showClaim: (claim: Claim) => boolean
  showMention: (mention: Mention) => boolean
  /** In a comparison, the mark of a claim's coder; null outside one. */
  markOf: (claim: Claim) => CoderMark | null
  /** The comparison asked for by the link, if any. */
  compare: { coders: Coder[]; unit: Id[] } | null
  /** Blind coding hides other coders' work on this article from the person here. */
  blind: boolean
  rejectedUnits: ReadonlySet<string>
}

const NONE = new Set<string>()

export function useReaderCoding(articleId: Id, params: URLSearchParams): ReaderCoding {
  const view = useCodingView()
  const state = useCoderState()
  const rejected = useLiveQuery(() => rejectedUnits(db), [], NONE)
  const compareParam = params.get('compare') ?? ''
  const unitParam = params.get('unit') ?? ''
  return useMemo(() => {
    const coders = new Map((state?.coders ?? []).map((coder) => [coder.id, coder]))
    const compared = compareParam === '' ? [] : compareParam.split(',').flatMap((id) => coders.get(id) ?? [])
    const comparing = compared.length > 0
    const comparedIds = new Set(compared.map((coder) => coder.id))
    const blind = view.blind && !view.visible({ articleId, coderId: '\u0000someone else' })
    return {
      ready: view.ready && state !== undefined,
      showClaim: (claim) => view.visible(claim) && (!comparing || comparedIds.has(claim.coderId) || isAdjudicated(claim)),
      showMention: (mention) => view.visible(mention) && (!comparing || comparedIds.has(mention.coderId)),
      markOf: (claim) => {
        if (!comparing) return null
        if (isAdjudicated(claim)) return ADJUDICATED_MARK
        const coder = coders.get(claim.coderId)
        return coder ? { name: coder.name, color: coder.color } : { name: 'Unknown coder', color: '#6b7280' }
      },
      compare: comparing ? { coders: compared, unit: unitParam === '' ? [] : unitParam.split('+') } : null,
      blind,
      rejectedUnits: rejected,
    }
  }, [view, state, compareParam, unitParam, articleId, rejected])
}
