// Finds Electron's binary without throwing: the electron package throws when its postinstall
// (the binary download) never ran, which is normal offline and under npm 11's script approval.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export function electronBinary() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

export function electronInstallScript() {
  try {
    return require.resolve('electron/install.js')
  } catch {
    return null
  }
}
