import type { Claim, Id } from '../model'

// Which claims a screen counts once several coders have coded the same texts: all of them, only
// the adjudicated results, or one coder's own coding. Applied after visibility.

export type ClaimSet = { kind: 'all' } | { kind: 'adjudicated' } | { kind: 'coder'; coderId: Id }

export const ALL_CLAIMS: ClaimSet = { kind: 'all' }

/** An adjudicated claim: decided from other coders' claims, which it lists. */
export function isAdjudicated(claim: Pick<Claim, 'adjudicatedFrom'>): boolean {
  return claim.adjudicatedFrom.length > 0
}

/**
 * Whether a claim belongs to the set. A coder's set is what that coder coded; an adjudicated
 * claim is a result, not coding, so it is in the adjudicated set and no coder's.
 */
export function inClaimSet(set: ClaimSet): (claim: Pick<Claim, 'coderId' | 'adjudicatedFrom'>) => boolean {
  switch (set.kind) {
    case 'all':
      return () => true
    case 'adjudicated':
      return isAdjudicated
    case 'coder': {
      const { coderId } = set
      return (claim) => claim.coderId === coderId && !isAdjudicated(claim)
    }
  }
}
