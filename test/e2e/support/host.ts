import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'

// Which host the e2e suite drives: the real Electron app when its binary is installed, else
// Debian's Chromium against the built renderer served on a fixed local port.

export type E2EHost = 'electron' | 'chromium'

export interface HostChoice {
  host: E2EHost
  /** The Electron or Chromium executable. */
  executable: string
  /** Why this host was chosen, printed at the start of the run. */
  reason: string
}

const requireFromHere = createRequire(__filename)

export function findElectron(): { path: string | null; reason: string } {
  if (process.env.STANDPOINT_E2E_HOST === 'chromium') return { path: null, reason: 'STANDPOINT_E2E_HOST=chromium' }
  try {
    const path = requireFromHere('electron') as unknown
    if (typeof path === 'string' && existsSync(path)) return { path, reason: `Electron binary at ${path}` }
    return { path: null, reason: `no Electron binary at ${String(path)} (npm install does not fetch it; npm start does, when online)` }
  } catch {
    // The electron package throws until its binary is fetched, which npm install never does.
    return { path: null, reason: 'no Electron binary (npm install does not fetch it; npm start does, when online)' }
  }
}

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate)) ?? null
}

export function chooseHost(): HostChoice {
  const electron = findElectron()
  if (electron.path && process.env.STANDPOINT_E2E_HOST !== 'chromium') {
    return { host: 'electron', executable: electron.path, reason: electron.reason }
  }
  const chromium = findChromium()
  if (!chromium) {
    throw new Error(
      'No browser for the e2e suite: the Electron binary is missing and no Chromium was found. ' +
        'Install Debian\'s Chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH.',
    )
  }
  return { host: 'chromium', executable: chromium, reason: `Chromium at ${chromium}; Electron not used: ${electron.reason}` }
}

export const E2E_PORT = Number(process.env.STANDPOINT_E2E_PORT ?? 4190)
export const WEB_ORIGIN = `http://127.0.0.1:${E2E_PORT}`
export const ELECTRON_MAIN = resolve(__dirname, '../../../out/main/index.js')

/** Flags that keep Chromium from phoning Google on start (this machine has no internet). */
export const QUIET_CHROMIUM_ARGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
]
