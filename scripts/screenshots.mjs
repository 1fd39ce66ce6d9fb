// Captures every screen of the built renderer (with the sample workspace) into docs/screenshots/,
// so changes can be looked at, not just tested. Usage: npm run build && node scripts/screenshots.mjs [out-dir]
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { launchChromium, serveBuild } from './lib/browser.mjs'

const outDir = resolve(process.argv[2] ?? 'docs/screenshots')
mkdirSync(outDir, { recursive: true })
const port = Number(process.env.STANDPOINT_SHOT_PORT ?? 4195)
const server = await serveBuild(port)
const profile = mkdtempSync(join(tmpdir(), 'standpoint-shots-'))
const context = await launchChromium(profile, { deviceScaleFactor: 1, colorScheme: process.env.STANDPOINT_SHOT_DARK ? 'dark' : 'light' })
try {
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`http://127.0.0.1:${port}/`)
  await page.getByRole('button', { name: 'Load sample workspace' }).waitFor()
  await page.screenshot({ path: join(outDir, 'empty-library.png') })
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  await page.waitForTimeout(500)
  // The notices of loading the sample would cover every later shot.
  const dismiss = page.getByRole('button', { name: 'Dismiss message' })
  while ((await dismiss.count()) > 0) await dismiss.first().click()
  for (const screen of ['Library', 'Positions', 'Actors', 'Codebook']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click()
    await page.getByRole('heading', { level: 1, name: screen }).waitFor()
    await page.waitForTimeout(400)
    await page.screenshot({ path: join(outDir, `${screen.toLowerCase()}.png`) })
  }
  // Dialogs and the reader: the screens a table tour does not reach.
  const shot = async (name) => {
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `${name}.png`) })
  }
  const closeDialog = async () => {
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
  }
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('button', { name: 'Export…' }).click()
  await page.getByRole('dialog').waitFor()
  await shot('export-dialog')
  await closeDialog()
  await nav.getByRole('link', { name: 'Library' }).click()
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await page.getByRole('dialog', { name: 'Import articles' }).waitFor()
  await shot('import-dialog')
  await closeDialog()
  await page.getByRole('table', { name: 'Articles' }).getByRole('row').nth(1).click()
  await page.locator('[data-highlights="ready"]').waitFor()
  await shot('reader')
  await page.keyboard.press('F1')
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
  await shot('shortcuts')
  await closeDialog()
  await nav.getByRole('link', { name: 'Positions' }).click()
  const cell = page.getByRole('table', { name: 'Positions' }).locator('.positions-td.kind-bucket').first()
  await cell.click()
  await page.getByRole('dialog').waitFor()
  await shot('positions-drilldown')
  await closeDialog()
  // The import summary of a news-database export, when the shared fixtures are at hand.
  const nexis = resolve(process.env.STANDPOINT_FIXTURES ?? '../shared/fixtures', 'news-exports', 'nexis-uni-sample.docx')
  if (existsSync(nexis)) {
    await nav.getByRole('link', { name: 'Library' }).click()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Import articles' })
    await dialog.getByLabel('Choose files').setInputFiles(nexis)
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByRole('region', { name: 'Import summary' }).waitFor({ timeout: 30_000 })
    await shot('import-summary-nexis')
  }
  console.log(`screenshots written to ${outDir}`)
} finally {
  await context.close()
  await server.close()
  rmSync(profile, { recursive: true, force: true })
}
