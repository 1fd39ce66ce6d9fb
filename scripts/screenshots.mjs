// Captures every screen of the built renderer (with the sample workspace) into docs/screenshots/,
// so changes can be looked at, not just tested. Usage: npm run build && node scripts/screenshots.mjs [out-dir]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
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
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
  await page.screenshot({ path: join(outDir, 'empty-library.png') })
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  await page.waitForTimeout(500)
  for (const screen of ['Library', 'Positions', 'Actors', 'Codebook']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click()
    await page.getByRole('heading', { level: 1, name: screen }).waitFor()
    await page.waitForTimeout(400)
    await page.screenshot({ path: join(outDir, `${screen.toLowerCase()}.png`) })
  }
  console.log(`screenshots written to ${outDir}`)
} finally {
  await context.close()
  await server.close()
  rmSync(profile, { recursive: true, force: true })
}
