import type { Article, Id } from '../../domain/model'
import type { StandpointDB } from '../database'
import { changesSince, journalHead } from '../journal'
import { onTableChanged } from '../live'

// The reads that keep the library's rows and search index in step with the workspace
// (features/library/search/librarySync.ts): cheap ways to tell what changed since last time.

/** Every article's id (one getAllKeys, no records read). */
export function articleIds(db: StandpointDB): Promise<Id[]> {
  return db.articles.toCollection().primaryKeys()
}

/**
 * Every article's updatedAt by id ('' when it has none), from the index alone. A plain key
 * cursor on IndexedDB itself: at 100,000 articles Dexie's per-key callbacks cost seconds
 * where the cursor's own steps cost a fraction of one.
 */
export function articleVersions(db: StandpointDB): Promise<Map<Id, string>> {
  return db.transaction('r', db.articles, async (tx) => {
    const ids = await db.articles.toCollection().primaryKeys()
    const versions = new Map<Id, string>(ids.map((id) => [id, '']))
    const index = tx.idbtrans.objectStore(db.articles.name).index('updatedAt')
    await new Promise<void>((resolve, reject) => {
      const request = index.openKeyCursor()
      request.onsuccess = () => {
        const cursor = request.result
        if (!cursor) return resolve()
        versions.set(cursor.primaryKey as Id, cursor.key as string)
        cursor.continue()
      }
      request.onerror = () => reject(request.error ?? new Error('reading the articles’ versions failed'))
    })
    return versions
  })
}

/** The articles with these ids that exist, in the order asked. */
export async function articlesByIds(db: StandpointDB, ids: readonly Id[]): Promise<Article[]> {
  return (await db.articles.bulkGet([...ids])).filter((article): article is Article => article !== undefined)
}

/** Up to `limit` articles in id order, after `afterId` (null: from the first). IndexedDB's getAll fast path. */
export function articlesAfter(db: StandpointDB, afterId: Id | null, limit: number): Promise<Article[]> {
  return (afterId === null ? db.articles.orderBy(':id') : db.articles.where(':id').above(afterId)).limit(limit).toArray()
}

/** Articles edited after this updatedAt. */
export function articlesUpdatedAfter(db: StandpointDB, updatedAt: string): Promise<Article[]> {
  return db.articles.where('updatedAt').above(updatedAt).toArray()
}

/** What a write changed: these article ids, or (null) an unknown set of them. */
export type ArticleChange = Id[] | null

/**
 * Calls `onChange` after every committed write to the articles, from this context or any
 * other window or worker, with the ids written when Dexie names them and null otherwise.
 * Returns the unsubscribe function.
 */
export function onArticlesChanged(db: StandpointDB, onChange: (change: ArticleChange) => void): () => void {
  return onTableChanged(db, 'articles', onChange)
}

/** The bodies of these articles by id (those that exist): for search snippets of the rows in view. */
export async function articleBodies(db: StandpointDB, ids: readonly Id[]): Promise<Map<Id, string>> {
  const articles = await db.articles.bulkGet([...ids])
  return new Map(articles.flatMap((article) => (article ? [[article.id, article.body] as const] : [])))
}

/** The change journal's latest seq: where a saved index is in step with the workspace. */
export function articlesJournalHead(db: StandpointDB): Promise<number> {
  return journalHead(db)
}

/**
 * The articles written (put or deleted) after journal seq `since`, or null when the journal
 * cannot tell: its entries after `since` were pruned, or it started again (a workspace deleted
 * and made anew under the same name) so `since` lies ahead of it.
 */
export async function articlesWrittenSince(db: StandpointDB, since: number): Promise<Id[] | null> {
  if ((await journalHead(db)) < since) return null
  const changes = await changesSince(db, since)
  if (!changes.complete) return null
  const ids = new Set<Id>()
  for (const entry of changes.entries) if (entry.table === 'articles') ids.add(entry.id)
  return [...ids]
}
