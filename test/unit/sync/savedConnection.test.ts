import 'fake-indexeddb/auto'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

// The team connection is kept twice: in localStorage (the page's CSP is written from it before
// the app starts) and in the workspace's settings, so a browser that lost localStorage's copy
// (closed soon after Connect, before it committed) gets it back. The password is in neither.

class MemoryStorage {
  private readonly values = new Map<string, string>()
  getItem(key: string): string | null {
    return this.values.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    this.values.set(key, String(value))
  }
  removeItem(key: string): void {
    this.values.delete(key)
  }
  clear(): void {
    this.values.clear()
  }
  keys(): string[] {
    return [...this.values.keys()]
  }
}

const local = new MemoryStorage()
const session = new MemoryStorage()
vi.stubGlobal('localStorage', local)
vi.stubGlobal('sessionStorage', session)
vi.stubGlobal('window', {})
// platform/contentPolicy.ts writes the page's CSP meta tag as it loads.
vi.stubGlobal('document', { createElement: () => ({}), head: { prepend: () => undefined } })

const settings = await import('../../../renderer/src/platform/syncSettings')
const { db } = await import('../../../renderer/src/db/instance')
const { SYNC_ORIGIN_KEY } = await import('../../../renderer/src/platform/contentPolicy')

const CONNECTION = { serverUrl: 'http://127.0.0.1:5984/', database: 'team-a', userName: 'alice', origin: 'http://127.0.0.1:5984' }

/** What a browser closed before committing localStorage comes back with. */
function loseLocalStorage(): void {
  local.clear()
  session.clear()
}

beforeEach(async () => {
  loseLocalStorage()
  await db.settings.clear()
})

afterAll(() => {
  db.close()
  vi.unstubAllGlobals()
})

describe('the saved team connection', () => {
  it('comes back from the workspace when localStorage lost it, with the origin the CSP needs', async () => {
    await settings.saveConnection(CONNECTION, 'secret-pw')
    expect(settings.savedConnection()).toEqual({ serverUrl: CONNECTION.serverUrl, database: 'team-a', userName: 'alice' })
    loseLocalStorage()
    expect(settings.savedConnection()).toBeNull()

    expect(await settings.restoreLostConnection()).toBe(true)
    expect(settings.savedConnection()).toEqual({ serverUrl: CONNECTION.serverUrl, database: 'team-a', userName: 'alice' })
    expect(local.getItem(SYNC_ORIGIN_KEY)).toBe(CONNECTION.origin)
    expect(settings.isSyncPaused()).toBe(false)
    // Once back, there is nothing more to restore.
    expect(await settings.restoreLostConnection()).toBe(false)
  })

  it('never keeps the password in the workspace', async () => {
    await settings.saveConnection(CONNECTION, 'secret-pw')
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('secret-pw')
    loseLocalStorage()
    await settings.restoreLostConnection()
    // A browser keeps the password for its session only: the member types it again.
    expect(await settings.savedPassword()).toBeNull()
  })

  it('brings a pause back with it, and a new Connect clears the pause', async () => {
    await settings.saveConnection(CONNECTION, 'pw')
    await settings.setSyncPaused(true)
    loseLocalStorage()
    await settings.restoreLostConnection()
    expect(settings.isSyncPaused()).toBe(true)
    await settings.saveConnection(CONNECTION, 'pw')
    expect(settings.isSyncPaused()).toBe(false)
    loseLocalStorage()
    await settings.restoreLostConnection()
    expect(settings.isSyncPaused()).toBe(false)
  })

  it('stays forgotten after Disconnect, even if localStorage lost the removal', async () => {
    await settings.saveConnection(CONNECTION, 'pw')
    await settings.forgetConnection()
    expect(settings.savedConnection()).toBeNull()
    expect(local.keys()).toEqual([])
    expect(await settings.restoreLostConnection()).toBe(false)
    expect(local.keys()).toEqual([])
  })

  it('does not replace a connection localStorage still has', async () => {
    await settings.saveConnection(CONNECTION, 'pw')
    local.setItem('standpoint.sync.connection', JSON.stringify({ serverUrl: 'http://10.0.0.2:5984/', database: 'other', userName: 'bob' }))
    expect(await settings.restoreLostConnection()).toBe(false)
    expect(settings.savedConnection()?.database).toBe('other')
  })

  it('puts back nothing from a kept copy whose origin the CSP would refuse', async () => {
    await db.settings.put({ key: 'team.syncConnection', value: { ...CONNECTION, origin: "http://x.example 'unsafe-inline'", paused: false } })
    expect(await settings.restoreLostConnection()).toBe(false)
    expect(local.keys()).toEqual([])
    await db.settings.put({ key: 'team.syncConnection', value: { serverUrl: 5 } })
    expect(await settings.restoreLostConnection()).toBe(false)
  })
})
