import type { StandpointDB } from '../../../renderer/src/db/database'
import type { ActorUsage } from '../../../renderer/src/db/repositories/actors'
import type { Id } from '../../../renderer/src/domain/model'

// Full recounts read whole from the indexes: what the live counts (which follow the change
// journal) are checked against. The app no longer reads these at all.

/** How many claims (as claimant) and mentions each actor has. */
export async function actorUsage(db: StandpointDB): Promise<Map<Id, ActorUsage>> {
  const [claimActors, mentionActors] = await Promise.all([db.claims.orderBy('actorId').keys(), db.mentions.orderBy('actorId').keys()])
  const usage = new Map<Id, ActorUsage>()
  const entry = (id: Id): ActorUsage => {
    let found = usage.get(id)
    if (!found) usage.set(id, (found = { claims: 0, mentions: 0 }))
    return found
  }
  for (const id of claimActors) entry(id as Id).claims++
  for (const id of mentionActors) entry(id as Id).mentions++
  return usage
}

/** Each claim's issues. */
export async function claimIssueLists(db: StandpointDB): Promise<Id[][]> {
  const byClaim = new Map<Id, Id[]>()
  const [issueIds, claimIds] = await db.transaction('r', db.claims, () => Promise.all([db.claims.orderBy('issueIds').keys(), db.claims.orderBy('issueIds').primaryKeys()]))
  issueIds.forEach((issueId, index) => {
    const claimId = claimIds[index] as Id
    const list = byClaim.get(claimId)
    if (list) list.push(issueId as Id)
    else byClaim.set(claimId, [issueId as Id])
  })
  return [...byClaim.values()]
}
