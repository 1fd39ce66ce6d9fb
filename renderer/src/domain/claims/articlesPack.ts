import { isTextList, joinTexts, splitTexts, type TextList } from '../positions/stringTable'
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
  // A field a record lacks (an article stored before it had one) is packed as ''.
  const field = (pick: (article: ClaimArticle) => unknown): TextList =>
    joinTexts(
      articles.map((article) => {
        const value = pick(article)
        return typeof value === 'string' ? value : ''
      }),
    )
  return {
    format: CLAIM_ARTICLES_FORMAT,
    ids: field((article) => article.id),
    titles: field((article) => article.title),
    sources: field((article) => article.source),
    dates: field((article) => article.date),
    externalIds: field((article) => article.externalId),
  }
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
