import { isTextList, joinTexts, splitTexts, type TextList } from '../positions/stringTable'
import { drainSteps } from '../timeSlices'
import type { ClaimArticle } from './rows'

// What the claims table shows of the articles (title, outlet, date, external id), packed into
// one record: a cold open of the table reads it and the few articles written since, instead of
// every article with its text only to drop the text. With 20,000 articles of 4 KB, reading them
// whole took the open from 2.9 s to 4.7 s in the bench. Each field travels as one long string
// (IndexedDB clones one long string in a single copy, a hundred thousand short ones one by one).

export const CLAIM_ARTICLES_FORMAT = 1

export interface PackedClaimArticles {
  format: typeof CLAIM_ARTICLES_FORMAT
  ids: TextList
  titles: TextList
  sources: TextList
  dates: TextList
  externalIds: TextList
}

export function packClaimArticles(articles: readonly ClaimArticle[]): PackedClaimArticles {
  return drainSteps(packClaimArticlesSteps(articles))
}

/** Articles gathered between two chances to give the thread back. */
const PACK_SLICE = 8_192

/**
 * packClaimArticles in steps, for a caller that gives the thread back between them (runSliced):
 * the record is stored while the app is idle, and 100,000 articles packed at once made a task
 * of 50-95 ms (node), long enough to hold up a click.
 */
export function* packClaimArticlesSteps(articles: readonly ClaimArticle[]): Generator<void, PackedClaimArticles, void> {
  const count = articles.length
  const fields = [new Array<string>(count), new Array<string>(count), new Array<string>(count), new Array<string>(count), new Array<string>(count)] as const
  // A field a record lacks (an article stored before it had one) is packed as ''.
  const text = (value: unknown): string => (typeof value === 'string' ? value : '')
  for (let index = 0; index < count; index++) {
    const article = articles[index]!
    fields[0][index] = text(article.id)
    fields[1][index] = text(article.title)
    fields[2][index] = text(article.source)
    fields[3][index] = text(article.date)
    fields[4][index] = text(article.externalId)
    if ((index + 1) % PACK_SLICE === 0) yield
  }
  const joined: TextList[] = []
  for (const list of fields) {
    joined.push(joinTexts(list))
    yield
  }
  const [ids, titles, sources, dates, externalIds] = joined as [TextList, TextList, TextList, TextList, TextList]
  return { format: CLAIM_ARTICLES_FORMAT, ids, titles, sources, dates, externalIds }
}

/** The articles packed, or null when the record is not one this release wrote whole. */
export function unpackClaimArticles(packed: unknown): ClaimArticle[] | null {
  if (typeof packed !== 'object' || packed === null) return null
  const record = packed as Partial<PackedClaimArticles>
  if (record.format !== CLAIM_ARTICLES_FORMAT || !isTextList(record.ids)) return null
  const count = record.ids.ends.length
  const lists = [record.titles, record.sources, record.dates, record.externalIds]
  if (!lists.every((list) => isTextList(list, count))) return null
  const [ids, titles, sources, dates, externalIds] = [record.ids, ...lists].map(splitTexts) as [string[], string[], string[], string[], string[]]
  const articles = new Array<ClaimArticle>(count)
  for (let index = 0; index < count; index++) {
    articles[index] = { id: ids[index]!, title: titles[index]!, source: sources[index]!, date: dates[index]!, externalId: externalIds[index]! }
  }
  return articles
}
