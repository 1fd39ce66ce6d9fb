import { compareText } from '../../domain/text/compare'
import type { LibraryRow } from './search/libraryTypes'

export interface LibraryFilters {
  query: string
  /** null: every source; '' selects articles with no source. */
  source: string | null
  /** 'YYYY-MM-DD' bounds, inclusive; '' for open. */
  from: string
  to: string
  /** Only articles with no date: the ones that need review. */
  undatedOnly: boolean
}

export const NO_FILTERS: LibraryFilters = { query: '', source: null, from: '', to: '', undatedOnly: false }

export function hasFilters(filters: LibraryFilters): boolean {
  return filters.query.trim() !== '' || filters.source !== null || filters.from !== '' || filters.to !== '' || filters.undatedOnly
}

/**
 * The rows to show. With search hits, only those, best match first; an article with no date
 * falls outside any date range (it is found with "No date" instead).
 */
export function filterRows(rows: LibraryRow[], filters: LibraryFilters, hits: string[] | null): LibraryRow[] {
  const keep = (row: LibraryRow): boolean => {
    if (filters.source !== null && row.source !== filters.source) return false
    const date = row.publishedAt.slice(0, 10)
    if (filters.undatedOnly && date !== '') return false
    if (filters.from !== '' && (date === '' || date < filters.from)) return false
    if (filters.to !== '' && (date === '' || date > filters.to)) return false
    return true
  }
  if (hits === null) return rows.filter(keep)
  const byId = new Map(rows.map((row) => [row.id, row]))
  const result: LibraryRow[] = []
  for (const id of hits) {
    const row = byId.get(id)
    if (row && keep(row)) result.push(row)
  }
  return result
}

export interface SourceCount {
  source: string
  count: number
}

/** Every source with its number of articles, alphabetical (no source last). */
export function sourceCounts(rows: LibraryRow[]): SourceCount[] {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.source, (counts.get(row.source) ?? 0) + 1)
  return Array.from(counts, ([source, count]) => ({ source, count })).sort((a, b) =>
    a.source === '' ? 1 : b.source === '' ? -1 : compareText(a.source, b.source),
  )
}

export function countUndated(rows: LibraryRow[]): number {
  let count = 0
  for (const row of rows) if (row.publishedAt === '') count++
  return count
}
