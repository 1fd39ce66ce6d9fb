import { actorNodeId, issueNodeId, type NetworkGraph } from './edges'

// GraphML (http://graphml.graphdrawing.org/) as Gephi, yEd, igraph (read_graph(format =
// "graphml")) and networkx (read_graphml) read it: typed attribute keys, a directed bipartite
// graph of actors and issues.

type KeyType = 'string' | 'int' | 'double'

interface KeySpec {
  id: string
  for: 'node' | 'edge'
  name: string
  type: KeyType
}

export const GRAPHML_KEYS: readonly KeySpec[] = [
  { id: 'label', for: 'node', name: 'label', type: 'string' },
  { id: 'type', for: 'node', name: 'type', type: 'string' },
  { id: 'kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'aliases', for: 'node', name: 'aliases', type: 'string' },
  { id: 'record_id', for: 'node', name: 'record_id', type: 'string' },
  { id: 'weight', for: 'edge', name: 'weight', type: 'double' },
  { id: 'claims', for: 'edge', name: 'claims', type: 'int' },
  { id: 'stance_mean', for: 'edge', name: 'stance_mean', type: 'double' },
  { id: 'stance_latest', for: 'edge', name: 'stance_latest', type: 'int' },
  { id: 'stance_min', for: 'edge', name: 'stance_min', type: 'int' },
  { id: 'stance_max', for: 'edge', name: 'stance_max', type: 'int' },
  { id: 'n_strongly_against', for: 'edge', name: 'n_strongly_against', type: 'int' },
  { id: 'n_against', for: 'edge', name: 'n_against', type: 'int' },
  { id: 'n_neutral', for: 'edge', name: 'n_neutral', type: 'int' },
  { id: 'n_for', for: 'edge', name: 'n_for', type: 'int' },
  { id: 'n_strongly_for', for: 'edge', name: 'n_strongly_for', type: 'int' },
  { id: 'first_date', for: 'edge', name: 'first_date', type: 'string' },
  { id: 'last_date', for: 'edge', name: 'last_date', type: 'string' },
]

/**
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF)
 * are dropped; everything else, Arabic included, is written as it is.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // A bare CR would be read back as LF; keep line breaks exactly as stored.
    .replace(/\r/g, '&#13;')
}

function data(key: string, value: string | number): string {
  return `<data key="${key}">${typeof value === 'number' ? String(value) : escapeXml(value)}</data>`
}

/** Yields the document in pieces (header, one node or edge per piece, footer). */
export function* graphmlParts(graph: NetworkGraph): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    GRAPHML_KEYS.map((key) => `  <key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="${key.type}"/>\n`).join('') +
    '  <graph id="standpoint-actor-issue" edgedefault="directed">\n'
  for (const actor of graph.actors) {
    yield `    <node id="${escapeXml(actorNodeId(actor.id))}">${data('label', actor.name)}${data('type', 'actor')}${data('kind', actor.kind)}` +
      `${data('aliases', actor.aliases.join(' | '))}${data('record_id', actor.id)}</node>\n`
  }
  for (const issue of graph.issues) {
    yield `    <node id="${escapeXml(issueNodeId(issue.id))}">${data('label', issue.label)}${data('type', 'issue')}${data('record_id', issue.id)}</node>\n`
  }
  let index = 0
  for (const edge of graph.edges) {
    const [m2, m1, zero, p1, p2] = edge.stanceCounts
    yield `    <edge id="e${index++}" source="${escapeXml(actorNodeId(edge.actorId))}" target="${escapeXml(issueNodeId(edge.issueId))}">` +
      data('weight', edge.weight) +
      data('claims', edge.weight) +
      data('stance_mean', edge.stanceMean) +
      data('stance_latest', edge.stanceLatest) +
      data('stance_min', edge.stanceMin) +
      data('stance_max', edge.stanceMax) +
      data('n_strongly_against', m2) +
      data('n_against', m1) +
      data('n_neutral', zero) +
      data('n_for', p1) +
      data('n_strongly_for', p2) +
      data('first_date', edge.firstDate) +
      data('last_date', edge.lastDate) +
      '</edge>\n'
  }
  yield '  </graph>\n</graphml>\n'
}

export function graphmlText(graph: NetworkGraph): string {
  return [...graphmlParts(graph)].join('')
}
