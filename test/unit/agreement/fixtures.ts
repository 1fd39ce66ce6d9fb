import type { CodedClaim } from '../../../renderer/src/domain/agreement/units'

/** A claim with defaults for what a test does not care about. */
export function coded(partial: Partial<CodedClaim> & Pick<CodedClaim, 'id' | 'coderId'>): CodedClaim {
  return { articleId: 'art', actorId: 'actor', issueIds: ['issue'], stance: 0, start: 0, end: 10, ...partial }
}
