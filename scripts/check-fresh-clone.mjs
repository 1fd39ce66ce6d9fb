// Proves the README's commands on a fresh clone: clones the committed HEAD into a temp folder,
// runs plain `npm install` there (no variables set), then `npm start` as a machine without a
// display and as one whose Electron download fails, each of which must serve the workbench over
// http and say in one line why it is not the desktop window. `--test` also runs `npm test` there.
//
//   npm run check:fresh-clone [-- --test] [-- --no-network] [-- --keep]
//
// --no-network runs `npm install` with no network at all (a new network namespace: `unshare -n`,
// root or user namespaces needed). npm then works from its cache and takes minutes retrying the
// registry, so it is not the default. The default run checks instead that npm never ran
// Electron's download (the install cannot depend on Electron's host, reachable or not).
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, relative, resolve } from 'node:path'
import { electronDownloadHost, unreachable } from './lib/electron.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const flags = new Set(process.argv.slice(2))
const PORT = Number(process.env.STANDPOINT_WEB_PORT ?? 4173)
const NOT_DESKTOP = 'Not the desktop window:'

const failures = []
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`
const check = (ok, what) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures.push(what)
  return ok
}

/**
 * The environment of a new user's shell: none of the variables `npm run` adds, nothing that
 * steers Electron's download or this project's scripts, no display, and no node_modules/.bin
 * of this checkout on PATH.
 */
function plainEnv(extra = {}) {
  const env = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|ELECTRON_|electron_|STANDPOINT_|INIT_CWD$|CI$|DISPLAY$|WAYLAND_DISPLAY$)/i.test(name)) continue
    env[name] = value
  }
  env.PATH = (process.env.PATH ?? '').split(delimiter).filter((part) => !part.includes('node_modules')).join(delimiter)
  return { ...env, ...extra }
}

function sharedFixtures() {
  const candidates = [process.env.STANDPOINT_FIXTURES, '../shared/fixtures', '/work/shared/fixtures'].filter(Boolean).map((path) => resolve(ROOT, path))
  return candidates.find((path) => existsSync(join(path, 'README.md'))) ?? null
}

function cloneInto(folder) {
  const inGit = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() === 'true'
  if (inGit) {
    const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim()
    if (dirty) console.log('  note: uncommitted changes here are not in the clone (it is the committed HEAD)')
    const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim()
    const clone = spawnSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, folder], { encoding: 'utf8' })
    if (clone.status !== 0) throw new Error(`git clone failed: ${clone.stderr}`)
    return `git clone of ${head}`
  }
  // A checkout without .git (a CI tarball): copy it as it would be unpacked.
  const skip = new Set(['node_modules', 'out', 'test-results', 'playwright-report', 'bench-results', '.git'])
  cpSync(ROOT, folder, { recursive: true, filter: (path) => !skip.has(relative(ROOT, path).split(/[\\/]/)[0]) })
  return 'copy of this checkout (not a git work tree)'
}

function npmInstall(folder) {
  const noNetwork = flags.has('--no-network')
  const isolate = process.getuid?.() === 0 ? ['-n'] : ['-rn']
  const [command, args] = noNetwork ? ['unshare', [...isolate, 'npm', 'install']] : ['npm', ['install']]
  const started = Date.now()
  const run = spawnSync(command, args, { cwd: folder, env: plainEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const log = `${run.stdout ?? ''}${run.stderr ?? ''}`
  writeFileSync(join(folder, '..', 'npm-install.log'), log)
  const summary = log.split('\n').find((line) => /^(added|up to date)/.test(line)) ?? '(no summary)'
  check(run.status === 0, `\`${[command, ...args].join(' ')}\` exits 0 in ${seconds(started)}: ${summary}`)
  if (run.status !== 0) console.log(log.split('\n').slice(-25).join('\n'))
  check(existsSync(join(folder, 'node_modules/.bin/vite')) && existsSync(join(folder, 'node_modules/electron/package.json')), 'node_modules holds the dependencies, electron included')
  check(!existsSync(join(folder, 'node_modules/electron/path.txt')), "npm did not run Electron's download script (denied: package.json's allowScripts, .npmrc's ignore-scripts)")
  check(!/\n\s+at .+:\d+:\d+\)?\n/.test(log), 'no stack trace in its output')
  const changed = spawnSync('git', ['status', '--porcelain'], { cwd: folder, encoding: 'utf8' }).stdout?.trim()
  if (changed) console.log(`  note: npm install changed tracked files:\n${changed}`)
}

