import type { ChangeSet } from '../../domain/changeHistory'
import { nowIso, type Id, type Issue } from '../../domain/model'
import { findDuplicates, keptApartKeys, type DuplicateProposal } from '../../domain/team/duplicates'
import { planIssueMerge, type IssueMergePlan } from '../../domain/team/issueMerge'
import { KEPT_APART } from '../../domain/team/settings'
import type { StandpointDB } from '../database'
import { mergeActors } from '../repositories/actors'
import { currentCoder } from '../repositories/coders'
import { editTables, writeEdits } from '../repositories/recordChanges'
import { readSetting, writeSetting } from '../repositories/settings'

export type { DuplicateProposal } from '../../domain/team/duplicates'

/** Actors and issues that look like duplicates, less those the analyst kept apart. */
export async function findDuplicateProposals(db: StandpointDB): Promise<DuplicateProposal[]> {
  return db.transaction('r', [db.actors, db.issues, db.settings], async () => findDuplicates(await db.actors.toArray(), await db.issues.toArray(), await readSetting(db, KEPT_APART)))
}

/** Remembers that the proposal's records are different things: it is not proposed again. */
export async function keepApart(db: StandpointDB, proposal: DuplicateProposal): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const kept = await readSetting(db, KEPT_APART)
    await writeSetting(db, KEPT_APART, [...new Set([...kept, ...keptApartKeys(proposal)])])
  })
}

/** Merges issues into the survivor in one transaction (undoable). */
export async function mergeIssues(db: StandpointDB, survivorId: Id, absorbedIds: readonly Id[]): Promise<{ set: ChangeSet; plan: IssueMergePlan }> {
  return db.transaction('rw', editTables(db), async () => {
    const survivor = await db.issues.get(survivorId)
    if (!survivor) throw new Error('The issue to keep is no longer in the codebook.')
    const ids = absorbedIds.filter((id) => id !== survivorId)
    const absorbed = (await db.issues.bulkGet(ids)).filter((issue): issue is Issue => issue !== undefined)
    if (absorbed.length !== ids.length) throw new Error('One of the issues to merge is no longer in the codebook.')
    const claims = await db.claims.where('issueIds').anyOf(ids).distinct().toArray()
    const children = await db.issues.where('parentId').anyOf(ids).toArray()
    const plan = planIssueMerge({ survivor, absorbed, claims, children, now: nowIso(), by: (await currentCoder(db)).id })
    const names = absorbed.map((issue) => `“${issue.label}”`).join(', ')
    const set = await writeEdits(db, `Merge ${names} into “${survivor.label}”`, plan.edits)
    return { set, plan }
  })
}

/** Merges a proposal's records into the chosen survivor: actors through the actor merge, issues through the issue merge. */
export async function mergeProposal(db: StandpointDB, proposal: DuplicateProposal, survivorId: Id): Promise<ChangeSet> {
  const others = proposal.records.map((record) => record.id).filter((id) => id !== survivorId)
  if (proposal.table === 'actors') return (await mergeActors(db, survivorId, others)).set
  return (await mergeIssues(db, survivorId, others)).set
}
