import MiniSearch from 'minisearch'
import type { Article } from '../../../domain/model'
import { toLibraryRow, type LibraryRow, type SearchHits } from './libraryTypes'
import { indexTerms, queryTerm } from './searchTerms'

// The full-text index over every article's title and body (MiniSearch: a small, maintained,
// dependency-free inverted index with prefix search and BM25 ranking), plus the light rows the
// library table shows. It lives in a worker; bodies are read, indexed and let go, so the
// window never holds the workspace's text.

interface IndexedDocument {
  id: string
  title: string
  body: string
}

/** MiniSearch's default tokenizer: split on whitespace and punctuation (Unicode-aware). */
const SPLIT = /[\n\r\p{Z}\p{P}\p{S}]+/u

function tokenize(text: string): string[] {
  return text.split(SPLIT).filter((token) => token !== '')
}

export class LibraryIndex {
  private readonly mini = new MiniSearch<IndexedDocument>({
    fields: ['title', 'body'],
    idField: 'id',
    storeFields: [],
    tokenize,
    processTerm: (term) => indexTerms(term),
    searchOptions: {
      tokenize,
      processTerm: (term) => queryTerm(term),
      boost: { title: 2 },
      combineWith: 'AND',
      // Search as you type: the last word may be unfinished.
      prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 2,
    },
  })

  /** Each indexed article's updatedAt, to tell what changed. */
  private readonly versions = new Map<string, string>()
  readonly rows = new Map<string, LibraryRow>()

  get size(): number {
    return this.versions.size
  }

  /** Given the workspace's (id, updatedAt) pairs: which articles to (re)read, which to drop. */
  diff(current: Map<string, string>): { changed: string[]; removed: string[] } {
    const changed: string[] = []
    for (const [id, version] of current) if (this.versions.get(id) !== version) changed.push(id)
    const removed: string[] = []
    for (const id of this.versions.keys()) if (!current.has(id)) removed.push(id)
    return { changed, removed }
  }

  upsert(articles: Article[]): LibraryRow[] {
    const rows: LibraryRow[] = []
    const fresh: IndexedDocument[] = []
    for (const article of articles) {
      if (this.mini.has(article.id)) this.mini.discard(article.id)
      fresh.push({ id: article.id, title: article.title, body: article.body })
      this.versions.set(article.id, article.updatedAt ?? '')
      const row = toLibraryRow(article)
      this.rows.set(article.id, row)
      rows.push(row)
    }
    this.mini.addAll(fresh)
    return rows
  }

  remove(ids: string[]): void {
    for (const id of ids) {
      if (this.mini.has(id)) this.mini.discard(id)
      this.versions.delete(id)
      this.rows.delete(id)
    }
  }

  search(query: string): SearchHits {
    const started = performance.now()
    const searchable = tokenize(query).some((token) => queryTerm(token) !== null)
    const ids = searchable ? this.mini.search(query).map((result) => String(result.id)) : []
    return { ids, searchable, elapsedMs: performance.now() - started }
  }
}
