import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../../db/instance'

const EMPTY = new Map<string, number>()

/** Claims per article, from the claims' articleId index alone (no claim records are read). */
export function useClaimCounts(): Map<string, number> {
  return (
    useLiveQuery(async () => {
      const counts = new Map<string, number>()
      for (const articleId of await db.claims.orderBy('articleId').keys()) {
        const id = articleId as string
        counts.set(id, (counts.get(id) ?? 0) + 1)
      }
      return counts
    }, []) ?? EMPTY
  )
}
