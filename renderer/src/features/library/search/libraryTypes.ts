import type { Article } from '../../../domain/model'

/** What the library table needs of an article: everything but the body and the metadata. */
export type LibraryRow = Pick<Article, 'id' | 'title' | 'source' | 'author' | 'publishedAt' | 'language' | 'direction' | 'importedAt' | 'origin'> & {
  /** False for a document known by title only (a claims import without text): the Library marks it. */
  hasText: boolean
}

export function toLibraryRow(article: Article): LibraryRow {
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    author: article.author,
    publishedAt: article.publishedAt,
    language: article.language,
    direction: article.direction,
    importedAt: article.importedAt,
    origin: article.origin,
    hasText: article.body.trim() !== '',
  }
}

export interface IndexStatus {
  /** Articles in the index so far, and in the workspace. */
  indexed: number
  total: number
  /** True once the first full pass is done (the row list is complete). */
  ready: boolean
  /** Bumped on every change, so an active search re-runs. */
  version: number
}

export interface RowsEvent {
  type: 'rows'
  upserts: LibraryRow[]
  removed: string[]
  status: IndexStatus
}

export interface SearchHits {
  /** Matching article ids, best first. */
  ids: string[]
  /** How long the search took inside the worker, in milliseconds. */
  elapsedMs: number
  /** False when the query had no searchable words (only stop words or punctuation). */
  searchable: boolean
}
