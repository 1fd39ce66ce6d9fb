import { subtreeOf } from '../codebook/tree'
import { STANCES, type Id, type Stance } from '../model'
import { compareText } from '../text/compare'
import { cellText, filterKeys, type ClaimColumn } from './columns'
import { foldForSearch, type ClaimLookups, type ClaimRow } from './rows'

// The claims table's search and column filters, as one predicate built once per change of the
// filters (and of the names behind the rows), then run over every row.

export type ColumnFilter =
  | { type: 'contains'; text: string }
  | { type: 'oneOf'; keys: readonly string[] }
  | { type: 'dateRange'; from: string; to: string }
  | { type: 'stanceRange'; min: Stance; max: Stance }

export interface ClaimFilters {
  /** Words that must each appear in the quote or the note (case and accents aside). */
  search: string
  /** By column id. */
  columns: Readonly<Record<string, ColumnFilter>>
}

export const NO_FILTERS: ClaimFilters = { search: '', columns: {} }

/** Whether a filter narrows anything (an empty text or an empty list does not). */
export function filterIsActive(filter: ColumnFilter | undefined): boolean {
  if (!filter) return false
  switch (filter.type) {
    case 'contains':
      return filter.text.trim() !== ''
    case 'oneOf':
      return filter.keys.length > 0
    case 'dateRange':
      return filter.from !== '' || filter.to !== ''
    case 'stanceRange':
      return filter.min > STANCES[0] || filter.max < STANCES[STANCES.length - 1]!
  }
}

export function activeFilterCount(filters: ClaimFilters): number {
  return Object.values(filters.columns).filter(filterIsActive).length + (filters.search.trim() !== '' ? 1 : 0)
}

/** The words of a search, folded; empty when there is nothing to search for. */
export function searchWords(search: string): string[] {
  return foldForSearch(search)
    .split(' ')
    .filter((word) => word !== '')
}

type Test = (row: ClaimRow) => boolean

function containsTest(column: ClaimColumn, text: string, lookups: ClaimLookups): Test {
  const needle = foldForSearch(text)
  if (column.id === 'quote') return (row) => row.searchQuote.includes(needle)
  if (column.id === 'note') return (row) => row.searchNote.includes(needle)
  // Other columns repeat a few names many times: fold each distinct text once.
  const memo = new Map<string, boolean>()
  return (row) => {
    const value = cellText(column, row, lookups)
    let hit = memo.get(value)
    if (hit === undefined) {
      hit = foldForSearch(value).includes(needle)
      memo.set(value, hit)
    }
    return hit
  }
}

function oneOfTest(column: ClaimColumn, keys: readonly string[], lookups: ClaimLookups): Test {
  if (column.id === 'issues') {
    // An issue takes in the issues below it: filtering on a parent shows its children's claims.
    const wanted = keys.length === 1 ? subtreeOf(lookups.tree, keys[0]!) : new Set(keys.flatMap((key) => [...subtreeOf(lookups.tree, key)]))
    return (row) => {
      const ids = row.issueIds
      for (let index = 0; index < ids.length; index++) if (wanted.has(ids[index]!)) return true
      return false
    }
  }
  const wanted = new Set(keys)
  return (row) => {
    const rowKeys = filterKeys(column, row, lookups)
    for (let index = 0; index < rowKeys.length; index++) if (wanted.has(rowKeys[index]!)) return true
    return false
  }
}

function dateRangeTest(column: ClaimColumn, from: string, to: string, lookups: ClaimLookups): Test {
  return (row) => {
    const value = (column.values(row, lookups)[0] ?? '').slice(0, 10)
    if (value === '') return false
    return (from === '' || value >= from) && (to === '' || value <= to)
  }
}

/**
 * The predicate for these filters, or null when nothing is filtered. Filters on columns not
 * in `columns` are ignored.
 */
