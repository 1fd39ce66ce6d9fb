import 'fake-indexeddb/auto'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

// The team connection is kept twice: in localStorage (the page's CSP is written from it before
// the app starts) and in the workspace's settings, so a browser that lost localStorage's copy
// (closed soon after Connect, before it committed) gets it back, and one that kept it after a
// Disconnect forgets it. The password is in neither.

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

    expect(await settings.reconcileConnection()).toBe('restored')
    expect(settings.savedConnection()).toEqual({ serverUrl: CONNECTION.serverUrl, database: 'team-a', userName: 'alice' })
    expect(local.getItem(SYNC_ORIGIN_KEY)).toBe(CONNECTION.origin)
    expect(settings.isSyncPaused()).toBe(false)
    // Once back, there is nothing more to restore.
    expect(await settings.reconcileConnection()).toBe('unchanged')
  })

  it('never keeps the password in the workspace', async () => {
    await settings.saveConnection(CONNECTION, 'secret-pw')
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('secret-pw')
    loseLocalStorage()
    await settings.reconcileConnection()
    // A browser keeps the password for its session only: the member types it again.
    expect(await settings.savedPassword()).toBeNull()
  })

  it('brings a pause back with it, and a new Connect clears the pause', async () => {
    await settings.saveConnection(CONNECTION, 'pw')
    await settings.setSyncPaused(true)
    loseLocalStorage()
    await settings.reconcileConnection()
    expect(settings.isSyncPaused()).toBe(true)
    await settings.saveConnection(CONNECTION, 'pw')
    expect(settings.isSyncPaused()).toBe(false)
    loseLocalStorage()
    await settings.reconcileConnection()
    expect(settings.isSyncPaused()).toBe(false)
  })

  it('stays forgotten after Disconnect: nothing is put back', async () => {
    await settings.saveConnection(CONNECTION, 'pw')
    await settings.forgetConnection()
    expect(settings.savedConnection()).toBeNull()
    expect(local.keys()).toEqual([])
    expect(await settings.reconcileConnection()).toBe('unchanged')
    expect(local.keys()).toEqual([])
  })

  it('is forgotten when localStorage lost the Disconnect and still holds the connection', async () => {
    await settings.saveConnection(CONNECTION, 'pw')
    const before = new Map(local.keys().map((key) => [key, local.getItem(key)!]))
    await settings.forgetConnection()
    // The browser closed before it committed the removal: the connection is back at the start.
    for (const [key, value] of before) local.setItem(key, value)
    expect(settings.savedConnection()).not.toBeNull()
    expect(await settings.reconcileConnection()).toBe('forgotten')
    expect(settings.savedConnection()).toBeNull()
    expect(local.keys()).toEqual([])
  })

  it('keeps a copy of a connection made before the copy existed, and follows localStorage where they differ', async () => {
    // Connected by an older release: localStorage alone.
    local.setItem('standpoint.sync.connection', JSON.stringify({ serverUrl: 'http://10.0.0.2:5984/', database: 'other', userName: 'bob' }))
    local.setItem(SYNC_ORIGIN_KEY, 'http://10.0.0.2:5984')
    local.setItem('standpoint.sync.paused', '1')
    expect(await settings.reconcileConnection()).toBe('unchanged')
    expect((await db.settings.get('team.syncConnection'))?.value).toEqual({ serverUrl: 'http://10.0.0.2:5984/', database: 'other', userName: 'bob', origin: 'http://10.0.0.2:5984', paused: true })
    // Both have one and they differ: the page runs under localStorage's, which the copy takes.
    await db.settings.put({ key: 'team.syncConnection', value: { ...CONNECTION, paused: false } })
    expect(await settings.reconcileConnection()).toBe('unchanged')
    expect(settings.savedConnection()?.database).toBe('other')
    expect((await db.settings.get('team.syncConnection'))?.value).toMatchObject({ database: 'other', paused: true })
  })

  it('puts back nothing from a kept copy whose origin the CSP would refuse, or that is not one', async () => {
    await db.settings.put({ key: 'team.syncConnection', value: { ...CONNECTION, origin: "http://x.example 'unsafe-inline'", paused: false } })
    expect(await settings.reconcileConnection()).toBe('unchanged')
    expect(local.keys()).toEqual([])
    await db.settings.put({ key: 'team.syncConnection', value: { serverUrl: 5 } })
    expect(await settings.reconcileConnection()).toBe('unchanged')
    expect(local.keys()).toEqual([])
  })

  it('connects and pauses even when the workspace cannot keep the copy', async () => {
    const failing = vi.spyOn(db.settings, 'put').mockRejectedValue(new Error('QuotaExceededError'))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      await settings.saveConnection(CONNECTION, 'pw')
      expect(settings.savedConnection()?.database).toBe('team-a')
      await settings.setSyncPaused(true)
      expect(settings.isSyncPaused()).toBe(true)
      expect(warn).toHaveBeenCalled()
    } finally {
      failing.mockRestore()
      warn.mockRestore()
    }
  })
})
