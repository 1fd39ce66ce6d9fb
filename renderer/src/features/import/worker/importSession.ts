// Kept whole (issue 11): the queue, the pending collections and the run's outcomes are one state; split, every part would pass them all around.
import { storeImportedArticles, type IncomingArticle } from '../../../db/repositories/articles'
import type { StandpointDB } from '../../../db/database'
import { describeStorageError, isStorageError } from '../../../db/storageErrors'
import { analyseFile, analysePaste, type Analysis } from '../../../domain/import/analyseFile'
import { hasAmbiguousDates } from '../../../domain/import/dates'
import { dateOrderFor, metaColumns, proposeMapping } from '../../../domain/import/mapping'
import { fieldOf } from '../../../domain/import/recordFields'
import { ImportRejection, type Collection, type ColumnMapping, type MappingOptions, type ParsedArticle } from '../../../domain/import/types'
import { contentHash } from '../../../domain/contentHash'
import { plural } from '../../../domain/text/plural'
import type { CollectionPreview, DuplicateNote, FileOutcome, InspectResult, PartOutcome, ProgressEvent, StepResult } from '../importTypes'
import { bundledPdfResources } from './pdfResources'
import type { PreparedRows } from './prepareRows'
import { inlinePreparer, type RowPreparer } from './rowPreparer'
import { errorText } from '../../../domain/errorText'

// One import run, inside the worker: parse, hash, de-duplicate and store. Single-article
// files are queued and written in batches (one transaction per few hundred files is what
// makes thousands of small files fast); collections are written in chunks as they map.
// Every article is written whole or not at all; a failed chunk is reported, and the run
// goes on with the next file.

/** Queued single articles are written once this many are waiting... */
const QUEUE_ARTICLES = 250
/** ...or once their text reaches this many characters. */
const QUEUE_CHARS = 4_000_000
/** Articles of a news-database export per transaction. */
const CHUNK_ROWS = 1000
/**
 * A collection's rows per transaction, at most, and text per transaction, at most: each
 * transaction ends with a wait for its duplicate check to come back before anything is
 * written, so fewer, bigger ones keep IndexedDB busier; small enough to report progress and
 * to stop soon on Cancel.
 */
const COLLECTION_CHUNK_ROWS = 2500
const COLLECTION_CHUNK_CHARS = 5_000_000
/** The first chunk is smaller: writing starts once it is prepared, not a whole chunk later. */
const FIRST_CHUNK_ROWS = 250
/** Chunks handed to IndexedDB and not yet committed. */
const IN_FLIGHT = 2
/** Chunks being prepared (or prepared and waiting) ahead of the one being stored. */
const PREPARED_AHEAD = 2

/** [from, to) of each chunk of a collection's rows, by row count and by the length of their text. */
function chunkBounds(records: readonly Record<string, string>[], bodyColumn: string): [number, number][] {
  const bounds: [number, number][] = []
  for (let from = 0; from < records.length; ) {
    const rows = from === 0 ? FIRST_CHUNK_ROWS : COLLECTION_CHUNK_ROWS
    let to = from
    let chars = 0
    while (to < records.length && to - from < rows && (to === from || chars < COLLECTION_CHUNK_CHARS)) chars += fieldOf(records[to++]!, bodyColumn)?.length ?? 0
    bounds.push([from, to])
    from = to
  }
  return bounds
}

interface QueuedArticle {
  fileId: string
  name: string
  article: IncomingArticle
  notices: string[]
}

interface PendingCollection {
  name: string
  collection: Collection
  encoding: string
  notices: string[]
}

function errorMessage(error: unknown, action: string): string {
  if (error instanceof ImportRejection) return error.message
  if (isStorageError(error)) return describeStorageError(error, action)
  // A parser bug must not take the batch down: report it on this file and go on.
  return `Could not read this file (${errorText(error)}). Nothing was imported from it.`
}

function outcome(fileId: string, name: string, status: FileOutcome['status'], fields: Partial<FileOutcome> = {}): FileOutcome {
  return { fileId, name, status, imported: 0, total: 1, duplicates: [], rejections: [], notices: [], undated: 0, ...fields }
}

export class ImportSession {
  private queue: QueuedArticle[] = []
  private queuedChars = 0
  private readonly collections = new Map<string, PendingCollection>()
  /** Ids stored by this run, to tell "already in the library" from "earlier in this import". */
  private readonly storedThisRun = new Set<string>()
  private cancelled = false

