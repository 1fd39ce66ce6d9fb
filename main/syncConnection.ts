import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import type { SyncConnection, SyncConnectionRequest, SyncPasswordStorage } from '../preload/api'
import { writeFileAtomically } from './fileAccess'
import { isPolicyOrigin } from '../preload/contentPolicy'

// The team workspace's connection, kept by main: the server address, database and user name in
// team-sync.json in the profile folder, the password encrypted with Electron's safeStorage (the
// system keychain: Keychain, DPAPI, libsecret/kwallet). Where safeStorage cannot encrypt (a
// Linux session with no keyring), the password is kept in memory for this run only and never
// written in clear. Main also answers, from here, which server origin the session policy and
// the CSP let through: none until the member connects.

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>

interface StoredFile {
  serverUrl: string
  database: string
  userName: string
  /** base64 of safeStorage.encryptString(password), or absent. */
  encryptedPassword?: string
}

export class SyncConnectionStore {
  private stored: StoredFile | null = null
  private sessionPassword: string | null = null
  private readonly file: string

  constructor(
    userDataPath: string,
    private readonly safeStorage: SafeStorageLike,
  ) {
    this.file = join(userDataPath, 'team-sync.json')
    this.stored = this.readFile()
  }

  private readFile(): StoredFile | null {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<StoredFile>
      const { serverUrl, database, userName, encryptedPassword } = parsed
      if (typeof serverUrl !== 'string' || typeof database !== 'string' || typeof userName !== 'string') return null
      if (!originOf(serverUrl)) return null
      return { serverUrl, database, userName, ...(typeof encryptedPassword === 'string' ? { encryptedPassword } : {}) }
    } catch {
      // No file yet, or one this release cannot read: not connected.
      return null
    }
  }

  /** The one origin requests may go to besides the app's own, or null when not connected. */
  origin(): string | null {
    return this.stored ? originOf(this.stored.serverUrl) : null
  }

  read(): SyncConnection | null {
    if (!this.stored) return null
    const { serverUrl, database, userName, encryptedPassword } = this.stored
    let password: string | null = this.sessionPassword
    let passwordStorage: SyncPasswordStorage = this.sessionPassword !== null ? 'session' : 'none'
    if (encryptedPassword !== undefined && this.safeStorage.isEncryptionAvailable()) {
      try {
        password = this.safeStorage.decryptString(Buffer.from(encryptedPassword, 'base64'))
        passwordStorage = 'encrypted'
      } catch {
        // The keychain changed (another machine, a reset): the member types it again.
        password = null
        passwordStorage = 'none'
      }
    }
    return { serverUrl, database, userName, password, passwordStorage }
  }

  async save(request: SyncConnectionRequest): Promise<SyncPasswordStorage> {
    const next: StoredFile = { serverUrl: request.serverUrl, database: request.database, userName: request.userName }
    let storage: SyncPasswordStorage = 'session'
    this.sessionPassword = null
    if (this.safeStorage.isEncryptionAvailable()) {
      next.encryptedPassword = this.safeStorage.encryptString(request.password).toString('base64')
      storage = 'encrypted'
    } else {
      this.sessionPassword = request.password
    }
    await writeFileAtomically(this.file, JSON.stringify(next, null, 2))
    this.stored = next
    return storage
  }

  clear(): void {
    this.stored = null
    this.sessionPassword = null
    rmSync(this.file, { force: true })
  }
}

/** The origin of a server address main accepts: http(s), no credentials, no query. */
export function originOf(serverUrl: string): string | null {
  try {
    const url = new URL(serverUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    if (url.username || url.password || url.search || url.hash) return null
    return isPolicyOrigin(url.origin) ? url.origin : null
  } catch {
    return null
  }
}
