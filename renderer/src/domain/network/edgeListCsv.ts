import type { CsvCell } from '../csv/writeCsv'
import { actorNodeId, issueNodeId, type NetworkGraph } from './edges'

// Edge list for R (igraph::graph_from_data_frame takes the first two columns), pandas/networkx
// (from_pandas_edgelist(source='source', target='target')) and Gephi's spreadsheet import
// (it recognises Source, Target and Weight whatever their case).

export const EDGE_LIST_COLUMNS = [
  'source',
  'target',
  'actor',
  'actor_kind',
  'issue',
  'weight',
  'stance_mean',
  'stance_latest',
  'stance_min',
  'stance_max',
  'n_strongly_against',
  'n_against',
  'n_neutral',
  'n_for',
  'n_strongly_for',
  'first_date',
  'last_date',
  'actor_id',
  'issue_id',
] as const

export function* edgeListRows(graph: NetworkGraph): Generator<CsvCell[]> {
  const actors = new Map(graph.actors.map((actor) => [actor.id, actor]))
  const issues = new Map(graph.issues.map((issue) => [issue.id, issue]))
  for (const edge of graph.edges) {
    const actor = actors.get(edge.actorId)!
    const issue = issues.get(edge.issueId)!
    yield [
      actorNodeId(edge.actorId),
      issueNodeId(edge.issueId),
      actor.name,
      actor.kind,
      issue.label,
      edge.weight,
      edge.stanceMean,
      edge.stanceLatest,
      edge.stanceMin,
      edge.stanceMax,
      ...edge.stanceCounts,
      edge.firstDate,
      edge.lastDate,
      edge.actorId,
      edge.issueId,
    ]
  }
}
