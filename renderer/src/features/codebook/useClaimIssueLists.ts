import { followClaimIssueLists } from '../../db/queries/claimIssues'
import type { Id } from '../../domain/model'
import { useFollowed } from '../../shared/useFollowed'

/**
 * Every claim's issues, live while the screen shows (undefined until first read), and why they
 * could not be read (null while they could).
 */
export function useClaimIssueLists(): { lists: readonly (readonly Id[])[] | undefined; failed: string | null } {
  const { value, failed } = useFollowed(followClaimIssueLists, '[codebook] claim counts')
  return { lists: value, failed }
}
