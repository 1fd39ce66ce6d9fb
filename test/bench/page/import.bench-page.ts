import { StandpointDB } from '../../../renderer/src/db/database'
import { JOURNAL_MIDDLEWARE } from '../../../renderer/src/db/journal'
import { writeCsv } from '../../../renderer/src/domain/csv/writeCsv'
import type { Article } from '../../../renderer/src/domain/model'
import { startImportWorker } from '../../../renderer/src/features/import/worker/importClient'
import { LibraryIndex } from '../../../renderer/src/features/library/search/libraryIndex'
import { startLibrarySync } from '../../../renderer/src/features/library/search/librarySync'

// Import and search at scale, measured in the page: 10,000 articles built from the fixtures go
// through the real import worker (parse, map, hash, de-duplicate, store), then the same
// records are bulk-put into a fresh database for comparison, then searched.

export interface ImportBenchInput {
  /** Reuters articles (title, date, body) and SaudiNewsNet rows (title, date, source, body). */
  reuters: { title: string; date: string; body: string }[]
  arabic: { title: string; date: string; source: string; body: string }[]
  articles: number
  files: number
  rounds: number
}

export interface ImportBenchResult {
  articles: number
  csvBytes: number
  meanBodyChars: number
  rounds: { importMs: number; parseMs: number; storeMs: number; rawPutMs: number; journaledPutMs: number }[]
  imported: number
  filesImportMs: number
  filesImported: number
  indexRebuildMs: number
  indexOnlyMs: number
  searchSamples: number[]
  searchQueries: number
}

const PLACES = ['Baghdad', 'Tehran', 'Riyadh', 'Kuwait City', 'Ankara', 'Cairo', 'Damascus', 'Beirut', 'Manama', 'Doha', 'Amman', 'Algiers']

/** 10,000 distinct articles: fixture bodies combined and numbered, so none is a duplicate. */
function buildArticles(input: ImportBenchInput): { title: string; date: string; source: string; body: string }[] {
  const out: { title: string; date: string; source: string; body: string }[] = []
  for (let index = 0; index < input.articles; index++) {
    if (index % 4 === 3 && input.arabic.length > 0) {
      const row = input.arabic[index % input.arabic.length]!
      const extra = input.arabic[(index * 7 + 3) % input.arabic.length]!
      out.push({ title: `${row.title} (${index})`, date: row.date, source: row.source, body: `${row.body}\n\n${extra.body.slice(0, 600)}\n\nرقم ${index}` })
    } else {
      const row = input.reuters[index % input.reuters.length]!
      const extra = input.reuters[(index * 13 + 5) % input.reuters.length]!
      out.push({
        title: `${row.title} (${index})`,
        date: row.date,
        source: 'Reuters',
        body: `${PLACES[index % PLACES.length]}, dispatch ${index} -\n\n${row.body}\n\n${extra.body.slice(0, 700)}`,
      })
    }
  }
  return out
}

/** A fresh workspace; without the change journal when `journal` is false (the raw floor). */
async function fresh(name: string, journal = true): Promise<StandpointDB> {
  const db = new StandpointDB(`bench-${name}-${crypto.randomUUID()}`)
  if (!journal) db.unuse({ stack: 'dbcore', name: JOURNAL_MIDDLEWARE })
  await db.open()
  return db
}

