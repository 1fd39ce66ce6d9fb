export const name = 'export'

const CLAIMS = 100_000

/**
 * Exports and backups at the size of a large project: the claims CSV of 100,000 claims, and a
 * full backup of that workspace restored into an empty one (replace) and merged into itself.
 */
export async function run(ctx) {
  const context = await ctx.launch()
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(ctx.benchURL)
  await page.getByText('ready').waitFor()
  const seed = await page.evaluate((count) => window.standpointBench.benchExportSeed(count), CLAIMS)
  ctx.record(name, `seed workspace (${CLAIMS.toLocaleString('en')} claims, 5,000 articles)`, seed.ms, 'ms')

  const runs = []
  for (let index = 0; index < 3; index++) runs.push(await page.evaluate((db) => window.standpointBench.benchExportClaims(db), seed.name))
  runs.sort((a, b) => a.readMs + a.buildMs - (b.readMs + b.buildMs))
  const median = runs[1]
  ctx.record(name, 'claims CSV: read + build, 100,000 claims (median of 3)', median.readMs + median.buildMs, 'ms', { max: 1000 })
  ctx.record(name, 'claims CSV: read from IndexedDB only', median.readMs, 'ms')
  ctx.record(name, 'claims CSV: build only (sort, rows, shared CSV writer)', median.buildMs, 'ms')
  ctx.record(name, 'claims CSV: size', median.bytes / 1024 / 1024, 'MB')

  const backup = await page.evaluate((db) => window.standpointBench.benchBackup(db), seed.name)
  ctx.record(name, 'backup: read + serialise whole workspace', backup.ms, 'ms')
  ctx.record(name, 'backup: size', backup.bytes / 1024 / 1024, 'MB')

  const restore = await page.evaluate(() => window.standpointBench.benchRestore('replace'))
  ctx.record(name, 'restore into empty workspace: read + validate', restore.readMs, 'ms')
  ctx.record(name, 'restore into empty workspace: write (one transaction)', restore.writeMs, 'ms')
  const merge = await page.evaluate((db) => window.standpointBench.benchRestore('merge', db), restore.name)
  ctx.record(name, 'merge the same backup again (all identical): write', merge.writeMs, 'ms')
  await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), restore.name)
  await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), seed.name)
  await context.close()
}
