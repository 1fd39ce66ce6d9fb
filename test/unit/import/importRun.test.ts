import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import type { ColumnMapping, MappingOptions } from '../../../renderer/src/domain/import/types'
import { ImportRun, type ImportSource } from '../../../renderer/src/features/import/importRun'
import type { ImportWorkerApi, ProgressEvent } from '../../../renderer/src/features/import/importTypes'
import { ImportSession } from '../../../renderer/src/features/import/worker/importSession'
import type { PickedFile } from '../../../renderer/src/platform/platform'
import { describeWithFixtures, fixtureBytes } from './fixtures'

// The whole import pipeline (run, session, parsers, storage) in one process: the worker's
// message layer is the only part left out.

let counter = 0
async function freshDb(): Promise<StandpointDB> {
  const db = new StandpointDB(`import-run-${++counter}-${Date.now()}`)
  await db.open()
  return db
}

/** The worker API served in-process by a real ImportSession. */
function inProcessWorker(db: StandpointDB, onProgress: (event: ProgressEvent) => void = () => undefined): ImportWorkerApi & { session: () => ImportSession } {
  let session: ImportSession | null = null
  const current = (): ImportSession => session!
  return {
    session: current,
    begin: async (importedAt) => {
      session = new ImportSession(db, importedAt, onProgress)
    },
    inspectFile: (fileId, name, bytes, remembered: Partial<ColumnMapping> | null) => current().inspectFile(fileId, name, bytes, remembered),
    inspectPaste: (fileId, text) => current().inspectPaste(fileId, text),
    importCollection: (fileId, options: MappingOptions) => current().importCollection(fileId, options),
    skipCollection: (fileId) => current().skipCollection(fileId),
    finish: () => current().finish(),
    cancel: async () => current().cancel(),
  }
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

function file(name: string, bytes: Uint8Array): ImportSource {
  const picked: PickedFile = { name, relativePath: name, size: bytes.byteLength, read: async () => bytes }
  return { kind: 'file', file: picked }
}

/** A file that claims a size and fails the test if anyone reads it. */
function unreadable(name: string, size: number): ImportSource {
  return {
    kind: 'file',
    file: {
      name,
      relativePath: name,
      size,
      read: async () => {
        throw new Error(`${name} must be refused before it is read`)
      },
    },
  }
}

/** Runs an import, answering every mapping step with the proposed mapping. */
async function runAll(run: ImportRun, importedAt = '2025-01-01T00:00:00.000Z', decide?: (run: ImportRun) => void): Promise<void> {
  const unsubscribe = run.subscribe(() => {
    const { phase, preview } = run.state
    if (phase === 'mapping' && preview) {
      if (decide) decide(run)
      else queueMicrotask(() => run.resolveMapping({ action: 'import', options: { mapping: preview.proposed, defaultSource: '', dateOrder: preview.dateOrder } }))
    }
  })
  await run.run(importedAt)
  unsubscribe()
}

describeWithFixtures('an import run', () => {
  it('imports good files, skips duplicates and rejects each bad file with its reason, in one batch', async () => {
    const db = await freshDb()
    const seed = fixtureBytes('seed-article.txt')
    const sources: ImportSource[] = [
      file('seed-article.txt', seed),
      file('copy of seed.txt', seed),
      file('empty.txt', new Uint8Array()),
      file('binary.dat', new Uint8Array(256).map((_, index) => index)),
      file('broken-utf8.txt', new Uint8Array([...utf8('Zürich '), 0xff, ...utf8(' text')])),
      file('broken.csv', utf8('title,body\nA,"never closed\nB,text\n')),
      unreadable('huge.txt', 50 * 1024 * 1024),
      file('scripts.html', utf8(`<html><body>${'<script>track()</script>'.repeat(25)}</body></html>`)),
      file('articles.csv', fixtureBytes('reuters-mideast-1987', 'articles.csv')),
      { kind: 'paste', text: 'Title: Pasted piece\n\nA pasted article without a date, which must be flagged for review.' },
    ]
    const run = new ImportRun(sources, inProcessWorker(db))
    await runAll(run)
    const { outcomes, phase, error } = run.state
    expect(phase).toBe('done')
    expect(error).toBeNull()
    const byName = new Map(outcomes.map((outcome) => [outcome.name, outcome]))
    expect(outcomes).toHaveLength(sources.length)

    expect(byName.get('seed-article.txt')).toMatchObject({ status: 'imported', imported: 1, undated: 0 })
    expect(byName.get('copy of seed.txt')).toMatchObject({ status: 'duplicate', imported: 0 })
    expect(byName.get('copy of seed.txt')!.duplicates[0]).toMatchObject({ earlierInRun: true, existingId: byName.get('seed-article.txt')!.firstArticleId })
    expect(byName.get('empty.txt')!.rejections).toEqual(['The file is empty.'])
    expect(byName.get('binary.dat')!.rejections[0]).toMatch(/binary data/)
    expect(byName.get('broken-utf8.txt')!.rejections[0]).toMatch(/UTF-8 with invalid bytes in it \(first at line 1, byte 9\)/)
    expect(byName.get('broken.csv')!.rejections[0]).toMatch(/unterminated quote/)
    expect(byName.get('huge.txt')!.rejections[0]).toMatch(/The file is 50.0 MB; the limit for a text file or news-database export is 40.0 MB/)
    expect(byName.get('scripts.html')!.rejections[0]).toMatch(/no readable text: only scripts/)
    for (const name of ['empty.txt', 'binary.dat', 'broken-utf8.txt', 'broken.csv', 'huge.txt', 'scripts.html']) expect(byName.get(name)!.status, name).toBe('rejected')

    // Reuters 1987: 266 rows, of which 4 are re-transmissions of an earlier story, word for word.
    const reuters = byName.get('articles.csv')!
    expect(reuters).toMatchObject({ status: 'imported', imported: 262, total: 266, rejections: [] })
    expect(reuters.duplicates.map((duplicate) => duplicate.label)).toEqual(['Row 62', 'Row 101', 'Row 186', 'Row 259'])
    expect(reuters.duplicates.every((duplicate) => duplicate.earlierInRun)).toBe(true)

    expect(byName.get('Pasted text')).toMatchObject({ status: 'imported', undated: 1 })
    const stored = await db.articles.toArray()
    expect(stored).toHaveLength(1 + 262 + 1)
    expect(stored.find((article) => article.origin === 'paste')!.publishedAt).toBe('')
    expect(stored.filter((article) => article.origin.startsWith('csv:articles.csv#'))).toHaveLength(262)
    expect(new Set(stored.map((article) => article.importedAt))).toEqual(new Set(['2025-01-01T00:00:00.000Z']))
  })

  it('imports the Arabic collection completely, right-to-left, and the same file again as all duplicates', async () => {
    const db = await freshDb()
    const bytes = fixtureBytes('saudinewsnet-arabic', 'articles.csv')
    const first = new ImportRun([file('articles.csv', bytes)], inProcessWorker(db))
    await runAll(first)
    expect(first.state.outcomes[0]).toMatchObject({ status: 'imported', imported: 149, total: 150 })
    expect(first.state.outcomes[0]!.rejections).toEqual(['Row 129 was skipped: its body (column "content") is empty.'])
    const stored = await db.articles.toArray()
    expect(stored.every((article) => article.direction === 'rtl' && article.language === 'ar')).toBe(true)

    const again = new ImportRun([file('articles.csv', bytes)], inProcessWorker(db))
    await runAll(again, '2025-01-02T00:00:00.000Z')
    expect(again.state.outcomes[0]).toMatchObject({ status: 'duplicate', imported: 0 })
    expect(again.state.outcomes[0]!.duplicates).toHaveLength(149)
    expect(again.state.outcomes[0]!.duplicates.every((duplicate) => !duplicate.earlierInRun)).toBe(true)
    expect(await db.articles.count()).toBe(149)
  })
})

describe('cancel and failures', () => {
  const bigCsv = (rows: number): Uint8Array =>
    utf8(['title,body', ...Array.from({ length: rows }, (_, index) => `Row ${index},"Article number ${index} has its own text, ${'word '.repeat(20)}"`)].join('\n'))

  it('stops a large collection between chunks on cancel, keeping exactly what was stored', async () => {
    const db = await freshDb()
    let run: ImportRun | null = null
    const worker = inProcessWorker(db, (event) => {
      run!.onProgress(event)
      if (event.done >= 1000) run!.cancel()
    })
    run = new ImportRun([file('big.csv', bigCsv(12_000)), file('after.txt', utf8('Never imported\n\nBecause the run was cancelled.'))], worker)
    await runAll(run)
    const [big, after] = run.state.outcomes
    expect(run.state.cancelled).toBe(true)
    // Chunks of 250 rows, then of 2,500. Those already handed to IndexedDB (two at most)
    // finish; nothing after them starts.
    expect(big!.imported).toBeGreaterThanOrEqual(2750)
    expect(big!.imported).toBeLessThanOrEqual(5250)
    expect((big!.imported - 250) % 2500).toBe(0)
    expect(big!.notices.join(' ')).toContain(`Stopped by Cancel after ${big!.imported.toLocaleString('en')} of 12,000 rows`)
    expect(after).toMatchObject({ name: 'after.txt', status: 'cancelled' })
    expect(await db.articles.count()).toBe(big!.imported)
  })

  it('reports a storage failure on the files it hit and carries on with the next ones', async () => {
    const db = await freshDb()
    const original = db.articles.bulkAdd.bind(db.articles)
    let calls = 0
    db.articles.bulkAdd = ((...args: Parameters<typeof original>) => {
      calls++
      if (calls === 1) return Promise.reject(Object.assign(new Error('QuotaExceededError: disk full'), { name: 'QuotaExceededError' }))
      return original(...args)
    }) as typeof original
    const run = new ImportRun([file('a.csv', bigCsv(1500)), file('b.txt', utf8('Later file\n\nIt still imports.'))], inProcessWorker(db))
    await runAll(run)
    const [a, b] = run.state.outcomes
    // The first chunk (250 rows) failed whole; the rest landed.
    expect(a!.imported).toBe(1250)
    expect(a!.rejections[0]).toMatch(/^Rows 1-250 were not imported: Could not store rows 1-250: the disk or the browser's storage quota is full/)
    expect(b).toMatchObject({ status: 'imported', imported: 1 })
    expect(await db.articles.count()).toBe(1251)
  })

  it('skips a collection at the mapping step when told to', async () => {
    const db = await freshDb()
    const run = new ImportRun([file('a.csv', bigCsv(3))], inProcessWorker(db))
    await runAll(run, undefined, (current) => queueMicrotask(() => current.resolveMapping({ action: 'skip' })))
    expect(run.state.outcomes[0]).toMatchObject({ status: 'skipped', imported: 0 })
    expect(await db.articles.count()).toBe(0)
  })
})
