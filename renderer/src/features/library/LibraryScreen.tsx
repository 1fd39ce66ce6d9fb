import type { SortingState } from '@tanstack/react-table'
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react'
import { dispatchCommand } from '../../shared/commands'
import { defineShortcuts } from '../../shared/shortcuts'
import { Screen } from '../../shared/ui/Screen'
import { db } from '../../db/instance'
import { articlesByIds } from '../../db/queries/library'
import { articleRows, articlesShape } from '../../domain/export/articlesCsv'
import { ExportCsvButton, exportShownTable } from '../export'
import { ArticleTable, type ScrollMemory } from './ArticleTable'
import { countUndated, filterRows, hasFilters, NO_FILTERS, sourceCounts, type LibraryFilters } from './filterRows'
import { searchLibrary, useLibraryState } from './libraryStore'
import type { LibraryRow } from './search/libraryTypes'
import { SampleWorkspaceOffer } from './SampleWorkspaceOffer'
import { useClaimCounts, useClaimCountsFailure, useVisibleClaimTotal } from './useClaimCounts'

defineShortcuts('Library', [
  { keys: 'Ctrl+F', action: 'Search articles' },
  { keys: '↑ / ↓, Page Up / Page Down, Home / End', action: 'Move between articles in the table' },
  { keys: 'Enter', action: 'Open the focused article' },
])

// What the user had set up survives opening an article and coming back.
const memory: { filters: LibraryFilters; sorting: SortingState | null; scroll: ScrollMemory } = {
  filters: NO_FILTERS,
  sorting: null,
  scroll: { top: 0 },
}

const DEFAULT_SORT: SortingState = [{ id: 'publishedAt', desc: true }]

