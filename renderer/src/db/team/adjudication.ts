import { deleteEdit, putEdit, type ChangeSet, type RecordEdit } from '../../domain/changeHistory'
import { isAdjudicated } from '../../domain/coding/claimSet'
import { nowIso, type Claim, type Id } from '../../domain/model'
import { adjudicatedClaim, unitKey, type AdjudicatedFields } from '../../domain/team/adjudication'
import { REJECTED_UNITS } from '../../domain/team/settings'
import type { StandpointDB } from '../database'
import { currentCoder } from '../repositories/coders'
import { editTables, writeEdits } from '../repositories/recordChanges'
import { readSetting, writeSetting } from '../repositories/settings'

// Writing adjudications. Each replaces whatever was decided for the same unit before: earlier
// adjudicated claims from the same sources are deleted, an earlier rejection forgotten.

export interface AdjudicationDecision {
  /** The unit's claims (one, for an unpaired claim). */
  sourceIds: readonly Id[]
  /** The decided claim's fields; null rejects every version. */
  fields: AdjudicatedFields | null
}

async function earlierDecisions(db: StandpointDB, key: string, articleId: Id): Promise<Claim[]> {
  return (await db.claims.where('articleId').equals(articleId).toArray()).filter((claim) => isAdjudicated(claim) && unitKey(claim.adjudicatedFrom) === key)
}

/** Records one decision, undoably; returns the adjudicated claim (null for a rejection). */
export async function adjudicate(db: StandpointDB, decision: AdjudicationDecision): Promise<{ set: ChangeSet; claim: Claim | null }> {
  return db.transaction('rw', editTables(db), async () => {
    const sources = (await db.claims.bulkGet([...decision.sourceIds])).filter((claim): claim is Claim => claim !== undefined)
    if (sources.length !== decision.sourceIds.length || sources.length === 0) throw new Error('One of the claims to adjudicate is no longer in the workspace.')
    const key = unitKey(decision.sourceIds)
    const adjudicator = await currentCoder(db)
    const edits: RecordEdit[] = (await earlierDecisions(db, key, sources[0]!.articleId)).map((claim) => deleteEdit('claims', claim.id))
    const rejected = (await readSetting(db, REJECTED_UNITS)).filter((entry) => entry.key !== key)
    let claim: Claim | null = null
    if (decision.fields) {
      claim = adjudicatedClaim(sources, decision.fields, adjudicator.id, nowIso())
      edits.push(putEdit('claims', claim))
    } else rejected.push({ key, by: adjudicator.id, at: nowIso() })
    await writeSetting(db, REJECTED_UNITS, rejected)
    const set = await writeEdits(db, decision.fields ? 'Adjudicate claim' : 'Reject claims in adjudication', edits)
    return { set, claim }
  })
}

/** Accepts many fully agreeing units at once: each gets an adjudicated copy of its first claim. */
export async function acceptAgreeingUnits(db: StandpointDB, units: readonly { claimIds: readonly Id[] }[]): Promise<{ set: ChangeSet; count: number }> {
  return db.transaction('rw', editTables(db), async () => {
    const adjudicator = await currentCoder(db)
    const now = nowIso()
    const edits: RecordEdit[] = []
    for (const unit of units) {
      const sources = (await db.claims.bulkGet([...unit.claimIds])).filter((claim): claim is Claim => claim !== undefined)
      if (sources.length !== unit.claimIds.length || sources.length === 0) continue
      const key = unitKey(unit.claimIds)
      if ((await earlierDecisions(db, key, sources[0]!.articleId)).length > 0) continue
      const first = [...sources].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!
      edits.push(putEdit('claims', adjudicatedClaim(sources, { ...first }, adjudicator.id, now)))
    }
    const set = await writeEdits(db, `Accept ${edits.length} agreeing unit${edits.length === 1 ? '' : 's'}`, edits)
    return { set, count: edits.length }
  })
}

/** The rejected units' keys. */
export async function rejectedUnits(db: StandpointDB): Promise<Set<string>> {
  return new Set((await readSetting(db, REJECTED_UNITS)).map((entry) => entry.key))
}
