import { detectLanguage } from '../import/language'
import { calendarDate, type Article, type Id } from '../model'
import { foldText } from '../text/folding'
import { isUuid } from './names'

// Which document a row's claim belongs to: one the workspace has (by id, by the source's
// document ID, by text, or by title) or one this import creates, once.

/** Key in Article.meta where earlier releases kept another tool's document id; still matched. */
export const SOURCE_DOCUMENT_ID = 'source_document_id'

/** What a row says about its document. */
export interface DocumentCells {
  id: string
  /** The document's ID in the tool it first came from, when the file gives it apart from `id`. */
  externalId: string
  title: string
  /** The text, line endings normalised; '' when the row has none. */
  text: string
  /** Its hash, when there is a text. */
  hash: string
  /** The document date as articles store it, '' when none, null when unreadable. */
  date: string | null
  source: string
  url: string
}

export type DocumentResult = { record: Article; created: boolean } | { error: string }

class Index<T> {
  private readonly map = new Map<string, T[]>()
  add(key: string, value: T): void {
    if (key === '') return
    const list = this.map.get(key)
    if (!list) this.map.set(key, [value])
    else if (!list.includes(value)) list.push(value)
  }
  get(key: string): T[] {
    return this.map.get(key) ?? []
  }
}

function firstLine(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? ''
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line
}

export interface DocumentResolver {
  resolve(cells: DocumentCells, claimDate: string): DocumentResult
  /** A created document, once a row that needs it is imported: later rows find it. */
  register(article: Article, cells: DocumentCells): void
}

export function documentResolver(
  articles: readonly Article[],
  context: { fileName: string; now: string; freshId: (candidate: string) => Id },
): DocumentResolver {
  const byId = new Map(articles.map((article) => [article.id, article]))
  const bySourceId = new Index<Article>()
  const byHash = new Index<Article>()
  const byTitle = new Index<Article>()
  for (const article of articles) {
    bySourceId.add(article.externalId ?? '', article)
    const legacy = article.meta?.[SOURCE_DOCUMENT_ID] ?? ''
    if (legacy !== article.externalId) bySourceId.add(legacy, article)
    byHash.add(article.contentHash, article)
    byTitle.add(foldText(article.title), article)
  }
  const pending = new Map<string, Article>()

  return {
    resolve(cells, claimDate) {
      const { id: docId, title, text, hash, date } = cells
      if (docId === '' && title === '' && text === '') return { error: 'no document: the document cells are empty' }
      if (cells.externalId !== '') {
        const bySource = bySourceId.get(cells.externalId)
        if (bySource.length === 1) return { record: bySource[0]!, created: false }
        const created = pending.get(`ext:${cells.externalId}`)
        if (created) return { record: created, created: false }
      }
      if (docId !== '') {
        const existing = byId.get(docId) ?? byId.get(docId.toLowerCase())
        if (existing) return { record: existing, created: false }
        const bySource = bySourceId.get(docId)
        if (bySource.length === 1) return { record: bySource[0]!, created: false }
        const created = pending.get(`id:${docId}`)
        if (created) return { record: created, created: false }
      }
      if (text !== '') {
        const matches = byHash.get(hash)
        if (matches.length >= 1) return { record: matches[0]!, created: false }
        const created = pending.get(`hash:${hash}`)
        if (created) return { record: created, created: false }
      }
      if (title !== '') {
        let candidates = byTitle.get(foldText(title))
        if (candidates.length > 1 && date) candidates = candidates.filter((article) => calendarDate(article.publishedAt) === calendarDate(date))
        if (candidates.length > 1) {
          return { error: `the title “${title}” matches ${candidates.length} documents in the workspace; map a document ID or date column to tell them apart` }
        }
        if (candidates.length === 1) return { record: candidates[0]!, created: false }
        // Only title-only rows share a created document by title: rows that carry an ID or a
        // text of their own name a document of their own.
        if (docId === '' && text === '') {
          const created = pending.get(`title:${foldText(title)}`)
          if (created) return { record: created, created: false }
        }
      }
      const { language, direction } = detectLanguage(text || title)
      const external = cells.externalId !== '' ? cells.externalId : docId !== '' && !isUuid(docId) ? docId : ''
      const article: Article = {
        id: context.freshId(docId),
        title: title || firstLine(text) || `Document ${docId}`,
        source: cells.source,
        author: '',
        publishedAt: date || claimDate,
        url: cells.url,
        language,
        direction,
        body: text,
        contentHash: hash,
        importedAt: context.now,
        origin: `claims-csv:${context.fileName}`,
        meta: {},
        updatedAt: context.now,
        externalId: external,
      }
      return { record: article, created: true }
    },
    register(article, cells) {
      if (cells.id !== '') pending.set(`id:${cells.id}`, article)
      if (cells.externalId !== '') pending.set(`ext:${cells.externalId}`, article)
      if (cells.text !== '') pending.set(`hash:${cells.hash}`, article)
      if (cells.id === '' && cells.text === '') pending.set(`title:${foldText(article.title)}`, article)
    },
  }
}
