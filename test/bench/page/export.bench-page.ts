import { BackupParser } from '../../../renderer/src/db/backup/parseBackup'
import { prepareRestore, restoreBackup, RESTORE_WRITE_BATCH } from '../../../renderer/src/db/backup/restore'
import { backupChunks, readWorkspaceSnapshot } from '../../../renderer/src/db/backup/writeBackup'
import { StandpointDB } from '../../../renderer/src/db/database'
import { JOURNAL_MIDDLEWARE } from '../../../renderer/src/db/journal'
import { createAnchor } from '../../../renderer/src/domain/anchoring'
import { CLAIMS_COLUMNS, claimRows, sortClaimsForExport } from '../../../renderer/src/domain/export/claimsCsv'
import { csvChunks } from '../../../renderer/src/domain/export/csvChunks'
import { buildLookups } from '../../../renderer/src/domain/export/lookups'
import { startExport } from '../../../renderer/src/features/export/worker/exportClient'
import { DEFAULT_ACTOR_KINDS as ACTOR_KINDS, STANCES, type Actor, type Article, type Claim, type Issue } from '../../../renderer/src/domain/model'

// A workspace of benchmark size: 100,000 claims over 5,000 articles, 500 actors, 60 issues.

const SENTENCES = [
  'The movement said it "will stop military operations", for now, pending talks.',
  'قال المتحدث، إن الحركة ستوقف العمليات العسكرية ضد إسرائيل.',
  'Officials rejected the call to halt attacks on the pipeline until troops withdraw.',
  'The ministry welcomed the announcement and promised to study the amnesty text.',
  '=SUM(A1) is not a formula here, just a line a spreadsheet must not run.',
]

export async function benchExportSeed(claimCount: number): Promise<{ name: string; ms: number }> {
  const name = `bench-export-${crypto.randomUUID()}`
  const db = new StandpointDB(name)
  await db.open()
  const started = performance.now()
  const now = new Date().toISOString()
  const articles: Article[] = []
  for (let index = 0; index < 5_000; index++) {
    const body = Array.from({ length: 12 }, (_, k) => SENTENCES[(index + k) % SENTENCES.length]).join('\n\n')
    articles.push({
      id: crypto.randomUUID(),
      title: `Article ${index}: militias, ministers and "the pipeline"`,
      source: index % 3 === 0 ? 'Asharq Al-Awsat' : 'Reuters',
      author: 'Staff',
      publishedAt: `2024-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
      url: `https://example.org/a/${index}`,
      language: index % 3 === 0 ? 'ar' : 'en',
      direction: index % 3 === 0 ? 'rtl' : 'ltr',
      body,
      contentHash: `hash-${index}`,
      importedAt: now,
      origin: 'bench',
      meta: {},
      updatedAt: now,
      externalId: '',
    })
  }
  const actors: Actor[] = Array.from({ length: 500 }, (_, index) => ({
    id: crypto.randomUUID(),
    name: `Actor ${index}`,
    kind: ACTOR_KINDS[index % ACTOR_KINDS.length]!,
    aliases: [`A${index}`],
    notes: '',
    createdAt: now,
    updatedAt: now,
    attributes: {},
    updatedBy: '',
  }))
  const issues: Issue[] = Array.from({ length: 60 }, (_, index) => ({
    id: crypto.randomUUID(),
    label: `Issue ${index}`,
    description: '',
    parentId: null,
    createdAt: now,
    updatedAt: now,
    code: '',
    updatedBy: '',
  }))
  const claims: Claim[] = []
  for (let index = 0; index < claimCount; index++) {
    const article = articles[index % articles.length]!
    const start = article.body.indexOf(SENTENCES[index % SENTENCES.length]!)
    claims.push({
      id: crypto.randomUUID(),
      articleId: article.id,
      actorId: actors[index % actors.length]!.id,
      issueIds: [issues[index % issues.length]!.id],
      stance: STANCES[index % STANCES.length]!,
      date: article.publishedAt,
      addresseeId: index % 7 === 0 ? actors[(index + 1) % actors.length]!.id : null,
      note: index % 5 === 0 ? 'Reported speech, not a direct quote.' : '',
      anchor: createAnchor(article.body, start, start + SENTENCES[index % SENTENCES.length]!.length),
      createdAt: now,
      updatedAt: now,
      coderId: 'bench-coder',
      updatedBy: 'bench-coder',
      externalId: '',
      attributes: {},
      adjudicatedFrom: [],
    })
  }
  await db.transaction('rw', db.tables, async () => {
    await db.articles.bulkAdd(articles)
    await db.actors.bulkAdd(actors)
    await db.issues.bulkAdd(issues)
    await db.claims.bulkAdd(claims)
  })
  db.close()
  return { name, ms: performance.now() - started }
}

