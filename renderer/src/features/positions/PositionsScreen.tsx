import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react'
import { describeStorageError } from '../../db/storageErrors'
import { navigate } from '../../shared/routing'
import { EmptyState, Screen } from '../../shared/ui/Screen'
import type { Id } from '../../domain/model'
import { BUCKET_SIZE_NOUNS } from '../../domain/positions/buckets'
import { positionsColumns, positionsTable, type PositionsColumn } from '../../domain/positions/columns'
import { DEFAULT_MAX_BUCKETS, type PositionsOptions } from '../../domain/positions/engine'
import { describeSeries, formatMean } from '../../domain/positions/format'
import { attributeKey, attributeNames, type GroupBy } from '../../domain/positions/grouping'
import { rowsWithIds, type PositionRow } from '../../domain/positions/rows'
import { exportShownTable } from '../export'
import { ClaimsDialog, type ClaimsRequest } from './ClaimsDialog'
import { PositionsFilters } from './PositionsFilters'
import { Legend } from './Legend'
import { PositionsGrid } from './PositionsGrid'
import { ReadingClaims } from './ReadingClaims'
import { MAX_TIMELINE_ROWS, Timeline } from './Timeline'
import { memoLast } from './memoLast'
import { firstRowsSetup, keepFirstRows, positionsFor, usePositionsData, viewFor } from './positionsStore'
import { useSortedPositions } from './sortedPositions'
import { CLEARED_FILTERS, claimSetOf, claimSetValue, filtersAreSet, groupByOf, usePositionsViewState } from './viewState'

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`
}

const columnsCached = memoLast(positionsColumns)
const NO_COLUMNS: PositionsColumn[] = []

function groupNoun(groupBy: GroupBy): [string, string] {
  if (groupBy.kind === 'actor') return ['actor', 'actors']
  if (groupBy.kind === 'kind') return ['kind', 'kinds']
  return ['group', 'groups']
}

export function PositionsScreen() {
  const { status, data } = usePositionsData()
  const [view, update] = usePositionsViewState()
  const actorText = useDeferredValue(view.actorText)
  const [request, setRequest] = useState<ClaimsRequest | null>(null)

  const world = data?.world
  // A first screen drawn before the actors are read brings their attribute names with it.
  const firstShown = data?.first ?? null
  const attributes = useMemo(() => (firstShown ? firstShown.attributes : world ? attributeNames(world.actors.values()) : []), [firstShown, world])
  // A choice that no longer fits the workspace (an issue, source, coder or attribute gone)
  // must not leave an unexplained empty table: it reads as "all".
  const issueId = world && view.issueId !== null && !world.issues.some((issue) => issue.id === view.issueId) ? null : view.issueId
  const source = data && view.source !== null && !data.sources.includes(view.source) ? null : view.source
  const chosenSet = claimSetOf(view.claimSet)
  const claimSet = chosenSet.kind === 'coder' && world && !world.coders.some((coder) => coder.id === chosenSet.coderId) ? { kind: 'all' as const } : chosenSet
  // A grouping by an attribute no actor has any more reads as by actor.
  const groupByKey = useMemo(() => {
    const chosen = groupByOf(view.groupBy)
    return chosen.kind === 'attribute' && !attributes.some((name) => attributeKey(name) === attributeKey(chosen.name)) ? 'actor' : view.groupBy
  }, [view.groupBy, attributes])
  const groupBy: GroupBy = groupByOf(groupByKey)
  const mode = view.mode === 'actor' && issueId !== null ? 'actor' : 'actor-issue'
  const badRange = view.from !== '' && view.to !== '' && view.to < view.from

  // claimSet is rebuilt each render: the options follow its value.
  const claimSetKey = claimSetValue(claimSet)
  const options = useMemo<PositionsOptions>(
    () => ({
      bucketSize: view.bucketSize,
      from: badRange ? '' : view.from,
      to: badRange ? '' : view.to,
      source,
      level: view.level,
      groupBy: groupByOf(groupByKey),
      claimSet: claimSetOf(claimSetKey),
      issueId,
      oneIssue: mode === 'actor',
      actorKind: view.actorKind,
      maxBuckets: DEFAULT_MAX_BUCKETS,
    }),
    [view.bucketSize, view.from, view.to, badRange, source, view.level, groupByKey, claimSetKey, issueId, mode, view.actorKind],
  )
  // Same options: the engine's current result (kept up to date by the journal); new options:
  // recomputed from memory.
  const computed = useMemo(() => (data ? positionsFor(data, options) : null), [data, options])
  // A cold open's first screen, when it was stored for this very setup: its rows are the first
  // of the sorted table, so the sort below keeps their order.
  const setup = firstRowsSetup(options, { mode, text: actorText, showAll: view.showAll, onlyWithClaims: view.onlyWithClaims, sorting: view.sorting })
  const first = !computed && firstShown?.setup === setup ? firstShown : null
  const result = computed ?? first?.result ?? null
  // Made ahead in slices when the store hands over new positions (positionsStore).
  const built = useMemo(
    () => viewFor(computed, world, { mode, text: actorText, showAll: view.showAll, onlyWithClaims: view.onlyWithClaims }),
    [computed, world, mode, actorText, view.showAll, view.onlyWithClaims],
  )
  const positions = built ?? first?.view ?? null
  const columns = useMemo(() => (positions ? columnsCached(positions, options.groupBy) : NO_COLUMNS), [positions, options.groupBy])
  const { sorting, rows, sortOf, onSort } = useSortedPositions(columns, positions?.rows, view.sorting, update)
  const rowCount = first ? first.rowCount : rows.length
  const onResize = useCallback((key: string, width: number) => update({ widths: { ...view.widths, [key]: width } }), [update, view.widths])

  const selected = useMemo(() => new Set(view.selected), [view.selected])
  const onToggleSelected = useCallback(
    (rowId: string) => update({ selected: selected.has(rowId) ? view.selected.filter((id) => id !== rowId) : [...view.selected, rowId].slice(-MAX_TIMELINE_ROWS) }),
    [update, selected, view.selected],
  )
  const timelineRows = useMemo(() => (positions ? rowsWithIds(positions.rows, view.selected) : []), [positions, view.selected])

  const claimsBehind = result?.claimsBehind ?? false
  const onOpen = useCallback((row: PositionRow, column: PositionsColumn) => {
    const series = row.series
    // The stored positions shown while the engine is built do not know which claims a cell holds yet.
    if (!series || !claimsBehind) return
    if (column.kind === 'bucket') {
      const cell = series.byOrdinal.get(column.ordinal)
      if (!cell) return
      setRequest({
        title: `${row.label} · ${row.issueLabel} · ${column.header}`,
        summary: `${plural(cell.count, 'claim', 'claims')}, mean stance ${formatMean(cell.mean)}${cell.shift ? ' (a shift: the stance changed sign)' : ''}`,
        claimIds: cell.claims.map((claim) => claim.id),
      })
    } else {
      setRequest({ title: `${row.label} · ${row.issueLabel} · all claims`, summary: describeSeries(series), claimIds: series.claimList.map((claim) => claim.id) })
    }
  }, [claimsBehind])

  // Through the same writer and save path as every other export, with the Excel BOM choice
  // made in the Export dialog.
  const exportCsv = (): Promise<void> => exportShownTable({ what: `positions-${view.bucketSize}`, noun: 'rows of positions', build: () => positionsTable(columns, rows) })

  const busiestIssueId = useMemo(() => {
    if (first) return first.busiestIssueId
    if (!result) return null
    const counts = new Map<Id, number>()
    for (const series of result.series) counts.set(series.issueId, (counts.get(series.issueId) ?? 0) + series.count)
    let best: Id | null = null
    for (const [id, count] of counts) if (best === null || count > counts.get(best)!) best = id
    return best
  }, [result, first])

  // The rows from the engine, once still, are kept as the next cold open's first screen.
  useEffect(() => {
    if (!result?.claimsBehind || !positions) return
    keepFirstRows({ setup, result, view: positions, rows, busiestIssueId, attributes })
  }, [setup, result, positions, rows, busiestIssueId, attributes])

  const exportButton = (
    <button type="button" className="primary" onClick={() => void exportCsv()} disabled={rowCount === 0 || first !== null}>
      Export CSV
    </button>
  )

  if (status.phase === 'error' && !data) {
    return (
      <Screen title="Positions">
        <div className="error-panel" role="alert">
          <h2>The positions could not be read</h2>
          <p>{describeStorageError(status.error, 'read the claims for the positions table')}</p>
        </div>
      </Screen>
    )
  }

  if (!data || !result || !positions || !world) {
    return (
      <Screen title="Positions">
        <ReadingClaims status={status} />
      </Screen>
    )
  }

  if (data.claimCount === 0) {
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
  const [group, groups] = groupNoun(groupBy)
  const notes: string[] = []
  if (result.undated > 0) notes.push(`${plural(result.undated, 'claim has', 'claims have')} no date and ${result.undated === 1 ? 'is' : 'are'} not shown`)
  if (result.truncated) notes.push(`only the latest ${plural(DEFAULT_MAX_BUCKETS, one, many)} are shown (${plural(result.hiddenBefore, 'earlier claim', 'earlier claims')} left out): choose a larger time bucket or a date range`)
  if (badRange) notes.push('the date range ends before it starts, so it is ignored')
  if (!result.claimsBehind) notes.push('reading the claims behind the cells')
  const hiddenPeriods = positions.spanBuckets - positions.buckets.length
  const coderCount = result.mix.byCoder.size
  const mixed = claimSet.kind === 'all' && (coderCount > 1 || (result.mix.adjudicated > 0 && coderCount > 0))

  return (
    <Screen title="Positions" actions={exportButton} className="positions-screen">
      <PositionsFilters
        view={{ ...view, issueId, source, mode, groupBy: groupByKey, claimSet: claimSetKey }}
        issues={world.issues}
        sources={data.sources}
        coders={world.coders}
        attributes={attributes}
        busiestIssueId={busiestIssueId}
        onlyWithClaims={positions.onlyWithClaims}
        onChange={update}
      />
      {mixed && (
        <p className="positions-mixed" role="note" aria-label="Claims from several coders">
          Claims from {coderCount > 1 ? `${coderCount} coders` : 'coders'}
          {result.mix.adjudicated > 0 ? ` and ${plural(result.mix.adjudicated, 'adjudicated claim', 'adjudicated claims')}` : ''} are mixed here: a statement coded by two coders counts twice
          until it is adjudicated. Choose <strong>Adjudicated only</strong> or one coder under <strong>Claims shown</strong> to count each once.
        </p>
      )}
      <div className="positions-statusbar">
        <p className="positions-status" role="status">
          {plural(rowCount, 'row', 'rows')} · {plural(positions.groups, group, groups)} · {plural(positions.buckets.length, one, many)}
          {hiddenPeriods > 0 && ` (${plural(hiddenPeriods, `empty ${one}`, `empty ${many}`)} hidden)`} · {plural(positions.claims, 'claim', 'claims')} of{' '}
          {data.claimCount.toLocaleString('en')}
          {sorting.length > 0 && ` · sorted by ${sorting.map((entry) => `${columns.find((column) => column.id === entry.id)?.header ?? entry.id} ${entry.desc ? '↓' : '↑'}`).join(', ')}`}
          {notes.length > 0 && <span className="positions-notes"> · {notes.join('; ')}.</span>}
        </p>
        <Legend />
      </div>
      {rowCount === 0 ? (
        <div className="positions-nothing">
          <p>No {group} and issue match these filters{filtersAreSet(view) ? '' : ' in this period'}.</p>
          {filtersAreSet(view) && (
            <button type="button" onClick={() => update({ ...CLEARED_FILTERS, issueId: mode === 'actor' ? view.issueId : null })}>
              Clear filters
            </button>
          )}
        </div>
      ) : (
        <PositionsGrid
          columns={columns}
          rows={rows}
          rowCount={rowCount}
          view={positions}
          bucketSize={view.bucketSize}
          widths={view.widths}
          onResize={onResize}
          sortOf={sortOf}
          sortedColumnCount={sorting.length}
          onSort={onSort}
          selected={selected}
          canSelectMore={view.selected.length < MAX_TIMELINE_ROWS}
          onToggleSelected={onToggleSelected}
          onOpen={onOpen}
          scrollKey={`${view.bucketSize}|${mode}|${view.groupBy}`}
        />
      )}
      {/* Focusable once it holds charts: they scroll inside it past 40% of the screen's height. */}
      <section className="positions-timeline" aria-label="Timeline" tabIndex={timelineRows.length > 0 ? 0 : undefined}>
        <header className="positions-timeline-header">
          <h2>Timeline</h2>
          {timelineRows.length > 0 ? (
            <>
              <span className="muted">
                {plural(timelineRows.length, 'row', 'rows')} of at most {MAX_TIMELINE_ROWS}; mean stance per {one}, each row on the same −2…+2 scale; dashed lines mark shifts
              </span>
              <button type="button" onClick={() => update({ selected: [] })}>
                Clear timeline
              </button>
            </>
          ) : (
            <span className="muted">Tick the box beside a row to draw it here, up to {MAX_TIMELINE_ROWS} rows side by side.</span>
          )}
        </header>
        {timelineRows.length > 0 && <Timeline rows={timelineRows} buckets={positions.buckets} />}
      </section>
      <ClaimsDialog request={request} onClose={() => setRequest(null)} />
    </Screen>
  )
}
