import { actorKindKey } from '../actorKinds'
import { buildCodebookTree, pathLabel } from '../codebook/tree'
import type { Actor, Id, Issue } from '../model'
import { drainSteps } from '../timeSlices'
import { textRanks } from '../text/compare'
import { foldText } from '../text/folding'
import { bucketAtOrdinal, bucketOrdinal, type Bucket } from './buckets'
import { sameOptions, type PositionSeries, type PositionsOptions, type PositionsResult } from './engine'
import { attributeKey, attributeValues, groupLabels, NO_VALUE } from './grouping'
import { countOrdinalsOf, firstOrdinalOf, lastOrdinalOf, storedOrdinals } from './resultPack'
import { orderByRanks } from './sortRows'

// From the engine's series to the rows and bucket columns of the table: one row per group (an
// actor, a kind, a party...) and issue, or one row per group for one chosen issue; a text
// filter on the row's name; the bucket columns the shown rows need.

export const ROW_MODES = ['actor-issue', 'actor'] as const
export type RowMode = (typeof ROW_MODES)[number]

export const ROW_MODE_LABELS: Readonly<Record<RowMode, string>> = {
  'actor-issue': 'Actor × issue',
  actor: 'Actor, one issue',
}

/** More bucket columns than this and `Only periods with claims` is on unless the analyst turned it off. */
export const AUTO_ONLY_WITH_CLAIMS = 40

export interface ViewOptions {
  mode: RowMode
  /** Matched against the actor's name and aliases (or the group's name), as tagging matches names. */
  text: string
  /** One issue: also list the actors (groups) with no claim on it. */
  showAll: boolean
  /** Hide buckets no shown row has a claim in; null: automatic (on above AUTO_ONLY_WITH_CLAIMS buckets). */
  onlyWithClaims: boolean | null
}

export interface PositionRow {
  /** Stable across recomputations: `${groupKey}|${issueId}`. */
  id: string
  groupKey: string
  /** The actor's name, or the group's: a kind, a party. */
  label: string
  /** The actor, when rows are actors. */
  actorId: Id | null
  /** The actor's kind ('' for groups and for an actor no longer in the workspace). */
  actorKind: string
  issueId: Id
  /** The issue's label; "Parent › Child" for an issue below another, as coded. */
  issueLabel: string
  /** null for a group with no claim on the chosen issue (listed when asked for all). */
  series: PositionSeries | null
}

export interface ViewBucket {
  ordinal: number
  bucket: Bucket
}

export interface PositionsView {
  /** The bucket columns shown, in time order. */
  buckets: ViewBucket[]
  rows: PositionRow[]
  /** How many buckets the shown span has, empty ones included. */
  spanBuckets: number
  /** Whether empty buckets are hidden (as chosen, or automatically). */
  onlyWithClaims: boolean
  /** Distinct claims in the rows shown. */
  claims: number
  /** Distinct groups (actors, kinds, parties) in the rows shown. */
  groups: number
}

export const UNKNOWN_ACTOR = '(unknown actor)'
export const UNKNOWN_ISSUE = '(unknown issue)'

export function actorMatchesText(actor: Pick<Actor, 'name' | 'aliases'>, foldedQuery: string): boolean {
  if (foldedQuery === '') return true
  if (foldText(actor.name).includes(foldedQuery)) return true
  return actor.aliases.some((alias) => foldText(alias).includes(foldedQuery))
}

/** Every group a grouping has among the actors (for listing groups with no claims). */
function allGroups(actors: Iterable<Actor>, options: PositionsOptions): string[] {
  const groups = new Set<string>()
  const kind = options.actorKind === null ? null : actorKindKey(options.actorKind)
  for (const actor of actors) {
    if (kind !== null && actorKindKey(actor.kind) !== kind) continue
    switch (options.groupBy.kind) {
      case 'actor':
        groups.add(actor.id)
        break
      case 'kind':
        groups.add(actorKindKey(actor.kind) || NO_VALUE)
        break
      case 'attribute': {
        const values = attributeValues(actor, options.groupBy.name)
        if (values.length === 0) groups.add(NO_VALUE)
        for (const value of values) groups.add(attributeKey(value))
      }
    }
  }
  return [...groups]
}

