import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY, isAllowedRequestUrl } from '../../../main/hardening'
import { startApp } from '../../../main/startApp'
import { SyncConnectionStore } from '../../../main/syncConnection'
import { IPC } from '../../../preload/api'
import { fakeElectron, FakeSafeStorage, type FakeElectron } from './fakeElectron'

// The team workspace's connection as main keeps it (issue 14): the password only through
// safeStorage, the server's origin let through by the session policy and the CSP only while
// connected, every IPC payload checked.

let root: string
let profile: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'standpoint-sync-main-'))
  profile = join(root, 'profile')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const connection = { serverUrl: 'https://couch.example.org/team-proxy', database: 'team-a', userName: 'alice', password: 'correct horse' }

describe('SyncConnectionStore', () => {
  it('keeps the password only encrypted with safeStorage, and reads it back', async () => {
    const { mkdirSync } = await import('node:fs')
    mkdirSync(profile)
    const safeStorage = new FakeSafeStorage()
    const store = new SyncConnectionStore(profile, safeStorage)
    expect(store.origin()).toBeNull()
    expect(await store.save(connection)).toBe('encrypted')
    const file = readFileSync(join(profile, 'team-sync.json'), 'utf8')
    expect(file).not.toContain('correct horse')
    expect(JSON.parse(file)).toMatchObject({ serverUrl: connection.serverUrl, database: 'team-a', userName: 'alice' })
    expect(store.origin()).toBe('https://couch.example.org')
    // A new run reads it from disk.
    const again = new SyncConnectionStore(profile, safeStorage)
    expect(again.read()).toEqual({ serverUrl: connection.serverUrl, database: 'team-a', userName: 'alice', password: 'correct horse', passwordStorage: 'encrypted' })
    again.clear()
    expect(existsSync(join(profile, 'team-sync.json'))).toBe(false)
    expect(again.origin()).toBeNull()
    expect(new SyncConnectionStore(profile, safeStorage).read()).toBeNull()
  })

  it('keeps the password for this run only when the system cannot encrypt it, never in clear on disk', async () => {
    const { mkdirSync } = await import('node:fs')
    mkdirSync(profile)
    const safeStorage = new FakeSafeStorage()
    safeStorage.available = false
    const store = new SyncConnectionStore(profile, safeStorage)
    expect(await store.save(connection)).toBe('session')
    expect(readFileSync(join(profile, 'team-sync.json'), 'utf8')).not.toContain('correct horse')
    expect(store.read()).toMatchObject({ password: 'correct horse', passwordStorage: 'session' })
    expect(new SyncConnectionStore(profile, safeStorage).read()).toMatchObject({ password: null, passwordStorage: 'none' })
  })

  it('asks again for a password the keychain can no longer decrypt, and ignores a damaged file', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs')
    mkdirSync(profile)
    writeFileSync(join(profile, 'team-sync.json'), JSON.stringify({ serverUrl: 'https://couch.example.org', database: 'a', userName: 'bob', encryptedPassword: 'bm90IG91cnM=' }))
    expect(new SyncConnectionStore(profile, new FakeSafeStorage()).read()).toMatchObject({ userName: 'bob', password: null, passwordStorage: 'none' })
    writeFileSync(join(profile, 'team-sync.json'), JSON.stringify({ serverUrl: 'javascript:alert(1)', database: 'a', userName: 'bob' }))
    expect(new SyncConnectionStore(profile, new FakeSafeStorage()).origin()).toBeNull()
    writeFileSync(join(profile, 'team-sync.json'), '{ not json')
    expect(new SyncConnectionStore(profile, new FakeSafeStorage()).read()).toBeNull()
  })
})

