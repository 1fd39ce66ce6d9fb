import { useDeferredValue, useEffect, useMemo, useState } from 'react'
import type { Id } from '../../domain/model'
import { VirtualList } from '../../shared/ui/VirtualList'
import { filterRows, NO_FILTERS, searchLibrary, sourceCounts, useLibraryState, type LibraryFilters, type LibraryRow } from '../library'

const number = new Intl.NumberFormat('en')

/** The library's search hits for a query (null: no query), as the Library screen finds them. */
function useHits(query: string, version: number): string[] | null {
  const [hits, setHits] = useState<{ query: string; ids: string[] } | null>(null)
  const trimmed = query.trim()
  useEffect(() => {
    if (trimmed === '') return
    let stale = false
    const timer = setTimeout(() => {
      searchLibrary(trimmed).then(
        (found) => {
          if (!stale) setHits({ query: trimmed, ids: found.ids })
        },
        () => undefined,
      )
    }, 60)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [trimmed, version])
  if (trimmed === '') return null
  return hits?.query === trimmed ? hits.ids : []
}

/** Articles picked with the library's own search and filters: add what a search shows, remove it, or pick one by one. */
export function ArticlePicker({ selected, onChange }: { selected: ReadonlySet<Id>; onChange: (next: Set<Id>) => void }) {
  const { rows, status } = useLibraryState()
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS)
  const [onlySelected, setOnlySelected] = useState(false)
  const query = useDeferredValue(filters.query)
  const hits = useHits(query, status.version)
  const sources = useMemo(() => sourceCounts(rows), [rows])
  const shown = useMemo(() => {
    const list = filterRows(rows, filters, hits)
    return onlySelected ? list.filter((row) => selected.has(row.id)) : list
  }, [rows, filters, hits, onlySelected, selected])
  const set = (patch: Partial<LibraryFilters>): void => setFilters({ ...filters, ...patch })
  const toggle = (id: Id): void => {
    const next = new Set(selected)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    onChange(next)
  }
  const shownSelected = shown.filter((row) => selected.has(row.id)).length

  return (
    <fieldset className="article-picker">
      <legend>Articles ({number.format(selected.size)} chosen)</legend>
      <div className="article-picker-filters" role="search" aria-label="Find articles to assign">
        <input type="search" aria-label="Search articles to assign" placeholder="Search titles and text…" value={filters.query} onChange={(event) => set({ query: event.currentTarget.value })} />
        <label className="inline-field">
          Source
          <select value={filters.source ?? '\u0000all'} onChange={(event) => set({ source: event.currentTarget.value === '\u0000all' ? null : event.currentTarget.value })}>
            <option value={'\u0000all'}>All sources</option>
            {sources.map((entry) => (
              <option key={entry.source} value={entry.source}>
                {entry.source === '' ? '(no source)' : entry.source} ({number.format(entry.count)})
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          From
          <input type="date" value={filters.from} onChange={(event) => set({ from: event.currentTarget.value })} />
        </label>
        <label className="inline-field">
          To
          <input type="date" value={filters.to} onChange={(event) => set({ to: event.currentTarget.value })} />
        </label>
        <label className="inline-check">
          <input type="checkbox" checked={onlySelected} onChange={(event) => setOnlySelected(event.currentTarget.checked)} />
          Chosen only
        </label>
      </div>
      <div className="article-picker-actions">
        <span className="muted small" role="status">
          {number.format(shown.length)} shown, {number.format(shownSelected)} of them chosen
        </span>
        <button type="button" disabled={shown.length === 0 || shownSelected === shown.length} onClick={() => onChange(new Set([...selected, ...shown.map((row) => row.id)]))}>
          Choose all shown
        </button>
        <button
          type="button"
          disabled={shownSelected === 0}
          onClick={() => {
            const drop = new Set(shown.map((row) => row.id))
            onChange(new Set([...selected].filter((id) => !drop.has(id))))
          }}
        >
          Unchoose all shown
        </button>
      </div>
      <div className="article-picker-list">
        <VirtualList<LibraryRow>
          items={shown}
          label="Articles to choose from"
          estimate={30}
          itemKey={(row) => row.id}
          renderItem={(row) => (
            <label className="article-pick">
              <input type="checkbox" checked={selected.has(row.id)} onChange={() => toggle(row.id)} />
              <span className="article-pick-date">{row.publishedAt.slice(0, 10) || 'no date'}</span>
              <bdi className="article-pick-title">{row.title || 'Untitled article'}</bdi>
              <span className="muted small">{row.source}</span>
            </label>
          )}
        />
      </div>
    </fieldset>
  )
}
