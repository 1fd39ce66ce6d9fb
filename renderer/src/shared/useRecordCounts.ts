import { useEffect, useState } from 'react'
import { db } from '../db/instance'
import { followRecordCounts, type RecordCounts } from '../db/queries/recordCounts'
import type { SyncedTable } from '../domain/model'
import { errorText } from '../domain/errorText'

/**
 * How many records these tables hold, live (applied write by write from the change journal,
 * never counted again); undefined until first read and while `active` is false.
 */
export function useRecordCounts(tables: readonly SyncedTable[], active = true): RecordCounts | undefined {
  const [counts, setCounts] = useState<RecordCounts | undefined>(undefined)
  const key = tables.join(' ')
  useEffect(() => {
    if (!active) return
    const stop = followRecordCounts(db, key.split(' ') as SyncedTable[], setCounts, (error) =>
      console.warn(`[counts] ${errorText(error)}`),
    )
    return () => {
      stop()
      setCounts(undefined)
    }
  }, [key, active])
  return counts
}