/**
 * The claims export as the Export dialog runs it: in its worker, the claims read in slices
 * while their lines are written, then sorted and sent in chunks that the window turns into
 * Blobs as the browser platform does. Also the window's longest task meanwhile.
 */
export async function benchExportClaimsWorker(name: string): Promise<{ ms: number; firstChunkMs: number; longestTaskMs: number; bytes: number; rows: number }> {
  let longestTaskMs = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration)
  })
  observer.observe({ type: 'longtask' })
  // A task boundary first, so the observer does not report the caller's task.
  await new Promise((resolve) => setTimeout(resolve, 0))
  const started = performance.now()
  const run = startExport('claims', { bom: true, includeBody: false }, name)
  const parts: Blob[] = []
  let firstChunk = 0
  for await (const chunk of run.chunks) {
    if (chunk.bytes.length === 0) continue
    firstChunk ||= performance.now()
    parts.push(new Blob([chunk.bytes as BlobPart]))
  }
  const blob = new Blob(parts)
  const { count } = await run.summary
  const done = performance.now()
  observer.disconnect()
  // Read back after the clock stops: only the floor's measurement needs the text.
  lastCsv = await blob.text()
  return { ms: done - started, firstChunkMs: firstChunk - started, longestTaskMs, bytes: blob.size, rows: count }
}

/** The same export as it ran before the worker: one getAll per table on the window's thread, then the CSV. */
export async function benchExportClaims(name: string): Promise<{ readMs: number; buildMs: number; bytes: number; rows: number }> {
  const db = new StandpointDB(name)
  await db.open()
  const started = performance.now()
  const { claims, actors, issues, articles } = await db.transaction('r', [db.claims, db.actors, db.issues, db.articles], async () => ({
    claims: await db.claims.toArray(),
    actors: await db.actors.toArray(),
    issues: await db.issues.toArray(),
    articles: await db.articles.toArray(),
  }))
  const read = performance.now()
  const parts: Blob[] = []
  let rows = 0
  for (const chunk of csvChunks([...CLAIMS_COLUMNS], claimRows(sortClaimsForExport(claims), buildLookups({ articles, actors, issues })), { bom: true })) {
    parts.push(new Blob([chunk.text]))
    rows += chunk.rows
  }
  const blob = new Blob(parts)
  const done = performance.now()
  db.close()
  return { readMs: read - started, buildMs: done - read, bytes: blob.size, rows }
}

/**
 * The floor of a claims export: reading the claims and what they point at (one getAll per
 * table, straight from IndexedDB, in one transaction) plus writing the file's bytes (a Blob of
 * the finished text). Everything between, rows, sort and CSV, is the export's own work.
 */