/** `npm start` until it serves the page (or gives up), then the checks on what it printed and served. */
async function npmStart(folder, label, env, expectedWhy) {
  console.log(`\n== npm start: ${label} ==`)
  const started = Date.now()
  const child = spawn('npm', ['start'], { cwd: folder, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const address = `http://127.0.0.1:${PORT}/`
  const served = await new Promise((resolveServed) => {
    const timer = setTimeout(() => resolveServed(false), 180_000)
    const onData = (chunk) => {
      output += chunk
      if (output.includes('Press Ctrl+C to stop')) {
        clearTimeout(timer)
        resolveServed(true)
      }
    }
    child.stdout.setEncoding('utf8').on('data', onData)
    child.stderr.setEncoding('utf8').on('data', onData)
    child.once('exit', () => {
      clearTimeout(timer)
      resolveServed(false)
    })
  })
  check(served, `serves the workbench after ${seconds(started)}`)
  let page = null
  if (served) {
    try {
      const response = await fetch(address)
      page = { status: response.status, body: await response.text() }
    } catch (error) {
      page = { status: 0, body: String(error) }
    }
  }
  if (child.exitCode === null) {
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit))
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
    await exited
  }
  const lines = output.split('\n')
  check(lines.some((line) => line.startsWith(`Standpoint is running at ${address}`)), `prints the address ${address}`)
  const why = lines.filter((line) => line.startsWith(NOT_DESKTOP))
  check(why.length === 1 && expectedWhy.test(why[0]), `prints one line saying why it is not the desktop window: ${why.join(' | ') || '(none)'}`)
  check(!lines.some((line) => /^\s+at .+:\d+:\d+\)?$/.test(line)), 'no stack trace in its output')
  check(page?.status === 200 && page.body.includes('<title>Standpoint</title>') && page.body.includes('<div id="root">'), `GET ${address} answers 200 with the workbench page`)
  if (!served || failures.length) console.log(output.split('\n').slice(-30).join('\n'))
}

const temp = mkdtempSync(join(tmpdir(), 'standpoint-fresh-'))
const folder = join(temp, 'standpoint')
const begun = Date.now()
try {
  console.log(`== fresh clone in ${folder} ==`)
  console.log(`  ${cloneInto(folder)}`)
  const host = electronDownloadHost(plainEnv())
  const reason = host ? await unreachable(host) : 'no download host'
  console.log(`  Electron's download host ${host?.host ?? '?'}: ${reason ? `unreachable from here (${reason})` : 'reachable from here'}`)

  console.log(`\n== npm install${flags.has('--no-network') ? ' (no network at all)' : ''} ==`)
  npmInstall(folder)

  await npmStart(folder, 'no display', plainEnv({ STANDPOINT_WEB_PORT: String(PORT) }), /no display/)
  // A desktop that cannot fetch Electron: the download host is made unreachable on purpose (a
  // closed local port), so this holds on a connected machine too. CI=1 keeps the browser shut.
  await npmStart(
    folder,
    "a display, Electron's download failing",
    plainEnv({ STANDPOINT_WEB_PORT: String(PORT), DISPLAY: ':99', CI: '1', ELECTRON_MIRROR: 'http://127.0.0.1:9/' }),
    /could not be downloaded/,
  )

  if (flags.has('--test')) {
    console.log('\n== npm test ==')
    const started = Date.now()
    const fixtures = sharedFixtures()
    const pass = Object.fromEntries(['CI', 'STANDPOINT_E2E_PORT', 'STANDPOINT_E2E_WORKERS', 'CHROMIUM_PATH'].filter((name) => process.env[name]).map((name) => [name, process.env[name]]))
    const run = spawnSync('npm', ['test'], { cwd: folder, env: plainEnv({ ...pass, ...(fixtures ? { STANDPOINT_FIXTURES: fixtures } : {}) }), stdio: 'inherit' })
    check(run.status === 0, `\`npm test\` exits 0 in ${seconds(started)}`)
  }
} catch (error) {
  check(false, error.message)
} finally {
  console.log(`\n${failures.length === 0 ? 'Fresh clone: every check passed' : `Fresh clone: ${failures.length} check(s) failed`} (${seconds(begun)}).`)
  if (failures.length > 0 || flags.has('--keep')) console.log(`Kept for inspection: ${temp} (npm-install.log beside the clone)`)
  else rmSync(temp, { recursive: true, force: true })
  process.exitCode = failures.length > 0 ? 1 : 0
}
