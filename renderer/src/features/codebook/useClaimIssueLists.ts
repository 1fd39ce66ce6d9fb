import { useEffect, useState } from 'react'
import { db } from '../../db/instance'
import { followClaimIssueLists } from '../../db/queries/claimIssues'
import type { Id } from '../../domain/model'

/**
 * Every claim's issues, live while the screen shows (undefined until first read), and why they
 * could not be read (null while they could).
 */
export function useClaimIssueLists(): { lists: readonly (readonly Id[])[] | undefined; failed: string | null } {
  const [lists, setLists] = useState<readonly (readonly Id[])[] | undefined>(undefined)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(
    () =>
      followClaimIssueLists(db, setLists, (error) => {
        const message = error instanceof Error ? error.message : String(error)
        console.warn(`[codebook] claim counts: ${message}`)
        setFailed(message)
      }),
    [],
  )
  return { lists, failed }
}
