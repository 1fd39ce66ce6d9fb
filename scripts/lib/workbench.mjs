// What `npm start` and `npm run web` share: building the app, serving the built renderer to a
// browser on the fixed local port, and opening the system browser where there is one.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
/** Fixed: IndexedDB belongs to the origin, port included, so another port shows another workspace. */
export const WEB_PORT = Number(process.env.STANDPOINT_WEB_PORT ?? 4173)

const ELECTRON_VITE = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js')

export function say(lines) {
  console.log(['', ...lines, ''].join('\n'))
}

export function fail(lines) {
  console.error(['', ...lines, ''].join('\n'))
  process.exit(1)
}

/** The build tools are there (that is, `npm install` ran), or the run stops saying so. */
export function requireInstalledDependencies() {
  if (!existsSync(ELECTRON_VITE) || !existsSync(join(ROOT, 'node_modules/vite/package.json'))) {
    fail(['Standpoint: dependencies are not installed. Run `npm install` first.'])
  }
}

/** Builds main, preload and renderer into out/; stops the run when the build fails. */
export function buildWorkbench() {
  const build = spawnSync(process.execPath, [ELECTRON_VITE, 'build'], { stdio: 'inherit', cwd: ROOT })
  if (build.status !== 0) fail(['Standpoint: the build failed (see above).'])
}

/** A display the desktop window (or a browser) could open on. */
export function hasDisplay(env = process.env, platform = process.platform) {
  if (platform === 'win32' || platform === 'darwin') return true
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
}

function isCi(env = process.env) {
  return Boolean(env.CI) && !/^(0|false|no)$/i.test(env.CI)
}

/**
 * Asks the system to open the address in the default browser. Never in CI or without a
 * display, and a machine with no opener or no browser is not an error: the address is printed.
 */
export function openSystemBrowser(url, env = process.env, platform = process.platform) {
  if (isCi(env) || !hasDisplay(env, platform)) return false
  const [command, args] =
    platform === 'darwin' ? ['open', [url]]
    : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]]
    : ['xdg-open', [url]]
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true })
    child.on('error', () => undefined)
    child.unref()
    return true
  } catch {
    return false
  }
}

/**
 * Serves out/renderer on 127.0.0.1 at the fixed port until Ctrl+C. `why` is the one line that
 * says why this is the browser rather than the desktop window, and how to get the window.
 */
export async function serveInBrowser({ why, open = false } = {}) {
  const { preview } = await import('vite')
  const url = `http://127.0.0.1:${WEB_PORT}/`
  let server
  try {
    server = await preview({
      root: ROOT,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: 'out/renderer' },
      preview: { port: WEB_PORT, strictPort: true, host: '127.0.0.1', open: false },
    })
  } catch (error) {
    fail([
      `Standpoint: could not serve on port ${WEB_PORT}: ${error.message.split('\n')[0]}`,
      '  Another program (or another `npm start` / `npm run web`) uses it. Stop it, or pick a port:',
      '  STANDPOINT_WEB_PORT=4180 npm start (a different port means a different, empty workspace in the browser).',
    ])
  }
  const opened = open && openSystemBrowser(url)
  say([
    `Standpoint is running at ${url}${opened ? ' (opening it in your browser)' : ' (open it in Chromium, Chrome, Edge or Firefox)'}`,
    ...(why ? [why] : []),
    'Your workspace is stored in that browser, for this address. Press Ctrl+C to stop.',
  ])
  const stop = () => void server.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return server
}
