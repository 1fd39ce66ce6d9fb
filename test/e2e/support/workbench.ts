import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, chromium, expect, test as base, type BrowserContext, type ElectronApplication, type Page } from '@playwright/test'
import { chooseHost, ELECTRON_MAIN, QUIET_CHROMIUM_ARGS, WEB_ORIGIN, type E2EHost } from './host'

/**
 * The app under test, on whichever host this machine has. Each test gets a fresh profile
 * (so a fresh IndexedDB); relaunch and kill keep that profile, as a user's restart would.
 */
export interface Workbench {
  host: E2EHost
  page: Page
  profileDir: string
  /** The app's own origin: http://127.0.0.1:<port> in Chromium, app://standpoint in Electron. */
  origin: string
  /** Quits the app cleanly and starts it again on the same profile. */
  relaunch(): Promise<Page>
  /** Kills the app with SIGKILL (no shutdown, no flush) and starts it again on the same profile. */
  killAndRelaunch(): Promise<Page>
  /** Every request the app made to another origin. Must stay empty: the app is offline. */
  offOriginRequests: string[]
  /** Uncaught errors the page threw. */
  pageErrors: string[]
  /** The Electron application, on the Electron host only (for main-process checks). */
  electronApp: ElectronApplication | undefined
}

const choice = chooseHost()

interface Running {
  page: Page
  electronApp?: ElectronApplication
  close(): Promise<void>
  kill(): Promise<void>
}

function isOwnOrigin(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin || /^(data|blob|about|devtools|chrome-extension):/.test(url)
}

/** Ids of every process of the browser started on this profile (each has it on its command line). */
function profileProcesses(profileDir: string): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
      if (commandLine.some((arg) => arg === `--user-data-dir=${profileDir}` || arg.startsWith(`--user-data-dir=${profileDir}/`))) found.push(Number(entry))
    } catch {
      // The process ended while we looked.
    }
  }
  return found
}

const isGone = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true
  } catch {
    return true
  }
}

/**
 * A crash, not a shutdown: SIGKILL to every process of this browser at once (the browser, its
 * storage service and renderers), by id, then wait until they are gone. Playwright does not hand
 * out a persistent context's browser process, so they are found by the profile on their command
 * line. Throws when none is running, so a crash test cannot silently become a clean close.
 */
async function killProfileProcesses(profileDir: string): Promise<void> {
  const pids = profileProcesses(profileDir)
  if (pids.length === 0) throw new Error(`killAndRelaunch: no browser process runs on ${profileDir}`)
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + 10_000
  while (!pids.every(isGone)) {
    if (Date.now() > deadline) throw new Error(`killAndRelaunch: browser processes ${pids.join(', ')} survived SIGKILL`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function startChromium(profileDir: string, guard: (context: BrowserContext) => Promise<void>): Promise<Running> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: choice.executable,
    headless: process.env.STANDPOINT_E2E_HEADED !== '1',
    args: [...QUIET_CHROMIUM_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    viewport: { width: 1360, height: 860 },
    acceptDownloads: true,
    locale: 'en-GB',
    timezoneId: 'UTC',
  })
  await guard(context)
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`${WEB_ORIGIN}/`)
  return {
    page,
    close: () => context.close(),
    kill: async () => {
      await killProfileProcesses(profileDir)
      await context.close().catch(() => undefined)
    },
  }
}

async function startElectron(profileDir: string, guard: (context: BrowserContext) => Promise<void>): Promise<Running> {
  const app: ElectronApplication = await _electron.launch({
    executablePath: choice.executable,
    // Chromium refuses to start as root with its OS sandbox; Electron's renderer sandbox
    // (no Node in preload or page) still applies.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ELECTRON_MAIN],
    env: { ...process.env, STANDPOINT_USER_DATA: profileDir, ELECTRON_ENABLE_LOGGING: '1' },
  })
  await guard(app.context())
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  return {
    page,
    electronApp: app,
    close: () => app.close(),
    kill: async () => {
      app.process().kill('SIGKILL')
      await app.close().catch(() => undefined)
    },
  }
}

export interface WorkbenchOptions {
  /** Folder to create the browser profile in (a small disk, for quota tests); default: tmpdir. */
  profileRoot: string | undefined
}

export const test = base.extend<{ workbench: Workbench } & WorkbenchOptions>({
  profileRoot: [undefined, { option: true }],
  workbench: async ({ profileRoot }, use, testInfo) => {
    const profileDir = mkdtempSync(join(profileRoot ?? tmpdir(), 'standpoint-e2e-'))
    const origin = choice.host === 'electron' ? 'app://standpoint' : WEB_ORIGIN
    const offOriginRequests: string[] = []
    const pageErrors: string[] = []
    let blockedByGuard = 0
    let blockedByCsp = 0

    const guard = async (context: BrowserContext): Promise<void> => {
      context.on('request', (request) => {
        if (!isOwnOrigin(request.url(), origin)) offOriginRequests.push(request.url())
      })
      const watch = (page: Page): void => {
        page.on('pageerror', (error) => pageErrors.push(error.message))
        page.on('console', (message) => {
          if (message.type() === 'error' && /Content Security Policy/.test(message.text())) blockedByCsp++
        })
      }
      context.on('page', watch)
      for (const page of context.pages()) watch(page)
      // In Chromium nothing but the app's origin may load; Electron's own session policy does
      // the same job there, and the request log above checks it.
      if (choice.host === 'chromium') {
        await context.route('**/*', (route) => {
          if (isOwnOrigin(route.request().url(), origin)) return route.continue()
          blockedByGuard++
          return route.abort('blockedbyclient')
        })
      }
    }

    const start = (): Promise<Running> =>
      choice.host === 'electron' ? startElectron(profileDir, guard) : startChromium(profileDir, guard)

    let running = await start()
    const workbench: Workbench = {
      host: choice.host,
      page: running.page,
      profileDir,
      origin,
      offOriginRequests,
      pageErrors,
      electronApp: running.electronApp,
      async relaunch() {
        await running.close()
        running = await start()
        workbench.page = running.page
        workbench.electronApp = running.electronApp
        return running.page
      },
      async killAndRelaunch() {
        await running.kill()
        running = await start()
        workbench.page = running.page
        workbench.electronApp = running.electronApp
        return running.page
      },
    }
    testInfo.annotations.push({ type: 'host', description: `${choice.host}: ${choice.reason}` })

    await use(workbench)

    await running.close().catch(() => undefined)
    rmSync(profileDir, { recursive: true, force: true })
    // Summed over the run by support/offlineReporter.ts.
    testInfo.annotations.push({ type: 'offline', description: JSON.stringify({ offOrigin: offOriginRequests.length, blockedByGuard, blockedByCsp }) })
    expect(offOriginRequests, 'the app must make no request outside its own origin').toEqual([])
    expect(pageErrors, 'the page must throw no uncaught error').toEqual([])
  },
})

export { expect }
