// `npm run bench`: benchmarks in real Chromium against the built renderer. Each
// test/bench/*.bench.mjs exports { name, run(ctx) }; results print as a table and are written to
// bench-results/results.json. Pass names to run a subset: npm run bench -- import positions
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { chromiumPath, launchChromium, serveBuild } from '../../scripts/lib/browser.mjs'

const here = import.meta.dirname
const root = resolve(here, '../..')
// `--scale` turns on the 1,000,000-claim run (slow to seed); alone, it runs only that.
const args = process.argv.slice(2)
if (args.includes('--scale')) process.env.STANDPOINT_BENCH_SCALE = '1'
const filters = args.filter((arg) => !arg.startsWith('--'))
if (filters.length === 0 && args.includes('--scale')) filters.push('scale')
const APP_PORT = Number(process.env.STANDPOINT_BENCH_PORT ?? 4290)
const PAGE_PORT = APP_PORT + 1
const fixturesDir = resolve(root, process.env.STANDPOINT_FIXTURES ?? '../shared/fixtures')
// The machine's load goes with the figures: they move with it, the ratios much less.
const loadAverage = () => loadavg().map((value) => Number(value.toFixed(2)))
const loads = {}

// The bench page: renderer modules plus bench-only entry points (test/bench/page/*.bench-page.ts),
// exposed on window.standpointBench for the bench scripts to call.
await build({
  configFile: resolve(here, 'vite.config.mts'),
  logLevel: 'warn',
})

// The bench page is also served inside the app's origin, under /bench-page/, so a bench can seed
// the app's own database once and measure both sides on it (the scale run: seeding a million
// claims twice, once per origin, took longer than everything else together).
const BENCH_PAGE_PATH = '/bench-page/'
const benchPageDir = resolve(root, 'out/bench')
const mimeTypes = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.map': 'application/json' }
const benchPageInAppOrigin = {
  name: 'bench-page-in-app-origin',
  configurePreviewServer(server) {
    server.middlewares.use((request, response, next) => {
      const path = decodeURIComponent((request.url ?? '').split('?')[0])
      if (!path.startsWith(BENCH_PAGE_PATH)) return next()
      const file = normalize(join(benchPageDir, path.slice(BENCH_PAGE_PATH.length) || 'index.html'))
      if (!file.startsWith(benchPageDir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next()
      response.setHeader('Content-Type', mimeTypes[extname(file)] ?? 'application/octet-stream')
      response.end(readFileSync(file))
    })
  },
}

const servers = [
  await serveBuild(APP_PORT, { root, logLevel: 'warn', plugins: [benchPageInAppOrigin] }),
  await serveBuild(PAGE_PORT, { root, logLevel: 'warn', outDir: 'out/bench' }),
]

const results = []
const profiles = []
const outDir = join(root, 'bench-results')
mkdirSync(outDir, { recursive: true })
const ctx = {
  /** Where results.json goes; benches may leave screenshots beside it. */
  resultsDir: outDir,
  appURL: `http://127.0.0.1:${APP_PORT}/`,
  benchURL: `http://127.0.0.1:${PAGE_PORT}/`,
  /** The bench page inside the app's origin: it sees the app's IndexedDB. */
  benchInAppURL: `http://127.0.0.1:${APP_PORT}${BENCH_PAGE_PATH}index.html`,
  fixturesDir,
  /** A fresh browser profile (fresh IndexedDB) for one measurement. */
  async launch() {
    const profile = mkdtempSync(join(tmpdir(), 'standpoint-bench-'))
    profiles.push(profile)
    return launchChromium(profile)
  },
  /**
   * Records one figure. target: { max } or { min } in the same unit, for the pass/miss column.
   * floor: { value, unit, metric }, what the figure is compared against, measured in the same run.
   */
  record(bench, metric, value, unit, target, floor) {
    const met = target === undefined ? null : target.max !== undefined ? value <= target.max : value >= target.min
    const round = (number) => Number(number.toFixed(Math.abs(number) < 10 ? 3 : 1))
    const against = floor === undefined ? null : { ...floor, value: round(floor.value) }
    results.push({ bench, metric, value: round(value), unit, target: target ?? null, met, floor: against })
    const floorText = against === null ? '' : `  [floor ${against.value} ${against.unit}: ${against.metric}]`
    console.log(`  ${metric}: ${value.toFixed(value < 10 ? 3 : 1)} ${unit}${met === null ? '' : met ? '  (target met)' : '  (TARGET MISSED)'}${floorText}`)
  },
}

const benchFiles = readdirSync(here)
  .filter((file) => file.endsWith('.bench.mjs'))
  .sort()
try {
  for (const file of benchFiles) {
    const module = await import(pathToFileURL(join(here, file)).href)
    if (filters.length > 0 && !filters.some((filter) => module.name.includes(filter) || file.includes(filter))) continue
    console.log(`\n▶ ${module.name}  (load average ${loadAverage().join(', ')})`)
    const started = performance.now()
    const before = loadAverage()
    await module.run(ctx)
    loads[module.name] = { before, after: loadAverage() }
    console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s; load average after ${loads[module.name].after.join(', ')})`)
  }
} finally {
  await Promise.all(servers.map((server) => server.close()))
  // A browser still flushing its profile must not hide the bench's own error.
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 })
}

const format = (target) => (target === null ? '' : target.max !== undefined ? `≤ ${target.max}` : `≥ ${target.min}`)
console.log('\n' + ['bench', 'metric', 'value', 'unit', 'target', 'met', 'floor'].join(' | '))
console.log('--- | --- | ---: | --- | --- | --- | ---')
for (const row of results) {
  const floor = row.floor === null ? '' : `${row.floor.value} ${row.floor.unit}`
  console.log([row.bench, row.metric, row.value, row.unit, format(row.target), row.met === null ? '' : row.met ? 'yes' : 'NO', floor].join(' | '))
}
const machine = { node: process.version, cpus: (await import('node:os')).cpus().length, chromium: chromiumPath, date: new Date().toISOString(), loadAverage: loads }
writeFileSync(join(outDir, 'results.json'), JSON.stringify({ machine, results }, null, 2))
console.log(`\nwritten to ${join(outDir, 'results.json')}`)
