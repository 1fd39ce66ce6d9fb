import type { ExistingQuery, ExistingWorkspace, InteropPlan } from '../../domain/interop/mapping/interopPlan'
import type { Article, Claim, Mention } from '../../domain/model'
import { CURRENT_CODER } from '../../domain/settings'
import type { StandpointDB } from '../database'
import { currentCoder } from '../repositories/coders'
import { readSetting } from '../repositories/settings'

// Reading what an import from another tool (DNA, REFI-QDA) compares its file with, and writing
// the planned records.

/** The records the planner needs: those the file may repeat, and every actor, issue and coder. */
export async function readInteropExisting(db: StandpointDB, query: ExistingQuery): Promise<ExistingWorkspace> {
  return db.transaction('r', [db.articles, db.claims, db.mentions, db.actors, db.issues, db.coders], async () => {
    const articles = new Map<string, Article>()
    const keep = (found: readonly (Article | undefined)[]): void => {
      for (const article of found) if (article) articles.set(article.id, article)
    }
    if (query.articleExternalIds.length > 0) keep(await db.articles.where('externalId').anyOf(query.articleExternalIds).toArray())
    if (query.contentHashes.length > 0) keep(await db.articles.where('contentHash').anyOf(query.contentHashes).toArray())
    if (query.articleIds.length > 0) keep(await db.articles.bulkGet(query.articleIds))

    const claims = new Map<string, Pick<Claim, 'id' | 'articleId' | 'externalId'>>()
    const keepClaims = (found: readonly (Claim | undefined)[]): void => {
      for (const claim of found) if (claim) claims.set(claim.id, { id: claim.id, articleId: claim.articleId, externalId: claim.externalId })
    }
    if (query.claimExternalIds.length > 0) keepClaims(await db.claims.where('externalId').anyOf(query.claimExternalIds).toArray())
    if (query.claimIds.length > 0) keepClaims(await db.claims.bulkGet(query.claimIds))

    const mentions = new Map<string, Pick<Mention, 'id' | 'articleId' | 'actorId' | 'anchor'>>()
    const keepMentions = (found: readonly (Mention | undefined)[]): void => {
      for (const mention of found) if (mention) mentions.set(mention.id, { id: mention.id, articleId: mention.articleId, actorId: mention.actorId, anchor: mention.anchor })
    }
    if (articles.size > 0) keepMentions(await db.mentions.where('articleId').anyOf([...articles.keys()]).toArray())
    if (query.mentionIds.length > 0) keepMentions(await db.mentions.bulkGet(query.mentionIds))

    const [actors, issues, coders] = await Promise.all([db.actors.toArray(), db.issues.toArray(), db.coders.toArray()])
    return { articles: [...articles.values()], claims: [...claims.values()], mentions: [...mentions.values()], actors, issues, coders }
  })
}

const BATCH = 2_000

/**
 * Writes a plan in one transaction: the file's coders, actors, issues, documents, claims and
 * mentions land together or not at all (an import that fails half-way leaves nothing to clean
 * up, and opening the file again starts afresh). bulkAdd, not put: a record created meanwhile
 * under the same id aborts the import instead of being overwritten. New actors and issues are
 * stamped with the current coder when there is one; claims and mentions the file gives no
 * coder are the current coder's (created, as tagging would, if the workspace has none yet).
 */
export async function applyInteropPlan(db: StandpointDB, plan: InteropPlan, onProgress?: (done: number, total: number) => void): Promise<void> {
  const total = plan.coders.length + plan.actors.length + plan.issues.length + plan.articles.length + plan.claims.length + plan.mentions.length
  let done = 0
  await db.transaction('rw', [db.articles, db.actors, db.issues, db.claims, db.mentions, db.coders, db.settings], async () => {
    const write = async <T>(table: { bulkAdd(items: readonly T[]): Promise<unknown> }, rows: readonly T[]): Promise<void> => {
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH)
        await table.bulkAdd(batch)
        done += batch.length
        onProgress?.(done, total)
      }
    }
    await write(db.coders, plan.coders)
    const needsCoder = plan.claims.some((claim) => claim.coderId === '') || plan.mentions.some((mention) => mention.coderId === '')
    const fallback = needsCoder ? (await currentCoder(db)).id : ''
    const currentId = fallback || (await readSetting(db, CURRENT_CODER))
    const editor = currentId !== null && currentId !== '' && (await db.coders.get(currentId)) ? currentId : ''
    const stamp = <T extends { updatedBy: string }>(record: T): T => (record.updatedBy === '' ? { ...record, updatedBy: editor } : record)
    const coded = <T extends { coderId: string; updatedBy: string }>(record: T): T =>
      record.coderId === '' ? { ...record, coderId: fallback, updatedBy: record.updatedBy || fallback } : record
    await write(db.actors, plan.actors.map(stamp))
    await write(db.issues, plan.issues.map(stamp))
    await write(db.articles, plan.articles)
    await write(db.claims, plan.claims.map(coded))
    await write(db.mentions, plan.mentions.map(coded))
  })
}