  constructor(
    private readonly db: StandpointDB,
    private readonly importedAt: string,
    private readonly onProgress: (event: ProgressEvent) => void = () => undefined,
    private readonly preparer: RowPreparer = inlinePreparer,
  ) {}

  cancel(): void {
    this.cancelled = true
  }

  async inspectFile(fileId: string, name: string, bytes: Uint8Array, remembered: Partial<ColumnMapping> | null): Promise<StepResult> {
    let analysis: Analysis
    try {
      analysis = await analyseFile(name, bytes, {
        pdfResources: bundledPdfResources,
        onPages: (done, total) => this.onProgress({ type: 'progress', fileId, done, total, unit: 'pages' }),
      })
    } catch (error) {
      return { inspect: { type: 'rejected', reason: errorMessage(error, 'read the file') }, outcomes: [outcome(fileId, name, 'rejected', { rejections: [errorMessage(error, 'read the file')] })] }
    }
    return this.accept(fileId, name, `file:${name}`, analysis, remembered)
  }

  async inspectPaste(fileId: string, text: string): Promise<StepResult> {
    try {
      return await this.accept(fileId, 'Pasted text', 'paste', analysePaste(text), null)
    } catch (error) {
      const reason = errorMessage(error, 'read the pasted text')
      return { inspect: { type: 'rejected', reason }, outcomes: [outcome(fileId, 'Pasted text', 'rejected', { rejections: [reason] })] }
    }
  }

  private async accept(fileId: string, name: string, origin: string, analysis: Analysis, remembered: Partial<ColumnMapping> | null): Promise<StepResult> {
    if (analysis.type === 'batch') {
      // Written at once, after what is queued, so the summary keeps the files' order.
      const earlier = await this.flushQueue()
      return { inspect: { type: 'stored' }, outcomes: [...earlier, await this.importBatch(fileId, name, origin, analysis)] }
    }
    if (analysis.type === 'collection') {
      this.collections.set(fileId, { name, collection: analysis.collection, encoding: analysis.encoding, notices: analysis.notices })
      // Store what is queued before pausing for the mapping, so the counts shown meanwhile are true.
      return { inspect: { type: 'needs-mapping', preview: this.preview(fileId, name, analysis, remembered) }, outcomes: await this.flushQueue() }
    }
    const article: IncomingArticle = { ...analysis.article, origin, contentHash: await contentHash(analysis.article.body) }
    this.queue.push({ fileId, name, article, notices: analysis.notices })
    this.queuedChars += article.body.length
    const inspect: InspectResult = { type: 'queued' }
    if (this.queue.length >= QUEUE_ARTICLES || this.queuedChars >= QUEUE_CHARS) return { inspect, outcomes: await this.flushQueue() }
    return { inspect, outcomes: [] }
  }

  private preview(fileId: string, name: string, analysis: Extract<Analysis, { type: 'collection' }>, remembered: Partial<ColumnMapping> | null): CollectionPreview {
    const { collection } = analysis
    const proposed = proposeMapping(collection.columns, collection.records, remembered)
    const order = dateOrderFor(collection, proposed.publishedAt)
    const dates = proposed.publishedAt ? collection.records.map((record) => record[proposed.publishedAt!] ?? '') : []
    const notices = [...analysis.notices]
    if (!order.detected && hasAmbiguousDates(dates)) {
      notices.push('Dates like 03/04/2024 could be day-first or month-first, and no date in the file settles it: check the date order.')
    }
    return {
      fileId,
      name,
      format: collection.format,
      layout: collection.layout,
      encoding: analysis.encoding,
      columns: collection.columns,
      sample: collection.records.slice(0, 5),
      recordCount: collection.records.length,
      rejectedRowCount: collection.rejectedRows.length,
      proposed,
      dateOrder: order.order,
      dateOrderDetected: order.detected,
      notices,
    }
  }

  private async hashAll(articles: ParsedArticle[], origins: string[]): Promise<IncomingArticle[]> {
    return Promise.all(articles.map(async (article, index) => ({ ...article, origin: origins[index]!, contentHash: await contentHash(article.body) })))
  }

  private duplicateNote(label: string, existingId: string): DuplicateNote {
    return { label, existingId, earlierInRun: this.storedThisRun.has(existingId) }
  }

