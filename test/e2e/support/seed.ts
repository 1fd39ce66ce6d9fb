import type { Page } from '@playwright/test'
import type { Actor, Article, Assignment, Claim, Coder, Issue, Mention, Tombstone } from '../../../renderer/src/domain/model'

export interface SeedRecords {
  articles?: Article[]
  actors?: Actor[]
  issues?: Issue[]
  claims?: Claim[]
  mentions?: Mention[]
  coders?: Coder[]
  assignments?: Assignment[]
  tombstones?: Tombstone[]
}

/**
 * Writes records straight into the app's IndexedDB (the app must have opened it once, so the
 * schema exists), then reloads so the app reads them. For tests whose subject is not how the
 * data got there; import and tagging tests go through the UI instead.
 */
export async function seedWorkspace(page: Page, records: SeedRecords): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
  await page.evaluate(async (input) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('standpoint')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    const tables = Object.keys(input).filter((table) => (input as Record<string, unknown[]>)[table]!.length > 0)
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(tables, 'readwrite')
      for (const table of tables) {
        for (const record of (input as Record<string, unknown[]>)[table]!) tx.objectStore(table).put(record)
      }
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('seed failed'))
    })
    db.close()
    // These writes bypass the app's change journal: a saved library index would not learn of
    // them (the app checks a saved index against the journal), so it is dropped and rebuilt.
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase('standpoint~cache~library-index')
      request.onsuccess = request.onerror = request.onblocked = () => resolve()
    })
  }, records)
  await page.reload()
}

/** Reads a whole table from the app's IndexedDB, for assertions about what was stored. */
export async function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('standpoint')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    try {
      return await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error ?? new Error('read failed'))
      })
    } finally {
      db.close()
    }
  }, table) as Promise<T[]>
}