/**
 * Groups without a value ("(no party)") after the named ones, then by label, issue and id.
 * Tens of thousands of rows are sorted after every change, so the collator compares each
 * distinct label once, not at every comparison of two rows, and each row is sorted as one
 * number (its label's and issue's ranks and its index) rather than as an object.
 */
export function sortRows(rows: PositionRow[], exactUpTo = Number.MAX_SAFE_INTEGER): void {
  // Labels the collator finds equal ("Merkel", "merkel") share a rank, so the id decides.
  const labelRanks = textRanks(rows.map((row) => row.label))
  const issueRanks = textRanks(rows.map((row) => row.issueLabel))
  const count = rows.length
  // A group without a value ranks after every label.
  const first = { ranks: new Int32Array(count), distinct: 2 * labelRanks.size, desc: false }
  const second = { ranks: new Int32Array(count), distinct: issueRanks.size, desc: false }
  for (let index = 0; index < count; index++) {
    const row = rows[index]!
    first.ranks[index] = (row.groupKey === NO_VALUE ? labelRanks.size : 0) + labelRanks.get(row.label)!
    second.ranks[index] = issueRanks.get(row.issueLabel)!
  }
  const sameKey = (a: number, b: number): boolean => first.ranks[a] === first.ranks[b] && second.ranks[a] === second.ranks[b]
  // One packed number per row where exact (sortRows.ts, as the column sort); else compared
  // (exactUpTo: tests try that path).
  const order =
    (first.distinct * second.distinct * count <= exactUpTo ? orderByRanks([first, second], count) : null) ??
    rows.map((_, index) => index).sort((a, b) => first.ranks[a]! - first.ranks[b]! || second.ranks[a]! - second.ranks[b]!)
  // Rows whose label and issue tie (equal to the collator, or the same) go by id.
  const before = rows.slice()
  for (let at = 0, runStart = 0; at <= count; at++) {
    if (at < count && at > runStart && sameKey(order[at]!, order[runStart]!)) continue
    if (at - runStart > 1) {
      // Copied back, not spliced in with a spread: a long run of ties would exceed the argument limit.
      const run = order.slice(runStart, at).sort((a, b) => (before[a]!.id < before[b]!.id ? -1 : before[a]!.id > before[b]!.id ? 1 : 0))
      for (let offset = 0; offset < run.length; offset++) order[runStart + offset] = run[offset]!
    }
    runStart = at
  }
  for (let index = 0; index < count; index++) rows[index] = before[order[index]!]!
}

/**
 * The rows with these ids, in the ids' order (an id with no row left out). A screen picks a
 * few of twenty thousand rows on every change: the rows are walked until all are found.
 */
export function rowsWithIds(rows: readonly PositionRow[], ids: readonly string[]): PositionRow[] {
  if (ids.length === 0) return []
  const wanted = new Set(ids)
  const found = new Map<string, PositionRow>()
  for (const row of rows) {
    if (!wanted.has(row.id)) continue
    found.set(row.id, row)
    if (found.size === wanted.size) break
  }
  return ids.flatMap((id) => found.get(id) ?? [])
}

export function buildPositionsView(result: PositionsResult, actors: ReadonlyMap<Id, Actor>, issues: readonly Issue[], view: ViewOptions): PositionsView {
  return drainSteps(viewWithCounts(result, actors, issues, view)).positions
}

/** Rows handled between two chances to pause in a sliced build. */
const SLICE = 1_000

type ViewSteps<T> = Generator<void, T, void>

