import {
  createSortedRowModel,
  functionalUpdate,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type Row,
  type SortingState,
} from '@tanstack/react-table'
import { useCallback, useDeferredValue, useMemo, useState } from 'react'
import { describeStorageError } from '../../db/storageErrors'
import { navigate } from '../../shared/routing'
import { EmptyState, Screen } from '../../shared/ui/Screen'
import type { Actor, ActorKind, Issue } from '../../domain/model'
import { aggregatePositions, preparePositionClaims, type Aggregation, type PositionClaim } from '../../domain/positions/aggregate'
import { BUCKET_SIZE_NOUNS, type BucketSize } from '../../domain/positions/buckets'
import { positionsColumns, positionsTable, type PositionsColumn } from '../../domain/positions/columns'
import { describeSeries, formatMean, formatSigned } from '../../domain/positions/format'
import { buildPositionsView, type PositionRow, type RowMode } from '../../domain/positions/rows'
import { compareText } from '../../domain/text/compare'
import { exportShownTable } from '../export'
import { ClaimsDialog, type ClaimsRequest } from './ClaimsDialog'
import { PositionsFilters } from './PositionsFilters'
import { PositionsGrid, type SortInfo } from './PositionsGrid'
import { MAX_TIMELINE_ROWS, Timeline } from './Timeline'
import { memoLast } from './memoLast'
import { usePositionsSource, useReadProgress, useSourceArticleIds, type PositionsSource } from './usePositionsData'
import { filtersAreSet, usePositionsViewState } from './viewState'

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() })
type Features = typeof features

function compareValues(rowA: Row<Features, PositionRow>, rowB: Row<Features, PositionRow>, columnId: string): number {
  const a = rowA.getValue<string | number>(columnId)
  const b = rowB.getValue<string | number>(columnId)
  return a < b ? -1 : a > b ? 1 : 0
}

function compareTextValues(rowA: Row<Features, PositionRow>, rowB: Row<Features, PositionRow>, columnId: string): number {
  return compareText(String(rowA.getValue(columnId)), String(rowB.getValue(columnId)))
}

function columnDefs(columns: PositionsColumn[]): ColumnDef<Features, PositionRow>[] {
  return columns.map((column) => ({
    id: column.id,
    header: column.header,
    accessorFn: (row: PositionRow) => column.sortValue(row),
    sortFn: column.sortType === 'text' ? compareTextValues : compareValues,
    // An empty cell has nothing to rank: it goes last whichever way the column is sorted.
    sortUndefined: 'last',
    sortDescFirst: column.sortType !== 'text',
  }))
}

