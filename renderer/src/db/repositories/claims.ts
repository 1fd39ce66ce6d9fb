import { describeSpan, type TextSpan } from '../../domain/anchoring'
import { deleteEdit, putEdit, type ChangeSet } from '../../domain/changeHistory'
import { buildClaimEdits, type ClaimDraft } from '../../domain/claimDraft'
import { nowIso, type Article, type Claim, type Id } from '../../domain/model'
import type { StandpointDB } from '../database'
import { currentCoder } from './coders'
import { editTables, writeEdits } from './recordChanges'

export async function claimsOfArticle(db: StandpointDB, articleId: Id): Promise<Claim[]> {
  return db.claims.where('articleId').equals(articleId).toArray()
}

/**
 * Saves a claim draft (new, or an edit of `existingId`) with any new actor or issue it brings,
 * in one transaction.
 */
export async function saveClaimDraft(db: StandpointDB, draft: ClaimDraft, article: Article, existingId?: Id): Promise<{ set: ChangeSet; claim: Claim }> {
  return db.transaction('rw', editTables(db), async () => {
    const existing = existingId ? await db.claims.get(existingId) : undefined
    if (existingId && !existing) throw new Error('This claim is no longer in the workspace.')
    const coder = await currentCoder(db)
    const { claim, edits } = buildClaimEdits(draft, { article, existing, now: nowIso(), coderId: coder.id })
    const set = await writeEdits(db, existing ? 'Edit claim' : 'Tag claim', edits)
    return { set, claim }
  })
}

export async function deleteClaim(db: StandpointDB, claimId: Id): Promise<ChangeSet> {
  return writeEdits(db, 'Delete claim', [deleteEdit('claims', claimId)])
}

/** Pins a claim to new words: for orphaned claims, or to correct a highlight. */
export async function reattachClaim(db: StandpointDB, claim: Claim, body: string, span: TextSpan): Promise<ChangeSet> {
  return db.transaction('rw', editTables(db), async () => {
    const updated: Claim = { ...claim, anchor: describeSpan(body, span), updatedAt: nowIso(), updatedBy: (await currentCoder(db)).id }
    return writeEdits(db, 'Re-attach claim', [putEdit('claims', updated)])
  })
}
