import type { ImportPlan, WorkspaceSnapshot } from '../../domain/claimsImport/plan'
import type { StandpointDB } from '../database'
import { currentCoder } from '../repositories/coders'

/** What the import planner compares the file with: the whole workspace, read consistently. */
export async function readImportSnapshot(db: StandpointDB): Promise<WorkspaceSnapshot> {
  return db.transaction('r', [db.articles, db.actors, db.issues, db.claims], async () => {
    const [articles, actors, issues, claims] = await Promise.all([db.articles.toArray(), db.actors.toArray(), db.issues.toArray(), db.claims.toArray()])
    return { articles, actors, issues, claims }
  })
}

const BATCH = 5_000

/**
 * Writes a planned import in one transaction: the documents, actors, issues and claims land
 * together or not at all. bulkAdd (not put) so that a record created meanwhile under the same
 * id aborts the import instead of being overwritten. Claims the plan left without a coder
 * (coderId '') are the current coder's, and so are the new actors and issues.
 */
export async function applyClaimsImport(db: StandpointDB, plan: ImportPlan, onProgress?: (done: number, total: number) => void): Promise<void> {
  const total = plan.articles.length + plan.actors.length + plan.issues.length + plan.claims.length
  let done = 0
  await db.transaction('rw', [db.articles, db.actors, db.issues, db.claims, db.coders, db.settings], async () => {
    const coderId = plan.claims.length + plan.actors.length + plan.issues.length > 0 ? (await currentCoder(db)).id : ''
    const stamp = <T extends { updatedBy: string }>(record: T): T => (record.updatedBy === '' ? { ...record, updatedBy: coderId } : record)
    const write = async <T>(table: { bulkAdd(items: readonly T[]): Promise<unknown> }, rows: T[]): Promise<void> => {
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH)
        await table.bulkAdd(batch)
        done += batch.length
        onProgress?.(done, total)
      }
    }
    await write(db.articles, plan.articles)
    await write(db.actors, plan.actors.map(stamp))
    await write(db.issues, plan.issues.map(stamp))
    await write(
      db.claims,
      plan.claims.map((claim) => (claim.coderId === '' ? { ...stamp(claim), coderId } : stamp(claim))),
    )
  })
}
