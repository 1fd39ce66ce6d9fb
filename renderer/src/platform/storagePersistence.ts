export type PersistenceState = 'persistent' | 'best-effort' | 'unsupported'

/**
 * Asks the browser not to evict the workspace under storage pressure. Chromium grants it to
 * installed or engaged sites and to Electron; the status bar shows the answer either way.
 */
export async function requestPersistentStorage(): Promise<PersistenceState> {
  const storage = navigator.storage as StorageManager | undefined
  if (!storage?.persist) return 'unsupported'
  try {
    if (await storage.persisted()) return 'persistent'
    return (await storage.persist()) ? 'persistent' : 'best-effort'
  } catch {
    return 'best-effort'
  }
}
