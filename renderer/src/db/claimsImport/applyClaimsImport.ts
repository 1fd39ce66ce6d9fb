import { listActorKinds } from '../../domain/actorKinds'
import { mergeAttributes } from '../../domain/attributes'
import type { ImportPlan, WorkspaceSnapshot } from '../../domain/claimsImport/plan'
import { ACTOR_KINDS } from '../../domain/settings'
import type { StandpointDB } from '../database'
import { currentCoder } from '../repositories/coders'
import { readSetting } from '../repositories/settings'

/** What the import planner compares the file with: the whole workspace, read consistently. */
export async function readImportSnapshot(db: StandpointDB): Promise<WorkspaceSnapshot> {
  return db.transaction('r', [db.articles, db.actors, db.issues, db.claims, db.coders, db.settings], async () => {
    const [articles, actors, issues, claims, coders, storedKinds] = await Promise.all([
      db.articles.toArray(),
      db.actors.toArray(),
      db.issues.toArray(),
      db.claims.toArray(),
      db.coders.toArray(),
      readSetting(db, ACTOR_KINDS),
    ])
    return { articles, actors, issues, claims, coders, actorKinds: listActorKinds(storedKinds, actors.map((actor) => actor.kind)) }
  })
}

const BATCH = 5_000

/**
 * Writes a planned import in one transaction: the documents, actors, issues, coders and claims
 * land together or not at all, with the attributes it adds to workspace actors and documents.
 * bulkAdd (not put) for new records, so that a record created meanwhile under the same id
 * aborts the import instead of being overwritten. Claims the plan left without a coder
 * (coderId '') are the current coder's, and so are the new and updated actors and issues.
 */
export async function applyClaimsImport(db: StandpointDB, plan: ImportPlan, onProgress?: (done: number, total: number) => void): Promise<void> {
  const total = plan.articles.length + plan.actors.length + plan.issues.length + plan.claims.length + plan.coders.length + plan.actorUpdates.length + plan.articleUpdates.length
  let done = 0
  await db.transaction('rw', [db.articles, db.actors, db.issues, db.claims, db.coders, db.settings], async () => {
    const coderId = total > 0 ? (await currentCoder(db)).id : ''
    const stamp = <T extends { updatedBy: string }>(record: T): T => (record.updatedBy === '' ? { ...record, updatedBy: coderId } : record)
    const write = async <T>(rows: T[], store: (batch: T[]) => Promise<unknown>): Promise<void> => {
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH)
        await store(batch)
        done += batch.length
        onProgress?.(done, total)
      }
    }
    await write(plan.coders, (batch) => db.coders.bulkAdd(batch))
    await write(plan.articles, (batch) => db.articles.bulkAdd(batch))
    await write(plan.articleUpdates, async (batch) => {
      // Only what the import adds: a document edited meanwhile keeps its edit.
      for (const update of batch) {
        const stored = await db.articles.get(update.id)
        if (!stored) throw new Error(`The document “${update.title}” was deleted while the import ran.`)
        await db.articles.put({ ...stored, meta: { ...update.meta, ...stored.meta }, updatedAt: update.updatedAt })
      }
    })
    await write(plan.actors.map(stamp), (batch) => db.actors.bulkAdd(batch))
    await write(plan.actorUpdates.map(stamp), async (batch) => {
      for (const update of batch) {
        const stored = await db.actors.get(update.id)
        if (!stored) throw new Error(`The actor “${update.name}” was deleted while the import ran.`)
        await db.actors.put({ ...stored, attributes: mergeAttributes(stored.attributes ?? {}, update.attributes), updatedAt: update.updatedAt, updatedBy: update.updatedBy })
      }
    })
    await write(plan.issues.map(stamp), (batch) => db.issues.bulkAdd(batch))
    await write(
      plan.claims.map((claim) => (claim.coderId === '' ? { ...stamp(claim), coderId } : stamp(claim))),
      (batch) => db.claims.bulkAdd(batch),
    )
  })
}
