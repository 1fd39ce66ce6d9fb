import type { IncomingArticle } from '../../../db/repositories/articles'
import { contentHash } from '../../../domain/contentHash'
import { mapRecord } from '../../../domain/import/mapping'
import type { MappingOptions, RowRejection } from '../../../domain/import/types'

// Turning a collection's rows into articles ready to store: the mapping (body normalised,
// language detected) and the content hash. It is most of an import's work on the CPU, so in
// the app it runs in a helper worker of its own (prepare.worker.ts) while the import worker
// writes: a write transaction waits for every answer IndexedDB sends back, and the worker that
// receives them must not be busy mapping the next rows (measured: 1,000 duplicate lookups took
// 300-600 ms while the same worker mapped, 70-100 ms while it did not).

/** Rows of a collection to prepare: `records[i]` is row `rows[i]` of the file. */
export interface RowBatch {
  records: Record<string, string>[]
  rows: number[]
  options: MappingOptions
  /** The columns kept as metadata. */
  extra: string[]
  /** Each article's origin is this prefix and its row number. */
  prefix: string
}

export interface PreparedRows {
  articles: { row: number; article: IncomingArticle }[]
  /** Rows the mapping refused (an empty body). */
  rejections: RowRejection[]
}

/** Rows mapped and hashed between two waits for digests (about 10 ms of work). */
const SLICE = 100

export async function prepareRows(batch: RowBatch): Promise<PreparedRows> {
  const prepared: PreparedRows = { articles: [], rejections: [] }
  // A slice at a time: where this runs on the writing worker (no helper could start), the wait
  // for each slice's digests lets the transactions in flight run their callbacks.
  for (let start = 0; start < batch.records.length; start += SLICE) {
    const mapped: { row: number; article: IncomingArticle }[] = []
    for (let index = start; index < Math.min(start + SLICE, batch.records.length); index++) {
      const row = batch.rows[index]!
      const result = mapRecord(batch.records[index]!, row, batch.options, batch.extra)
      if (result.article) mapped.push({ row, article: { ...result.article, origin: `${batch.prefix}${row}`, contentHash: '' } })
      else if (result.rejection) prepared.rejections.push(result.rejection)
    }
    const hashes = await Promise.all(mapped.map((entry) => contentHash(entry.article.body)))
    mapped.forEach((entry, index) => {
      entry.article.contentHash = hashes[index]!
      prepared.articles.push(entry)
    })
  }
  return prepared
}
