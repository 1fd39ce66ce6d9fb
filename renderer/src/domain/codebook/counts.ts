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
  for (const issueIds of claimIssues) {
    // Most claims carry one issue: its line up the tree holds each issue once already, so the
    // set that keeps a claim from counting twice under one parent is not needed.
    if (issueIds.length === 1) {
      const id = issueIds[0]!
      own.set(id, (own.get(id) ?? 0) + 1)
      for (const up of upFrom(id)) total.set(up, (total.get(up) ?? 0) + 1)
      continue
    }
    const reached = new Set<Id>()
    for (const id of issueIds) {
      own.set(id, (own.get(id) ?? 0) + 1)
      for (const up of upFrom(id)) reached.add(up)
    }
    for (const id of reached) total.set(id, (total.get(id) ?? 0) + 1)
  }
  return { own, total }
}
