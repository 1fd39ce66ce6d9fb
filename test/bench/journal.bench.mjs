export const name = 'journal'

const CLAIMS = 20_000
const ROUNDS = 7

/**
 * The change journal's cost on a bulk write: claims put in batches of 5,000 in one transaction
 * (as a restore writes them) without the journal and with it, back to back, which goes first
 * alternating; the overhead is the median of the rounds' ratios, which machine load disturbs
 * least. (The restore bench in export.bench.mjs measures it at 100,000 claims, once.)
 */
export async function run(ctx) {
  const context = await ctx.launch()
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(ctx.benchURL)
  await page.getByText('ready').waitFor()
  const runs = { off: [], on: [] }
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of round % 2 === 0 ? ['off', 'on'] : ['on', 'off']) runs[variant].push(await page.evaluate(({ count, variant }) => window.standpointBench.benchJournalPut(count, variant), { count: CLAIMS, variant }))
  }
  // The restore itself (clear, then every table in batches, one transaction), at the same scale.
  const seed = await page.evaluate((count) => window.standpointBench.benchExportSeed(count), CLAIMS)
  await page.evaluate((db) => window.standpointBench.benchBackup(db), seed.name)
  const restores = { off: [], on: [] }
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of round % 2 === 0 ? ['off', 'on'] : ['on', 'off']) {
      const restored = await page.evaluate((journal) => window.standpointBench.benchRestore('replace', undefined, journal), variant === 'on')
      restores[variant].push(restored.writeMs)
      await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), restored.name)
    }
  }
  await page.evaluate((db) => window.standpointBench.benchDeleteDatabase(db), seed.name)
  await context.close()
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  console.log(`  rounds (off / on, ms): ${runs.off.map((_, index) => `${runs.off[index].toFixed(0)} / ${runs.on[index].toFixed(0)}`).join(', ')}`)
  ctx.record(name, `bulkPut ${CLAIMS.toLocaleString('en')} claims in batches of 5,000, without the change journal (median of ${ROUNDS})`, median(runs.off), 'ms')
  ctx.record(name, '  the same through the change journal', median(runs.on), 'ms')
  ctx.record(name, 'change journal overhead on a bulk put of claims', median(runs.on.map((on, index) => on / runs.off[index])), 'x')
  console.log(`  restore rounds (off / on, ms): ${restores.off.map((_, index) => `${restores.off[index].toFixed(0)} / ${restores.on[index].toFixed(0)}`).join(', ')}`)
  ctx.record(name, `restore (replace) of a ${CLAIMS.toLocaleString('en')}-claim backup, write, without the change journal`, median(restores.off), 'ms')
  ctx.record(name, '  the same through the change journal', median(restores.on), 'ms')
  ctx.record(name, 'change journal overhead on a restore', median(restores.on.map((on, index) => on / restores.off[index])), 'x')
}