export async function benchExportFloor(name: string): Promise<{ readMs: number; writeMs: number; bytes: number }> {
  const native = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('open failed'))
  })
  const started = performance.now()
  const read = await new Promise<unknown[][]>((resolve, reject) => {
    const tables = ['claims', 'articles', 'actors', 'issues']
    const tx = native.transaction(tables, 'readonly')
    const results: unknown[][] = []
    tables.forEach((table, index) => {
      const request = tx.objectStore(table).getAll()
      request.onsuccess = () => (results[index] = request.result as unknown[])
    })
    tx.oncomplete = () => resolve(results)
    tx.onerror = () => reject(tx.error ?? new Error('read failed'))
  })
  const readMs = performance.now() - started
  native.close()
  // The same bytes the export wrote, as one text: only putting them into a file is timed.
  const csv = lastCsv ?? ''
  const writeStarted = performance.now()
  const blob = new Blob([csv])
  await blob.slice(0, 1).arrayBuffer()
  const writeMs = performance.now() - writeStarted
  if (read.length !== 4) throw new Error('floor read failed')
  return { readMs, writeMs, bytes: blob.size }
}

let lastCsv: string | null = null
let lastBackup: Blob | null = null

export async function benchBackup(name: string): Promise<{ ms: number; bytes: number }> {
  const db = new StandpointDB(name)
  await db.open()
  const started = performance.now()
  const snapshot = await readWorkspaceSnapshot(db)
  const parts: Blob[] = []
  for (const chunk of backupChunks(snapshot, 'bench', new Date().toISOString())) parts.push(new Blob([chunk.text]))
  lastBackup = new Blob(parts)
  const ms = performance.now() - started
  db.close()
  return { ms, bytes: lastBackup.size }
}

/**
 * Reads the last backup as the dialog does (4 MB slices), checks it, and restores it. With
 * `journal` false the database is opened without the change journal: the same restore, to
 * measure what the journal (entries and tombstone upkeep in the same transaction) costs.
 */
export async function benchRestore(mode: 'replace' | 'merge', into?: string, journal = true): Promise<{ readMs: number; writeMs: number; name: string }> {
  if (!lastBackup) throw new Error('run benchBackup first')
  const name = into ?? `bench-restore-${crypto.randomUUID()}`
  const db = new StandpointDB(name)
  if (!journal) db.unuse({ stack: 'dbcore', name: JOURNAL_MIDDLEWARE })
  await db.open()
  const started = performance.now()
  const parser = new BackupParser()
  const decoder = new TextDecoder()
  const slice = 4 * 1024 * 1024
  for (let offset = 0; offset < lastBackup.size; offset += slice) {
    parser.push(decoder.decode(new Uint8Array(await lastBackup.slice(offset, offset + slice).arrayBuffer()), { stream: true }))
  }
  const prepared = await prepareRestore(parser.finish(), db)
  const read = performance.now()
  await restoreBackup(db, prepared, mode)
  const written = performance.now()
  db.close()
  return { readMs: read - started, writeMs: written - read, name }
}

/**
 * The floor of a restore: the same records the restore writes, bulk-put into an empty
 * workspace in one transaction and in the same batches (RESTORE_WRITE_BATCH records per
 * bulkPut), with nothing else (no checks, counts, reports or journal).
 */
export async function benchRawRestoreFloor(): Promise<{ ms: number }> {
  if (!lastBackup) throw new Error('run benchBackup first')
  const parser = new BackupParser()
  parser.push(await lastBackup.text())
  const scratch = new StandpointDB(`bench-floor-${crypto.randomUUID()}`)
  // The storage floor: no change journal either.
  scratch.unuse({ stack: 'dbcore', name: JOURNAL_MIDDLEWARE })
  await scratch.open()
  const prepared = await prepareRestore(parser.finish(), scratch)
  const started = performance.now()
  await scratch.transaction('rw', scratch.tables, async () => {
    for (const table of scratch.tables) {
      const rows = prepared.tables.get(table.name) ?? []
      for (let start = 0; start < rows.length; start += RESTORE_WRITE_BATCH) await table.bulkPut(rows.slice(start, start + RESTORE_WRITE_BATCH))
    }
  })
  const ms = performance.now() - started
  scratch.close()
  await StandpointDB.delete(scratch.name)
  return { ms }
}

export async function benchDeleteDatabase(name: string): Promise<void> {
  await StandpointDB.delete(name)
}