  async importCollection(fileId: string, options: MappingOptions): Promise<StepResult> {
    const pending = this.collections.get(fileId)
    if (!pending) throw new Error(`No collection waiting for ${fileId}`)
    this.collections.delete(fileId)
    const { name, collection } = pending
    const total = collection.records.length + collection.rejectedRows.length
    const result = outcome(fileId, name, 'imported', { total, notices: [...pending.notices] })
    const earlier = await this.flushQueue()
    if (this.cancelled) return { outcomes: [...earlier, { ...result, status: 'cancelled' }] }

    if (!options.mapping.body) {
      return { outcomes: [...earlier, { ...result, status: 'rejected', rejections: ['No column was chosen for the article text.'] }] }
    }
    const extra = metaColumns(collection.columns, options.mapping)
    const rejected = [...collection.rejectedRows]
    const prefix = `${collection.format}:${name}#`
    const records = collection.records
    let written = 0
    const store = async (chunk: { row: number; article: IncomingArticle }[]): Promise<void> => {
      try {
        const stored = await storeImportedArticles(this.db, chunk.map((entry) => entry.article), this.importedAt)
        for (const { index, id } of stored.added) {
          this.storedThisRun.add(id)
          result.firstArticleId ??= id
          if (chunk[index]!.article.publishedAt === '') result.undated++
        }
        result.imported += stored.added.length
        for (const duplicate of stored.duplicates) result.duplicates.push(this.duplicateNote(`Row ${chunk[duplicate.index]!.row}`, duplicate.existingId))
      } catch (error) {
        const first = chunk[0]!.row
        const last = chunk[chunk.length - 1]!.row
        rejected.push({ row: first, reason: `Rows ${first}-${last} were not imported: ${errorMessage(error, `store rows ${first}-${last}`)}` })
      }
      written += chunk.length
      this.onProgress({ type: 'progress', fileId, done: written, total: records.length })
    }
    // Three things run side by side: the preparer maps and hashes the chunks ahead, up to two
    // chunks are with IndexedDB, and this worker only hands them over. IndexedDB runs write
    // transactions on the same store in the order they were opened, so each chunk's duplicate
    // check still sees every chunk before it.
    const bounds = chunkBounds(records, options.mapping.body)
    const prepare = (index: number): Promise<PreparedRows> => {
      const [from, to] = bounds[index]!
      const rows = Array.from({ length: to - from }, (_, offset) => collection.rowNumbers[from + offset] ?? from + offset + 1)
      const prepared = this.preparer.prepare({ records: records.slice(from, to), rows, options, extra, prefix })
      // Awaited in order below; one that fails before its turn must not count as unhandled.
      prepared.catch(() => undefined)
      return prepared
    }
    const ahead: Promise<PreparedRows>[] = bounds.slice(0, PREPARED_AHEAD).map((_, index) => prepare(index))
    const inFlight: Promise<void>[] = []
    for (let index = 0; index < bounds.length; index++) {
      if (this.cancelled) break
      const prepared = await ahead.shift()!
      if (index + PREPARED_AHEAD < bounds.length) ahead.push(prepare(index + PREPARED_AHEAD))
      rejected.push(...prepared.rejections)
      while (inFlight.length >= IN_FLIGHT) await inFlight.shift()
      if (this.cancelled) break
      if (prepared.articles.length > 0) inFlight.push(store(prepared.articles))
    }
    while (inFlight.length > 0) await inFlight.shift()
    if (this.cancelled && written < records.length) {
      result.notices.push(`Stopped by Cancel after ${written.toLocaleString('en')} of ${records.length.toLocaleString('en')} rows; the rows imported before that are kept.`)
    }
    result.rejections = rejected.sort((a, b) => a.row - b.row).map((rejection) => rejection.reason)
    if (result.imported === 0) {
      result.status = this.cancelled ? 'cancelled' : result.duplicates.length > 0 ? 'duplicate' : 'rejected'
    }
    return { outcomes: [...earlier, result] }
  }

