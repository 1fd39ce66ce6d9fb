import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import type { MappingOptions } from '../../../renderer/src/domain/import/types'
import { ImportSession } from '../../../renderer/src/features/import/worker/importSession'
import { prepareRows, type RowBatch } from '../../../renderer/src/features/import/worker/prepareRows'
import { helperPreparer, inlinePreparer, type RowPreparer } from '../../../renderer/src/features/import/worker/rowPreparer'

// A collection's rows are mapped and hashed ahead of the writing, by a helper worker in the
// app. However the preparations come back (late, out of order, or from the fallback when no
// helper can run), the import must store and report exactly what preparing in line does.

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** 6,000 rows: some with an empty body, some repeating an earlier row's text (in another chunk too). */
function collectionCsv(): Uint8Array {
  const rows = Array.from({ length: 6000 }, (_, index) => {
    if (index % 997 === 5) return `Empty ${index},,2024-01-02`
    const text = index % 450 === 7 ? `Repeated text ${index % 3}` : `Article ${index} with its own words.`
    return `Row ${index},"${text} ${'word '.repeat(10)}",2024-01-${String((index % 28) + 1).padStart(2, '0')}`
  })
  return utf8(['title,body,date', ...rows].join('\n'))
}

/** Prepares in line, but answers each batch after a delay that makes later batches come back first. */
const shuffledPreparer: RowPreparer = {
  async prepare(batch: RowBatch) {
    const prepared = await prepareRows(batch)
    await new Promise((resolve) => setTimeout(resolve, batch.rows[0] === 1 ? 80 : 5))
    return prepared
  },
}

async function importWith(preparer: RowPreparer) {
  const db = new StandpointDB(`row-preparer-${crypto.randomUUID()}`)
  await db.open()
  const session = new ImportSession(db, '2025-01-01T00:00:00.000Z', () => undefined, preparer)
  const inspected = await session.inspectFile('f', 'rows.csv', collectionCsv(), null)
  if (inspected.inspect?.type !== 'needs-mapping') throw new Error('expected a collection')
  const preview = inspected.inspect.preview
  const options: MappingOptions = { mapping: preview.proposed, defaultSource: '', dateOrder: preview.dateOrder }
  const { outcomes } = await session.importCollection('f', options)
  const articles = (await db.articles.toArray()).map(({ id: _id, ...rest }) => rest).sort((a, b) => (a.origin < b.origin ? -1 : 1))
  const outcome = outcomes[0]!
  db.close()
  await StandpointDB.delete(db.name)
  // Ids are new each time: compared by what they point at.
  return {
    articles,
    outcome: { ...outcome, firstArticleId: undefined, duplicates: outcome.duplicates.map((duplicate) => ({ label: duplicate.label, earlierInRun: duplicate.earlierInRun })) },
  }
}

const realWorker = globalThis.Worker

afterEach(() => {
  globalThis.Worker = realWorker
})

describe('preparing rows ahead of the writing', () => {
  it('stores and reports the same as preparing in line, whatever order the preparations come back in', async () => {
    const inline = await importWith(inlinePreparer)
    expect(inline.outcome).toMatchObject({ status: 'imported', total: 6000 })
    expect(inline.outcome.rejections.length).toBeGreaterThan(0)
    expect(inline.outcome.duplicates.length).toBeGreaterThan(0)
    expect(await importWith(shuffledPreparer)).toEqual(inline)
  })

  it('prepares in line when the helper worker cannot start', async () => {
    // A worker whose script fails to load: the browser reports an error event.
    globalThis.Worker = class extends EventTarget {
      constructor() {
        super()
        setTimeout(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'failed to load' })), 0)
      }
      postMessage(): void {}
      terminate(): void {}
    } as unknown as typeof Worker
    const batch: RowBatch = {
      records: [{ title: 'A', body: 'Some text of an article.' }, { title: 'B', body: '' }],
      rows: [1, 2],
      options: { mapping: { title: 'title', body: 'body', publishedAt: null, source: null, author: null, url: null }, defaultSource: '', dateOrder: 'dmy' },
      extra: [],
      prefix: 'csv:x.csv#',
    }
    const preparer = helperPreparer()
    expect(await preparer.prepare(batch)).toEqual(await prepareRows(batch))
    expect(await preparer.prepare(batch)).toEqual(await prepareRows(batch))
  })
})
