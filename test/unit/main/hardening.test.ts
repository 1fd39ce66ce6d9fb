import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import {
  ALLOWED_PERMISSIONS,
  CONTENT_SECURITY_POLICY,
  REQUIRED_WEB_PREFERENCES,
  isAllowedRequestUrl,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
} from '../../../main/hardening'

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
  const index = mainSources.find((source) => source.file === 'index.ts')!.text

  it('creates every window with every webPreferences safeguard written out', () => {
    const windows = webPreferenceLiterals(index)
    expect(windows.length).toBeGreaterThan(0)
    for (const preferences of windows) {
      expect(missingHardening(preferences)).toEqual([])
      // A spread could override a safeguard after the fact; scanners cannot see through it.
      expect(preferences['...spread']).toBeUndefined()
    }
    expect(index).toContain('app.enableSandbox()')
  })

  it('would fail if a safeguard were turned off (the check itself bites)', () => {
    for (const [key, value] of Object.entries(REQUIRED_WEB_PREFERENCES)) {
      const literal = typeof value === 'string' ? `'${value}'` : String(value)
      const flipped = typeof value === 'string' ? "''" : String(!value)
      const weakened = index.replace(`${key}: ${literal},`, `${key}: ${flipped},`)
      expect(weakened, `${key} appears in main/index.ts`).not.toBe(index)
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
    // 'wasm-unsafe-eval' compiles the bundled WebAssembly (sql.js) and nothing else.
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"])
    expect(directives['connect-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
    expect(Object.values(directives).flat()).not.toContain("'unsafe-eval'")
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