/** The view, with its count of rows per bucket (what the kept-up-to-date builder moves), in steps. */
function* viewWithCounts(result: PositionsResult, actors: ReadonlyMap<Id, Actor>, issues: readonly Issue[], view: ViewOptions): ViewSteps<{ positions: PositionsView; used: Map<number, number> }> {
  const options = result.options
  const tree = buildCodebookTree(issues)
  const byActor = options.groupBy.kind === 'actor'
  const labels = groupLabels(actors.values(), options.groupBy)
  const query = foldText(view.text)
  const labelOf = (groupKey: string): string => (byActor ? (actors.get(groupKey)?.name ?? UNKNOWN_ACTOR) : (labels.get(groupKey) ?? groupKey))
  const passes = new Map<string, boolean>()
  const groupPasses = (groupKey: string): boolean => {
    if (query === '') return true
    let result = passes.get(groupKey)
    if (result === undefined) {
      const actor = byActor ? actors.get(groupKey) : undefined
      result = actor ? actorMatchesText(actor, query) : foldText(labelOf(groupKey)).includes(query)
      passes.set(groupKey, result)
    }
    return result
  }
  const issueLabels = new Map<Id, string>()
  const issueLabelOf = (issueId: Id): string => {
    let label = issueLabels.get(issueId)
    if (label === undefined) {
      label = options.level === 'top' || (view.mode === 'actor' && options.issueId !== null) ? (tree.byId.get(issueId)?.label ?? UNKNOWN_ISSUE) : pathLabel(tree, issueId, UNKNOWN_ISSUE)
      issueLabels.set(issueId, label)
    }
    return label
  }
  const makeRow = (groupKey: string, issueId: Id, series: PositionSeries | null): PositionRow => {
    const actor = byActor ? actors.get(groupKey) : undefined
    return {
      // A series' key is this id, made once with it.
      id: series ? series.key : `${groupKey}|${issueId}`,
      groupKey,
      label: labelOf(groupKey),
      actorId: byActor ? groupKey : null,
      actorKind: actor?.kind ?? '',
      issueId,
      issueLabel: issueLabelOf(issueId),
      series,
    }
  }

  const rows: PositionRow[] = []
  const oneIssue = view.mode === 'actor' && options.issueId !== null
  if (view.mode === 'actor' && options.issueId === null) {
    // One row per actor needs an issue; the screen picks one before it asks.
  } else {
    let done = 0
    for (const series of result.series) {
      if (++done % SLICE === 0) yield
      if (oneIssue && series.issueId !== options.issueId) continue
      if (!groupPasses(series.groupKey)) continue
      rows.push(makeRow(series.groupKey, series.issueId, series))
    }
    if (oneIssue && view.showAll) {
      const shown = new Set(rows.map((row) => row.groupKey))
      for (const group of allGroups(actors.values(), options)) if (!shown.has(group) && groupPasses(group)) rows.push(makeRow(group, options.issueId!, null))
    }
  }
  sortRows(rows)
  yield

  // The claims and groups the rows hold: without a text filter, every counted claim is in them.
  let claims = result.counted
  if (query !== '') {
    const ids = new Set<Id>()
    for (let index = 0; index < rows.length; index++) {
      const series = rows[index]!.series
      if (series) for (const claim of series.claimList) ids.add(claim.id)
      if ((index + 1) % SLICE === 0) yield
    }
    claims = ids.size
  }
  const used = yield* countRows(rows)
  return { positions: finishView(result, rows, used, view, claims), used }
}

/** Above this many buckets from the first row's to the last's, rows are counted into a map directly. */
const MAX_COUNTED_SPAN = 1 << 20

/**
 * The count of rows with a claim in each bucket ordinal, in steps. Counted over the rows' span
 * first, then kept as a map of the buckets in use (what an update moves): a hundred thousand
 * cells counted straight into a map cost more than the rest of the view on a cold open.
 */
function* countRows(rows: readonly PositionRow[]): ViewSteps<Map<number, number>> {
  const used = new Map<number, number>()
  // A row's cells are in time order: its first and last are its span.
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY
  for (let index = 0; index < rows.length; index++) {
    const series = rows[index]!.series
    if (!series) continue
    const from = firstOrdinalOf(series)
    const to = lastOrdinalOf(series)
    if (from !== undefined && from < first) first = from
    if (to !== undefined && to > last) last = to
  }
  yield
  if (!(last >= first) || last - first + 1 > MAX_COUNTED_SPAN) {
    for (let index = 0; index < rows.length; index++) {
      countCells(used, rows[index]!.series, 1)
      if ((index + 1) % SLICE === 0) yield
    }
    return used
  }
  const counts = new Uint32Array(last - first + 1)
  for (let index = 0; index < rows.length; index++) {
    const series = rows[index]!.series
    if (series) countOrdinalsOf(series, counts, first)
    if ((index + 1) % SLICE === 0) yield
  }
  for (let at = 0; at < counts.length; at++) if (counts[at]! > 0) used.set(first + at, counts[at]!)
  return used
}

