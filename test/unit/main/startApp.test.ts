import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, REQUIRED_WEB_PREFERENCES } from '../../../main/hardening'
import { startApp } from '../../../main/startApp'
import { IPC } from '../../../preload/api'
import { fakeElectron, FakeMenu, FakeWebContents, type FakeElectron } from './fakeElectron'

// main's start-up, driven end to end against fake Electron objects: what is set before 'ready',
// what the session, the window, the app:// protocol, IPC and the menu get once it is ready.

let root: string
let mainDir: string
let fake: FakeElectron

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'standpoint-main-'))
  // The built layout: out/main (this script), out/preload, out/renderer.
  mainDir = join(root, 'out', 'main')
  mkdirSync(join(root, 'out', 'renderer', 'assets'), { recursive: true })
  writeFileSync(join(root, 'out', 'renderer', 'index.html'), '<!doctype html><title>Standpoint</title>')
  writeFileSync(join(root, 'out', 'renderer', 'assets', 'index.js'), 'console.log(1)')
  writeFileSync(join(root, 'secret.txt'), 'not for the renderer')
  fake = fakeElectron(join(root, 'profile'))
  mkdirSync(join(root, 'profile'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

async function started(env: NodeJS.ProcessEnv = {}): Promise<void> {
  const done = startApp(fake.electron, { env, mainDir })
  fake.app.becomeReady()
  await done
}

describe('main start-up, against fakes of Electron', () => {
  it('sandboxes renderers and registers app:// as a secure standard scheme before ready, then opens one hardened window on it', async () => {
    const done = startApp(fake.electron, { env: {}, mainDir })
    expect(fake.app.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged'])
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown }])
    expect(fake.windows).toHaveLength(0)
    fake.app.becomeReady()
    await done
    expect(fake.windows).toHaveLength(1)
    const window = fake.windows[0]!
    expect(window.options.webPreferences).toMatchObject(REQUIRED_WEB_PREFERENCES)
    expect(window.options.webPreferences.preload).toBe(join(root, 'out', 'preload', 'index.js'))
    expect(window.loadedUrl).toBe(APP_ENTRY_URL)
    expect(window.shown).toBe(true)
  })

  it('puts the session policy on the default session and every webContents, the window\'s included', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      await started()
      expect(await fake.session.requestPermission('geolocation')).toBe(false)
      expect(await fake.session.requestPermission('clipboard-sanitized-write')).toBe(true)
      expect(fake.session.request('https://example.com/')).toBe(false)
      expect(fake.session.request('app://standpoint/index.html')).toBe(true)
      const contents = fake.windows[0]!.webContents
      expect(fake.contents).toContain(contents)
      expect(contents.openWindow('https://example.com/')).toBe('deny')
      expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true)
      expect(contents.attempt('will-attach-webview')).toBe(true)
      // A webContents made later (devtools, a stray window) is guarded too.
      const later = new FakeWebContents('about:blank')
      fake.app.emit('web-contents-created', {}, later)
      expect(later.attempt('will-navigate', 'https://example.com/')).toBe(true)
    } finally {
      warn.mockRestore()
    }
  })

  it('serves the built renderer on app:// with the security headers, and nothing outside it', async () => {
    await started()
    const page = await fake.protocol.fetch('app://standpoint/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>Standpoint</title>')
    expect((await fake.protocol.fetch('app://standpoint/assets/index.js')).headers.get('content-type')).toMatch(/javascript/)
    for (const url of ['app://standpoint/../../secret.txt', 'app://standpoint/%2e%2e/%2e%2e/secret.txt', 'app://standpoint/missing.js', 'app://other/index.html']) {
      expect((await fake.protocol.fetch(url)).status, url).toBe(404)
    }
  })

  it('answers IPC from its window as soon as the window exists, and from nothing else', async () => {
    await started()
    const window = fake.windows[0]!
    expect(await fake.ipcMain.invoke(IPC.appInfo, window.webContents)).toMatchObject({ name: 'Standpoint', userDataPath: join(root, 'profile') })
    await expect(fake.ipcMain.invoke(IPC.appInfo, new FakeWebContents(APP_ENTRY_URL))).rejects.toThrow(/unknown window/)
    window.close()
    await expect(fake.ipcMain.invoke(IPC.appInfo, window.webContents)).rejects.toThrow(/unknown window/)
  })

  it('sends menu commands to the window', async () => {
    await started()
    FakeMenu.item('Import…')!.click!()
    FakeMenu.item('Undo')!.click!()
    expect(fake.windows[0]!.webContents.sent).toEqual([
      [IPC.menuCommand, 'import'],
      [IPC.menuCommand, 'undo'],
    ])
  })

  it('remembers where the window was when it closes', async () => {
    await started()
    fake.windows[0]!.close()
    await expect.poll(() => {
      try {
        return JSON.parse(readFileSync(join(root, 'profile', 'window-state.json'), 'utf8')) as unknown
      } catch {
        return null
      }
    }).toEqual({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: false })
  })

  it('uses STANDPOINT_USER_DATA as the profile, and the dev server only when unpackaged', async () => {
    fake.app.isPackaged = false
    await started({ STANDPOINT_USER_DATA: join(root, 'other'), ELECTRON_RENDERER_URL: 'http://localhost:5173' })
    expect(fake.app.getPath('userData')).toBe(join(root, 'other'))
    const window = fake.windows[0]!
    expect(window.loadedUrl).toBe('http://localhost:5173')
    expect(window.webContents.attempt('will-navigate', 'http://localhost:5173/#/library')).toBe(false)
    expect(await fake.ipcMain.invoke(IPC.appInfo, window.webContents)).toMatchObject({ userDataPath: join(root, 'other') })
  })

  it('ignores ELECTRON_RENDERER_URL when packaged', async () => {
    await started({ ELECTRON_RENDERER_URL: 'http://localhost:5173' })
    expect(fake.windows[0]!.loadedUrl).toBe(APP_ENTRY_URL)
  })

  it('leaves the window to the first instance: a second one quits without opening anything', async () => {
    fake.app.singleInstance = false
    await started()
    expect(fake.app.quitCalls).toBe(1)
    expect(fake.windows).toHaveLength(0)
    expect(fake.ipcMain.handlers.size).toBe(0)
  })

  it('brings its window back when a second instance starts', async () => {
    await started()
    const window = fake.windows[0]!
    window.minimized = true
    fake.app.emit('second-instance')
    expect(window.minimized).toBe(false)
    expect(window.focused).toBe(1)
  })

  it('quits when the last window closes (except on macOS), and reopens one on activate', async () => {
    await started()
    fake.windows[0]!.close()
    fake.app.emit('window-all-closed')
    expect(fake.app.quitCalls).toBe(process.platform === 'darwin' ? 0 : 1)
    fake.app.emit('activate')
    await expect.poll(() => fake.windows.length).toBe(2)
    expect(fake.windows[1]!.loadedUrl).toBe(APP_ENTRY_URL)
  })
})
