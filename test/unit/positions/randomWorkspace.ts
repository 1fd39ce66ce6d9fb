import type { Actor, Article, Assignment, Claim, Issue } from '../../../renderer/src/domain/model'
import { BUCKET_SIZES, type BucketSize } from '../../../renderer/src/domain/positions/buckets'
import { computePositions, DEFAULT_OPTIONS, type PositionCell, type PositionsOptions, type PositionsResult } from '../../../renderer/src/domain/positions/engine'
import { articleFact, claimFact } from '../../../renderer/src/domain/positions/facts'
import type { GroupBy } from '../../../renderer/src/domain/positions/grouping'
import { packResult, unpackResult } from '../../../renderer/src/domain/positions/resultPack'
import { actor, article, assignment, child, claim, coder, issue } from './fixtures'
import type { RefData } from './reference'

// Random workspaces, options and edits for the positions tests that check a fast path against
// a full recompute (engine.test.ts, catchUp.test.ts). Seeded: a failure names its seed.

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Random {
  next: () => number
  int: (n: number) => number
  pick: <T>(list: readonly T[]) => T
  chance: (p: number) => boolean
}

export function random(seed: number): Random {
  const next = mulberry32(seed)
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
  }
}

export const ISSUE_IDS = ['t1', 't2', 'c11', 'c12', 'c21', 'g111']
export const ACTOR_IDS = ['a1', 'a2', 'a3', 'a4', 'a5', 'gone']
export const KINDS = ['person', 'Person ', 'party', 'state', '']
export const PARTIES = ['CDU', 'cdu', 'SPD', 'Greens', ' AfD', 'AFD']
export const CODERS = [coder('lead', 'lead'), coder('ann'), coder('bob')]
export const SOURCES = ['Reuters', 'AFP', 'dpa']

