import type { ParsedArticle } from '../../domain/import/types'
import { newId, type Article, type Id } from '../../domain/model'
import type { StandpointDB } from '../database'

/** An article ready to store: parsed, with its origin and content hash. */
export interface IncomingArticle extends ParsedArticle {
  contentHash: string
}

export interface StoredImport {
  /** Index in the input, and the id it was stored under. */
  added: { index: number; id: Id }[]
  /** Input articles whose text is already in the workspace (or earlier in the same input). */
  duplicates: { index: number; existingId: Id }[]
}

/**
 * Stores imported articles in one transaction: every article lands whole, and either the
 * whole call lands or (on a storage error) none of it does. Articles whose content hash is
 * already stored, or repeats one earlier in `incoming`, are skipped and reported. The check
 * and the write share the transaction, so two imports running at once cannot both add the
 * same text.
 */
export async function storeImportedArticles(db: StandpointDB, incoming: IncomingArticle[], importedAt: string): Promise<StoredImport> {
  const result: StoredImport = { added: [], duplicates: [] }
  if (incoming.length === 0) return result
  const hashes = Array.from(new Set(incoming.map((article) => article.contentHash)))
  await db.transaction('rw', db.articles, async () => {
    const existing = new Map<string, Id>()
    // One primary-key lookup per hash, all issued at once: IndexedDB answers them as a batch,
    // where a cursor over anyOf() waits for a round trip per hash. No bodies are read.
    const found = await Promise.all(hashes.map((hash) => db.articles.where('contentHash').equals(hash).primaryKeys()))
    found.forEach((ids, position) => {
      if (ids.length > 0) existing.set(hashes[position]!, ids[0]!)
    })
    const records: Article[] = []
    incoming.forEach((article, index) => {
      const known = existing.get(article.contentHash)
      if (known !== undefined) {
        result.duplicates.push({ index, existingId: known })
        return
      }
      const id = newId()
      existing.set(article.contentHash, id)
      records.push({ ...article, id, importedAt, updatedAt: importedAt })
      result.added.push({ index, id })
    })
    if (records.length > 0) await db.articles.bulkAdd(records)
  })
  return result
}

/** How many articles an import run stored (all of a run's articles share its importedAt). */
export function countImportedAt(db: StandpointDB, importedAt: string): Promise<number> {
  return db.articles.where('importedAt').equals(importedAt).count()
}
