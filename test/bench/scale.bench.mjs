import { scaleArticles, scaleClaims, scaleParts } from './scale-data.mjs'
import { storedRecords } from './storedRecords.mjs'

export const name = 'scale'

// The scale run: 1,000,000 claims (behind a flag, it is slow to seed: `npm run bench -- --scale`
// or STANDPOINT_BENCH_SCALE=1). Seeds the app's IndexedDB in slices straight through
// IndexedDB, then measures what the app does with that much: positions computed over every
// claim, the claims export, Positions opened cold (rebuilt, then from stored rows); the window's
// memory beside the renderer's heap limit. A screen that cannot cope must say so, never crash: a crash is recorded as such.
const CONFIG = {
  claims: Number(process.env.STANDPOINT_BENCH_SCALE_CLAIMS ?? 1_000_000),
  actors: 5_000,
  issues: 100,
  articles: 50_000,
}
const SLICE = 25_000

export const enabled = () => process.env.STANDPOINT_BENCH_SCALE === '1'

const source = (fn) => fn.toString()

/** JS heap in use (after a full GC) and the renderer's heap limit, in MB. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = await cdp.send('Runtime.getHeapUsage')
  const limit = await page.evaluate(() => performance.memory?.jsHeapSizeLimit ?? 0)
  return { usedMB: (usage.usedSize + (usage.backingStorageSize ?? 0)) / 1024 / 1024, limitMB: limit / 1024 / 1024 }
}

/** Logs the screen's words every 10 s while `work` runs: a slow open shows which phase it is in. */
async function withScreenLog(page, work) {
  const poll = setInterval(() => {
    page
      .evaluate(() => (document.querySelector('main')?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 160))
      .then((text) => console.log(`    screen: ${text}`))
      .catch(() => undefined)
  }, 10_000)
  try {
    return await work()
  } finally {
    clearInterval(poll)
  }
}

