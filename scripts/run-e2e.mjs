// Runs the Playwright suite on the host this machine has: Electron when its binary exists
// (under Xvfb when there is no display), else Chromium. Installs Debian's Chromium when it is
// missing and we are allowed to (root with apt-get), otherwise says how.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { electronBinary } from './lib/electron.mjs'

const args = process.argv.slice(2)
const chromiumCandidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
const hasChromium = () => chromiumCandidates.some((path) => path && existsSync(path))
const which = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
const useElectron = electronBinary() && process.env.STANDPOINT_E2E_HOST !== 'chromium'

if (!useElectron && !hasChromium()) {
  if (process.getuid?.() === 0 && which('apt-get')) {
    console.log('[e2e] Chromium is missing: installing Debian\'s chromium package (apt-get install -y chromium)…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
  }
  if (!hasChromium()) {
    console.error('[e2e] No browser to test in: install Chromium (`sudo apt-get install -y chromium`) or set CHROMIUM_PATH.')
    process.exit(1)
  }
}

let command = 'npx'
let commandArgs = ['playwright', 'test', ...args]
if (useElectron && process.platform === 'linux' && !process.env.DISPLAY) {
  if (!which('xvfb-run')) {
    console.error('[e2e] Electron needs a display: install xvfb (`sudo apt-get install -y xvfb`) or set STANDPOINT_E2E_HOST=chromium.')
    process.exit(1)
  }
  command = 'xvfb-run'
  commandArgs = ['-a', 'npx', ...commandArgs]
}
const result = spawnSync(command, commandArgs, { stdio: 'inherit' })
process.exit(result.status ?? 1)
