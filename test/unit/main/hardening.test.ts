import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ALLOWED_PERMISSIONS,
  CONTENT_SECURITY_POLICY,
  HARDENED_WEB_PREFERENCES,
  isAllowedRequestUrl,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
} from '../../../main/hardening'

const mainDir = join(__dirname, '../../../main')
const mainSources = readdirSync(mainDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(join(mainDir, file), 'utf8') }))

describe('window hardening', () => {
  it('keeps every webPreferences safeguard on', () => {
    expect(HARDENED_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    })
  })

  it('builds every window from the hardened preferences, and nothing in main/ weakens them', () => {
    const index = mainSources.find((source) => source.file === 'index.ts')!.text
    expect(index).toMatch(/webPreferences:\s*\{\s*\.\.\.HARDENED_WEB_PREFERENCES/)
    expect(index).toContain('app.enableSandbox()')
    for (const { file, text } of mainSources) {
      expect(text, file).not.toMatch(/nodeIntegration\s*:\s*true/)
      expect(text, file).not.toMatch(/contextIsolation\s*:\s*false/)
      expect(text, file).not.toMatch(/sandbox\s*:\s*false/)
      expect(text, file).not.toMatch(/webSecurity\s*:\s*false/)
      expect(text, file).not.toMatch(/allowRunningInsecureContent\s*:\s*true/)
      expect(text, file).not.toMatch(/loadFile\(|['"`]file:\/\//)
    }
  })

  it('denies new windows, navigation away and webviews for every webContents', () => {
    const policy = mainSources.find((source) => source.file === 'sessionPolicy.ts')!.text
    expect(policy).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/)
    expect(policy).toContain("'will-navigate'")
    expect(policy).toContain("'will-attach-webview'")
    expect(policy).toContain('setPermissionRequestHandler')
    expect(policy).toContain('onBeforeRequest')
  })

  it('has a strict content security policy', () => {
    const directives: Record<string, string[]> = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((part): [string, string[]] => {
        const [name = '', ...values] = part.trim().split(/\s+/)
        return [name, values]
      }),
    )
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['connect-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(directives['script-src']).not.toContain("'unsafe-inline'")
  })

  it('repeats the same policy in index.html for the browser host', () => {
    const html = readFileSync(join(__dirname, '../../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    // frame-ancestors is ignored in a meta tag, so the header alone carries it.
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((part) => !part.startsWith('frame-ancestors')).join('; ')
    expect(meta).toBe(header)
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

  it('opens only http(s) links externally', () => {
    expect(isSafeExternalUrl('https://example.com/a')).toBe(true)
    expect(isSafeExternalUrl('http://example.com')).toBe(true)
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isSafeExternalUrl('smb://server/share')).toBe(false)
    expect(isSafeExternalUrl('')).toBe(false)
  })
})
