import { StandpointDB } from '../../../renderer/src/db/database'
import { startLibrarySync, type LibrarySync } from '../../../renderer/src/features/library/search/librarySync'
import { LibraryIndex } from '../../../renderer/src/features/library/search/libraryIndex'
// @ts-expect-error -- plain JavaScript shared with the Node side of the bench
import { libraryArticles as untypedArticles } from '../library-data.mjs'

// The library at 100,000 articles, in the bench page: seeding, the index built from nothing
// and saved, then loaded as the app does at start, and searched.

interface Fixtures {
  reuters: { title: string; body: string }[]
  arabic: { title: string; source: string; body: string }[]
}

const SEED_CHUNK = 5_000
const libraryArticles = untypedArticles as (fixtures: Fixtures, from: number, to: number) => { body: string }[]

/** Writes `count` generated articles into a fresh workspace, straight through IndexedDB. */
export async function benchLibrarySeed(fixtures: Fixtures, count: number, fixedName?: string): Promise<{ name: string; ms: number; meanBodyChars: number }> {
  const name = fixedName ?? `bench-library-${crypto.randomUUID()}`
  const db = new StandpointDB(name)
  await db.open()
  db.close()
  const started = performance.now()
  let chars = 0
  const native = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('open failed'))
  })
  for (let from = 0; from < count; from += SEED_CHUNK) {
    const articles = libraryArticles(fixtures, from, Math.min(count, from + SEED_CHUNK))
    for (const article of articles) chars += article.body.length
    await new Promise<void>((resolve, reject) => {
      const tx = native.transaction('articles', 'readwrite')
      const store = tx.objectStore('articles')
      for (const article of articles) store.put(article)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('write failed'))
    })
  }
  native.close()
  return { name, ms: performance.now() - started, meanBodyChars: Math.round(chars / count) }
}

let running: LibrarySync | null = null

type Timings = Record<string, number>
const details: Record<string, string> = {}

function start(name: string, persist: boolean): Promise<{ sync: LibrarySync; timings: Timings; readyMs: number }> {
  const timings: Timings = {}
  const started = performance.now()
  const db = new StandpointDB(name)
  return new Promise((resolve, reject) => {
    const sync = startLibrarySync(db, () => undefined, (message) => reject(new Error(message)), {
      persist,
      onTiming: (what, ms, detail) => {
        timings[what] = ms
        if (detail) details[what] = detail
      },
    })
    sync.settled().then(() => resolve({ sync, timings, readyMs: performance.now() - started }), reject)
  })
}

/** The index built from the articles (no saved copy), then saved. */
export async function benchLibraryBuild(name: string): Promise<{ buildMs: number; saveMs: number; indexOnlyPer1000Ms: number }> {
  running?.stop()
  const { sync, readyMs } = await start(name, true)
  const saveStarted = performance.now()
  await sync.save()
  const saveMs = performance.now() - saveStarted
  sync.stop()
  // Indexing alone, on 5,000 articles already in memory.
  const db = new StandpointDB(name)
  const sample = await db.articles.limit(5_000).toArray()
  db.close()
  const onlyStarted = performance.now()
  new LibraryIndex().upsert(sample)
  const indexOnlyPer1000Ms = (performance.now() - onlyStarted) / (sample.length / 1000)
  return { buildMs: readyMs, saveMs, indexOnlyPer1000Ms }
}

/** The start the app makes: the saved index loaded, checked against the workspace, ready. */
export async function benchLibraryLoad(name: string): Promise<{ loadedMs: number; checkedMs: number; verifiedMs: number; readyMs: number; size: number; detail: string }> {
  running?.stop()
  const { sync, timings, readyMs } = await start(name, true)
  running = sync
  if (timings.loaded === undefined) throw new Error(`the saved index was not loaded: ${JSON.stringify(timings)}`)
  // The postings are checked in a task of their own once the index answers.
  while (timings.verified === undefined) await new Promise((resolve) => setTimeout(resolve, 5))
  return {
    loadedMs: timings.loaded,
    checkedMs: timings.checked ?? 0,
    verifiedMs: timings.verified,
    readyMs,
    size: sync.snapshot().status.indexed,
    detail: `${details.loaded ?? ''}; check: ${details.checked ?? ''}`,
  }
}

export function benchLibrarySearch(queries: string[], rounds: number): { samples: number[]; floors: number[]; hits: Record<string, number>; slowest: Record<string, number> } {
  if (!running) throw new Error('load the library first')
  const samples: number[] = []
  const floors: number[] = []
  const hits: Record<string, number> = {}
  const slowest: Record<string, number> = {}
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const started = performance.now()
      const result = running.search(query)
      const elapsed = performance.now() - started
      samples.push(elapsed)
      slowest[query] = Math.max(slowest[query] ?? 0, elapsed)
      hits[query] = result.ids.length
      // The floor: what any ranked answer of that size costs, matching aside.
      const floorStarted = performance.now()
      const keys = new Float64Array(result.ids.length)
      for (let index = 0; index < keys.length; index++) keys[index] = Math.random()
      keys.sort()
      const listed = new Array<string>(keys.length)
      for (let index = 0; index < keys.length; index++) listed[index] = result.ids[index]!
      floors.push(performance.now() - floorStarted)
    }
  }
  return { samples, floors, hits, slowest }
}

/** One article edited while the library runs: until a search sees it. */
export async function benchLibraryEdit(name: string): Promise<{ ms: number }> {
  if (!running) throw new Error('load the library first')
  const db = new StandpointDB(name)
  const [first] = await db.articles.limit(1).toArray()
  const started = performance.now()
  await db.articles.put({ ...first!, body: `${first!.body}\n\nzanzibarquartz`, updatedAt: new Date().toISOString() })
  while (running.search('zanzibarquartz').ids.length === 0) await new Promise((resolve) => setTimeout(resolve, 1))
  db.close()
  return { ms: performance.now() - started }
}

export function benchLibraryStop(): void {
  running?.stop()
  running = null
}