export function claimMatcher(filters: ClaimFilters, columns: ReadonlyMap<string, ClaimColumn>, lookups: ClaimLookups): Test | null {
  const tests: Test[] = []
  const words = searchWords(filters.search)
  if (words.length > 0) tests.push((row) => words.every((word) => row.searchQuote.includes(word) || row.searchNote.includes(word)))
  for (const [id, filter] of Object.entries(filters.columns)) {
    const column = columns.get(id)
    if (!column || !filterIsActive(filter)) continue
    switch (filter.type) {
      case 'contains':
        tests.push(containsTest(column, filter.text, lookups))
        break
      case 'oneOf':
        tests.push(oneOfTest(column, filter.keys, lookups))
        break
      case 'dateRange':
        tests.push(dateRangeTest(column, filter.from, filter.to, lookups))
        break
      case 'stanceRange': {
        const { min, max } = filter
        tests.push((row) => row.stance >= min && row.stance <= max)
        break
      }
    }
  }
  if (tests.length === 0) return null
  if (tests.length === 1) return tests[0]!
  return (row) => {
    for (const test of tests) if (!test(row)) return false
    return true
  }
}

/** Row indices of `order` whose row passes `matcher`, in the same order. */
export function filterOrder(order: Uint32Array, rows: readonly ClaimRow[], matcher: Test | null): Uint32Array {
  if (matcher === null) return order
  // The rows are tested in the order they sit in memory, then picked in the sorted order: at
  // 100,000 rows, visiting them in a sorted order jumps about memory and takes five times longer.
  const passes = new Uint8Array(rows.length)
  if (order.length * 2 >= rows.length) {
    for (let index = 0; index < rows.length; index++) if (matcher(rows[index]!)) passes[index] = 1
  } else {
    for (let position = 0; position < order.length; position++) if (matcher(rows[order[position]!]!)) passes[order[position]!] = 1
  }
  const kept = new Uint32Array(order.length)
  let count = 0
  for (let position = 0; position < order.length; position++) {
    const index = order[position]!
    if (passes[index] === 1) kept[count++] = index
  }
  return kept.slice(0, count)
}

export interface OneOfOption {
  key: string
  label: string
  /** Claims (among the rows given) the choice would show; for an issue, its children's too. */
  count: number
  /** Depth in the codebook, for issues; 0 elsewhere. */
  depth: number
  /** For issues: the issue has issues below it. */
  parent: boolean
}

/**
 * The choices of a one-of filter: every key the rows carry, with its count, in label order.
 * Issues list the whole codebook as a tree, each by its own label under its parent (a parent
 * with no claims of its own can still be picked, for its children's).
 */
export function oneOfOptions(column: ClaimColumn, rows: readonly ClaimRow[], lookups: ClaimLookups): OneOfOption[] {
  const label = (key: string): string => column.keyLabel?.(key, lookups) ?? key
  if (column.id === 'issues') return issueOptions(rows, lookups)
  const counts = new Map<string, number>()
  for (const row of rows) {
    const keys = filterKeys(column, row, lookups)
    if (keys.length === 1) counts.set(keys[0]!, (counts.get(keys[0]!) ?? 0) + 1)
    else for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts]
    .map(([key, count]) => ({ key, label: label(key), count, depth: 0, parent: false }))
    .sort((a, b) => compareText(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

function issueOptions(rows: readonly ClaimRow[], lookups: ClaimLookups): OneOfOption[] {
  const { tree } = lookups
  // A claim counts once under each issue it carries and under each of their ancestors.
  const counts = new Map<string, number>()
  const seen = new Set<string>()
  for (const row of rows) {
    seen.clear()
    for (const id of row.issueIds) {
      for (let current: string | null = id; current !== null && !seen.has(current); current = tree.parentOf.get(current) ?? null) {
        seen.add(current)
        counts.set(current, (counts.get(current) ?? 0) + 1)
      }
    }
  }
  const options: OneOfOption[] = []
  const walk = (parent: Id | null, depth: number): void => {
    for (const id of tree.childrenOf.get(parent) ?? []) {
      const children = tree.childrenOf.get(id)
      options.push({ key: id, label: tree.byId.get(id)!.label, count: counts.get(id) ?? 0, depth, parent: children !== undefined && children.length > 0 })
      walk(id, depth + 1)
    }
  }
  walk(null, 0)
  // Ids the claims name that the codebook no longer has.
  for (const [key, count] of counts) if (!tree.byId.has(key)) options.push({ key, label: lookups.issuePaths.get(key) ?? '(unknown issue)', count, depth: 0, parent: false })
  return options
}
