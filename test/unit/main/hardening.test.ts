import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { staticMetaPolicy } from '../../../preload/contentPolicy'
import ts from 'typescript'
import { describe, expect, it, vi } from 'vitest'
import {
  ALLOWED_PERMISSIONS,
  CONTENT_SECURITY_POLICY,
  REQUIRED_WEB_PREFERENCES,
  isAllowedRequestUrl,
  isAppUrl,
  isPermissionAllowed,
} from '../../../main/hardening'
import { createMainWindow } from '../../../main/mainWindow'
import { applyContentsPolicy, applySessionPolicy, guardEveryWebContents, type PolicyContents, type PolicySession } from '../../../main/sessionPolicy'
import { startApp } from '../../../main/startApp'
import { FakeEmitter, fakeElectron, FakeSession, FakeWebContents } from './fakeElectron'

const mainDir = join(__dirname, '../../../main')
const mainSources = readdirSync(mainDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(join(mainDir, file), 'utf8') }))

/** The webPreferences literal of every `new BrowserWindow({...})` in a source file. */
function webPreferenceLiterals(source: string): Record<string, unknown>[] {
  const file = ts.createSourceFile('index.ts', source, ts.ScriptTarget.Latest, true)
  const found: Record<string, unknown>[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText(file) === 'BrowserWindow') {
      const options = node.arguments?.[0]
      const preferences = options && ts.isObjectLiteralExpression(options)
        ? options.properties.find((property) => property.name?.getText(file) === 'webPreferences')
        : undefined
      const values: Record<string, unknown> = {}
      if (preferences && ts.isPropertyAssignment(preferences) && ts.isObjectLiteralExpression(preferences.initializer)) {
        for (const property of preferences.initializer.properties) {
          if (ts.isSpreadAssignment(property)) values['...spread'] = property.expression.getText(file)
          if (!ts.isPropertyAssignment(property)) continue
          const init = property.initializer
          values[property.name.getText(file)] =
            init.kind === ts.SyntaxKind.TrueKeyword ? true
            : init.kind === ts.SyntaxKind.FalseKeyword ? false
            : ts.isStringLiteral(init) ? init.text
            : init.getText(file)
        }
      }
      found.push(values)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

function missingHardening(preferences: Record<string, unknown>): string[] {
  return Object.entries(REQUIRED_WEB_PREFERENCES)
    .filter(([key, value]) => preferences[key] !== value)
    .map(([key, value]) => `${key} must be ${String(value)}`)
}

describe('window hardening', () => {
  const windowSource = mainSources.find((source) => source.file === 'mainWindow.ts')!.text

  it('opens the window with every webPreferences safeguard (a fake BrowserWindow records what it got)', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'standpoint-window-'))
    try {
      const fake = fakeElectron(userData)
      const window = await createMainWindow({
        BrowserWindow: fake.electron.BrowserWindow,
        screen: fake.electron.screen,
        mainDir: '/app/out/main',
        stateFile: join(userData, 'window-state.json'),
      })
      expect(window).toBe(fake.windows[0])
      const preferences = fake.windows[0]!.options.webPreferences
      expect(missingHardening(preferences)).toEqual([])
      expect(preferences.preload).toBe('/app/out/preload/index.js')
      // The check bites: any one safeguard off is reported.
      for (const key of Object.keys(REQUIRED_WEB_PREFERENCES)) {
        expect(missingHardening({ ...preferences, [key]: undefined })).toHaveLength(1)
      }
    } finally {
      rmSync(userData, { recursive: true, force: true })
    }
  })

  it('turns on the sandbox for every renderer before the app is ready', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'standpoint-start-'))
    try {
      const fake = fakeElectron(userData)
      const done = startApp(fake.electron, { env: {}, mainDir: '/app/out/main' })
      expect(fake.app.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged'])
      fake.app.becomeReady()
      await done
      expect(fake.windows).toHaveLength(1)
    } finally {
      rmSync(userData, { recursive: true, force: true })
    }
  })

  // Static scanners (Electronegativity, run by `npm run security`) read the source, not the
  // running app: they see a safeguard only where it is spelled out in the literal.
  it('spells every safeguard out in the BrowserWindow literal, where scanners see it', () => {
    const windows = webPreferenceLiterals(windowSource)
    expect(windows).toHaveLength(1)
    for (const preferences of windows) {
      expect(missingHardening(preferences)).toEqual([])
      // A spread could override a safeguard after the fact; scanners cannot see through it.
      expect(preferences['...spread']).toBeUndefined()
    }
  })

  it('would fail if a safeguard were turned off in the literal (the check itself bites)', () => {
    for (const [key, value] of Object.entries(REQUIRED_WEB_PREFERENCES)) {
      const literal = typeof value === 'string' ? `'${value}'` : String(value)
      const flipped = typeof value === 'string' ? "''" : String(!value)
      const weakened = windowSource.replace(`${key}: ${literal},`, `${key}: ${flipped},`)
      expect(weakened, `${key} appears in main/mainWindow.ts`).not.toBe(windowSource)
      const [preferences] = webPreferenceLiterals(weakened)
      expect(missingHardening(preferences!)).toEqual([`${key} must be ${String(value)}`])
    }
  })

  it('never weakens a safeguard anywhere in main/', () => {
    for (const { file, text } of mainSources) {
      expect(text, file).not.toMatch(/nodeIntegration\w*\s*:\s*true/)
      expect(text, file).not.toMatch(/contextIsolation\s*:\s*false/)
      expect(text, file).not.toMatch(/sandbox\s*:\s*false/)
      expect(text, file).not.toMatch(/webSecurity\s*:\s*false/)
      expect(text, file).not.toMatch(/allowRunningInsecureContent\s*:\s*true/)
      expect(text, file).not.toMatch(/webviewTag\s*:\s*true/)
      expect(text, file).not.toMatch(/loadFile\(|['"`]file:\/\//)
    }
  })

  it('has a strict content security policy', () => {
    const directives: Record<string, string[]> = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((part): [string, string[]] => {
        const [name = '', ...values] = part.trim().split(/\s+/)
        return [name, values]
      }),
    )
    expect(directives['default-src']).toEqual(["'none'"])
    // 'wasm-unsafe-eval' compiles the bundled WebAssembly (sql.js) and nothing else.
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"])
    expect(directives['connect-src']).toEqual(["'self'"])
    // Every worker is a file of the build: no blob: (a blob worker runs whatever code made it).
    expect(directives['worker-src']).toEqual(["'self'"])
    expect(directives['child-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
    expect(Object.values(directives).flat()).not.toContain("'unsafe-eval'")
    expect(directives['script-src']).not.toContain("'unsafe-inline'")
  })

  it('has index.html carry every directive but default-src and connect-src, which the renderer adds first', () => {
    const html = readFileSync(join(__dirname, '../../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    // frame-ancestors is ignored in a meta tag, so the header alone carries it; default-src and
    // connect-src come from platform/contentPolicy.ts, the first module the page runs.
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((part) => !/^(frame-ancestors|default-src|connect-src) /.test(part)).join('; ')
    expect(meta).toBe(header)
    expect(meta).toBe(staticMetaPolicy())
    const main = readFileSync(join(__dirname, '../../../renderer/src/main.tsx'), 'utf8')
    expect(main.split('\n').find((line) => line.startsWith('import '))).toBe("import './platform/contentPolicy'")
  })
})

describe('session policy (against a fake session and webContents)', () => {
  it('denies every permission but the listed ones, on request and on check, and every device', async () => {
    const session = new FakeSession()
    applySessionPolicy(session as unknown as PolicySession)
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'openExternal', 'fullscreen', 'clipboard-read', 'unknown']) {
      expect(await session.requestPermission(permission), permission).toBe(false)
      expect(session.checkPermission(permission), permission).toBe(false)
    }
    for (const permission of Object.keys(ALLOWED_PERMISSIONS)) {
      expect(await session.requestPermission(permission)).toBe(true)
      expect(session.checkPermission(permission)).toBe(true)
    }
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false)
  })

  it('cancels every request off the app origin, and says so', () => {
    const session = new FakeSession()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      applySessionPolicy(session as unknown as PolicySession)
      expect(session.request('app://standpoint/assets/index.js')).toBe(true)
      expect(session.request('data:image/png;base64,AAAA')).toBe(true)
      expect(session.request('blob:app://standpoint/1234')).toBe(true)
      for (const url of ['https://example.com/pixel.gif', 'http://127.0.0.1:8080/', 'ws://example.com/', 'file:///etc/passwd', 'blob:https://evil.example/1']) {
        expect(session.request(url), url).toBe(false)
      }
      expect(warn).toHaveBeenCalledWith('[standpoint] blocked request to https://example.com/pixel.gif')
    } finally {
      warn.mockRestore()
    }
  })

  it('lets the dev server through only when one is configured', () => {
    const plain = new FakeSession()
    const dev = new FakeSession()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      applySessionPolicy(plain as unknown as PolicySession)
      applySessionPolicy(dev as unknown as PolicySession, 'http://localhost:5173')
      expect(plain.request('http://localhost:5173/src/main.tsx')).toBe(false)
      expect(dev.request('http://localhost:5173/src/main.tsx')).toBe(true)
      expect(dev.request('http://localhost:5174/')).toBe(false)
    } finally {
      warn.mockRestore()
    }
  })

  it('denies window.open, navigation and redirects away, and webviews, for every webContents the app creates', () => {
    const app = new FakeEmitter()
    guardEveryWebContents(app as unknown as Parameters<typeof guardEveryWebContents>[0])
    for (const contents of [new FakeWebContents('app://standpoint/index.html'), new FakeWebContents('devtools://devtools/')]) {
      app.emit('web-contents-created', {}, contents)
      expect(contents.openWindow('https://example.com/')).toBe('deny')
      expect(contents.openWindow('app://standpoint/index.html')).toBe('deny')
      expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true)
      expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true)
      expect(contents.attempt('will-navigate', 'app://standpoint/index.html#/positions')).toBe(false)
      expect(contents.attempt('will-redirect', 'https://example.com/')).toBe(true)
      expect(contents.attempt('will-redirect', 'app://standpoint/index.html')).toBe(false)
      expect(contents.attempt('will-attach-webview')).toBe(true)
    }
  })

  it('trusts navigation to the dev server only when one is configured', () => {
    const contents = new FakeWebContents()
    const dev = new FakeWebContents()
    applyContentsPolicy(contents as unknown as PolicyContents)
    applyContentsPolicy(dev as unknown as PolicyContents, 'http://localhost:5173')
    expect(contents.attempt('will-navigate', 'http://localhost:5173/')).toBe(true)
    expect(dev.attempt('will-navigate', 'http://localhost:5173/')).toBe(false)
    expect(dev.attempt('will-navigate', 'https://example.com/')).toBe(true)
  })
})