function useSearchHits(query: string, version: number): { ids: string[] | null; searchable: boolean; pending: boolean } {
  const [result, setResult] = useState<{ query: string; ids: string[]; searchable: boolean } | null>(null)
  const trimmed = query.trim()
  useEffect(() => {
    if (trimmed === '') return
    let stale = false
    // Index updates arrive in bursts during an import; one search per burst is enough.
    const timer = setTimeout(() => {
      searchLibrary(trimmed).then(
        (hits) => {
          if (!stale) setResult({ query: trimmed, ids: hits.ids, searchable: hits.searchable })
        },
        () => undefined,
      )
    }, 60)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [trimmed, version])
  if (trimmed === '') return { ids: null, searchable: true, pending: false }
  if (!result) return { ids: [], searchable: true, pending: true }
  return { ids: result.ids, searchable: result.searchable, pending: result.query !== trimmed }
}

function ImportButton() {
  return (
    <button type="button" className="primary" onClick={() => dispatchCommand('import')} title="Import articles (Ctrl+O)">
      Import
    </button>
  )
}

const previewScroll: ScrollMemory = { top: 0 }
const noSortChange = (): void => undefined

/**
 * The first screen while the library opens: the newest articles and the count as they were
 * last saved, read before the worker has loaded every row. Search and filters come with the
 * full list a moment later.
 */
function LibraryPreviewScreen({ rows, total, claimCounts }: { rows: LibraryRow[]; total: number; claimCounts: ReadonlyMap<string, number> }) {
  return (
    <Screen title="Library" actions={<ImportButton />} className="library-screen">
      <div className="library-filters">
        <span className="library-count" role="status">
          Opening the library… <span className="muted">the newest {rows.length.toLocaleString('en')} of {total.toLocaleString('en')} articles shown</span>
        </span>
      </div>
      <ArticleTable rows={rows} claimCounts={claimCounts} sorting={DEFAULT_SORT} onSortingChange={noSortChange} scrollMemory={previewScroll} />
    </Screen>
  )
}

export function LibraryScreen() {
  const { rows, preview, status, error } = useLibraryState()
  const claimCounts = useClaimCounts()
  const claimTotal = useVisibleClaimTotal()
  const countsFailed = useClaimCountsFailure()
  const [filters, setFiltersState] = useState<LibraryFilters>(memory.filters)
  const [sorting, setSortingState] = useState<SortingState | null>(memory.sorting)
  const searchId = useId()
  const setFilters = (patch: Partial<LibraryFilters>): void => {
    const next = { ...filters, ...patch }
    memory.filters = next
    memory.scroll.top = 0
    setFiltersState(next)
  }
  const setSorting = (next: SortingState): void => {
    memory.sorting = next
    setSortingState(next)
  }

  const deferredQuery = useDeferredValue(filters.query)
  const hits = useSearchHits(deferredQuery, status.version)
  const searching = filters.query.trim() !== ''
  const effectiveSorting = sorting ?? (searching ? [] : DEFAULT_SORT)

  const tableRows = useMemo(() => filterRows(rows, filters, hits.ids), [rows, filters, hits.ids])
  const shownRows = useRef<readonly LibraryRow[]>([])
  const exportShown = (): Promise<void> =>
    exportShownTable({
      what: 'library',
      noun: 'articles',
      build: async () => {
        const articles = await articlesByIds(db, shownRows.current.map((row) => row.id))
        const shape = articlesShape(articles, false)
        return { header: shape.header, rows: [...articleRows(articles, shape, claimCounts)] }
      },
    })
  const sources = useMemo(() => sourceCounts(rows), [rows])
  const undated = useMemo(() => countUndated(rows), [rows])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        document.getElementById(searchId)?.focus()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [searchId])

  if (error && rows.length === 0) {
    return (
      <Screen title="Library">
        <div className="error-panel" role="alert">
          <h2>The library could not be read</h2>
          <p>{error}</p>
        </div>
      </Screen>
    )
  }
  if (!status.ready && rows.length === 0) {
    if (preview) return <LibraryPreviewScreen rows={preview.rows} total={preview.total} claimCounts={claimCounts} />
    return (
      <Screen title="Library">
        <p className="muted" role="status">
          Opening the library…
        </p>
      </Screen>
    )
  }
  if (rows.length === 0) {
    return (
      <Screen title="Library">
        <SampleWorkspaceOffer>
          <ImportButton />
        </SampleWorkspaceOffer>
      </Screen>
    )
  }

  const indexNote = status.loadingSaved
    ? 'loading the search index'
    : !status.ready || status.indexed < status.total
      ? `indexing ${status.indexed.toLocaleString('en')} of ${status.total.toLocaleString('en')}`
      : null
  const resultText = searching && hits.pending ? 'Searching…' : `${tableRows.length.toLocaleString('en')} of ${rows.length.toLocaleString('en')} articles`

  return (
    <Screen
      title="Library"
      actions={
        <>
          <ExportCsvButton
            title="Export the articles shown (search, filters and order) as CSV"
            waiting={claimTotal === null ? 'Counting the claims on each article…' : null}
            failed={countsFailed}
            onExport={() => void exportShown()}
          />
          <ImportButton />
        </>
      }
      className="library-screen"
    >
      <div className="library-filters" role="search" aria-label="Filter articles">
        <input
          id={searchId}
          type="search"
          aria-label="Search articles"
          placeholder="Search titles and text…"
          value={filters.query}
          dir="auto"
          onChange={(event) => setFilters({ query: event.currentTarget.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filters.query !== '') {
              event.stopPropagation()
              setFilters({ query: '' })
            }
          }}
        />
        <label className="inline-field">
          Source
          <select value={filters.source ?? '\u0000all'} onChange={(event) => setFilters({ source: event.currentTarget.value === '\u0000all' ? null : event.currentTarget.value })}>
            <option value={'\u0000all'}>All sources ({sources.length.toLocaleString('en')})</option>
            {sources.map((entry) => (
              <option key={entry.source} value={entry.source}>
                {entry.source === '' ? '(no source)' : entry.source} ({entry.count.toLocaleString('en')})
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          From
          <input type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => setFilters({ from: event.currentTarget.value })} />
        </label>
        <label className="inline-field">
          To
          <input type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => setFilters({ to: event.currentTarget.value })} />
        </label>
        <label className="inline-check">
          <input type="checkbox" checked={filters.undatedOnly} onChange={(event) => setFilters({ undatedOnly: event.currentTarget.checked })} />
          No date only ({undated.toLocaleString('en')})
        </label>
        {hasFilters(filters) && (
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}
        <span className="library-count" role="status">
          {resultText}
          {indexNote && <span className="muted"> · {indexNote}</span>}
        </span>
      </div>
      {searching && !hits.searchable && <p className="muted library-hint">Type a word to search: very common words (the, of, في, من) are not indexed.</p>}
      {tableRows.length === 0 && !hits.pending ? (
        <div className="library-empty">
          <p>No articles match {searching ? <>“{filters.query.trim()}”</> : 'these filters'}.</p>
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        </div>
      ) : (
        <ArticleTable
          // Rows change height with a search: a fresh virtualiser measures them anew.
          key={searching ? 'search' : 'all'}
          rows={tableRows}
          claimCounts={claimCounts}
          sorting={effectiveSorting}
          onSortingChange={setSorting}
          scrollMemory={memory.scroll}
          shownRows={shownRows}
          searchQuery={searching && hits.searchable ? deferredQuery.trim() : ''}
        />
      )}
    </Screen>
  )
}
