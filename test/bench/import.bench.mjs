// Import and search at scale (issue 3): 10,000 articles of realistic size, built from the
// Reuters and SaudiNewsNet fixtures, imported through the real import worker; compared with a
// raw IndexedDB bulk put of the same records in the same run; then full-text search latency
// and index rebuild time over the 10,000.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'

export const name = 'import'

const ARTICLES = 10_000
const FILES = 2_000
const ROUNDS = 5

const QUERIES = [
  // frequent, medium and rare words of the collection
  'iran', 'oil', 'gulf', 'said', 'tanker', 'kuwait', 'opec', 'minister', 'sonatrach', 'khomeini', 'weinberger', 'silkworm',
  // several words, all required
  'saudi oil', 'gulf tanker attack', 'iran iraq war', 'oil prices opec', 'reagan arms', 'foreign minister said',
  // unfinished last word, as typed
  'tank', 'negoti', 'kuw', 'iraqi off', 'arab',
  // Arabic
  'الحوثي', 'السعودية', 'وزير الخارجية', 'اليمن', 'النفط', 'الرياض',
  // nothing matches
  'zebra', 'quantum entanglement',
]

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]
}

export async function run(ctx) {
  const reutersPath = join(ctx.fixturesDir, 'reuters-mideast-1987', 'articles.json')
  const arabicPath = join(ctx.fixturesDir, 'saudinewsnet-arabic', 'articles.csv')
  if (!existsSync(reutersPath) || !existsSync(arabicPath)) {
    console.log(`  skipped: shared fixtures not found at ${ctx.fixturesDir} (set STANDPOINT_FIXTURES)`)
    return
  }
  const reuters = JSON.parse(readFileSync(reutersPath, 'utf8')).map((row) => ({ title: row.title, date: row.date, body: row.body }))
  const arabic = Papa.parse(readFileSync(arabicPath, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
    .data.filter((row) => row.content.trim() !== '')
    .map((row) => ({ title: row.title, date: row.date_extracted, source: row.source, body: row.content }))

  const context = await ctx.launch()
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(ctx.benchURL)
  await page.getByText('ready').waitFor()
  const result = await page.evaluate(
    ({ input, queries }) => window.standpointBench.benchImportAndSearch(input, queries),
    { input: { reuters, arabic, articles: ARTICLES, files: FILES, rounds: ROUNDS }, queries: QUERIES },
  )
  await context.close()

  if (result.imported !== ARTICLES) throw new Error(`imported ${result.imported} of ${ARTICLES} articles`)
  if (result.filesImported !== FILES) throw new Error(`imported ${result.filesImported} of ${FILES} files`)
  console.log(`  ${result.articles} articles, mean body ${result.meanBodyChars} characters, CSV ${(result.csvBytes / 1024 / 1024).toFixed(1)} MB`)

  // Import and raw put were measured back to back in each round; medians over the rounds.
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const importMs = median(result.rounds.map((round) => round.importMs))
  const rawPutMs = median(result.rounds.map((round) => round.rawPutMs))
  const ratio = median(result.rounds.map((round) => round.importMs / round.rawPutMs))
  console.log(`  rounds (import / raw put, ms): ${result.rounds.map((round) => `${round.importMs.toFixed(0)} / ${round.rawPutMs.toFixed(0)}`).join(', ')}`)
  ctx.record(name, `import ${ARTICLES} articles from one CSV (parse, map, hash, dedupe, store), median of ${ROUNDS}`, importMs, 'ms')
  ctx.record(name, '  of which parsing the CSV', median(result.rounds.map((round) => round.parseMs)), 'ms')
  ctx.record(name, '  of which mapping, hashing and storing', median(result.rounds.map((round) => round.storeMs)), 'ms')
  ctx.record(name, 'import rate', result.articles / (importMs / 1000), 'articles/s')
  ctx.record(name, 'raw IndexedDB bulkPut of the same records, same rounds (before or after the import, alternately)', rawPutMs, 'ms')
  ctx.record(name, 'raw bulkPut rate', result.articles / (rawPutMs / 1000), 'articles/s')
  ctx.record(name, 'import time / raw put time (median of the rounds)', ratio, 'x', { max: 1.5 }, { value: rawPutMs, unit: 'ms', metric: 'raw bulkPut of the same records (no change journal)' })
  ctx.record(name, '  mapping, hashing and storing alone / raw put time (the part after the column mapping step)', median(result.rounds.map((round) => round.storeMs / round.rawPutMs)), 'x')
  ctx.record(name, 'the same bulkPut through the change journal', median(result.rounds.map((round) => round.journaledPutMs)), 'ms')
  ctx.record(name, '  change journal overhead on a bulk put of articles', median(result.rounds.map((round) => round.journaledPutMs / round.rawPutMs)), 'x')
  ctx.record(name, `import ${FILES} separate text files`, result.filesImportMs, 'ms')
  ctx.record(name, 'separate-file import rate', FILES / (result.filesImportMs / 1000), 'files/s')
  ctx.record(name, 'library index rebuild from IndexedDB, per 1,000 articles', result.indexRebuildMs / (ARTICLES / 1000), 'ms', { max: 1000 })
  ctx.record(name, '  of which indexing alone, per 1,000 articles', result.indexOnlyMs / (ARTICLES / 1000), 'ms')

  const samples = [...result.searchSamples].sort((a, b) => a - b)
  ctx.record(name, `search latency median (${result.searchQueries} queries x 5, ${ARTICLES} articles)`, percentile(samples, 0.5), 'ms')
  ctx.record(name, 'search latency p95', percentile(samples, 0.95), 'ms', { max: 20 })
  ctx.record(name, 'search latency max', samples[samples.length - 1], 'ms')
}
