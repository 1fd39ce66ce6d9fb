import { deleteEdit, putEdit, type RecordEdit } from './changeHistory'
import type { Actor, Claim, Id, Issue, Mention } from './model'

// Deleting an actor or an issue that claims still point to: the user chooses whether those
// claims move to another actor or issue, or go too. Nothing is left pointing at a record that
// no longer exists. Pure: returns the edits for one transaction.

export type ClaimDisposition = { kind: 'reassign'; to: Id } | { kind: 'delete' }

export interface DeletionPlan {
  edits: RecordEdit[]
  reassignedClaims: number
  deletedClaims: number
  reassignedMentions: number
  deletedMentions: number
  /** Claims that only named the deleted actor as addressee: they keep their claimant. */
  clearedAddressees: number
}

export function planActorDeletion(input: {
  actor: Actor
  /** Claims whose claimant or addressee is the actor. */
  claims: readonly Claim[]
  mentions: readonly Mention[]
  disposition: ClaimDisposition
  now: string
  /** The coder making the change, recorded as the editor of what moves. */
  by?: Id
}): DeletionPlan {
  const { actor, claims, mentions, disposition, now } = input
  const updatedBy = input.by ?? ''
  if (disposition.kind === 'reassign' && disposition.to === actor.id) {
    throw new Error('Choose another actor to take over the claims.')
  }
  const plan: DeletionPlan = { edits: [], reassignedClaims: 0, deletedClaims: 0, reassignedMentions: 0, deletedMentions: 0, clearedAddressees: 0 }
  for (const claim of claims) {
    const isClaimant = claim.actorId === actor.id
    const isAddressee = claim.addresseeId === actor.id
    if (!isClaimant && !isAddressee) continue
    if (isClaimant && disposition.kind === 'delete') {
      plan.deletedClaims++
      plan.edits.push(deleteEdit('claims', claim.id))
      continue
    }
    const to = disposition.kind === 'reassign' ? disposition.to : null
    if (isClaimant) plan.reassignedClaims++
    else if (to === null) plan.clearedAddressees++
    else plan.reassignedClaims++
    plan.edits.push(
      putEdit('claims', {
        ...claim,
        actorId: isClaimant && to !== null ? to : claim.actorId,
        addresseeId: isAddressee ? to : claim.addresseeId,
        updatedAt: now,
        updatedBy,
      }),
    )
  }
  for (const mention of mentions) {
    if (mention.actorId !== actor.id) continue
    if (disposition.kind === 'reassign') {
      plan.reassignedMentions++
      plan.edits.push(putEdit('mentions', { ...mention, actorId: disposition.to, updatedAt: now, updatedBy }))
    } else {
      plan.deletedMentions++
      plan.edits.push(deleteEdit('mentions', mention.id))
    }
  }
  plan.edits.push(deleteEdit('actors', actor.id))
  return plan
}

export interface IssueDeletionPlan {
  edits: RecordEdit[]
  reassignedClaims: number
  deletedClaims: number
  /** Claims that were also coded on other issues: they lose this one and keep the rest. */
  unlinkedClaims: number
  /** Sub-issues that now hang from the deleted issue's parent. */
  reparentedIssues: number
}

export function planIssueDeletion(input: {
  issue: Issue
  claims: readonly Claim[]
  /** Issues whose parent is the deleted one. */
  children: readonly Issue[]
  disposition: ClaimDisposition
  now: string
  by?: Id
}): IssueDeletionPlan {
  const { issue, claims, children, disposition, now } = input
  const updatedBy = input.by ?? ''
  if (disposition.kind === 'reassign' && disposition.to === issue.id) {
    throw new Error('Choose another issue to take over the claims.')
  }
  const plan: IssueDeletionPlan = { edits: [], reassignedClaims: 0, deletedClaims: 0, unlinkedClaims: 0, reparentedIssues: 0 }
  for (const claim of claims) {
    if (!claim.issueIds.includes(issue.id)) continue
    if (disposition.kind === 'reassign') {
      plan.reassignedClaims++
      plan.edits.push(putEdit('claims', { ...claim, issueIds: replaceIssue(claim.issueIds, issue.id, disposition.to), updatedAt: now, updatedBy }))
    } else if (claim.issueIds.length > 1) {
      // A claim coded on other issues too still says something about them.
      plan.unlinkedClaims++
      plan.edits.push(putEdit('claims', { ...claim, issueIds: claim.issueIds.filter((id) => id !== issue.id), updatedAt: now, updatedBy }))
    } else {
      plan.deletedClaims++
      plan.edits.push(deleteEdit('claims', claim.id))
    }
  }
  for (const child of children) {
    if (child.parentId !== issue.id) continue
    plan.reparentedIssues++
    plan.edits.push(putEdit('issues', { ...child, parentId: issue.parentId, updatedAt: now, updatedBy }))
  }
  plan.edits.push(deleteEdit('issues', issue.id))
  return plan
}

/**
 * A claim's issues with one replaced by another, in place, the result without repeats: a claim
 * on [A, B] whose A moves to B is on [B].
 */
export function replaceIssue(issueIds: readonly Id[], from: Id, to: Id): Id[] {
  return [...new Set(issueIds.map((id) => (id === from ? to : id)))]
}
