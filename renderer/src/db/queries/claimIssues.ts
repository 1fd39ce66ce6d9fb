import type { Id } from '../../domain/model'
import type { StandpointDB } from '../database'
import { followKeyCounts } from './keyCounts'

// The Codebook's claim counts need each claim's issues (a claim counts once under an issue and
// its ancestors, however many of its issues lie below). They follow the change journal with the
// issue index's counts (keyCounts.ts): a claim saved reads that claim, not the index again.

/**
 * Calls `onLists` with every claim's issues, once read and after every write that changes
 * one. Returns the function that stops following.
 */
export function followClaimIssueLists(db: StandpointDB, onLists: (lists: readonly (readonly Id[])[]) => void, onError: (error: unknown) => void): () => void {
  return followKeyCounts(db, 'claims', 'issueIds', (_counts, _records, issuesByClaim) => onLists([...issuesByClaim.values()]), onError)
}
