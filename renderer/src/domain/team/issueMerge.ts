import { deleteEdit, putEdit, type RecordEdit } from '../changeHistory'
import type { Claim, Id, Issue } from '../model'

// Merging duplicate issues: the survivor keeps its label and place in the codebook, takes the
// absorbed issues' codes and descriptions where it has none, and stands wherever they stood:
// in claims (a claim on both keeps it once, in its first place) and as the parent of their
// sub-issues. Pure: db/ writes the edits in one transaction, undoable like an actor merge.

export interface IssueMergeInput {
  survivor: Issue
  absorbed: readonly Issue[]
  /** Every claim on one of the absorbed issues. */
  claims: readonly Claim[]
  /** Every issue whose parent is one of the absorbed ones. */
  children: readonly Issue[]
  now: string
  by: Id
}

export interface IssueMergePlan {
  survivor: Issue
  edits: RecordEdit[]
  movedClaims: number
  movedChildren: number
}

export function planIssueMerge({ survivor, absorbed, claims, children, now, by }: IssueMergeInput): IssueMergePlan {
  const others = absorbed.filter((issue) => issue.id !== survivor.id)
  if (others.length === 0) throw new Error('Choose at least one other issue to merge into the one kept.')
  const absorbedIds = new Set(others.map((issue) => issue.id))
  // The survivor cannot end up under one of the issues that disappear.
  let parentId = survivor.parentId
  while (parentId !== null && absorbedIds.has(parentId)) parentId = others.find((issue) => issue.id === parentId)?.parentId ?? null
  const merged: Issue = {
    ...survivor,
    parentId,
    code: survivor.code.trim() !== '' ? survivor.code : (others.find((issue) => issue.code.trim() !== '')?.code ?? ''),
    description: survivor.description.trim() !== '' ? survivor.description : (others.find((issue) => issue.description.trim() !== '')?.description ?? ''),
    updatedAt: now,
    updatedBy: by,
  }
  const edits: RecordEdit[] = [putEdit('issues', merged)]
  let movedClaims = 0
  for (const claim of claims) {
    if (!claim.issueIds.some((id) => absorbedIds.has(id))) continue
    const issueIds = [...new Set(claim.issueIds.map((id) => (absorbedIds.has(id) ? survivor.id : id)))]
    movedClaims++
    edits.push(putEdit('claims', { ...claim, issueIds, updatedAt: now, updatedBy: by }))
  }
  let movedChildren = 0
  for (const child of children) {
    if (child.parentId === null || !absorbedIds.has(child.parentId) || absorbedIds.has(child.id) || child.id === survivor.id) continue
    movedChildren++
    edits.push(putEdit('issues', { ...child, parentId: survivor.id, updatedAt: now, updatedBy: by }))
  }
  for (const issue of others) edits.push(deleteEdit('issues', issue.id))
  return { survivor: merged, edits, movedClaims, movedChildren }
}
