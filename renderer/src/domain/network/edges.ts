import { STANCES, type Actor, type Claim, type Id, type Issue, type Stance } from '../model'
import { compareText } from '../text/compare'

// Actor–issue network: one directed edge from an actor to each issue it took a position on,
// weighted by the number of claims (a claim on several issues counts on each edge), with the stance carried as attributes (mean, latest,
// range and a count per stance level), so Gephi, igraph or networkx can colour or filter by it.

export interface NetworkEdge {
  actorId: Id
  issueId: Id
  /** Number of claims behind the edge. */
  weight: number
  stanceMean: number
  /** Stance of the most recent claim (by claim date, then last edited). */
  stanceLatest: Stance
  stanceMin: Stance
  stanceMax: Stance
  /** Claims per stance level, in STANCES order (−2 … +2). */
  stanceCounts: [number, number, number, number, number]
  /** Earliest and latest claim date ('' when no claim had one). */
  firstDate: string
  lastDate: string
}

export interface NetworkGraph {
  actors: Actor[]
  issues: Issue[]
  edges: NetworkEdge[]
}

interface Accumulator {
  edge: NetworkEdge
  sum: number
  latestKey: string
}

/** Rounds a mean to 4 decimals: enough for any plot, short in a spreadsheet. */
export function roundMean(value: number): number {
  return Math.round(value * 10_000) / 10_000
}

/**
 * Builds the graph from claims. Only actors and issues that have at least one claim become
 * nodes; claims that point at a deleted actor or issue are left out (they cannot be drawn).
 */
export function buildNetwork(claims: Iterable<Claim>, actors: Actor[], issues: Issue[]): NetworkGraph {
  const actorById = new Map(actors.map((actor) => [actor.id, actor]))
  const issueById = new Map(issues.map((issue) => [issue.id, issue]))
  const edges = new Map<string, Accumulator>()
  for (const claim of claims) {
    if (!actorById.has(claim.actorId)) continue
    for (const issueId of new Set(claim.issueIds)) if (issueById.has(issueId)) addClaim(edges, claim, issueId)
  }
  const result: NetworkEdge[] = []
  const usedActors = new Set<Id>()
  const usedIssues = new Set<Id>()
  for (const { edge, sum } of edges.values()) {
    edge.stanceMean = roundMean(sum / edge.weight)
    result.push(edge)
    usedActors.add(edge.actorId)
    usedIssues.add(edge.issueId)
  }
  const nodeActors = actors.filter((actor) => usedActors.has(actor.id)).sort((a, b) => compareText(a.name, b.name))
  const nodeIssues = issues.filter((issue) => usedIssues.has(issue.id)).sort((a, b) => compareText(a.label, b.label))
  const actorOrder = new Map(nodeActors.map((actor, index) => [actor.id, index]))
  const issueOrder = new Map(nodeIssues.map((issue, index) => [issue.id, index]))
  result.sort((a, b) => actorOrder.get(a.actorId)! - actorOrder.get(b.actorId)! || issueOrder.get(a.issueId)! - issueOrder.get(b.issueId)!)
  return { actors: nodeActors, issues: nodeIssues, edges: result }
}

function addClaim(edges: Map<string, Accumulator>, claim: Claim, issueId: Id): void {
  const key = `${claim.actorId}\u0000${issueId}`
  const latestKey = `${claim.date}\u0000${claim.updatedAt}`
  const level = STANCES.indexOf(claim.stance)
  let entry = edges.get(key)
  if (!entry) {
    entry = {
      edge: {
        actorId: claim.actorId,
        issueId,
        weight: 0,
        stanceMean: 0,
        stanceLatest: claim.stance,
        stanceMin: claim.stance,
        stanceMax: claim.stance,
        stanceCounts: [0, 0, 0, 0, 0],
        firstDate: '',
        lastDate: '',
      },
      sum: 0,
      latestKey,
    }
    edges.set(key, entry)
  }
  const edge = entry.edge
  edge.weight++
  entry.sum += claim.stance
  if (level >= 0) edge.stanceCounts[level]!++
  if (claim.stance < edge.stanceMin) edge.stanceMin = claim.stance
  if (claim.stance > edge.stanceMax) edge.stanceMax = claim.stance
  if (latestKey >= entry.latestKey) {
    entry.latestKey = latestKey
    edge.stanceLatest = claim.stance
  }
  if (claim.date !== '') {
    if (edge.firstDate === '' || claim.date < edge.firstDate) edge.firstDate = claim.date
    if (claim.date > edge.lastDate) edge.lastDate = claim.date
  }
}

/** Node ids in the exported files: prefixed, so an actor and an issue can never collide. */
export const actorNodeId = (id: Id): string => `actor:${id}`
export const issueNodeId = (id: Id): string => `issue:${id}`