describe('permissions', () => {
  it('denies everything not listed, and gives a reason for each allowed one', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'openExternal', 'fullscreen', 'clipboard-read', 'unknown']) {
      expect(isPermissionAllowed(permission), permission).toBe(false)
    }
    for (const [permission, reason] of Object.entries(ALLOWED_PERMISSIONS)) {
      expect(isPermissionAllowed(permission)).toBe(true)
      expect(reason.length).toBeGreaterThan(10)
    }
    expect(isPermissionAllowed('__proto__')).toBe(false)
  })
})

describe('origins and requests', () => {
  it('knows the app origin and nothing else', () => {
    expect(isAppUrl('app://standpoint/index.html')).toBe(true)
    expect(isAppUrl('app://evil/index.html')).toBe(false)
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
    expect(isAppUrl('https://standpoint/')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })

  it('lets through only the app, data:, devtools and the app\'s own blobs', () => {
    expect(isAllowedRequestUrl('app://standpoint/assets/index.js')).toBe(true)
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true)
    expect(isAllowedRequestUrl('blob:app://standpoint/1234')).toBe(true)
    expect(isAllowedRequestUrl('blob:https://evil.example/1234')).toBe(false)
    expect(isAllowedRequestUrl('https://example.com/pixel.gif')).toBe(false)
    expect(isAllowedRequestUrl('http://127.0.0.1:8080/')).toBe(false)
    expect(isAllowedRequestUrl('ws://example.com/')).toBe(false)
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false)
  })
})
