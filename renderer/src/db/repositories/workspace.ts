import { contentHash } from '../../domain/contentHash'
import { nowIso } from '../../domain/model'
import { buildSampleRecords } from '../../domain/sampleWorkspace'
import type { StandpointDB } from '../database'
import { currentCoder } from './coders'

/** Writes the bundled sample workspace in one transaction: all of it lands, or none. */
export async function loadSampleWorkspace(db: StandpointDB): Promise<void> {
  const hashes = await Promise.all(buildSampleRecords(nowIso(), '').articles.map((article) => contentHash(article.body)))
  await db.transaction('rw', [db.articles, db.actors, db.issues, db.claims, db.coders, db.settings], async () => {
    const records = buildSampleRecords(nowIso(), (await currentCoder(db)).id)
    const articles = records.articles.map((article, index) => ({ ...article, contentHash: hashes[index]! }))
    await db.articles.bulkAdd(articles)
    await db.actors.bulkAdd(records.actors)
    await db.issues.bulkAdd(records.issues)
    await db.claims.bulkAdd(records.claims)
  })
}
