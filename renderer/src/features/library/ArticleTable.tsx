import { rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react'
import type { Snippet } from '../../domain/search/snippet'
import { navigate } from '../../shared/routing'
import type { LibraryRow } from './search/libraryTypes'
import { sortLibraryRows } from './sortRows'
import { useSnippets } from './useSnippets'
import { rememberArticleSequence } from '../../shared/articleSequence'

// The article table: sortable by every column, virtualised so 10,000 rows scroll as smoothly
// as 10 (only the rows in view, plus a margin, are in the DOM). The virtualiser lives here, in
// the lowest component, so typing in the search box does not re-render the rows' parents.

const features = tableFeatures({ rowSortingFeature })
type Features = typeof features

// The table library draws the headers and keeps the sort state; the rows are sorted by
// sortLibraryRows (see there why). Text columns sort ascending on the first click.
const COLUMNS: ColumnDef<Features, LibraryRow>[] = [
  { id: 'publishedAt', header: 'Date', accessorFn: (row) => row.publishedAt, sortDescFirst: true },
  { id: 'title', header: 'Title', accessorFn: (row) => row.title, sortDescFirst: false },
  { id: 'source', header: 'Source', accessorFn: (row) => row.source, sortDescFirst: false },
  { id: 'claims', header: 'Claims', accessorFn: () => 0, sortDescFirst: true },
]
const NO_DATA: LibraryRow[] = []
const NO_COUNTS: ReadonlyMap<string, number> = new Map()

const ROW_HEIGHT = 37
/** While searching, each row has a second line: the snippet. Heights stay fixed for the virtualiser. */
const SEARCH_ROW_HEIGHT = 56

/** The matched words in context, on one line; a placeholder line while the body is read. */
function SnippetLine({ snippet, row }: { snippet: Snippet | undefined; row: LibraryRow }) {
  if (!snippet) return <span className="search-snippet muted" aria-hidden="true">…</span>
  const parts: ReactNode[] = []
  let at = 0
  for (const mark of snippet.marks) {
    if (mark.start > at) parts.push(<span key={`t${at}`}>{snippet.text.slice(at, mark.start)}</span>)
    parts.push(<mark key={`m${mark.start}`}>{snippet.text.slice(mark.start, mark.end)}</mark>)
    at = mark.end
  }
  if (at < snippet.text.length) parts.push(<span key={`t${at}`}>{snippet.text.slice(at)}</span>)
  const full = `${snippet.cutBefore ? '…' : ''}${snippet.text}${snippet.cutAfter ? '…' : ''}`
  return (
    <span className="search-snippet" dir={row.direction} lang={row.language || undefined} title={full} data-testid="search-snippet">
      {snippet.cutBefore && '…'}
      {parts}
      {snippet.cutAfter && '…'}
    </span>
  )
}

export interface ScrollMemory {
  top: number
}

export function ArticleTable({
  rows,
  claimCounts,
  sorting,
  onSortingChange,
  scrollMemory,
  shownRows,
  searchQuery = '',
}: {
  rows: LibraryRow[]
  claimCounts: ReadonlyMap<string, number>
  sorting: SortingState
  onSortingChange: (sorting: SortingState) => void
  scrollMemory: ScrollMemory
  /** Filled with the rows in the order shown, for `Export CSV`. */
  shownRows?: { current: readonly LibraryRow[] }
  /** The search the rows answer ('' when none): rows then show a snippet and open with it marked. */
  searchQuery?: string
}) {
  const rowHeight = searchQuery === '' ? ROW_HEIGHT : SEARCH_ROW_HEIGHT
  const table = useTable({
    features,
    columns: COLUMNS,
    data: NO_DATA,
    manualSorting: true,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    enableMultiSort: false,
  })
  // Claim counts change with every claim saved: only a sort by claims has to redo its order.
  const countsForSort = sorting[0]?.id === 'claims' ? claimCounts : NO_COUNTS
  const sorted = useMemo(() => sortLibraryRows(rows, sorting, countsForSort), [rows, sorting, countsForSort])
  if (shownRows) shownRows.current = sorted
  const scrollRef = useRef<HTMLDivElement>(null)
  // The virtualiser's functions change with scrolling; this component re-renders with them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 14,
    initialOffset: scrollMemory.top,
  })
  useEffect(() => {
    const element = scrollRef.current
    if (!element) return
    const remember = (): void => {
      scrollMemory.top = element.scrollTop
    }
    element.addEventListener('scroll', remember, { passive: true })
    return () => element.removeEventListener('scroll', remember)
  }, [scrollMemory])

  const items = virtualizer.getVirtualItems()
  // Only the rows drawn (those in view and the overscan margin) have their bodies read.
  const visibleRows = useMemo(() => (searchQuery === '' ? [] : items.map((item) => sorted[item.index]!)), [searchQuery, items, sorted])
  const snippets = useSnippets(searchQuery, visibleRows)
  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0

  const headers = table.getHeaderGroups()[0]?.headers ?? []
  const sortState = useMemo(() => new Map(sorting.map((entry) => [entry.id, entry.desc ? 'descending' : 'ascending'] as const)), [sorting])

  // Up/Down move between the titles, scrolling the virtual list as needed.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const target = event.target as HTMLElement
      const index = Number(target.dataset.rowIndex)
      if (Number.isNaN(index) || !['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(event.key)) return
      event.preventDefault()
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1)
      const next =
        event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? sorted.length - 1 : event.key === 'PageDown' ? index + page : index - page
      const clamped = Math.max(0, Math.min(sorted.length - 1, next))
      virtualizer.scrollToIndex(clamped, { align: 'auto' })
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLButtonElement>(`[data-row-index="${clamped}"]`)?.focus())
    },
    [sorted.length, virtualizer, rowHeight],
  )

  return (
    <div className="article-table-scroll" ref={scrollRef} onKeyDown={onKeyDown}>
      <table className={`data-table article-table${searchQuery === '' ? '' : ' searching'}`} aria-label="Articles" aria-rowcount={sorted.length + 1}>
        <colgroup>
          <col className="col-date" />
          <col className="col-title" />
          <col className="col-source" />
          <col className="col-claims" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {headers.map((header) => {
              const direction = sortState.get(header.column.id)
              return (
                <th key={header.id} scope="col" aria-sort={direction ?? 'none'} className={header.column.id === 'claims' ? 'cell-number' : undefined}>
                  <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                    <table.FlexRender header={header} />
                    <span className="sort-indicator" aria-hidden="true">
                      {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
                    </span>
                  </button>
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr className="virtual-spacer" aria-hidden="true">
              <td colSpan={4} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = sorted[item.index]!
            return (
              <tr key={row.id} aria-rowindex={item.index + 2} className="article-row">
                <td className="cell-date">
                  {row.publishedAt === '' ? (
                    <span className="badge badge-review" title="This article has no publication date: review it">
                      no date
                    </span>
                  ) : (
                    row.publishedAt.slice(0, 10)
                  )}
                </td>
                <td className="cell-title">
                  {!row.hasText && (
                    <span className="badge badge-no-text" title="Imported with its claims but without its text: open it to add the text">
                      No text
                    </span>
                  )}
                  <button
                    type="button"
                    className="link-button title-button"
                    data-row-index={item.index}
                    dir={row.direction}
                    lang={row.language || undefined}
                    title={row.title}
                    onClick={() => {
                      if (searchQuery === '') return navigate('library', ['article', row.id])
                      // Next / Previous in the reader walk these results, in this order.
                      rememberArticleSequence(
                        searchQuery,
                        sorted.map((shown) => shown.id),
                      )
                      navigate('library', ['article', row.id], { q: searchQuery })
                    }}
                  >
                    {row.title || 'Untitled article'}
                  </button>
                  {searchQuery !== '' && <SnippetLine snippet={snippets.get(row.id)} row={row} />}
                </td>
                <td className="cell-source" dir="auto" title={row.source}>
                  {row.source}
                </td>
                <td className="cell-number">{claimCounts.get(row.id) ?? 0}</td>
              </tr>
            )
          })}
          {paddingBottom > 0 && (
            <tr className="virtual-spacer" aria-hidden="true">
              <td colSpan={4} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
