import { buildCodebookTree, pathLabel, type CodebookTree } from '../codebook/tree'
import type { Actor, Claim, Coder, Id, Issue } from '../model'
import { claimRow, type ClaimArticle, type ClaimLookups, type ClaimRow } from './rows'

// The claims table's data in memory: every claim as a row, and the actors, codebook and
// articles that name them. Read whole once; after that every write is applied to it from the
// records the write names (the change journal says which), never by reading everything again.
// The result is the same as reading everything again: test/unit/claims/tableState.test.ts
// checks that after random sequences of edits.

export interface ClaimsTableData {
  /** Every claim, in a stable order: new claims at the end, deleted ones taken out. */
  rows: readonly ClaimRow[]
  /** Position of each claim's row in `rows`. */
  indexOf: ReadonlyMap<Id, number>
  actors: ReadonlyMap<Id, Actor>
  issues: readonly Issue[]
  tree: CodebookTree
  issuePaths: ReadonlyMap<Id, string>
  articles: ReadonlyMap<Id, ClaimArticle>
}

function codebook(issues: readonly Issue[]): { tree: CodebookTree; issuePaths: Map<Id, string> } {
  const tree = buildCodebookTree(issues)
  const issuePaths = new Map<Id, string>()
  for (const id of tree.byId.keys()) issuePaths.set(id, pathLabel(tree, id))
  return { tree, issuePaths }
}

function positions(rows: readonly ClaimRow[]): Map<Id, number> {
  const indexOf = new Map<Id, number>()
  for (let index = 0; index < rows.length; index++) indexOf.set(rows[index]!.id, index)
  return indexOf
}

export function buildClaimsTableData(records: { rows: ClaimRow[]; actors: readonly Actor[]; issues: readonly Issue[]; articles: readonly ClaimArticle[] }): ClaimsTableData {
  return {
    rows: records.rows,
    indexOf: positions(records.rows),
    actors: new Map(records.actors.map((actor) => [actor.id, actor])),
    issues: records.issues,
    ...codebook(records.issues),
    articles: new Map(records.articles.map((article) => [article.id, article])),
  }
}

/** The current records behind a batch of writes: undefined where the record was deleted. */
export interface ChangedRecords {
  claims: ReadonlyMap<Id, Claim | undefined>
  actors: ReadonlyMap<Id, Actor | undefined>
  /** The whole codebook when any issue changed (its tree may have), else null. */
  issues: readonly Issue[] | null
  articles: ReadonlyMap<Id, ClaimArticle | undefined>
}

function patchMap<T>(map: ReadonlyMap<Id, T>, changes: ReadonlyMap<Id, T | undefined>): ReadonlyMap<Id, T> {
  if (changes.size === 0) return map
  const next = new Map(map)
  for (const [id, record] of changes) {
    if (record === undefined) next.delete(id)
    else next.set(id, record)
  }
  return next
}

/**
 * Applies a batch of changed records. Unchanged parts are shared with the old data (the same
 * objects), so what depends only on them (sort keys, a codebook tree) need not be rebuilt.
 */
export function applyChangedRecords(data: ClaimsTableData, changes: ChangedRecords): ClaimsTableData {
  let { rows, indexOf } = data
  if (changes.claims.size > 0) {
    const next = rows.slice()
    let removed = false
    const added: ClaimRow[] = []
    for (const [id, claim] of changes.claims) {
      const at = indexOf.get(id)
      if (claim === undefined) {
        if (at !== undefined) {
          next[at] = undefined as unknown as ClaimRow
          removed = true
        }
      } else if (at !== undefined) next[at] = claimRow(claim)
      else added.push(claimRow(claim))
    }
    const kept = removed ? next.filter((row) => row !== undefined) : next
    for (const row of added) kept.push(row)
    rows = kept
    if (removed) indexOf = positions(rows)
    else if (added.length > 0) {
      const grown = new Map(indexOf)
      for (let index = rows.length - added.length; index < rows.length; index++) grown.set(rows[index]!.id, index)
      indexOf = grown
    }
  }
  const issues = changes.issues ?? data.issues
  return {
    rows,
    indexOf,
    actors: patchMap(data.actors, changes.actors),
    issues,
    ...(changes.issues ? codebook(issues) : { tree: data.tree, issuePaths: data.issuePaths }),
    articles: patchMap(data.articles, changes.articles),
  }
}

/** The lookups a row is shown through: the data's names, and the coders (kept live apart). */
export function lookupsOf(data: ClaimsTableData, coders: ReadonlyMap<Id, Coder>): ClaimLookups {
  return { actors: data.actors, tree: data.tree, issuePaths: data.issuePaths, articles: data.articles, coders }
}
