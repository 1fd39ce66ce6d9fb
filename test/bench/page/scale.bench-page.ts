import { readClaimsInSlices } from '../../../renderer/src/db/claimSlices'
import { StandpointDB } from '../../../renderer/src/db/database'
import type { Claim } from '../../../renderer/src/domain/model'
import { computePositions, DEFAULT_OPTIONS } from '../../../renderer/src/domain/positions/engine'
import { articleFact, claimFact } from '../../../renderer/src/domain/positions/facts'
import { bucketKey } from '../../../renderer/src/domain/positions/buckets'

// The scale run's bench-page side, served in the app's origin: every claim of the app's seeded
// workspace read back and aggregated as Positions does, beside a plain pass.

function floorPass(claims: readonly Claim[]): number {
  const cells = new Map<string, { count: number; sum: number }>()
  const bucketOfDate = new Map<string, string>()
  for (const claim of claims) {
    let bucket = bucketOfDate.get(claim.date)
    if (bucket === undefined) {
      bucket = bucketKey(claim.date, 'month') ?? ''
      bucketOfDate.set(claim.date, bucket)
    }
    // A claim on several issues counts once for each, as Positions counts it.
    for (const issueId of claim.issueIds) {
      const key = `${claim.actorId}|${issueId}|${bucket}`
      const cell = cells.get(key)
      if (cell) {
        cell.count++
        cell.sum += claim.stance
      } else cells.set(key, { count: 1, sum: claim.stance })
    }
  }
  return cells.size
}

export interface ScalePositionsFigures {
  readMs: number
  factsMs: number
  firstComputeMs: number
  computeMs: number
  floorMs: number
  rows: number
  heapMB: number
}

/**
 * Every claim read back, mapped to facts (timed apart), then aggregated twice beside the plain
 * pass: the first run pays the JIT warm-up, the second is compared with the floor (run in
 * alternating order, as the positions bench does).
 */
export async function benchScalePositions(name: string): Promise<ScalePositionsFigures> {
  const db = new StandpointDB(name)
  await db.open()
  let started = performance.now()
  const claims: Claim[] = []
  await readClaimsInSlices(db, (slice) => {
    for (const claim of slice) claims.push(claim)
  })
  const readMs = performance.now() - started
  const [actors, issues, articles] = await Promise.all([db.actors.toArray(), db.issues.toArray(), db.articles.toArray()])
  db.close()
  started = performance.now()
  const facts = claims.map(claimFact)
  const articleFacts = articles.map(articleFact)
  const factsMs = performance.now() - started
  const world = { actors: new Map(actors.map((actor) => [actor.id, actor])), issues, coders: [], assignments: [], viewerId: null }
  let rows = 0
  const compute = (): number => {
    const began = performance.now()
    rows = computePositions(facts, articleFacts, world, { ...DEFAULT_OPTIONS, bucketSize: 'month' }).series.length
    return performance.now() - began
  }
  const floor = (): number => {
    const began = performance.now()
    floorPass(claims)
    return performance.now() - began
  }
  const firstComputeMs = compute()
  const firstFloorMs = floor()
  const floorMs = Math.min(firstFloorMs, floor())
  const computeMs = compute()
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory
  return { readMs, factsMs, firstComputeMs, computeMs, floorMs, rows, heapMB: (memory?.usedJSHeapSize ?? 0) / 1024 / 1024 }
}
