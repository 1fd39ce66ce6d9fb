// Screenshots of the Claims screen on a generated coded corpus: 3,000 claims by 1,000 actors
// (what an analyst brings from DNA), then 100,000. Usage:
//   npm run build && node scripts/screenshots-claims.mjs [out-dir] [claims…]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { generateClaimsWorkspace } from '../test/bench/claims-data.mjs'
import { launchChromium, serveBuild } from './lib/browser.mjs'

const outDir = resolve(process.argv[2] ?? 'docs/screenshots/claims')
const sizes = process.argv.slice(3).map(Number).filter((size) => size > 0)
mkdirSync(outDir, { recursive: true })
const port = Number(process.env.STANDPOINT_SHOT_PORT ?? process.env.STANDPOINT_WEB_PORT ?? 4195)
const server = await serveBuild(port)

async function seed(page, config) {
  const generator = `(${generateClaimsWorkspace.toString()})(${JSON.stringify(config)})`
  await page.evaluate(`(async () => {
    const data = ${generator}
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('standpoint')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    await new Promise((resolve, reject) => {
      const tables = ['articles', 'actors', 'issues', 'claims', 'coders']
      const tx = db.transaction([...tables, 'settings'], 'readwrite')
      for (const table of tables) for (const record of data[table]) tx.objectStore(table).put(record)
      tx.objectStore('settings').put({ key: 'currentCoderId', value: data.coders[0].id })
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  })()`)
}

try {
  for (const claims of sizes.length > 0 ? sizes : [3000, 100000]) {
    const profile = mkdtempSync(join(tmpdir(), 'standpoint-shots-'))
    const context = await launchChromium(profile, { deviceScaleFactor: 1 })
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto(`http://127.0.0.1:${port}/`)
      await page.getByRole('navigation', { name: 'Main' }).waitFor()
      await seed(page, { claims, actors: claims >= 100000 ? 2000 : 1000, articles: Math.max(300, Math.round(claims / 5)), seed: 20151001 })
      await page.goto(`http://127.0.0.1:${port}/#/claims`)
      await page.reload()
      await page.getByRole('table', { name: 'Claims' }).locator('tbody tr[aria-rowindex="3"]').waitFor({ timeout: 120_000 })
      await page.waitForTimeout(400)
      const name = (what) => join(outDir, `claims-${claims}-${what}.png`)
      await page.screenshot({ path: name('table') })
      // Scrolled down: the header and filter row stay.
      await page.locator('.claims-scroll').evaluate((element) => element.scrollBy(0, 1200))
      await page.waitForTimeout(300)
      // Hover a long quote: its full text shows.
      // (a row in view: the rows drawn above and below it for smooth scrolling are not)
      const box = await page.locator('.claims-scroll').boundingBox()
      await page.mouse.move(box.x + box.width - 200, box.y + 260)
      await page.waitForTimeout(300)
      await page.screenshot({ path: name('scrolled-hover') })
      // An issue filter open, with the codebook as a tree.
      await page.getByRole('button', { name: 'Filter Issues' }).click()
      await page.getByRole('dialog', { name: 'Filter Issues' }).waitFor()
      await page.waitForTimeout(200)
      await page.screenshot({ path: name('issue-filter') })
      await page.keyboard.press('Escape')
      // Three rows selected and the bulk edit dialog.
      await page.locator('.claims-scroll').evaluate((element) => element.scrollTo(0, 0))
      await page.waitForTimeout(200)
      const rows = page.getByRole('table', { name: 'Claims' }).locator('tbody tr.claims-row')
      await rows.nth(1).click()
      await rows.nth(3).click({ modifiers: ['Shift'] })
      await page.getByRole('button', { name: /^Edit 3 claims/ }).click()
      await page.getByRole('dialog', { name: 'Edit selected claims' }).waitFor()
      await page.screenshot({ path: name('bulk-edit') })
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'Columns' }).click()
      await page.waitForTimeout(200)
      await page.screenshot({ path: name('columns') })
      console.log(`screenshots of ${claims.toLocaleString('en')} claims written to ${outDir}`)
    } finally {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    }
  }
} finally {
  await server.close()
}
