import type { Article } from '../../../domain/model'
import { TextIndex, type AnalysedDocument, type TextIndexSnapshot } from '../../../domain/search/textIndex'
import { columnsOf, toLibraryRow, type LibraryColumns, type LibraryRow, type SearchHits } from './libraryTypes'
import { indexTerms, queryTerms, tokenize } from '../../../domain/search/searchTerms'

// The full-text index over every article's title and body (domain/search/textIndex: compact,
// saved and loaded whole), plus the light rows the library table shows. It lives in a worker;
// bodies are read, indexed and let go, so the window never holds the workspace's text.

/** A title word counts as much as two body words. */
const TITLE_BOOST = 2

// The same words come up again and again (news text is Zipfian): fold each once.
const termCache = new Map<string, string | string[] | null>()
function termsOf(token: string): string | string[] | null {
  let terms = termCache.get(token)
  if (terms === undefined) {
    terms = indexTerms(token)
    if (termCache.size >= 200_000) termCache.clear()
    termCache.set(token, terms)
  }
  return terms
}

/** Weighted term frequencies and length of an article, title words counting double. */
export function analyseArticle(article: Pick<Article, 'title' | 'body'>): AnalysedDocument {
  const terms = new Map<string, number>()
  let length = 0
  const addField = (text: string, boost: number): void => {
    for (const token of tokenize(text)) {
      const found = termsOf(token)
      if (found === null) continue
      for (const term of typeof found === 'string' ? [found] : found) {
        terms.set(term, (terms.get(term) ?? 0) + boost)
        length += boost
      }
    }
  }
  addField(article.title, TITLE_BOOST)
  addField(article.body, 1)
  return { terms, length }
}

export { queryTerms }

/** The library as saved: the text index and, in the same document order, each row and version. */
export interface LibrarySnapshot {
  index: TextIndexSnapshot
  rows: LibraryColumns
  /** Each article's updatedAt. */
  versions: string[]
}

export class LibraryIndex {
  private readonly text: TextIndex
  /** Each indexed article's updatedAt, to tell what changed. */
  private byIdVersions = new Map<string, string>()
  private byIdRows = new Map<string, LibraryRow>()
  /**
   * A loaded copy's rows and versions in document order, until something asks for them by id:
   * keying 100,000 of each took the worker 60 ms before the library could say it was ready.
   */
  private loaded: { rows: LibraryRow[]; versions: string[] } | null = null

  constructor(text: TextIndex = TextIndex.empty()) {
    this.text = text
  }

  /**
   * The index a saved copy holds, with its rows (in the snapshot's document order) and
   * versions; throws (CorruptIndexError or TypeError) when they do not fit together.
   */
  static fromSnapshot(snapshot: TextIndexSnapshot, rows: LibraryRow[], versions: unknown, { postings = true }: { postings?: boolean } = {}): LibraryIndex {
    const library = new LibraryIndex(TextIndex.fromSnapshot(snapshot, { postings }))
    const { ids } = snapshot
    if (rows.length !== ids.length || !Array.isArray(versions) || versions.length !== ids.length) throw new TypeError('The saved library rows do not match its index.')
    for (let doc = 0; doc < ids.length; doc++) {
      if (rows[doc]!.id !== ids[doc] || typeof versions[doc] !== 'string') throw new TypeError('The saved library rows do not match its index.')
    }
    library.loaded = { rows, versions: versions as string[] }
    return library
  }

  private keyed(): void {
    const loaded = this.loaded
    if (!loaded) return
    this.loaded = null
    for (let doc = 0; doc < loaded.rows.length; doc++) {
      const id = loaded.rows[doc]!.id
      this.byIdVersions.set(id, loaded.versions[doc]!)
      this.byIdRows.set(id, loaded.rows[doc]!)
    }
  }

  /** Every indexed article's row, by id. */
  get rows(): ReadonlyMap<string, LibraryRow> {
    this.keyed()
    return this.byIdRows
  }

  private get versions(): Map<string, string> {
    this.keyed()
    return this.byIdVersions
  }

  get size(): number {
    return this.loaded ? this.loaded.rows.length : this.byIdVersions.size
  }

  /** See TextIndex.checkPostings: throws CorruptIndexError when a saved posting is damaged. */
  checkPostings(): void {
    this.text.checkPostings()
  }

  /** Each indexed article's updatedAt. */
  indexedVersions(): Iterable<string> {
    return this.loaded ? this.loaded.versions : this.versions.values()
  }

  /** Postings added since the last snapshot: how much a fresh snapshot would fold in. */
  get pendingPostings(): number {
    return this.text.pendingPostings
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
    for (const article of articles) {
      this.text.add(article.id, analyseArticle(article))
      this.versions.set(article.id, article.updatedAt ?? '')
      const row = toLibraryRow(article)
      this.byIdRows.set(article.id, row)
      rows.push(row)
    }
    return rows
  }

  remove(ids: string[]): void {
    for (const id of ids) {
      this.text.remove(id)
      this.versions.delete(id)
      this.byIdRows.delete(id)
    }
  }

  search(query: string): SearchHits {
    const started = performance.now()
    const terms = queryTerms(query)
    const ids = terms.length > 0 ? this.text.search(terms).ids : []
    return { ids, searchable: terms.length > 0, elapsedMs: performance.now() - started }
  }

  /** Ids and scores, best first (for tests comparing two indexes). */
  scored(query: string): { ids: string[]; scores: number[] } {
    const terms = queryTerms(query)
    return terms.length > 0 ? this.text.search(terms, true) : { ids: [], scores: [] }
  }

  /** Compacts the index and returns it with the rows, ready to save. */
  snapshot(): LibrarySnapshot {
    const index = this.text.compact()
    return {
      index,
      rows: columnsOf(index.ids.map((id) => this.rows.get(id)!)),
      versions: index.ids.map((id) => this.versions.get(id) ?? ''),
    }
  }
}
