import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../db/instance'
import { countWorkspace, type WorkspaceCounts } from '../db/repositories/workspace'

/** Live counts of everything in the workspace; undefined while the first read runs. */
export function useWorkspaceCounts(): WorkspaceCounts | undefined {
  return useLiveQuery(() => countWorkspace(db), [])
}
