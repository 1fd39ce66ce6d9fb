import type { Actor, Claim, Issue } from '../../../renderer/src/domain/model'
import { aggregatePositions, preparePositionClaims } from '../../../renderer/src/domain/positions/aggregate'
import { BUCKET_SIZES, bucketKey, type BucketSize } from '../../../renderer/src/domain/positions/buckets'
import { positionsColumns } from '../../../renderer/src/domain/positions/columns'
import { buildPositionsView } from '../../../renderer/src/domain/positions/rows'

// Positions computation, timed against a floor: the same aggregation (count, sum, latest
// stance and claim ids per actor, issue and bucket) as one plain pass over the claims array.

interface Workspace {
  claims: Claim[]
  actors: Actor[]
  issues: Issue[]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function floorPass(claims: readonly Claim[], size: BucketSize): number {
  const bucketOfDate = new Map<string, string>()
  const cells = new Map<string, { count: number; sum: number; latest: number; latestDate: string; ids: string[] }>()
  for (const claim of claims) {
    let bucket = bucketOfDate.get(claim.date)
    if (bucket === undefined) {
      bucket = bucketKey(claim.date, size) ?? ''
      bucketOfDate.set(claim.date, bucket)
    }
    for (const issueId of claim.issueIds) {
      const key = `${claim.actorId}|${issueId}|${bucket}`
      let cell = cells.get(key)
      if (cell === undefined) {
        cell = { count: 0, sum: 0, latest: claim.stance, latestDate: claim.date, ids: [] }
        cells.set(key, cell)
      }
      cell.count++
      cell.sum += claim.stance
      if (claim.date >= cell.latestDate) {
        cell.latest = claim.stance
        cell.latestDate = claim.date
      }
      cell.ids.push(claim.id)
    }
  }
  return cells.size
}

export interface ComputeFigures {
  prepareMs: number
  rows: number
  sizes: Record<BucketSize, { oursMs: number; floorMs: number; buckets: number; cells: number }>
}

/** Times the positions pipeline for every bucket size; medians of `runs` after a warm-up. */
export function benchPositionsCompute(workspace: Workspace, runs = 5): ComputeFigures {
  let started = performance.now()
  const prepared = preparePositionClaims(workspace.claims)
  const prepareMs = performance.now() - started
  const filters = { mode: 'actor-issue' as const, issueId: null, actorKind: null, actorText: '' }
  const sizes = {} as ComputeFigures['sizes']
  let rows = 0
  for (const size of BUCKET_SIZES) {
    const ours: number[] = []
    const floor: number[] = []
    let buckets = 0
    let cells = 0
    for (let run = 0; run <= runs; run++) {
      // Alternate which goes first, so neither always gets the warmer caches.
      const measureOurs = (): void => {
        started = performance.now()
        const aggregation = aggregatePositions(prepared.claims, { bucketSize: size })
        const view = buildPositionsView(aggregation, workspace.actors, workspace.issues, filters)
        positionsColumns(view)
        const elapsed = performance.now() - started
        if (run > 0) ours.push(elapsed)
        rows = view.rows.length
        buckets = view.buckets.length
      }
      const measureFloor = (): void => {
        started = performance.now()
        cells = floorPass(workspace.claims, size)
        const elapsed = performance.now() - started
        if (run > 0) floor.push(elapsed)
      }
      if (run % 2 === 0) {
        measureOurs()
        measureFloor()
      } else {
        measureFloor()
        measureOurs()
      }
    }
    sizes[size] = { oursMs: median(ours), floorMs: median(floor), buckets, cells }
  }
  return { prepareMs, rows, sizes }
}
