import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, expect, test as base, type BrowserContext, type Page } from '@playwright/test'
import { startCouchServer, type CouchTestServer } from '../../../scripts/lib/couchServer.cjs'
import { chooseHost, QUIET_CHROMIUM_ARGS, WEB_ORIGIN } from './host'

// Team sync's e2e setting: one CouchDB-protocol server (scripts/couch-test-server.mjs, started
// by the test run on 127.0.0.1) and several members, each a browser with a profile of its own
// (its own IndexedDB). A member's page may reach its own origin and the team's server and
// nothing else: every other request is aborted and counted, and must stay at zero.

/** Each Playwright worker runs its own server, on STANDPOINT_COUCH_PORT + its index. */
const COUCH_BASE_PORT = Number(process.env.STANDPOINT_COUCH_PORT ?? 5990)

export interface Member {
  name: string
  page: Page
  context: BrowserContext
  profileDir: string
  /** Requests to anywhere but the app and the team's server (must stay empty). */
  foreignRequests: string[]
  /** Requests that reached the team's server. */
  serverRequests: string[]
  pageErrors: string[]
  /** Closes the browser and opens it again on the same profile. */
  relaunch(): Promise<Page>
}

interface TeamFixtures {
  couch: CouchTestServer
  members: { add(name: string): Promise<Member> }
}

const choice = chooseHost()

async function launch(member: Omit<Member, 'page' | 'context' | 'relaunch'>, couchOrigin: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(member.profileDir, {
    executablePath: choice.executable,
    headless: process.env.STANDPOINT_E2E_HEADED !== '1',
    args: [...QUIET_CHROMIUM_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    viewport: { width: 1360, height: 860 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  })
  const own = (url: string): boolean => url.startsWith(`${WEB_ORIGIN}/`) || /^(data|blob|about|devtools|chrome-extension):/.test(url)
  context.on('request', (request) => {
    const url = request.url()
    if (url.startsWith(`${couchOrigin}/`)) member.serverRequests.push(url)
    else if (!own(url)) member.foreignRequests.push(url)
  })
  await context.route('**/*', (route) => {
    const url = route.request().url()
    return own(url) || url.startsWith(`${couchOrigin}/`) ? route.continue() : route.abort('blockedbyclient')
  })
  context.on('page', (page) => page.on('pageerror', (error) => member.pageErrors.push(`${member.name}: ${error.message}`)))
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('pageerror', (error) => member.pageErrors.push(`${member.name}: ${error.message}`))
  await page.goto(`${WEB_ORIGIN}/`)
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
  return { context, page }
}

export const test = base.extend<TeamFixtures, { couchServer: CouchTestServer }>({
  couchServer: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const server = await startCouchServer({ port: COUCH_BASE_PORT + workerInfo.workerIndex, corsOrigins: [WEB_ORIGIN] })
      await use(server)
      await server.dispose()
    },
    { scope: 'worker' },
  ],
  couch: async ({ couchServer }, use) => {
    await couchServer.start()
    await use(couchServer)
    // A test that stopped the server leaves it running for the next one.
    await couchServer.start()
  },
  members: async ({ couch }, use, testInfo) => {
    testInfo.skip(choice.host !== 'chromium', 'team sync e2e drives two browser profiles; on the Electron host they run in Chromium anyway')
    const all: Member[] = []
    const couchOrigin = new URL(couch.url).origin
    await use({
      async add(name) {
        const state = { name, profileDir: mkdtempSync(join(tmpdir(), `standpoint-team-${name}-`)), foreignRequests: [], serverRequests: [], pageErrors: [] }
        const started = await launch(state, couchOrigin)
        const member: Member = {
          ...state,
          ...started,
          async relaunch() {
            await member.context.close()
            const again = await launch(state, couchOrigin)
            member.context = again.context
            member.page = again.page
            return again.page
          },
        }
        all.push(member)
        return member
      },
    })
    for (const member of all) {
      await member.context.close().catch(() => undefined)
      rmSync(member.profileDir, { recursive: true, force: true })
    }
    const foreign = all.flatMap((member) => member.foreignRequests)
    testInfo.annotations.push({ type: 'offline', description: JSON.stringify({ offOrigin: foreign.length, blockedByGuard: foreign.length, blockedByCsp: 0 }) })
    expect(foreign, 'no member may reach anything but the app and the team server').toEqual([])
    expect(all.flatMap((member) => member.pageErrors), 'no page may throw').toEqual([])
  },
})

export { expect }

/** Every synced table and the tombstones, sorted by id: two members converged when these are equal. */
export async function tableDump(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('standpoint')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    const tables = ['articles', 'actors', 'issues', 'claims', 'mentions', 'coders', 'assignments', 'tombstones']
    const dump: Record<string, unknown[]> = {}
    // Field order is not data: a record read back from the server lists its fields in schema order.
    const sorted = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sorted)
      if (value === null || typeof value !== 'object') return value
      return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]))
    }
    try {
      for (const table of tables) {
        if (!db.objectStoreNames.contains(table)) continue
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(table, 'readonly').objectStore(table).getAll()
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error ?? new Error('read failed'))
        })
        // A tombstone's deletedAt is when this machine learned of the deletion when the server
        // deleted a document whole; compare what was deleted, not when.
        dump[table] = (table === 'tombstones' ? rows.map((row) => ({ id: (row as { id: string }).id, table: (row as { table: string }).table })) : rows)
          .sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)))
          .map(sorted)
      }
    } finally {
      db.close()
    }
    return dump
  })
}

/** Opens Team sync and connects with the given credentials (the page reloads when the server is new to it). */
export async function connect(page: Page, fields: { server: string; database: string; user: string; password: string }): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Team sync…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Team sync' })
  await dialog.getByLabel('Server address').fill(fields.server)
  await dialog.getByLabel('Database').fill(fields.database)
  await dialog.getByLabel('User name').fill(fields.user)
  await dialog.getByLabel('Password').fill(fields.password)
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
}

export const syncStatus = (page: Page) => page.getByTestId('sync-status')
