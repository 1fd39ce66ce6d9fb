// Coding from other tools at scale (issue 15): a generated DNA project of 3,000 statements by
// 1,000 organisations and 1,000 persons over 300 documents, opened, previewed and imported
// through the interop worker; that workspace exported as REFI-QDA, and the .qdpx imported into
// an empty workspace. Parsing and writing run in the worker: the window's longest task is the
// measure of responsiveness.
export const name = 'interop'

const SIZES = { documents: 300, organisations: 1000, persons: 1000, concepts: 60, statements: 3000 }

export async function run(ctx) {
  const context = await ctx.launch()
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(ctx.benchURL)
  await page.getByText('ready').waitFor()
  const result = await page.evaluate((sizes) => window.standpointBench.benchInterop(sizes), SIZES)
  await context.close()
  // The fixture's own six claims come on top of the generated statements.
  const expected = SIZES.statements + 6
  if (result.claimsFromDna !== expected || result.claimsFromQdpx !== expected) {
    throw new Error(`expected ${expected} claims each way, got ${result.claimsFromDna} from DNA and ${result.claimsFromQdpx} from the .qdpx`)
  }
  console.log(`  .dna ${(result.dnaBytes / 1024 / 1024).toFixed(1)} MB; .qdpx ${(result.qdpxBytes / 1024 / 1024).toFixed(1)} MB`)
  ctx.record(name, `open a ${SIZES.statements}-statement DNA project (sql.js, read, overview)`, result.dnaOpenMs, 'ms')
  ctx.record(name, 'preview its import (the counts under the choices)', result.dnaPreviewMs, 'ms', { max: 1000 })
  ctx.record(name, 'import it (plan, one transaction)', result.dnaImportMs, 'ms')
  ctx.record(name, 'DNA import time per statement', result.dnaImportMs / expected, 'ms/statement', { max: 5 })
  ctx.record(name, 'export that workspace as .qdpx', result.qdpxExportMs, 'ms')
  ctx.record(name, 'open the .qdpx (unzip, parse, overview)', result.qdpxOpenMs, 'ms')
  ctx.record(name, 'import the .qdpx into an empty workspace', result.qdpxImportMs, 'ms')
  ctx.record(name, 'longest main-thread task through all of it', result.longestTaskMs, 'ms', { max: 100 })
}