const EMPTY_SET: ReadonlySet<string> = new Set()

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`
}

const prepareCached = memoLast((source: PositionsSource) => preparePositionClaims(source.claims, source.articleDates))
const aggregateCached = memoLast((claims: PositionClaim[], bucketSize: BucketSize, from: string, to: string, articleIds: ReadonlySet<string> | null) =>
  aggregatePositions(claims, { bucketSize, from, to, articleIds }),
)

const viewCached = memoLast(
  (aggregation: Aggregation, actors: Actor[], issues: Issue[], mode: RowMode, issueId: string | null, actorKind: ActorKind | null, actorText: string) =>
    buildPositionsView(aggregation, actors, issues, { mode, issueId, actorKind, actorText }),
)
const columnsCached = memoLast(positionsColumns)
const NO_COLUMNS: PositionsColumn[] = []

/** What the colours, the small numbers and the marker mean; every step carries its sign. */
function Legend() {
  return (
    <p className="positions-legend" aria-label="Legend">
      <span className="muted">Mean stance</span>
      {(['m2', 'm1', '0', 'p1', 'p2'] as const).map((tone, index) => (
        <span key={tone} className={`legend-swatch tone-${tone}`}>
          {formatSigned(index - 2)}
        </span>
      ))}
      <span className="muted">·n claims</span>
      <span className="legend-shift">
        <span className="shift-marker legend-marker" aria-hidden="true">
          ⇄
        </span>
        <span className="muted">shift: changed sign</span>
      </span>
    </p>
  )
}

/** Shown while the claims come out of IndexedDB: a second or two for a hundred thousand. */
function ReadingClaims() {
  const progress = useReadProgress()
  return (
    <div className="positions-reading">
      <p className="muted" role="status">
        Reading claims…
      </p>
      {progress !== null && <progress aria-label="Reading claims" value={progress} max={1} />}
    </div>
  )
}

export function PositionsScreen() {
  const { source, error } = usePositionsSource()
  const [view, update] = usePositionsViewState()
  // A source or issue that is no longer in the workspace (articles deleted, codebook edited)
  // must not leave an unexplained empty table.
  const sourceFilter = source && view.source !== null && !source.sources.includes(view.source) ? null : view.source
  const articleIds = useSourceArticleIds(sourceFilter)
  const actorText = useDeferredValue(view.actorText)
  const [request, setRequest] = useState<ClaimsRequest | null>(null)

  const prepared = useMemo(() => (source ? prepareCached(source) : null), [source])
  const badRange = view.from !== '' && view.to !== '' && view.to < view.from
  const aggregation = useMemo(
    () =>
      prepared
        ? aggregateCached(prepared.claims, view.bucketSize, badRange ? '' : view.from, badRange ? '' : view.to, sourceFilter === null ? null : (articleIds ?? EMPTY_SET))
        : null,
    [prepared, view.bucketSize, view.from, view.to, sourceFilter, articleIds, badRange],
  )
  const issueId = source && view.issueId !== null && !source.issues.some((issue) => issue.id === view.issueId) ? null : view.issueId
  const positions = useMemo(
    () =>
      aggregation && source
        ? viewCached(aggregation, source.actors, source.issues, issueId === null ? 'actor-issue' : view.mode, issueId, view.actorKind, actorText)
        : null,
    [aggregation, source, issueId, view.mode, view.actorKind, actorText],
  )
  const columns = useMemo(() => (positions ? columnsCached(positions) : NO_COLUMNS), [positions])
  const defs = useMemo(() => columnDefs(columns), [columns])
  const columnIds = useMemo(() => new Set(columns.map((column) => column.id)), [columns])
  const sorting = useMemo(() => view.sorting.filter((entry) => columnIds.has(entry.id)), [view.sorting, columnIds])

  const onSortingChange = useCallback(
    (updater: SortingState | ((old: SortingState) => SortingState)) => update({ sorting: functionalUpdate(updater, sorting) }),
    [update, sorting],
  )
  const table = useTable({
    features,
    columns: defs,
    data: positions?.rows ?? [],
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange,
  })
  const rowModel = table.getRowModel()
  const rows = useMemo(() => rowModel.rows.map((row) => row.original), [rowModel])

  const sortOf = useCallback(
    (columnId: string): SortInfo => {
      const index = sorting.findIndex((entry) => entry.id === columnId)
      return { direction: index < 0 ? false : sorting[index]!.desc ? 'desc' : 'asc', index }
    },
    [sorting],
  )
  const onSort = useCallback((columnId: string, multi: boolean) => table.getColumn(columnId)?.toggleSorting(undefined, multi), [table])

  const selected = useMemo(() => new Set(view.selected), [view.selected])
  const onToggleSelected = useCallback(
    (rowId: string) => update({ selected: selected.has(rowId) ? view.selected.filter((id) => id !== rowId) : [...view.selected, rowId].slice(-MAX_TIMELINE_ROWS) }),
    [update, selected, view.selected],
  )
  const timelineRows = useMemo(() => {
    if (!positions) return []
    const byId = new Map(positions.rows.map((row) => [row.id, row]))
    return view.selected.flatMap((id) => byId.get(id) ?? [])
  }, [positions, view.selected])

  const onOpen = useCallback(
    (row: PositionRow, column: PositionsColumn) => {
      const series = row.series
      if (!series) return
      if (column.kind === 'bucket') {
        const cell = series.byBucket.get(column.bucketIndex)
        if (!cell) return
        setRequest({
          title: `${row.actorName} · ${row.issueLabel} · ${column.header}`,
          summary: `${plural(cell.count, 'claim', 'claims')}, mean stance ${formatMean(cell.mean)}${cell.shift ? ' (a shift: the stance changed sign)' : ''}`,
          claimIds: cell.claims.map((claim) => claim.id),
        })
      } else {
        setRequest({ title: `${row.actorName} · ${row.issueLabel} · all claims`, summary: describeSeries(series), claimIds: series.claimList.map((claim) => claim.id) })
      }
    },
    [],
  )

  // Through the same writer and save path as every other export, with the Excel BOM choice
  // made in the Export dialog.
  const exportCsv = (): Promise<void> =>
    exportShownTable({ what: `positions-${view.bucketSize}`, noun: 'rows of positions', build: () => positionsTable(columns, rows) })

  const busiestIssueId = useMemo(() => {
    if (!prepared) return null
    const counts = new Map<string, number>()
    for (const claim of prepared.claims) counts.set(claim.issueId, (counts.get(claim.issueId) ?? 0) + 1)
    let best: string | null = null
    for (const [id, count] of counts) if (best === null || count > counts.get(best)!) best = id
    return best
  }, [prepared])

  const exportButton = (
    <button type="button" className="primary" onClick={() => void exportCsv()} disabled={rows.length === 0}>
      Export CSV
    </button>
  )

  if (error && !source) {
    return (
      <Screen title="Positions">
        <div className="error-panel" role="alert">
          <h2>The positions could not be read</h2>
          <p>{describeStorageError(error, 'read the claims for the positions table')}</p>
        </div>
      </Screen>
    )
  }

  if (!source || !prepared || !aggregation || !positions) {
    return (
      <Screen title="Positions">
        <ReadingClaims />
      </Screen>
    )
  }

  if (source.claims.length === 0) {
    return (
      <Screen title="Positions">
        <EmptyState title="No positions yet">
          <p>
            Positions are built from claims: who said what, on which issue, when. Open an article in the Library, select
            the words an actor said, and tag them as a claim with an issue and a stance. Every claim you tag appears here
            at once, one row per actor and issue, one column per month.
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => navigate('library')}>
              Go to the Library
            </button>
            <button type="button" onClick={() => navigate('codebook')}>
              Set up issues in the Codebook
            </button>
          </div>
        </EmptyState>
      </Screen>
    )
  }

  const [one, many] = BUCKET_SIZE_NOUNS[view.bucketSize]
  const notes: string[] = []
  if (prepared.undated.length > 0) notes.push(`${plural(prepared.undated.length, 'claim has', 'claims have')} no date and ${prepared.undated.length === 1 ? 'is' : 'are'} not shown`)
  if (aggregation.truncated) notes.push(`only the latest ${plural(aggregation.buckets.length, one, many)} are shown (${plural(aggregation.hiddenBefore, 'earlier claim', 'earlier claims')} left out): choose a larger time bucket or a date range`)
  if (badRange) notes.push('the date range ends before it starts, so it is ignored')

  return (
    <Screen title="Positions" actions={exportButton} className="positions-screen">
      <PositionsFilters view={{ ...view, issueId, source: sourceFilter }} issues={source.issues} sources={source.sources} busiestIssueId={busiestIssueId} onChange={update} />
      <div className="positions-statusbar">
        <p className="positions-status" role="status">
          {plural(rows.length, 'row', 'rows')} · {plural(positions.buckets.length, one, many)} · {plural(aggregation.counted, 'claim', 'claims')} in the period
          {sorting.length > 0 && ` · sorted by ${sorting.map((entry) => `${columns.find((column) => column.id === entry.id)?.header ?? entry.id} ${entry.desc ? '↓' : '↑'}`).join(', ')}`}
          {notes.length > 0 && <span className="positions-notes"> · {notes.join('; ')}.</span>}
        </p>
        <Legend />
      </div>
      {rows.length === 0 ? (
        <div className="positions-nothing">
          <p>No actor and issue match these filters{filtersAreSet(view) ? '' : ' in this period'}.</p>
          {filtersAreSet(view) && (
            <button type="button" onClick={() => update({ issueId: view.mode === 'actor' ? view.issueId : null, actorKind: null, source: null, from: '', to: '', actorText: '' })}>
              Clear filters
            </button>
          )}
        </div>
      ) : (
        <PositionsGrid
          columns={columns}
          rows={rows}
          view={positions}
          bucketSize={view.bucketSize}
          sortOf={sortOf}
          sortedColumnCount={sorting.length}
          onSort={onSort}
          selected={selected}
          canSelectMore={view.selected.length < MAX_TIMELINE_ROWS}
          onToggleSelected={onToggleSelected}
          onOpen={onOpen}
          scrollKey={`${view.bucketSize}|${view.mode}`}
        />
      )}
      <section className="positions-timeline" aria-label="Timeline">
        <header className="positions-timeline-header">
          <h2>Timeline</h2>
          {timelineRows.length > 0 ? (
            <>
              <span className="muted">
                {plural(timelineRows.length, 'row', 'rows')} of at most {MAX_TIMELINE_ROWS}; mean stance per {one}, lines drawn across empty {many}
              </span>
              <button type="button" onClick={() => update({ selected: [] })}>
                Clear timeline
              </button>
            </>
          ) : (
            <span className="muted">Tick the box beside an actor to draw that row here, up to {MAX_TIMELINE_ROWS} rows.</span>
          )}
        </header>
        {timelineRows.length > 0 && <Timeline rows={timelineRows} buckets={positions.buckets} bucketOffset={positions.bucketOffset} />}
      </section>
      <ClaimsDialog request={request} onClose={() => setRequest(null)} />
    </Screen>
  )
}