/** Adds (or with -1 takes away) a series' buckets to the count of rows with a claim in each bucket. */
function countCells(used: Map<number, number>, series: PositionSeries | null, by: 1 | -1): void {
  if (!series) return
  // Stored positions (a cold open) give their ordinals without making every cell.
  const ordinals = storedOrdinals(series)
  if (ordinals) for (const ordinal of ordinals) countOne(used, ordinal, by)
  else for (const cell of series.cells) countOne(used, cell.ordinal, by)
}

function countOne(used: Map<number, number>, ordinal: number, by: 1 | -1): void {
  const count = (used.get(ordinal) ?? 0) + by
  if (count === 0) used.delete(ordinal)
  else used.set(ordinal, count)
}

/** The bucket columns the rows need, and the counts above the table. `used`: rows with a claim per bucket ordinal. */
function finishView(result: PositionsResult, rows: PositionRow[], used: ReadonlyMap<number, number>, view: ViewOptions, claims: number): PositionsView {
  const options = result.options
  const groups = new Set(rows.map((row) => row.groupKey)).size
  // Bucket columns: from the first to the last bucket a shown row has a claim in; a side the
  // analyst bounded with a date keeps every bucket up to that date.
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY
  for (const ordinal of used.keys()) {
    if (ordinal < first) first = ordinal
    if (ordinal > last) last = ordinal
  }
  const size = options.bucketSize
  if (options.from !== '') {
    const bound = bucketOrdinal(options.from, size)
    if (bound !== null) first = Number.isFinite(first) ? Math.min(first, bound) : bound
  }
  if (options.to !== '') {
    const bound = bucketOrdinal(options.to, size)
    if (bound !== null) last = Number.isFinite(last) ? Math.max(last, bound) : bound
  }
  if (result.cutoff !== null) first = Math.max(first, result.cutoff)
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first) {
    return { buckets: [], rows, spanBuckets: 0, onlyWithClaims: view.onlyWithClaims ?? false, claims, groups }
  }
  const spanBuckets = last - first + 1
  const onlyWithClaims = view.onlyWithClaims ?? spanBuckets > AUTO_ONLY_WITH_CLAIMS
  const buckets: ViewBucket[] = []
  if (onlyWithClaims) {
    for (const ordinal of [...used.keys()].sort((a, b) => a - b)) if (ordinal >= first && ordinal <= last) buckets.push({ ordinal, bucket: bucketAtOrdinal(ordinal, size) })
  } else {
    for (let ordinal = first; ordinal <= last; ordinal++) buckets.push({ ordinal, bucket: bucketAtOrdinal(ordinal, size) })
  }
  return { buckets, rows, spanBuckets, onlyWithClaims, claims, groups }
}

const MAX_NEW_ROWS = 50

interface BuiltView {
  result: PositionsResult
  actors: ReadonlyMap<Id, Actor>
  issues: readonly Issue[]
  view: ViewOptions
  positions: PositionsView
  used: Map<number, number>
  /** Made when an update first needs it: twenty thousand entries are not worth making before the first rows are drawn. */
  byId: Map<string, PositionRow> | null
}

function rowsById(built: BuiltView): Map<string, PositionRow> {
  if (built.byId) return built.byId
  const byId = new Map<string, PositionRow>()
  for (const row of built.positions.rows) byId.set(row.id, row)
  built.byId = byId
  return byId
}

/**
 * buildPositionsView, kept up to date rather than rebuilt: after a change the engine hands back
 * the same series object for every row the change did not touch, so only the touched rows are
 * made again, the order is kept when no row came or went, and the bucket columns follow a count
 * of rows per bucket. Anything else (other options, actors, issues, a text filter, all groups
 * listed) builds the view whole. The result equals buildPositionsView's (tested).
 */
