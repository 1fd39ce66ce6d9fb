import type { Id } from '../model'
import { ancestorsOf, type CodebookTree } from './tree'

export interface TreeCounts {
  /** Claims coded on the issue itself. */
  own: Map<Id, number>
  /** Claims coded on the issue or anything below it, each claim once however many of those issues it carries. */
  total: Map<Id, number>
}

/** Claim counts per issue, alone and with its sub-issues, from each claim's issues. */
export function claimCountsInTree(tree: CodebookTree, claimIssues: Iterable<readonly Id[]>): TreeCounts {
  const own = new Map<Id, number>()
  const total = new Map<Id, number>()
  const lineage = new Map<Id, Id[]>()
  const upFrom = (id: Id): Id[] => {
    let known = lineage.get(id)
    if (!known) lineage.set(id, (known = [id, ...ancestorsOf(tree, id)]))
    return known
  }
  // Claims on the same issue usually share one list (the positions snapshot gives them one),
  // so each distinct list is counted once, times the claims that carry it.
  const times = new Map<readonly Id[], number>()
  for (const issueIds of claimIssues) times.set(issueIds, (times.get(issueIds) ?? 0) + 1)
  for (const [issueIds, count] of times) {
    if (issueIds.length === 1) {
      // One issue: its line up the tree holds each issue once already, no set needed.
      const id = issueIds[0]!
      own.set(id, (own.get(id) ?? 0) + count)
      for (const up of upFrom(id)) total.set(up, (total.get(up) ?? 0) + count)
      continue
    }
    const reached = new Set<Id>()
    for (const id of issueIds) {
      own.set(id, (own.get(id) ?? 0) + count)
      for (const up of upFrom(id)) reached.add(up)
    }
    for (const id of reached) total.set(id, (total.get(id) ?? 0) + count)
  }
  return { own, total }
}
