import { startCouchServer } from '../../scripts/lib/couchServer.cjs'

export const name = 'sync'

const SIZES = (process.env.STANDPOINT_BENCH_SYNC_SIZES ?? '10000,100000').split(',').map(Number)
const COUCH_PORT = Number(process.env.STANDPOINT_COUCH_BENCH_PORT ?? (Number(process.env.STANDPOINT_COUCH_PORT ?? 5990) + 8))

/**
 * Team sync against the local CouchDB-protocol server (scripts/couch-test-server.mjs):
 * - a first connection of a workspace of 10,000 and of 100,000 claims to an empty database
 *   (upload: every record straight to the server's _bulk_docs), and of an empty workspace to
 *   that database (download: the changes feed with the documents, validated, written to the
 *   workspace) — features/sync/engine/directTransfer.ts;
 * - beside each, a raw _bulk_docs write of the same documents to the same server, from Node;
 * - a claim saved on A until it is in B's workspace, both connected (median, p95).
 */
export async function run(ctx) {
  const origin = new URL(ctx.benchURL).origin
  const server = await startCouchServer({ port: COUCH_PORT, corsOrigins: [origin] })
  try {
    await server.createUser('alice', 'alice-pw')
    await server.createUser('bob', 'bob-pw')
    const context = await ctx.launch()
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(ctx.benchURL)
    await page.getByText('ready').waitFor()
    const credentials = (database, user) => ({ serverUrl: server.url, database, userName: user, password: `${user}-pw` })
    const waitFor = async (check, what, timeout = 900_000) => {
      const deadline = Date.now() + timeout
      for (;;) {
        const value = await check()
        if (value) return value
        if (Date.now() > deadline) throw new Error(`sync bench: timed out waiting for ${what}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    const status = (workspace) => page.evaluate((name) => window.standpointBench.benchSyncStatus(name), workspace)

    let latencyPair = null
    for (const claims of SIZES) {
      const label = `${claims.toLocaleString('en')} claims`
      const database = `bench-${claims}`
      await server.createDatabase(database, ['alice', 'bob'])
      const seed = await page.evaluate((count) => window.standpointBench.benchExportSeed(count), claims)
      const a = seed.name
      await page.evaluate(() => window.standpointBench.benchLongestTask(true))

      let started = Date.now()
      let scannedMs = null
      await page.evaluate(([name, creds]) => window.standpointBench.benchSyncStart(name, creds), [a, credentials(database, 'alice')])
      await waitFor(async () => {
        const now = await status(a)
        if (now?.state === 'error' || now?.state === 'unreachable') throw new Error(`sync bench: ${now.message}`)
        if (scannedMs === null && now?.state === 'connected') scannedMs = Date.now() - started
        return now?.state === 'connected' && now.sending === 0
      }, `${label} to upload`)
      const uploadMs = Date.now() - started
      const docs = (await server.request('GET', `/${database}`)).body.doc_count
      ctx.record(name, `initial sync, upload of ${label} (${docs.toLocaleString('en')} documents)`, uploadMs / 1000, 's')
      ctx.record(name, `  upload rate, ${label}`, docs / (uploadMs / 1000), 'docs/s')
      ctx.record(name, `  of which until connected (workspace sent, bookkeeping written)`, (scannedMs ?? uploadMs) / 1000, 's')
      ctx.record(name, `  longest task on the page’s thread meanwhile`, await page.evaluate(() => window.standpointBench.benchLongestTask(true)), 'ms', { max: 100 })

      // The same documents, written raw to a fresh database in _bulk_docs requests from Node.
      const all = (await server.request('GET', `/${database}/_all_docs?include_docs=true`)).body.rows.map((row) => {
        const { _rev, ...doc } = row.doc
        return doc
      })
      const rawDatabase = `${database}-raw`
      await server.createDatabase(rawDatabase)
      started = Date.now()
      for (let index = 0; index < all.length; index += 5_000) {
        const answer = await server.request('POST', `/${rawDatabase}/_bulk_docs`, { docs: all.slice(index, index + 5_000) })
        if (answer.status !== 201) throw new Error(`raw _bulk_docs: ${JSON.stringify(answer.body).slice(0, 200)}`)
      }
      const rawMs = Date.now() - started
      ctx.record(name, `  raw _bulk_docs of the same ${docs.toLocaleString('en')} documents (Node, 5,000 per request)`, rawMs / 1000, 's')
      ctx.record(name, `  upload / raw write, ${label}`, uploadMs / rawMs, 'x', { max: 3 })
      await server.deleteDatabase(rawDatabase)

      const b = `bench-sync-b-${claims}`
      started = Date.now()
      await page.evaluate(([name, creds]) => window.standpointBench.benchSyncStart(name, creds), [b, credentials(database, 'bob')])
      await waitFor(async () => {
        const now = await status(b)
        if (now?.state === 'error') throw new Error(`sync bench: ${now.message}`)
        return now?.state === 'connected' && (await page.evaluate((name) => window.standpointBench.benchCount(name, 'claims'), b)) === claims
      }, `${label} to download`)
      const downloadMs = Date.now() - started
      ctx.record(name, `initial sync, download of ${label} into an empty workspace`, downloadMs / 1000, 's')
      ctx.record(name, `  download rate, ${label}`, docs / (downloadMs / 1000), 'docs/s')
      ctx.record(name, `  download / raw write, ${label}`, downloadMs / rawMs, 'x', { max: 3 })
      ctx.record(name, `  longest task on the page’s thread meanwhile`, await page.evaluate(() => window.standpointBench.benchLongestTask(true)), 'ms', { max: 100 })

      if (latencyPair === null) latencyPair = [a, b]
      else {
        await page.evaluate((name) => window.standpointBench.benchSyncStop(name), a)
        await page.evaluate((name) => window.standpointBench.benchSyncStop(name), b)
        await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), a)
        await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), b)
      }
    }

    if (latencyPair) {
      const [a, b] = latencyPair
      const times = (await page.evaluate(([from, to]) => window.standpointBench.benchSyncLatency(from, to, 40), [a, b])).sort((x, y) => x - y)
      const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
      ctx.record(name, 'claim saved on A → in B’s workspace, median (40 edits, both connected)', at(0.5), 'ms', { max: 2000 })
      ctx.record(name, 'claim saved on A → in B’s workspace, p95', at(0.95), 'ms', { max: 2000 })
    }
    await context.close()
  } finally {
    await server.dispose()
  }
}