export interface PositionsViewBuilder {
  (result: PositionsResult, actors: ReadonlyMap<Id, Actor>, issues: readonly Issue[], view: ViewOptions): PositionsView
  /**
   * The same build in steps, for a caller that gives the thread back between them (runSliced):
   * twenty thousand rows take longer than a frame. Once done, the call with the same arguments
   * returns its view at once.
   */
  steps(result: PositionsResult, actors: ReadonlyMap<Id, Actor>, issues: readonly Issue[], view: ViewOptions): ViewSteps<PositionsView>
}

export function createPositionsViewBuilder(): PositionsViewBuilder {
  let last: BuiltView | null = null
  function* steps(result: PositionsResult, actors: ReadonlyMap<Id, Actor>, issues: readonly Issue[], view: ViewOptions): ViewSteps<PositionsView> {
    if (last && last.result === result && last.actors === actors && last.issues === issues && sameView(last.view, view)) return last.positions
    const incremental =
      last !== null &&
      last.actors === actors &&
      last.issues === issues &&
      sameView(last.view, view) &&
      view.text === '' &&
      !view.showAll &&
      sameOptions(last.result.options, result.options)
    const keep = (positions: PositionsView, used: Map<number, number>, byId: Map<string, PositionRow> | null): PositionsView => {
      last = { result, actors, issues, view, positions, used, byId }
      return positions
    }
    function* build(): ViewSteps<PositionsView> {
      const { positions, used } = yield* viewWithCounts(result, actors, issues, view)
      return keep(positions, used, null)
    }
    // A row never seen: made as the full build makes it (labels from the same tables).
    const newRow = (series: PositionSeries): PositionRow => buildPositionsView({ ...result, series: [series] }, actors, issues, view).rows[0]!
    if (!incremental) return yield* build()
    const previous = last!
    const options = result.options
    const oneIssue = view.mode === 'actor' && options.issueId !== null
    // Rows per actor across every issue: no row is one series, so none is kept from before.
    const actorsAcrossIssues = view.mode === 'actor' && options.issueId === null
    const moved = actorsAcrossIssues ? null : yield* rowsMoved(previous, result, oneIssue ? options.issueId : null)
    if (moved) {
      // Many new rows (an import chunk): building whole is as quick.
      if (moved.made.length > MAX_NEW_ROWS) return yield* build()
      const same = moved.changed.length === 0 && moved.gone.length === 0 && moved.made.length === 0
      const used = same ? previous.used : new Map(previous.used)
      let rows = same ? previous.positions.rows : previous.positions.rows.slice()
      for (const [index, row] of moved.changed) {
        countCells(used, rows[index]!.series, -1)
        countCells(used, row.series, 1)
        rows[index] = row
      }
      if (moved.gone.length > 0 || moved.made.length > 0) {
        const gone = new Set(moved.gone)
        for (const index of gone) countCells(used, rows[index]!.series, -1)
        rows = rows.filter((_, index) => !gone.has(index))
        for (const series of moved.made) {
          const row = newRow(series)
          countCells(used, row.series, 1)
          rows.push(row)
        }
        sortRows(rows)
      }
      return keep(finishView(result, rows, used, view, result.counted), used, null)
    }
    const previousById = rowsById(previous)
    // Only what changed is collected; the previous rows stay as they were until the end.
    const changed = new Map<string, PositionRow>()
    const made: PositionRow[] = []
    let kept = 0
    if (!actorsAcrossIssues) {
      let done = 0
      for (const series of result.series) {
        if (++done % SLICE === 0) yield
        if (oneIssue && series.issueId !== options.issueId) continue
        const old = previousById.get(series.key)
        if (old) {
          kept++
          if (old.series !== series) changed.set(series.key, { ...old, series })
        } else {
          // Many new rows (an import chunk): building whole is as quick.
          if (made.length >= MAX_NEW_ROWS) return yield* build()
          made.push(newRow(series))
        }
      }
    }
    if (made.length === 0 && kept === previousById.size && changed.size === kept) {
      // Every row has new series and none came or went (the engine taking over from the stored
      // positions, or a change of the claims shown): the same rows in the same order, counted afresh.
      const rows = previous.positions.rows.map((row) => changed.get(row.id)!)
      yield
      const used = yield* countRows(rows)
      return keep(finishView(result, rows, used, view, result.counted), used, changed)
    }
    const used = new Map(previous.used)
    const byId = changed.size > 0 || made.length > 0 || kept !== previousById.size ? new Map(previousById) : previousById
    for (const [id, row] of changed) {
      countCells(used, previousById.get(id)!.series, -1)
      countCells(used, row.series, 1)
      byId.set(id, row)
    }
    for (const row of made) {
      countCells(used, row.series, 1)
      byId.set(row.id, row)
    }
    let rows: PositionRow[]
    if (kept === previousById.size && made.length === 0) rows = changed.size === 0 ? previous.positions.rows : previous.positions.rows.map((row) => changed.get(row.id) ?? row)
    else {
      // Rows went (their last claim moved or was deleted) or came: the order is made again.
      const present = new Set<string>()
      for (const series of result.series) if (!oneIssue || series.issueId === options.issueId) present.add(series.key)
      for (const [id, row] of previousById) {
        if (present.has(id)) continue
        countCells(used, row.series, -1)
        byId.delete(id)
      }
      rows = [...byId.values()]
      sortRows(rows)
    }
    return keep(finishView(result, rows, used, view, result.counted), used, byId)
  }
  return Object.assign((result: PositionsResult, actors: ReadonlyMap<Id, Actor>, issues: readonly Issue[], view: ViewOptions) => drainSteps(steps(result, actors, issues, view)), { steps })
}

