import { db } from '../../db/instance'
import { readSetting, writeSetting } from '../../db/repositories/settings'
import type { ColumnMapping, DateOrder } from '../../domain/import/types'
import { REMEMBERED_MAPPING } from '../../domain/settings'

// The last column mapping the user confirmed, kept in the workspace's settings table so the
// next export from the same news database maps itself.

export interface RememberedMapping {
  mapping: Partial<ColumnMapping>
  defaultSource: string
  dateOrder: DateOrder
}

export async function loadRememberedMapping(): Promise<RememberedMapping | null> {
  try {
    return await readSetting(db, REMEMBERED_MAPPING)
  } catch {
    // A missing preference is not worth interrupting an import for.
    return null
  }
}

export async function rememberMapping(remembered: RememberedMapping): Promise<void> {
  await writeSetting(db, REMEMBERED_MAPPING, remembered)
}