/** Writes the workspace into the page's origin, slice by slice; returns milliseconds. */
async function seed(page, database) {
  const started = performance.now()
  const write = (records) =>
    page.evaluate(
      async ({ database, records }) => {
        const db = await new Promise((resolve, reject) => {
          const request = indexedDB.open(database)
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        await new Promise((resolve, reject) => {
          const tables = Object.keys(records)
          const tx = db.transaction(tables, 'readwrite')
          for (const table of tables) for (const record of records[table]) tx.objectStore(table).put(record)
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        })
        db.close()
      },
      { database, records },
    )
  const parts = scaleParts(CONFIG)
  const small = { actors: parts.actors, issues: parts.issues }
  if (await page.evaluate(async (database) => {
    const db = await new Promise((resolve) => { const request = indexedDB.open(database); request.onsuccess = () => resolve(request.result) })
    const has = db.objectStoreNames.contains('coders')
    db.close()
    return has
  }, database)) small.coders = [parts.coder]
  await write(small)
  for (let from = 0; from < CONFIG.articles; from += SLICE) await write({ articles: scaleArticles(CONFIG, from, Math.min(CONFIG.articles, from + SLICE)) })
  // Claims are generated in the page itself: sending a million records from Node would double the work.
  for (let from = 0; from < CONFIG.claims; from += SLICE) {
    await page.evaluate(
      `(async () => {
        const claims = (${source(scaleClaims)})(${JSON.stringify(CONFIG)}, ${from}, ${Math.min(CONFIG.claims, from + SLICE)})
        const db = await new Promise((resolve, reject) => {
          const request = indexedDB.open(${JSON.stringify(database)})
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        await new Promise((resolve, reject) => {
          const tx = db.transaction('claims', 'readwrite')
          for (const claim of claims) tx.objectStore('claims').put(claim)
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        })
        db.close()
      })()`,
    )
  }
  return performance.now() - started
}

export async function run(ctx) {
  if (!enabled()) {
    console.log('  skipped: the 1,000,000-claim run needs STANDPOINT_BENCH_SCALE=1 (or npm run bench -- --scale)')
    return
  }
  const count = CONFIG.claims.toLocaleString('en')

  // One window, one database: the app opens first (so its schema and start-up records exist),
  // then the bench page in the app's own origin seeds the workspace once, computes positions
  // over every claim and exports them; then the app opens on that same workspace.
  const context = await ctx.launch()
  const app = context.pages()[0] ?? (await context.newPage())
  let crashed = false
  app.on('crash', () => (crashed = true))
  await app.goto(ctx.appURL)
  await app.getByRole('navigation', { name: 'Main' }).waitFor()
  await app.goto(ctx.benchInAppURL)
  await app.getByText('ready').waitFor()
  const cdp = await context.newCDPSession(app)
  const database = 'standpoint'
  const seedMs = await seed(app, database)
  ctx.record(name, `seed ${count} claims, ${CONFIG.articles.toLocaleString('en')} articles, ${CONFIG.actors.toLocaleString('en')} actors (raw IndexedDB puts, ${SLICE.toLocaleString('en')} a transaction)`, seedMs, 'ms')
  ctx.record(name, 'seeding rate', CONFIG.claims / (seedMs / 1000), 'claims/s')
  const idle = await memory(app, cdp)
  ctx.record(name, 'renderer JS heap limit (performance.memory.jsHeapSizeLimit)', idle.limitMB, 'MB')
  // STANDPOINT_BENCH_SCALE_APP_ONLY=1 skips the bench page's compute and export, to measure the
  // app's side again without the half hour they add after the seeding.
  const appOnly = process.env.STANDPOINT_BENCH_SCALE_APP_ONLY === '1'
  if (!appOnly) try {
    const compute = await app.evaluate((database) => window.standpointBench.benchScalePositions(database), database)
    ctx.record(name, `positions: read every claim from IndexedDB (${count})`, compute.readMs, 'ms')
    ctx.record(name, 'positions: claims and articles mapped to facts', compute.factsMs, 'ms')
    ctx.record(name, 'positions: compute, month buckets, first run (JIT cold)', compute.firstComputeMs, 'ms')
    ctx.record(name, 'positions: compute, month buckets, second run', compute.computeMs, 'ms')
    ctx.record(name, 'floor: one plain pass, month buckets (best of 2)', compute.floorMs, 'ms')
    ctx.record(name, 'positions compute / floor', compute.computeMs / compute.floorMs, 'x', { max: 3 }, { value: compute.floorMs, unit: 'ms', metric: 'one plain pass, month buckets' })
    ctx.record(name, 'positions: rows', compute.rows, 'rows')
    ctx.record(name, 'memory: bench page with every claim read and aggregated (JS heap)', compute.heapMB, 'MB')
  } catch (error) {
    ctx.record(name, `positions compute at ${count} claims FAILED (${crashed ? 'the page crashed' : String(error).slice(0, 80)})`, 1, 'failed')
  }
  if (!crashed && !appOnly) {
    try {
      const exported = await app.evaluate((database) => window.standpointBench.benchExportClaimsWorker(database), database)
      ctx.record(name, `claims CSV export (worker), ${count} claims`, exported.ms, 'ms')
      ctx.record(name, '  size', exported.bytes / 1024 / 1024, 'MB')
      ctx.record(name, '  longest task on the window’s thread meanwhile', exported.longestTaskMs, 'ms')
    } catch (error) {
      ctx.record(name, `claims CSV export at ${count} claims FAILED (${crashed ? 'the page crashed' : String(error).slice(0, 80)})`, 1, 'failed')
    }
    ctx.record(name, 'memory: bench page after the export (JS heap)', (await memory(app, cdp)).usedMB, 'MB')
  }

  // The app on the seeded workspace, opened on Positions cold.
  await app.goto(`${ctx.appURL}#/codebook`)
  await app.getByRole('heading', { level: 1, name: 'Codebook' }).waitFor({ timeout: 600_000 })
  ctx.record(name, 'app: window memory at the Codebook, workspace seeded (JS heap)', (await memory(app, cdp)).usedMB, 'MB')
  const openCold = (label) =>
    app
      .evaluate(async () => {
        const started = performance.now()
        document.querySelector('nav a[href="#/positions"]').click()
        await new Promise((resolve, reject) => {
          // An alert of the screen itself ends the wait too; the app-wide notices (such as the
          // browser refusing persistent storage) are not the screen's answer.
          const alertText = () => [...document.querySelectorAll('main [role="alert"]')].filter((node) => !node.closest('.notice-area')).map((node) => node.textContent.trim()).filter(Boolean).join(' ')
          const done = () => document.querySelector('[role="table"][aria-label="Positions"] [aria-rowindex="2"]') || alertText()
          if (done()) return resolve()
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect()
              resolve()
            }
          })
          observer.observe(document.body, { childList: true, subtree: true })
          setTimeout(() => reject(new Error('no rows after 10 minutes')), 600_000)
        })
        const ms = performance.now() - started
        const alert = [...document.querySelectorAll('main [role="alert"]')].filter((node) => !node.closest('.notice-area')).map((node) => node.textContent.trim()).filter(Boolean).join(' ') || null
        // Then until the engine is built (the claims behind the cells known).
        const building = () => document.querySelector('.positions-notes')?.textContent.includes('reading the claims behind the cells') ?? false
        while (building() && performance.now() - started < 600_000) await new Promise((resolve) => setTimeout(resolve, 50))
        return { ms, live: performance.now() - started, alert }
      })
      .catch((error) => ({ ms: NaN, live: NaN, alert: crashed ? 'the window crashed' : String(error).slice(0, 120) }))
      .then((opened) => {
        if (Number.isFinite(opened.ms) && opened.alert === null) {
          ctx.record(name, `app: open Positions ${label} at ${count} claims → first rows in the DOM`, opened.ms, 'ms')
          ctx.record(name, `app: open Positions ${label} → engine ready (claims behind the cells)`, opened.live, 'ms')
        } else {
          console.log(`  Positions at ${count} claims (${label}): ${opened.alert}`)
          ctx.record(name, `app: open Positions ${label} at ${count} claims: no rows (${opened.alert ?? 'unknown'})`, Number.isFinite(opened.ms) ? opened.ms : 0, 'ms')
        }
        return opened
      })
  // First open: the records were written around Dexie, so the projection is rebuilt from them.
  const first = await openCold('cold, projection rebuilt')
  if (!crashed) ctx.record(name, 'app: window memory with Positions open (JS heap)', (await memory(app, cdp)).usedMB, 'MB')
  // Then the snapshot and the stored positions are written when the page is idle; a cold open
  // after a reload reads those.
  if (!crashed && Number.isFinite(first.ms)) {
    // Polled from here: a waitForFunction whose page function returns a promise counts the
    // promise itself as truthy, and returned at once (the reload then came before the snapshot
    // was written, and the cold open read every fact: 107 s at 1,000,000 claims).
    const writtenBy = Date.now() + 300_000
    let records = await storedRecords(app)
    const atHead = (seqs) => seqs.positions !== null && seqs['positions-result'] === seqs.head && seqs['positions-first-rows'] === seqs.head
    while (!atHead(records) && Date.now() < writtenBy) {
      await app.waitForTimeout(2_000)
      records = await storedRecords(app)
    }
    const stored = atHead(records)
    ctx.record(name, 'app: snapshot, stored positions and first screen written at the journal head after the first open', stored ? 1 : 0, 'bool', { min: 1 })
    console.log(`  stored records' journal seqs at the reload: ${JSON.stringify(records)}`)
    await app.goto(`${ctx.appURL}#/codebook`)
    await app.reload()
    await app.getByRole('heading', { level: 1, name: 'Codebook' }).waitFor({ timeout: 600_000 })
    await withScreenLog(app, () => openCold('cold after a reload (stored positions)'))
    if (!crashed) ctx.record(name, 'app: window memory with Positions open after the reload (JS heap)', (await memory(app, cdp)).usedMB, 'MB')
  }
  ctx.record(name, 'app: the window crashed', crashed ? 1 : 0, 'crashes', { max: 0 })
  await context.close()
}
