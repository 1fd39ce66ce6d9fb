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

  // The export as the dialog runs it (worker, claims read in slices while their lines are
  // written), then the same export done the old way on the window's thread, in the same run.
  const worker = []
  const inPage = []
  for (let index = 0; index < 3; index++) {
    worker.push(await page.evaluate((db) => window.standpointBench.benchExportClaimsWorker(db), seed.name))
    inPage.push(await page.evaluate((db) => window.standpointBench.benchExportClaims(db), seed.name))
  }
  const byTime = (key) => (a, b) => key(a) - key(b)
  const median = worker.sort(byTime((run) => run.ms))[1]
  ctx.record(name, 'claims CSV as the Export dialog makes it (worker), 100,000 claims (median of 3)', median.ms, 'ms', { max: 1000 })
  ctx.record(name, '  of which until the first chunk (read + lines + sort)', median.firstChunkMs, 'ms')
  ctx.record(name, '  longest task on the window’s thread meanwhile', Math.max(...worker.map((run) => run.longestTaskMs)), 'ms')
  ctx.record(name, 'claims CSV: size', median.bytes / 1024 / 1024, 'MB')
  const reference = inPage.sort(byTime((run) => run.readMs + run.buildMs))[1]
  ctx.record(name, 'same CSV on the window’s thread, one request per table (reference, median of 3)', reference.readMs + reference.buildMs, 'ms')
  ctx.record(name, '  of which reading from IndexedDB', reference.readMs, 'ms')
  ctx.record(name, '  of which sort, rows and CSV', reference.buildMs, 'ms')

  const backup = await page.evaluate((db) => window.standpointBench.benchBackup(db), seed.name)
  ctx.record(name, 'backup: read + serialise whole workspace', backup.ms, 'ms')
  ctx.record(name, 'backup: size', backup.bytes / 1024 / 1024, 'MB')

  // The same restore without the change journal, first, as the floor the journal adds to.
  const plain = await page.evaluate(() => window.standpointBench.benchRestore('replace', undefined, false))
  await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), plain.name)
  const restore = await page.evaluate(() => window.standpointBench.benchRestore('replace'))
  ctx.record(name, 'restore into empty workspace: read + validate', restore.readMs, 'ms')
  ctx.record(name, 'restore into empty workspace: write (one transaction)', restore.writeMs, 'ms')
  ctx.record(name, '  the same write without the change journal (floor)', plain.writeMs, 'ms')
  ctx.record(name, '  change journal overhead on the restore write', restore.writeMs / plain.writeMs, 'x')
  const merge = await page.evaluate((db) => window.standpointBench.benchRestore('merge', db), restore.name)
  ctx.record(name, 'merge the same backup again (all identical): write', merge.writeMs, 'ms')
  await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), restore.name)
  await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), seed.name)
  await context.close()
}
