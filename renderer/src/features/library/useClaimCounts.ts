import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../../db/instance'
import { claimCountsByArticle } from '../../db/queries/claimLists'

const EMPTY = new Map<string, number>()

/** Claims per article, live. */
export function useClaimCounts(): Map<string, number> {
  return (
    useLiveQuery(() => claimCountsByArticle(db), []) ?? EMPTY
  )
}
