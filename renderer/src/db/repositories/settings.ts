import type { StandpointDB } from '../database'

export async function getSetting<T>(db: StandpointDB, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key)
  return row === undefined ? fallback : (row.value as T)
}

export async function putSetting(db: StandpointDB, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value })
}