  /**
   * A news-database export: each document is stored or refused on its own, in chunks of one
   * transaction each, and reported one by one.
   */
  private async importBatch(fileId: string, name: string, origin: string, analysis: Extract<Analysis, { type: 'batch' }>): Promise<FileOutcome> {
    const { entries } = analysis
    const parts: PartOutcome[] = entries.map((entry) => ({
      label: entry.label,
      status: entry.article ? 'cancelled' : 'rejected',
      detail: entry.article ? [entry.article.publishedAt.slice(0, 10), entry.article.source].filter(Boolean).join(' · ') : '',
      reason: entry.reason,
    }))
    const result = outcome(fileId, name, 'imported', { total: entries.length, notices: [...analysis.notices], batch: { format: analysis.format, parts } })
    const readable = entries.flatMap((entry, index) => (entry.article ? [{ index, article: entry.article }] : []))
    let done = 0
    for (let start = 0; start < readable.length; start += CHUNK_ROWS) {
      if (this.cancelled) break
      const slice = readable.slice(start, start + CHUNK_ROWS)
      const hashed = await this.hashAll(
        slice.map((entry) => entry.article),
        slice.map((entry) => `${origin}#${entry.index + 1}`),
      )
      try {
        const stored = await storeImportedArticles(this.db, hashed, this.importedAt)
        for (const { index, id } of stored.added) {
          const part = parts[slice[index]!.index]!
          this.storedThisRun.add(id)
          result.firstArticleId ??= id
          Object.assign(part, { status: 'imported', articleId: id, undated: hashed[index]!.publishedAt === '' })
          if (part.undated) result.undated++
        }
        result.imported += stored.added.length
        for (const duplicate of stored.duplicates) {
          const part = parts[slice[duplicate.index]!.index]!
          const note = this.duplicateNote(part.label, duplicate.existingId)
          Object.assign(part, { status: 'duplicate', articleId: duplicate.existingId, earlierInRun: note.earlierInRun })
          result.duplicates.push(note)
        }
      } catch (error) {
        const reason = errorMessage(error, `store ${plural(slice.length, 'article')}`)
        for (const entry of slice) Object.assign(parts[entry.index]!, { status: 'rejected', reason })
      }
      done += slice.length
      this.onProgress({ type: 'progress', fileId, done, total: readable.length, unit: 'articles' })
    }
    if (this.cancelled && done < readable.length) {
      result.notices.push(`Stopped by Cancel after ${done.toLocaleString('en')} of ${readable.length.toLocaleString('en')} articles; the ones imported before that are kept.`)
    }
    result.rejections = parts.filter((part) => part.status === 'rejected').map((part) => `${part.label}: ${part.reason}`)
    if (result.imported === 0) {
      result.status = this.cancelled ? 'cancelled' : result.duplicates.length > 0 ? 'duplicate' : 'rejected'
    }
    return result
  }

  async skipCollection(fileId: string): Promise<StepResult> {
    const pending = this.collections.get(fileId)
    this.collections.delete(fileId)
    const name = pending?.name ?? fileId
    return { outcomes: [outcome(fileId, name, 'skipped', { total: pending?.collection.records.length ?? 0, rejections: ['Skipped at the column mapping step.'] })] }
  }

  async finish(): Promise<StepResult> {
    const outcomes = await this.flushQueue()
    for (const [fileId, pending] of this.collections) {
      outcomes.push(outcome(fileId, pending.name, 'cancelled', { total: pending.collection.records.length }))
    }
    this.collections.clear()
    return { outcomes }
  }

  private async flushQueue(): Promise<FileOutcome[]> {
    const queued = this.queue
    this.queue = []
    this.queuedChars = 0
    if (queued.length === 0) return []
    if (this.cancelled) return queued.map((entry) => outcome(entry.fileId, entry.name, 'cancelled', { notices: entry.notices }))
    try {
      const stored = await storeImportedArticles(
        this.db,
        queued.map((entry) => entry.article),
        this.importedAt,
      )
      const outcomes = queued.map((entry) => outcome(entry.fileId, entry.name, 'imported', { notices: entry.notices }))
      for (const { index, id } of stored.added) {
        this.storedThisRun.add(id)
        const result = outcomes[index]!
        result.imported = 1
        result.firstArticleId = id
        if (queued[index]!.article.publishedAt === '') result.undated = 1
      }
      for (const { index, existingId } of stored.duplicates) {
        const result = outcomes[index]!
        result.status = 'duplicate'
        result.duplicates.push(this.duplicateNote(queued[index]!.name, existingId))
      }
      return outcomes
    } catch (error) {
      const reason = errorMessage(error, `store ${queued.length} article${queued.length === 1 ? '' : 's'}`)
      return queued.map((entry) => outcome(entry.fileId, entry.name, 'rejected', { rejections: [reason], notices: entry.notices }))
    }
  }
}
