import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findElectron } from './support/host'
import { expect, test } from './support/workbench'

// Runtime checks of the Electron hardening, on the real app. Without an Electron binary they
// skip on every machine, CI included (CI machines here cannot download Electron), and say so
// once with the reason; test/unit/main/ checks the same policy behaviourally, against fakes of
// Electron's session, webContents and ipcMain, on every run.

const electron = findElectron()
// Printed by the runner, which loads every spec once to list its tests, not by each worker.
if (!electron.path && process.env.TEST_WORKER_INDEX === undefined) {
  console.info(`[e2e] Electron runtime hardening: skipped, ${electron.reason}; the unit tests in test/unit/main cover the policy`)
}
test.skip(!electron.path, `needs the Electron binary: ${electron.reason}`)

test('the window runs isolated, sandboxed, without Node', async ({ workbench }) => {
  const app = workbench.electronApp!
  // app.enableSandbox() puts every renderer in Chromium's sandbox via this switch.
  expect(await app.evaluate(({ app: electronApp }) => electronApp.commandLine.hasSwitch('enable-sandbox'))).toBe(true)
  const page = workbench.page
  expect(page.url()).toMatch(/^app:\/\/standpoint\//)
  const globals = await page.evaluate(() => {
    const scope = window as unknown as Record<string, unknown>
    return {
      node: ['require', 'process', 'module', 'Buffer', 'global'].filter((name) => typeof scope[name] !== 'undefined'),
      bridge: Object.keys(window.standpoint ?? {}).sort(),
      // contextBridge hands the page a frozen copy; without isolation there would be no bridge.
      frozen: Object.isFrozen(window.standpoint),
    }
  })
  expect(globals).toEqual({ node: [], bridge: ['abortSave', 'appendSave', 'appInfo', 'beginSave', 'finishSave', 'onMenuCommand', 'openFiles', 'saveFile'], frozen: true })
})

test('window.open and navigation away are blocked', async ({ workbench }) => {
  const app = workbench.electronApp!
  const page = workbench.page
  const opened = await page.evaluate(() => window.open('https://example.com/') === null)
  expect(opened).toBe(true)
  await page.evaluate(() => {
    location.href = 'https://example.com/'
  })
  await expect.poll(() => page.url()).toMatch(/^app:\/\/standpoint\//)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
})

test('IPC from a foreign window and on unknown channels is refused', async ({ workbench }) => {
  const app = workbench.electronApp!
  // A second window with a preload that tries both: our bridge from a foreign page, and a raw
  // invoke on a channel main never registered.
  const preload = join(mkdtempSync(join(tmpdir(), 'standpoint-foreign-')), 'foreign-preload.js')
  writeFileSync(
    preload,
    `const { ipcRenderer } = require('electron')
     window.addEventListener('DOMContentLoaded', async () => {
       const outcome = {}
       for (const channel of ['standpoint:app-info', 'standpoint:not-a-channel']) {
         try { await ipcRenderer.invoke(channel); outcome[channel] = 'answered' }
         catch (error) { outcome[channel] = String(error.message || error) }
       }
       document.title = JSON.stringify(outcome)
     })`,
  )
  const outcome = await app.evaluate(async ({ BrowserWindow }, preloadPath) => {
    const foreign = new BrowserWindow({ show: false, webPreferences: { preload: preloadPath, sandbox: false, contextIsolation: true } })
    await foreign.loadURL('data:text/html,<title>foreign</title>')
    for (let attempt = 0; attempt < 50 && foreign.getTitle() === 'foreign'; attempt++) await new Promise((resolve) => setTimeout(resolve, 100))
    const title = foreign.getTitle()
    foreign.destroy()
    return title
  }, preload)
  const parsed = JSON.parse(outcome) as Record<string, string>
  expect(parsed['standpoint:app-info']).toMatch(/unknown window|refused/)
  expect(parsed['standpoint:not-a-channel']).toMatch(/No handler registered/)
})

test('requests off the app origin are cancelled by the session', async ({ workbench }) => {
  const app = workbench.electronApp!
  const results = await app.evaluate(async ({ session }) => {
    const attempt = async (url: string) => {
      try {
        await session.defaultSession.fetch(url)
        return 'loaded'
      } catch (error) {
        return String((error as Error).message)
      }
    }
    return { remote: await attempt('https://example.com/'), local: await attempt('app://standpoint/index.html') }
  })
  expect(results.remote).not.toBe('loaded')
  expect(results.local).toBe('loaded')
})