describe('the connection through main, against fakes of Electron', () => {
  let fake: FakeElectron
  let mainDir: string
  beforeEach(async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs')
    mainDir = join(root, 'out', 'main')
    mkdirSync(join(root, 'out', 'renderer'), { recursive: true })
    writeFileSync(join(root, 'out', 'renderer', 'index.html'), '<!doctype html><title>Standpoint</title>')
    mkdirSync(profile)
    fake = fakeElectron(profile)
    const done = startApp(fake.electron, { env: {}, mainDir })
    fake.app.becomeReady()
    await done
  })
  const invoke = (channel: string, payload?: unknown): Promise<unknown> => fake.ipcMain.invoke(channel, fake.windows[0]!.webContents, payload)

  it('lets requests reach exactly the connected server origin, and only while connected', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      expect(fake.session.request('https://couch.example.org/team-a/_changes')).toBe(false)
      expect(await invoke(IPC.setSyncConnection, connection)).toBe('encrypted')
      expect(fake.safeStorage.encrypted).toEqual(['correct horse'])
      expect(fake.session.request('https://couch.example.org/team-a/_changes')).toBe(true)
      expect(fake.session.request('https://couch.example.org:444/')).toBe(false)
      expect(fake.session.request('http://couch.example.org/')).toBe(false)
      expect(fake.session.request('https://couch.example.org.evil.example/')).toBe(false)
      expect(fake.session.request('https://example.com/pixel.gif')).toBe(false)
      expect(await invoke(IPC.syncConnection)).toMatchObject({ userName: 'alice', password: 'correct horse' })
      // The page served from now on allows the server in connect-src, and nothing else.
      const page = await fake.protocol.fetch('app://standpoint/index.html')
      expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy('https://couch.example.org'))
      expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' https://couch.example.org;")
      await invoke(IPC.clearSyncConnection)
      expect(fake.session.request('https://couch.example.org/team-a/_changes')).toBe(false)
      expect(await invoke(IPC.syncConnection)).toBeNull()
      expect((await fake.protocol.fetch('app://standpoint/index.html')).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    } finally {
      warn.mockRestore()
    }
  })

  it('refuses a connection request that is not what the contract says, and stores nothing', async () => {
    const bad: unknown[] = [
      null,
      'https://couch.example.org',
      { ...connection, serverUrl: 'file:///etc/passwd' },
      { ...connection, serverUrl: 'https://alice:pw@couch.example.org' },
      { ...connection, serverUrl: "https://couch.example.org/?x=1" },
      { ...connection, serverUrl: "https://couch.example.org; script-src *" },
      { ...connection, database: 'Team' },
      { ...connection, database: '../_users' },
      { ...connection, userName: '' },
      { ...connection, userName: 'a:b' },
      { ...connection, password: '' },
      { ...connection, password: 42 },
    ]
    for (const payload of bad) await expect(invoke(IPC.setSyncConnection, payload), JSON.stringify(payload)).rejects.toThrow()
    expect(existsSync(join(profile, 'team-sync.json'))).toBe(false)
    expect(fake.safeStorage.encrypted).toEqual([])
  })
})

describe('the content security policy', () => {
  it('adds only a well-formed http(s) origin to connect-src', () => {
    expect(contentSecurityPolicy(null)).toBe(CONTENT_SECURITY_POLICY)
    expect(contentSecurityPolicy('http://127.0.0.1:5984')).toContain("connect-src 'self' http://127.0.0.1:5984;")
    for (const injected of ["https://a.example; script-src 'unsafe-eval'", 'https://a.example/path', '*', 'javascript:x', "'unsafe-inline'"]) {
      expect(contentSecurityPolicy(injected), injected).toBe(CONTENT_SECURITY_POLICY)
    }
  })

  it('lets requests through to the sync origin only when one is given', () => {
    expect(isAllowedRequestUrl('http://127.0.0.1:5984/db/_changes', undefined, 'http://127.0.0.1:5984')).toBe(true)
    expect(isAllowedRequestUrl('http://127.0.0.1:5984/db/_changes', undefined, null)).toBe(false)
    expect(isAllowedRequestUrl('ws://127.0.0.1:5984/', undefined, 'http://127.0.0.1:5984')).toBe(false)
    expect(isAllowedRequestUrl('http://127.0.0.1:5985/', undefined, 'http://127.0.0.1:5984')).toBe(false)
  })
})