/** Rows changed, come or gone past which rowsMoved gives up (a hand-over from stored positions changes every row). */
const MOVED_LIMIT = 1_000

interface MovedRows {
  /** Rows whose series changed: their index in the previous rows, and the row with the new series. */
  changed: [number, PositionRow][]
  /** Indexes of previous rows whose series is gone. */
  gone: number[]
  /** Series of rows not there before. */
  made: PositionSeries[]
}

/**
 * What a change did to the rows, told by their series: a change hands back the same series
 * object for every row it did not touch, so only the few it did are looked up by key. Looking
 * up all twenty thousand by key hashed every key, made and joined but never hashed before:
 * 12-24 ms (node). Null when more than MOVED_LIMIT rows changed, came or went.
 */
function* rowsMoved(previous: BuiltView, result: PositionsResult, onlyIssue: Id | null): ViewSteps<MovedRows | null> {
  // A hand-over (the engine's series after stored ones) shares none: not worth a map of them all.
  if (!sharesSeries(previous.result, result)) return null
  const rows = previous.positions.rows
  const at = new Map<PositionSeries, number>()
  for (let index = 0; index < rows.length; index++) {
    const series = rows[index]!.series
    if (series) at.set(series, index)
    if ((index + 1) % SLICE === 0) yield
  }
  const seen = new Uint8Array(rows.length)
  const misses: PositionSeries[] = []
  let done = 0
  for (const series of result.series) {
    if (++done % SLICE === 0) yield
    if (onlyIssue !== null && series.issueId !== onlyIssue) continue
    const index = at.get(series)
    if (index !== undefined) seen[index] = 1
    else if (misses.push(series) > MOVED_LIMIT) return null
  }
  const missing = new Map<string, PositionSeries>()
  for (const series of misses) missing.set(series.key, series)
  const moved: MovedRows = { changed: [], gone: [], made: [] }
  for (let index = 0; index < rows.length; index++) {
    if (seen[index] === 1) continue
    const row = rows[index]!
    const series = missing.get(row.id)
    if (series) {
      moved.changed.push([index, { ...row, series }])
      missing.delete(row.id)
    } else moved.gone.push(index)
    if (moved.changed.length + moved.gone.length > MOVED_LIMIT) return null
  }
  moved.made = [...missing.values()]
  return moved
}

/** Whether two results share series objects, by a look at sixteen places in their lists (a guess: either answer gives the same rows). */
function sharesSeries(before: PositionsResult, after: PositionsResult): boolean {
  const count = Math.min(before.series.length, after.series.length)
  for (let probe = 0; probe < 16 && count > 0; probe++) {
    const index = Math.floor((probe * count) / 16)
    if (before.series[index] === after.series[index]) return true
  }
  return false
}

function sameView(a: ViewOptions, b: ViewOptions): boolean {
  return a.mode === b.mode && a.text === b.text && a.showAll === b.showAll && a.onlyWithClaims === b.onlyWithClaims
}
