import type { ChangeSet, RecordChange } from '../../domain/changeHistory'
import { planBulkEdit, type BulkEdit, type BulkEditNames, type BulkEditPlan } from '../../domain/claims/bulkEdit'
import { nowIso, type Claim, type Id } from '../../domain/model'
import type { StandpointDB } from '../database'
import { currentCoder } from './coders'
import { editTables, MissingReferenceError } from './recordChanges'

// Bulk edit of selected claims (the claims table): read, planned and written in one
// transaction, so it lands whole or not at all; returned as one change set for undo.

export interface BulkEditResult {
  set: ChangeSet
  plan: BulkEditPlan
  /** Selected claims no longer in the workspace (deleted meanwhile). */
  missing: number
}

/** `names` words the summary (the screen knows issues by their path in the codebook). */
export async function bulkEditClaims(db: StandpointDB, claimIds: readonly Id[], edit: BulkEdit, label: string, names: BulkEditNames): Promise<BulkEditResult> {
  return db.transaction('rw', editTables(db), async () => {
    const found = await db.claims.bulkGet([...claimIds])
    const claims = found.filter((claim): claim is Claim => claim !== undefined)
    if (edit.actorId !== undefined && !(await db.actors.get(edit.actorId))) throw new MissingReferenceError('The actor chosen is no longer in the workspace.')
    if (edit.issue && !(await db.issues.get(edit.issue.issueId))) throw new MissingReferenceError('The issue chosen is no longer in the codebook.')
    const coder = await currentCoder(db)
    const plan = planBulkEdit(claims, edit, { now: nowIso(), coderId: coder.id }, names)
    const before = new Map(claims.map((claim) => [claim.id, claim]))
    if (plan.updated.length > 0) await db.claims.bulkPut(plan.updated)
    const changes: RecordChange[] = plan.updated.map((claim) => ({ table: 'claims', id: claim.id, before: before.get(claim.id)!, after: claim }))
    return { set: { label, changes }, plan, missing: claimIds.length - claims.length }
  })
}
