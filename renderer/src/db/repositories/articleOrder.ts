import { adjacentInReadingOrder, type ReadingKey } from '../../domain/readingOrder'
import type { Id } from '../../domain/model'
import type { StandpointDB } from '../database'

// Next and previous article in reading order (newest first, then title) without loading the
// whole library: only the current date's articles and the nearest date on the wanted side.

async function keysOn(db: StandpointDB, publishedAt: string): Promise<ReadingKey[]> {
  const found: ReadingKey[] = []
  await db.articles
    .where('publishedAt')
    .equals(publishedAt)
    .each((article) => found.push({ id: article.id, title: article.title, publishedAt: article.publishedAt }))
  return found
}

/** The id of the article after (1: older) or before (-1: newer) the current one, if any. */
export async function adjacentArticleId(db: StandpointDB, current: ReadingKey, direction: 1 | -1): Promise<Id | undefined> {
  const candidates = await keysOn(db, current.publishedAt)
  let neighbourDate: string | undefined
  if (direction === 1) {
    if (current.publishedAt !== '') {
      const older = await db.articles.where('publishedAt').between('', current.publishedAt, false, false).last()
      neighbourDate = older?.publishedAt ?? ((await db.articles.where('publishedAt').equals('').count()) > 0 ? '' : undefined)
    }
  } else {
    const newer = current.publishedAt === '' ? await db.articles.where('publishedAt').above('').first() : await db.articles.where('publishedAt').above(current.publishedAt).first()
    neighbourDate = newer?.publishedAt
  }
  if (neighbourDate !== undefined && neighbourDate !== current.publishedAt) candidates.push(...(await keysOn(db, neighbourDate)))
  return adjacentInReadingOrder(candidates, current, direction)?.id
}
