// Captures Team sync's screens into docs/screenshots/: two members of one team on the local
// CouchDB-protocol test server, the Team sync dialog while connected, and a conflict in the
// Conflicts list. Usage: npm run build && node scripts/screenshots-sync.mjs [out-dir]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { launchChromium, serveBuild } from './lib/browser.mjs'
import { startCouchServer } from './lib/couchServer.cjs'

const outDir = resolve(process.argv[2] ?? 'docs/screenshots')
mkdirSync(outDir, { recursive: true })
const port = Number(process.env.STANDPOINT_SHOT_PORT ?? 4196)
const origin = `http://127.0.0.1:${port}`
const web = await serveBuild(port)
const couch = await startCouchServer({ port: Number(process.env.STANDPOINT_COUCH_PORT ?? 5990) + 9, corsOrigins: [origin] })
const profiles = []
const contexts = []
try {
  await couch.createUser('alice', 'alice-pw')
  await couch.createUser('bob', 'bob-pw')
  await couch.createDatabase('team-workspace', ['alice', 'bob'])
  const open = async () => {
    const profile = mkdtempSync(join(tmpdir(), 'standpoint-sync-shots-'))
    profiles.push(profile)
    const context = await launchChromium(profile, { deviceScaleFactor: 1 })
    contexts.push(context)
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${origin}/`)
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    return page
  }
  const dismissNotices = async (page) => {
    const dismiss = page.getByRole('button', { name: 'Dismiss message' })
    while ((await dismiss.count()) > 0) await dismiss.first().click()
  }
  const connect = async (page, user) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Team sync…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Team sync' })
    await dialog.getByLabel('Server address').fill(couch.url)
    await dialog.getByLabel('Database').fill('team-workspace')
    await dialog.getByLabel('User name').fill(user)
    await dialog.getByLabel('Password').fill(`${user}-pw`)
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
    await page.getByTestId('sync-status').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 120_000 })
  }
  const rename = async (page, from, to) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
    await page.getByRole('button', { name: `Edit ${from}`, exact: true }).click()
    const dialog = page.getByRole('dialog', { name: `Edit actor “${from}”` })
    await dialog.getByLabel('Name').fill(to)
    await dialog.getByRole('button', { name: 'Save actor' }).click()
    await dialog.waitFor({ state: 'detached' })
  }

  const a = await open()
  await a.getByRole('button', { name: 'Load sample workspace' }).click()
  await a.waitForTimeout(800)
  await dismissNotices(a)
  await connect(a, 'alice')
  await a.waitForTimeout(1500)
  await a.screenshot({ path: join(outDir, 'team-sync-connected.png') })
  await a.keyboard.press('Escape')

  const b = await open()
  await dismissNotices(b)
  await connect(b, 'bob')
  await b.waitForTimeout(2000)
  await b.keyboard.press('Escape')

  await couch.stop()
  await rename(a, 'Northern Rivers Brigade', 'Northern Rivers Brigade (NRB)')
  await rename(b, 'Northern Rivers Brigade', 'Northern Rivers Brigade — armed wing')
  await a.getByTestId('sync-status').and(a.locator('[data-state="offline"]')).waitFor({ timeout: 60_000 })
  await a.waitForTimeout(500)
  await a.screenshot({ path: join(outDir, 'team-sync-offline.png') })
  await couch.start()
  await b.getByTestId('sync-status').filter({ hasText: '1 conflict' }).waitFor({ timeout: 60_000 })
  await dismissNotices(b)
  await b.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Conflicts/ }).click()
  await b.getByRole('table', { name: 'Versions side by side' }).waitFor()
  await b.waitForTimeout(400)
  await b.screenshot({ path: join(outDir, 'team-sync-conflicts.png') })
  console.log(`screenshots written to ${outDir}`)
} finally {
  for (const context of contexts) await context.close().catch(() => undefined)
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true })
  await couch.dispose()
  await web.close()
}
