import { db } from '../../db/instance'
import { getSetting, putSetting } from '../../db/repositories/settings'
import { MAPPABLE_FIELDS, type ColumnMapping, type DateOrder } from '../../domain/import/types'

// The last column mapping the user confirmed, kept in the workspace's settings table so the
// next export from the same news database maps itself.

const KEY = 'import.lastColumnMapping'

export interface RememberedMapping {
  mapping: Partial<ColumnMapping>
  defaultSource: string
  dateOrder: DateOrder
}

function isRemembered(value: unknown): value is RememberedMapping {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return typeof record.mapping === 'object' && record.mapping !== null && typeof record.defaultSource === 'string' && (record.dateOrder === 'dmy' || record.dateOrder === 'mdy')
}

export async function loadRememberedMapping(): Promise<RememberedMapping | null> {
  try {
    const value = await getSetting<unknown>(db, KEY, null)
    if (!isRemembered(value)) return null
    const mapping: Partial<ColumnMapping> = {}
    for (const field of MAPPABLE_FIELDS) {
      const column = value.mapping[field]
      if (typeof column === 'string') mapping[field] = column
    }
    return { ...value, mapping }
  } catch {
    // A missing preference is not worth interrupting an import for.
    return null
  }
}

export async function rememberMapping(remembered: RememberedMapping): Promise<void> {
  await putSetting(db, KEY, remembered)
}
