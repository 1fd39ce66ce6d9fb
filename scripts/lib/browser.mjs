// What the screenshot scripts and the benchmarks share: serving the built renderer, starting
// Debian's Chromium on a fresh profile, and writing records straight into the app's IndexedDB.
// (The e2e suite has its own, in TypeScript: test/e2e/support.)
import { chromium } from '@playwright/test'
import { preview } from 'vite'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Serves a built folder on 127.0.0.1 at a fixed port (IndexedDB belongs to the origin, port included). */
export function serveBuild(port, { outDir = 'out/renderer', root, logLevel, plugins = [] } = {}) {
  return preview({ root, configFile: false, logLevel, plugins, build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' } })
}

/** Headless Chromium on the given profile folder, kept from phoning home; options override the defaults. */
export function launchChromium(profile, options = {}) {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    viewport: { width: 1360, height: 860 },
    ...options,
  })
}

/** Writes { table: records } into the app's IndexedDB. The app must have opened it once, so the schema exists. */
export async function seedIndexedDb(page, records) {
  await page.evaluate(async (input) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('standpoint')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    await new Promise((resolve, reject) => {
      const tx = db.transaction(Object.keys(input), 'readwrite')
      for (const [table, rows] of Object.entries(input)) for (const row of rows) tx.objectStore(table).put(row)
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, records)
}
