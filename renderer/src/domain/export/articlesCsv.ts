import type { CsvCell } from '../csv/writeCsv'
import type { Article, Id } from '../model'

// Articles: fixed metadata columns first, then one `meta.<key>` column per key that any
// article's import kept (sorted), then the body when asked for (last: it is by far the widest).

export const ARTICLES_COLUMNS = [
  'title',
  'source',
  'author',
  'published_at',
  'url',
  'language',
  'direction',
  'origin',
  'imported_at',
  'claim_count',
  'article_id',
  'content_hash',
  'updated_at',
  'external_id',
] as const

export const META_COLUMN_PREFIX = 'meta.'

export interface ArticlesExportShape {
  header: string[]
  metaKeys: string[]
  includeBody: boolean
}

export function articlesShape(articles: Iterable<Article>, includeBody: boolean): ArticlesExportShape {
  const keys = new Set<string>()
  for (const article of articles) for (const key of Object.keys(article.meta ?? {})) keys.add(key)
  const metaKeys = [...keys].sort()
  return {
    header: [...ARTICLES_COLUMNS, ...metaKeys.map((key) => META_COLUMN_PREFIX + key), ...(includeBody ? ['body'] : [])],
    metaKeys,
    includeBody,
  }
}

export function articleRow(article: Article, shape: ArticlesExportShape, claimCounts: ReadonlyMap<Id, number>): CsvCell[] {
  const row: CsvCell[] = [
    article.title,
    article.source,
    article.author,
    article.publishedAt,
    article.url,
    article.language,
    article.direction,
    article.origin,
    article.importedAt,
    claimCounts.get(article.id) ?? 0,
    article.id,
    article.contentHash,
    article.updatedAt,
    article.externalId ?? '',
  ]
  for (const key of shape.metaKeys) row.push(article.meta?.[key] ?? '')
  if (shape.includeBody) row.push(article.body)
  return row
}

export function sortArticlesForExport(articles: Article[]): Article[] {
  return [...articles].sort(
    (a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

export function* articleRows(articles: Iterable<Article>, shape: ArticlesExportShape, claimCounts: ReadonlyMap<Id, number>): Generator<CsvCell[]> {
  for (const article of articles) yield articleRow(article, shape, claimCounts)
}
