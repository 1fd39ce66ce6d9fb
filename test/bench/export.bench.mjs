export const name = 'export'

const CLAIMS = 100_000
/** Rounds of export, floor and reference; each figure is the median. */
const ROUNDS = 5

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
  // written), its floor, and the same export done the old way on the window's thread, taken in
  // turn in each round. The floor is measured beside the export, not after every export: the
  // first seconds after the seed are slower for both (the first floor's read took 1.9 s and the
  // later ones 1.0-1.5 s in one run), and floors taken only after every export missed that
  // while the exports paid it.
  const worker = []
  const inPage = []
  const floors = []
  for (let index = 0; index < ROUNDS; index++) {
    worker.push(await page.evaluate((db) => window.standpointBench.benchExportClaimsWorker(db), seed.name))
    floors.push(await page.evaluate((db) => window.standpointBench.benchExportFloor(db), seed.name))
    inPage.push(await page.evaluate((db) => window.standpointBench.benchExportClaims(db), seed.name))
  }
  const byTime = (key) => (a, b) => key(a) - key(b)
  const middle = Math.floor(ROUNDS / 2)
  const median = worker.sort(byTime((run) => run.ms))[middle]
  const floor = floors.sort(byTime((run) => run.readMs + run.writeMs))[middle]
  const floorMs = floor.readMs + floor.writeMs
  // The aim: under 1 s, or within 1.5x of the floor when the floor itself is above 1 s.
  const exportFloor = { value: floorMs, unit: 'ms', metric: 'read claims, articles, actors, issues (getAll) + write the CSV bytes' }
  ctx.record(name, 'floor: read claims, articles, actors, issues (getAll) + write the CSV bytes (median of 5)', floorMs, 'ms')
  ctx.record(name, 'claims CSV as the Export dialog makes it (worker), 100,000 claims (median of 5)', median.ms, 'ms', floorMs > 1000 ? undefined : { max: 1000 }, exportFloor)
  ctx.record(name, '  of which reading', floor.readMs, 'ms')
  ctx.record(name, '  of which writing the bytes', floor.writeMs, 'ms')
  ctx.record(name, 'claims CSV export / floor', median.ms / floorMs, 'x', floorMs > 1000 ? { max: 1.5 } : undefined, exportFloor)
  ctx.record(name, '  of which until the first chunk (read + lines + sort)', median.firstChunkMs, 'ms')
  ctx.record(name, '  longest task on the window’s thread meanwhile', Math.max(...worker.map((run) => run.longestTaskMs)), 'ms')
  ctx.record(name, 'claims CSV: size', median.bytes / 1024 / 1024, 'MB')
  const reference = inPage.sort(byTime((run) => run.readMs + run.buildMs))[middle]
  ctx.record(name, 'same CSV on the window’s thread, one request per table (reference, median of 5)', reference.readMs + reference.buildMs, 'ms')
  ctx.record(name, '  of which reading from IndexedDB', reference.readMs, 'ms')
  ctx.record(name, '  of which sort, rows and CSV', reference.buildMs, 'ms')

  const backup = await page.evaluate((db) => window.standpointBench.benchBackup(db), seed.name)
  ctx.record(name, 'backup: read + serialise whole workspace', backup.ms, 'ms')
  ctx.record(name, 'backup: size', backup.bytes / 1024 / 1024, 'MB')

  // Restore into an empty workspace and merge into a full one, each beside a raw bulkPut of
  // the same records into an empty workspace (no change journal: the storage floor), alternating
  // which goes first. The restore and merge write through the journal, as the app does.
  const restores = []
  const merges = []
  const raws = []
  let restored = null
  for (let round = 0; round < 3; round++) {
    if (round % 2 === 1) raws.push(await page.evaluate(() => window.standpointBench.benchRawRestoreFloor()))
    if (restored) await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), restored)
    const restore = await page.evaluate(() => window.standpointBench.benchRestore('replace'))
    restores.push(restore)
    restored = restore.name
    merges.push(await page.evaluate((db) => window.standpointBench.benchRestore('merge', db), restored))
    if (round % 2 === 0) raws.push(await page.evaluate(() => window.standpointBench.benchRawRestoreFloor()))
  }
  const med = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const rawMs = med(raws.map((run) => run.ms))
  ctx.record(name, 'restore into empty workspace: read + validate (median of 3)', med(restores.map((run) => run.readMs)), 'ms')
  ctx.record(name, 'restore into empty workspace: write (one transaction) (median of 3)', med(restores.map((run) => run.writeMs)), 'ms')
  ctx.record(name, 'floor: raw bulkPut of the same records in the restore’s batches into an empty workspace, one transaction (median of 3)', rawMs, 'ms')
  const rawFloor = { value: rawMs, unit: 'ms', metric: 'raw bulkPut of the same records in the restore’s batches, one transaction' }
  ctx.record(name, 'restore write / raw bulkPut', med(restores.map((run) => run.writeMs)) / rawMs, 'x', { max: 2 }, rawFloor)
  ctx.record(name, 'merge the same backup again (all identical): write (median of 3)', med(merges.map((run) => run.writeMs)), 'ms')
  ctx.record(name, 'merge write / raw bulkPut', med(merges.map((run) => run.writeMs)) / rawMs, 'x', { max: 3 }, rawFloor)
  const restore = { name: restored }
  await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), restore.name)
  await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), seed.name)
  await context.close()
}
