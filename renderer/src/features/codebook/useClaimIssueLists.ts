import { useEffect, useState } from 'react'
import { db } from '../../db/instance'
import { followClaimIssueLists } from '../../db/queries/claimIssues'
import type { Id } from '../../domain/model'

/** Every claim's issues, live while the screen shows; undefined until first read. */
export function useClaimIssueLists(): readonly (readonly Id[])[] | undefined {
  const [lists, setLists] = useState<readonly (readonly Id[])[] | undefined>(undefined)
  useEffect(() => followClaimIssueLists(db, setLists, (error) => console.warn(`[codebook] claim counts: ${error instanceof Error ? error.message : String(error)}`)), [])
  return lists
}
