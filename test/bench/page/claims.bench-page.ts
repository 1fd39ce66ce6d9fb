import { issueWithDescendants } from '../../../renderer/src/domain/codebook/tree'
import { availableColumns, type ClaimColumn } from '../../../renderer/src/domain/claims/columns'
import { NO_FILTERS, type ClaimFilters } from '../../../renderer/src/domain/claims/filter'
import { claimArticle, claimRow } from '../../../renderer/src/domain/claims/rows'
import { ShownOrderModel } from '../../../renderer/src/domain/claims/shownOrder'
import type { SortEntry } from '../../../renderer/src/domain/claims/sort'
import { buildClaimsTableData, lookupsOf } from '../../../renderer/src/domain/claims/tableState'
import type { Actor, Article, Claim, Coder, Issue } from '../../../renderer/src/domain/model'

// The claims table's in-memory work at scale, each figure beside a floor: the least the same
// job could cost (a native sort of one number per row; one plain pass over the rows with the
// same test). The screen does this work between an input and the rows it draws.

interface Workspace {
  claims: Claim[]
  actors: Actor[]
  issues: Issue[]
  articles: Article[]
  coders: Coder[]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function time(run: () => unknown): number {
  const started = performance.now()
  run()
  return performance.now() - started
}

export interface ClaimsComputeFigures {
  claims: number
  rowsMs: number
  firstSortMs: number
  floorSortMs: number
  resort: { oursMs: number; floorMs: number; coldTextMs: number }
  search: { oursMs: number; floorMs: number; shown: number }
  actorFilter: { oursMs: number; floorMs: number; shown: number }
  issueFilter: { oursMs: number; floorMs: number; shown: number }
}

export function benchClaimsCompute(workspace: Workspace, runs = 7): ClaimsComputeFigures {
  const { claims } = workspace
  let rows = claims.map(claimRow)
  const rowsMs = time(() => {
    rows = claims.map(claimRow)
  })
  const data = buildClaimsTableData({ rows, actors: workspace.actors, issues: workspace.issues, articles: workspace.articles.map(claimArticle) })
  const lookups = lookupsOf(data, new Map(workspace.coders.map((coder) => [coder.id, coder])))
  const columns = availableColumns({ actorAttributes: ['party'], claimAttributes: ['certainty'], severalCoders: true })
  const byId = new Map<string, ClaimColumn>(columns.map((column) => [column.id, column]))
  const model = new ShownOrderModel()
  const byDate: SortEntry[] = [{ id: 'date', desc: false }]

  // The first screen: every row's date key computed and the rows sorted (nothing cached yet).
  const firstSortMs = time(() => model.shownOrder(data.rows, lookups, byDate, NO_FILTERS, byId))
  const dates = new Float64Array(rows.length)
  for (let index = 0; index < rows.length; index++) dates[index] = Number(rows[index]!.date.replaceAll('-', '')) || 0
  const floorSortMs = median(Array.from({ length: runs }, () => time(() => Float64Array.from(dates).sort())))

  // Re-sort: by actor (text) the first time pays the collator once; after that, header clicks
  // between columns whose keys are known cost one typed-array sort each.
  const coldTextMs = time(() => model.shownOrder(data.rows, lookups, [{ id: 'actor', desc: false }], NO_FILTERS, byId))
  const sorts: SortEntry[][] = [
    [{ id: 'actor', desc: true }],
    [{ id: 'stance', desc: true }, { id: 'date', desc: false }],
    [{ id: 'date', desc: true }],
    [{ id: 'actor', desc: false }, { id: 'date', desc: true }],
  ]
  const resortSamples: number[] = []
  for (let run = 0; run < runs; run++) for (const sorting of sorts) resortSamples.push(time(() => model.shownOrder(data.rows, lookups, sorting, NO_FILTERS, byId)))
  const stances = Float64Array.from(rows, (row) => row.stance * rows.length + Math.random())
  const resortFloor = median(Array.from({ length: runs }, () => time(() => Float64Array.from(stances).sort())))

  // Filters over the sorted rows: a new filters object each time, as typing makes.
  const sorting = byDate
  model.shownOrder(data.rows, lookups, sorting, NO_FILTERS, byId)
  const filtered = (filters: ClaimFilters): { ms: number; shown: number } => {
    let shown = 0
    const samples = Array.from({ length: runs }, () => time(() => (shown = model.shownOrder(data.rows, lookups, sorting, { ...filters, columns: { ...filters.columns } }, byId).length)))
    return { ms: median(samples), shown }
  }
  const search = filtered({ search: 'upper limit', columns: {} })
  const searchFloor = median(Array.from({ length: runs }, () => time(() => rows.filter((row) => row.searchQuote.includes('upper limit') || row.searchNote.includes('upper limit')).length)))
  const someActors = workspace.actors.slice(0, 40).map((actor) => actor.id)
  const actorFilter = filtered({ search: '', columns: { actor: { type: 'oneOf', keys: someActors } } })
  const wanted = new Set(someActors)
  const actorFloor = median(Array.from({ length: runs }, () => time(() => rows.filter((row) => wanted.has(row.actorId)).length)))
  const parent = workspace.issues.find((issue) => issue.parentId === null)!
  const issueFilter = filtered({ search: '', columns: { issues: { type: 'oneOf', keys: [parent.id] } } })
  const subtree = issueWithDescendants(lookups.tree, parent.id)
  const issueFloor = median(Array.from({ length: runs }, () => time(() => rows.filter((row) => row.issueIds.some((id) => subtree.has(id))).length)))

  return {
    claims: rows.length,
    rowsMs,
    firstSortMs,
    floorSortMs,
    resort: { oursMs: median(resortSamples), floorMs: resortFloor, coldTextMs },
    search: { oursMs: search.ms, floorMs: searchFloor, shown: search.shown },
    actorFilter: { oursMs: actorFilter.ms, floorMs: actorFloor, shown: actorFilter.shown },
    issueFilter: { oursMs: issueFilter.ms, floorMs: issueFloor, shown: issueFilter.shown },
  }
}
