import { putEdit, type ChangeSet } from '../../domain/changeHistory'
import { nowIso, type Id, type Issue } from '../../domain/model'
import { planIssueDeletion, type ClaimDisposition, type IssueDeletionPlan } from '../../domain/recordDeletion'
import { foldText } from '../../domain/text/folding'
import type { StandpointDB } from '../database'
import { currentCoder } from './coders'
import { editTables, writeEdits } from './recordChanges'

export async function listIssues(db: StandpointDB): Promise<Issue[]> {
  return db.issues.orderBy('label').toArray()
}

/** Claims per issue (a claim on several issues counts under each), from the multi-entry index only. */
export async function issueClaimCounts(db: StandpointDB): Promise<Map<Id, number>> {
  return db.transaction('r', db.claims, async () => {
    const issueIds = (await db.claims.orderBy('issueIds').uniqueKeys()) as Id[]
    const counts = await Promise.all(issueIds.map((issueId) => db.claims.where('issueIds').equals(issueId).count()))
    return new Map(issueIds.map((issueId, index) => [issueId, counts[index]!]))
  })
}


/** Writes an imported codebook (new issues and filled blanks) as one change set: one undo. */
export async function applyCodebookImport(db: StandpointDB, created: readonly Issue[], updated: readonly Issue[]): Promise<ChangeSet> {
  return db.transaction('rw', editTables(db), async () => {
    const coder = (await currentCoder(db)).id
    const stamp = (issue: Issue): Issue => ({ ...issue, updatedBy: coder })
    for (const issue of updated) if (!(await db.issues.get(issue.id))) throw new Error(`The issue “${issue.label}” was deleted meanwhile.`)
    return writeEdits(db, `Import codebook (${created.length} issues)`, [...created.map((issue) => putEdit('issues', stamp(issue))), ...updated.map((issue) => putEdit('issues', stamp(issue)))])
  })
}

function normaliseIssue(issue: Issue): Issue {
  return { ...issue, label: issue.label.trim().replace(/\s+/g, ' '), description: issue.description.trim(), code: issue.code.trim() }
}

/** Codes compare trimmed and without regard to case. */
const codeKey = (code: string): string => code.trim().toLowerCase()

/**
 * The codebook's rules: a label, unique among its siblings (real codebooks reuse "General"
 * under every parent); a code, if any, unique in the codebook; no issue inside itself.
 */
async function checkLabel(db: StandpointDB, issue: Issue): Promise<void> {
  if (issue.label === '') throw new Error('An issue needs a label.')
  const folded = foldText(issue.label)
  const clash = await db.issues.filter((other) => other.id !== issue.id && other.parentId === issue.parentId && foldText(other.label) === folded).first()
  if (clash) throw new Error(`The codebook already has an issue “${clash.label}”${issue.parentId === null ? '' : ' under the same parent'}.`)
  if (codeKey(issue.code) !== '') {
    const code = codeKey(issue.code)
    const taken = await db.issues.where('code').equalsIgnoreCase(issue.code.trim()).filter((other) => other.id !== issue.id && codeKey(other.code) === code).first()
    if (taken) throw new Error(`The code “${issue.code.trim()}” is already the code of “${taken.label}”.`)
  }
  if (issue.parentId !== null) {
    // Walk up from the chosen parent: an issue may not end up inside itself.
    const seen = new Set<Id>([issue.id])
    for (let parentId: Id | null = issue.parentId; parentId !== null; ) {
      if (seen.has(parentId)) throw new Error('An issue cannot be filed under itself or one of its sub-issues.')
      seen.add(parentId)
      const parent: Issue | undefined = await db.issues.get(parentId)
      if (!parent) throw new Error('The parent issue is no longer in the codebook.')
      parentId = parent.parentId
    }
  }
}

export async function createIssue(db: StandpointDB, issue: Issue): Promise<ChangeSet> {
  return db.transaction('rw', editTables(db), async () => {
    const record = normaliseIssue({ ...issue, updatedBy: (await currentCoder(db)).id })
    await checkLabel(db, record)
    return writeEdits(db, `Create issue “${record.label}”`, [putEdit('issues', record)])
  })
}

export async function updateIssue(db: StandpointDB, issue: Issue): Promise<ChangeSet> {
  return db.transaction('rw', editTables(db), async () => {
    if (!(await db.issues.get(issue.id))) throw new Error('This issue is no longer in the codebook.')
    const record = normaliseIssue({ ...issue, updatedAt: nowIso(), updatedBy: (await currentCoder(db)).id })
    await checkLabel(db, record)
    return writeEdits(db, `Edit issue “${record.label}”`, [putEdit('issues', record)])
  })
}

/** Deletes an issue; its claims move to another issue or are deleted, sub-issues move up a level. */
export async function deleteIssue(db: StandpointDB, issueId: Id, disposition: ClaimDisposition): Promise<{ set: ChangeSet; plan: IssueDeletionPlan }> {
  return db.transaction('rw', editTables(db), async () => {
    const issue = await db.issues.get(issueId)
    if (!issue) throw new Error('This issue is no longer in the codebook.')
    if (disposition.kind === 'reassign' && !(await db.issues.get(disposition.to))) {
      throw new Error('The issue chosen to take over the claims is no longer in the codebook.')
    }
    const [claims, children] = await Promise.all([
      db.claims.where('issueIds').equals(issueId).toArray(),
      db.issues.where('parentId').equals(issueId).toArray(),
    ])
    const plan = planIssueDeletion({ issue, claims, children, disposition, now: nowIso(), by: (await currentCoder(db)).id })
    const set = await writeEdits(db, `Delete issue “${issue.label}”`, plan.edits)
    return { set, plan }
  })
}