export async function benchImportAndSearch(input: ImportBenchInput, queries: string[]): Promise<ImportBenchResult> {
  const rows = buildArticles(input)
  const csv = new TextEncoder().encode(writeCsv(['title', 'date', 'source', 'body'], rows.map((row) => [row.title, row.date, row.source, row.body])))
  const csvBytes = csv.byteLength

  // Each round imports into a fresh database through the real import worker, then bulk-puts
  // the very records it stored into another fresh database right after: both halves of a
  // pair start from the same empty state and see the same machine load.
  const rounds: { importMs: number; parseMs: number; storeMs: number; rawPutMs: number; journaledPutMs: number }[] = []
  let imported = 0
  let records: Article[] = []
  // The floor: a raw put, no change journal; then the same put through the journal. Which
  // goes first alternates from round to round (the records of the round before stand in
  // before the import of an odd round), so neither side always pays for the other's disk work.
  const puts = async (): Promise<{ rawPutMs: number; journaledPutMs: number }> => {
    const raw = await fresh('raw', false)
    const rawStarted = performance.now()
    await raw.articles.bulkPut(records)
    const rawPutMs = performance.now() - rawStarted
    await raw.delete()
    const journaled = await fresh('journaled')
    const journaledStarted = performance.now()
    await journaled.articles.bulkPut(records)
    const journaledPutMs = performance.now() - journaledStarted
    await journaled.delete()
    return { rawPutMs, journaledPutMs }
  }
  for (let round = 0; round < input.rounds; round++) {
    const putFirst = round % 2 === 1 && records.length > 0
    const early = putFirst ? await puts() : null
    const target = await fresh('import')
    const worker = startImportWorker(() => undefined)
    const started = performance.now()
    await worker.begin(new Date().toISOString(), target.name)
    const inspected = await worker.inspectFile('bench', 'bench.csv', csv.slice(), null)
    const parsed = performance.now()
    if (inspected.inspect?.type !== 'needs-mapping') throw new Error(`bench CSV was not a collection: ${JSON.stringify(inspected.inspect)}`)
    const preview = inspected.inspect.preview
    const stored = await worker.importCollection('bench', { mapping: preview.proposed, defaultSource: '', dateOrder: preview.dateOrder })
    await worker.finish()
    const finished = performance.now()
    worker.terminate()
    imported = stored.outcomes.reduce((sum, outcome) => sum + outcome.imported, 0)

    records = await target.articles.toArray()
    await target.delete()
    const { rawPutMs, journaledPutMs } = early ?? (await puts())
    rounds.push({ importMs: finished - started, parseMs: parsed - started, storeMs: finished - parsed, rawPutMs, journaledPutMs })
  }

  // Many small files: the batching path (one transaction per few hundred files).
  const workspace = await fresh('workspace')
  const filesWorker = startImportWorker(() => undefined)
  const filesStarted = performance.now()
  await filesWorker.begin(new Date().toISOString(), workspace.name)
  let filesImported = 0
  for (let index = 0; index < input.files; index++) {
    const row = rows[index]!
    const text = `Title: ${row.title}\nDate: ${row.date}\nSource: ${row.source}\n\n${row.body}`
    const step = await filesWorker.inspectFile(`f${index}`, `file-${index}.txt`, new TextEncoder().encode(text), null)
    filesImported += step.outcomes.reduce((sum, outcome) => sum + outcome.imported, 0)
  }
  filesImported += (await filesWorker.finish()).outcomes.reduce((sum, outcome) => sum + outcome.imported, 0)
  const filesImportMs = performance.now() - filesStarted
  filesWorker.terminate()

  // Index: the library's full rebuild from IndexedDB (read + index), and indexing alone.
  await workspace.articles.clear()
  await workspace.articles.bulkPut(records)
  const indexStarted = performance.now()
  const ready = await new Promise<ReturnType<typeof startLibrarySync>>((resolve, reject) => {
    const sync: ReturnType<typeof startLibrarySync> = startLibrarySync(
      workspace,
      (event) => {
        if (event.status.ready && event.status.indexed === records.length) resolve(sync)
      },
      (message) => reject(new Error(message)),
    )
  })
  const indexRebuildMs = performance.now() - indexStarted
  const onlyIndex = new LibraryIndex()
  const onlyStarted = performance.now()
  onlyIndex.upsert(records)
  const indexOnlyMs = performance.now() - onlyStarted

  const searchSamples: number[] = []
  for (let round = 0; round < 5; round++) {
    for (const query of queries) searchSamples.push(ready.search(query).elapsedMs)
  }
  ready.stop()
  await workspace.delete()

  return {
    articles: rows.length,
    csvBytes,
    meanBodyChars: Math.round(rows.reduce((sum, row) => sum + row.body.length, 0) / rows.length),
    rounds,
    imported,
    filesImportMs,
    filesImported,
    indexRebuildMs,
    indexOnlyMs,
    searchSamples,
    searchQueries: queries.length,
  }
}