export function randomDate(r: Random): string {
  if (r.chance(0.08)) return ''
  if (r.chance(0.03)) return 'someday'
  const year = 2014 + r.int(3)
  const month = 1 + r.int(12)
  const day = 1 + r.int(28)
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function randomIssues(r: Random): Issue[] {
  const parentOf: Record<string, string | null> = { t1: null, t2: null, c11: 't1', c12: 't1', c21: 't2', g111: 'c11' }
  // Sometimes a different shape, as a codebook edit would make.
  if (r.chance(0.3)) parentOf.c21 = r.pick([null, 't1', 'c12'])
  if (r.chance(0.2)) parentOf.g111 = r.pick(['t2', 'c21', null])
  return ISSUE_IDS.map((id) => (parentOf[id] ? child(id, id, parentOf[id]) : issue(id, id)))
}

export function randomActor(r: Random, id: string): Actor {
  const parties = r.chance(0.25) ? [] : Array.from({ length: 1 + r.int(2) }, () => r.pick(PARTIES))
  const key = r.pick(['party', 'Party', 'PARTY '])
  return actor(id, `Actor ${id}`, r.pick(KINDS), [], parties.length > 0 ? { [key]: parties } : {})
}

export function randomClaim(r: Random, id: string, createdAt: string): Claim {
  const issueIds = [...new Set(Array.from({ length: 1 + r.int(3) }, () => r.pick(ISSUE_IDS)))]
  return claim({
    id,
    actorId: r.pick(ACTOR_IDS),
    issueIds,
    stance: r.pick([-2, -1, 0, 1, 2] as const),
    date: randomDate(r),
    articleId: `art${r.int(6)}`,
    createdAt: r.chance(0.3) ? '2025-01-01T00:00:00.000Z' : createdAt,
    coderId: r.pick(CODERS).id,
    adjudicatedFrom: r.chance(0.15) ? ['x'] : [],
  })
}

export function randomArticle(r: Random, id: string): Article {
  return article(id, randomDate(r), r.pick(SOURCES))
}

export function randomOptions(r: Random): PositionsOptions {
  const issueId = r.chance(0.3) ? r.pick(ISSUE_IDS) : null
  return {
    ...DEFAULT_OPTIONS,
    bucketSize: r.pick<BucketSize>(BUCKET_SIZES),
    from: r.chance(0.2) ? '2015-03-01' : '',
    to: r.chance(0.2) ? '2016-06-30' : '',
    source: r.chance(0.2) ? r.pick(SOURCES) : null,
    level: r.pick(['coded', 'top'] as const),
    groupBy: r.pick<GroupBy>([{ kind: 'actor' }, { kind: 'kind' }, { kind: 'attribute', name: 'party' }, { kind: 'attribute', name: 'Party' }]),
    claimSet: r.pick([{ kind: 'all' }, { kind: 'adjudicated' }, { kind: 'coder', coderId: 'ann' }] as const),
    issueId,
    oneIssue: issueId !== null && r.chance(0.4),
    actorKind: r.chance(0.15) ? 'person' : null,
  }
}

export interface Workspace {
  claims: Map<string, Claim>
  articles: Map<string, Article>
  actors: Map<string, Actor>
  issues: Issue[]
  assignments: Assignment[]
  viewerId: string | null
}

export function randomWorkspace(r: Random, claimCount: number): Workspace {
  const articles = new Map(Array.from({ length: 6 }, (_, index) => [`art${index}`, randomArticle(r, `art${index}`)] as const))
  const actors = new Map(ACTOR_IDS.filter((id) => id !== 'gone').map((id) => [id, randomActor(r, id)] as const))
  const claims = new Map<string, Claim>()
  for (let index = 0; index < claimCount; index++) claims.set(`c${index}`, randomClaim(r, `c${index}`, `2025-01-01T00:00:${String(index % 60).padStart(2, '0')}.000Z`))
  return { claims, articles, actors, issues: randomIssues(r), assignments: [assignment('task', ['art0', 'art1'], ['ann', 'bob'], r.chance(0.7))], viewerId: r.pick([null, 'lead', 'ann']) }
}

export function refData(workspace: Workspace): RefData {
  return {
    claims: [...workspace.claims.values()],
    articles: [...workspace.articles.values()],
    actors: [...workspace.actors.values()],
    issues: workspace.issues,
    coders: CODERS,
    assignments: workspace.assignments,
    viewerId: workspace.viewerId,
  }
}

export function freshResult(workspace: Workspace, options: PositionsOptions): PositionsResult {
  return computePositions(
    [...workspace.claims.values()].map(claimFact),
    [...workspace.articles.values()].map(articleFact),
    { actors: workspace.actors, issues: workspace.issues, coders: CODERS, assignments: workspace.assignments, viewerId: workspace.viewerId },
    options,
  )
}

/** Through the stored record and back, as a cold open reads it (structuredClone: as IndexedDB stores it). */
export function stored(result: PositionsResult): PositionsResult {
  const unpacked = unpackResult(structuredClone(packResult(result)))
  if (!unpacked) throw new Error('the stored positions did not unpack')
  return unpacked
}

export const plainCell = (cell: PositionCell): unknown => ({ ...cell, claims: [], previous: cell.previous ? { ordinal: cell.previous.ordinal, mean: cell.previous.mean } : null })

/** Every number of a result, without the claims behind the cells (what stored positions keep). */
export function withoutClaims(result: PositionsResult): unknown {
  return {
    options: result.options,
    counted: result.counted,
    undated: result.undated,
    hiddenBefore: result.hiddenBefore,
    truncated: result.truncated,
    cutoff: result.cutoff,
    mix: result.mix,
    // Series order follows the engine's maps, which edits reorder; rows are sorted after.
    series: [...result.series].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((entry) => ({
      ...entry,
      claimList: [],
      cells: entry.cells.map((cell) => plainCell(cell)),
      byOrdinal: new Map([...entry.byOrdinal].map(([ordinal, cell]) => [ordinal, plainCell(cell)])),
    })),
  }
}
