import type { Id, Issue } from '../model'
import { compareText } from '../text/compare'

// The codebook as a tree: issues under their parents ("Controlling migration › Ceiling"). The
// data may not be a clean tree (a parent deleted elsewhere, a cycle from a merge or a hand-edited
// file), so the tree is built defensively: an issue whose parent is missing is a top-level one,
// and a cycle is cut at its member with the smallest id. Every walk below then ends.

export interface CodebookTree {
  byId: ReadonlyMap<Id, Issue>
  /** Each issue's parent in the tree (null at the top level). */
  parentOf: ReadonlyMap<Id, Id | null>
  /** Children of each issue, by label; the top-level issues under null. */
  childrenOf: ReadonlyMap<Id | null, readonly Id[]>
  /** Each issue's top-level ancestor (itself at the top level). */
  topLevel: ReadonlyMap<Id, Id>
}

export const PATH_SEPARATOR = ' › '

export function buildCodebookTree(issues: readonly Issue[]): CodebookTree {
  const byId = new Map(issues.map((issue) => [issue.id, issue]))
  const parentOf = new Map<Id, Id | null>()
  for (const issue of issues) {
    const parent = issue.parentId
    parentOf.set(issue.id, parent !== null && parent !== issue.id && byId.has(parent) ? parent : null)
  }
  // Cut cycles: walk up from each issue; meeting the walk's own path again is a cycle.
  const settled = new Set<Id>()
  for (const start of [...byId.keys()].sort()) {
    const path: Id[] = []
    const onPath = new Set<Id>()
    for (let current: Id | null = start; current !== null && !settled.has(current); current = parentOf.get(current) ?? null) {
      if (onPath.has(current)) {
        const cycle = path.slice(path.indexOf(current))
        parentOf.set(cycle.reduce((low, id) => (id < low ? id : low)), null)
        break
      }
      onPath.add(current)
      path.push(current)
    }
    for (const id of path) settled.add(id)
  }
  const childrenOf = new Map<Id | null, Id[]>([[null, []]])
  for (const [id, parent] of parentOf) {
    let siblings = childrenOf.get(parent)
    if (!siblings) childrenOf.set(parent, (siblings = []))
    siblings.push(id)
  }
  const byLabel = (a: Id, b: Id): number => compareText(byId.get(a)!.label, byId.get(b)!.label) || (a < b ? -1 : a > b ? 1 : 0)
  for (const siblings of childrenOf.values()) siblings.sort(byLabel)
  const topLevel = new Map<Id, Id>()
  const topOf = (id: Id): Id => {
    const known = topLevel.get(id)
    if (known !== undefined) return known
    const parent = parentOf.get(id) ?? null
    const top = parent === null ? id : topOf(parent)
    topLevel.set(id, top)
    return top
  }
  for (const id of byId.keys()) topOf(id)
  return { byId, parentOf, childrenOf, topLevel }
}

/** The top-level issue an issue belongs to (itself at the top level, or when unknown). */
export function topLevelOf(tree: CodebookTree, issueId: Id): Id {
  return tree.topLevel.get(issueId) ?? issueId
}

/** Every issue below one, depth first in label order; not the issue itself. */
export function descendantsOf(tree: CodebookTree, issueId: Id): Id[] {
  const result: Id[] = []
  const stack = [...(tree.childrenOf.get(issueId) ?? [])].reverse()
  while (stack.length > 0) {
    const id = stack.pop()!
    result.push(id)
    const children = tree.childrenOf.get(id)
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
  }
  return result
}

/** The issue and everything below it: what a filter on a parent issue takes in. */
export function issueWithDescendants(tree: CodebookTree, issueId: Id): Set<Id> {
  return new Set([issueId, ...descendantsOf(tree, issueId)])
}

const subtrees = new WeakMap<CodebookTree, Map<Id, ReadonlySet<Id>>>()

/**
 * issueWithDescendants, worked out once per codebook tree and issue: a filter on a parent issue
 * rebuilt at each keystroke or re-sort reuses it. Shared, so never to be changed by the caller.
 */
export function subtreeOf(tree: CodebookTree, issueId: Id): ReadonlySet<Id> {
  let known = subtrees.get(tree)
  if (!known) subtrees.set(tree, (known = new Map<Id, ReadonlySet<Id>>()))
  let subtree = known.get(issueId)
  if (!subtree) known.set(issueId, (subtree = issueWithDescendants(tree, issueId)))
  return subtree
}

/** The issue's ancestors, its parent first, the top-level one last. */
export function ancestorsOf(tree: CodebookTree, issueId: Id): Id[] {
  const result: Id[] = []
  for (let parent = tree.parentOf.get(issueId) ?? null; parent !== null; parent = tree.parentOf.get(parent) ?? null) result.push(parent)
  return result
}

/** How deep an issue sits: 0 at the top level. */
export function depthOf(tree: CodebookTree, issueId: Id): number {
  return ancestorsOf(tree, issueId).length
}

/** "Parent › Child": the issue's label after its ancestors'; `unknown` for an id not in the codebook. */
export function pathLabel(tree: CodebookTree, issueId: Id, unknown = '(unknown issue)'): string {
  const issue = tree.byId.get(issueId)
  if (!issue) return unknown
  return [...ancestorsOf(tree, issueId).reverse().map((id) => tree.byId.get(id)!.label), issue.label].join(PATH_SEPARATOR)
}
