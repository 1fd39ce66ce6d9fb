import { DOMParser } from 'linkedom'
import { describe, expect, it } from 'vitest'
import type { Claim } from '../../../renderer/src/domain/model'
import { edgeListRows, EDGE_LIST_COLUMNS } from '../../../renderer/src/domain/network/edgeListCsv'
import { actorNodeId, buildNetwork, issueNodeId } from '../../../renderer/src/domain/network/edges'
import { escapeXml, GRAPHML_KEYS, graphmlText } from '../../../renderer/src/domain/network/graphml'
import { skipReason } from '../../support/ciPolicy'
import { pythonUnavailable } from './pythonCsv'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { trickyWorkspace } from './trickyWorkspace'

const workspace = trickyWorkspace()

function claim(id: string, actorId: string, issueId: string, stance: Claim['stance'], date: string, updatedAt = '2025-01-01T00:00:00Z'): Claim {
  return {
    id,
    articleId: 'a',
    actorId,
    issueIds: [issueId],
    stance,
    date,
    addresseeId: null,
    note: '',
    anchor: { exact: '', prefix: '', suffix: '', start: 0, end: 0 },
    createdAt: updatedAt,
    updatedAt,
    coderId: 'cod-1',
    updatedBy: 'cod-1',
    externalId: '',
    attributes: {},
    adjudicatedFrom: [],
  }
}

describe('actor–issue network', () => {
  it('aggregates claims into one weighted edge per actor and issue, stance as attributes', () => {
    const claims = [
      claim('1', 'act-1', 'iss-1', 1, '2024-11-01'),
      claim('2', 'act-1', 'iss-1', -1, '2024-12-23'),
      claim('3', 'act-1', 'iss-1', -2, '2024-12-01'),
      claim('4', 'act-3', 'iss-2', 2, ''),
      claim('5', 'missing-actor', 'iss-2', 2, '2024-01-01'),
    ]
    const graph = buildNetwork(claims, workspace.actors, workspace.issues)
    expect(graph.actors.map((actor) => actor.id)).toEqual(['act-3', 'act-1'])
    expect(graph.issues.map((issue) => issue.id)).toEqual(['iss-2', 'iss-1'])
    expect(graph.edges).toHaveLength(2)
    const edge = graph.edges.find((candidate) => candidate.actorId === 'act-1')!
    expect(edge).toMatchObject({
      issueId: 'iss-1',
      weight: 3,
      stanceMean: -0.6667,
      stanceLatest: -1,
      stanceMin: -2,
      stanceMax: 1,
      stanceCounts: [1, 1, 0, 1, 0],
      firstDate: '2024-11-01',
      lastDate: '2024-12-23',
    })
    const undated = graph.edges.find((candidate) => candidate.actorId === 'act-3')!
    expect(undated).toMatchObject({ weight: 1, stanceMean: 2, firstDate: '', lastDate: '' })
  })

  it('draws a claim on several issues on one edge per issue, each counting it once', () => {
    const claims = [
      { ...claim('1', 'act-1', 'iss-1', 2, '2024-11-01'), issueIds: ['iss-1', 'iss-2', 'gone'] },
      claim('2', 'act-1', 'iss-1', -2, '2024-11-02'),
    ]
    const graph = buildNetwork(claims, workspace.actors, workspace.issues)
    expect(graph.edges.map((edge) => [edge.actorId, edge.issueId, edge.weight, edge.stanceMean])).toEqual([
      ['act-1', 'iss-2', 1, 2],
      ['act-1', 'iss-1', 2, 0],
    ])
  })

  it('takes the last edited claim as the latest when dates tie', () => {
    const graph = buildNetwork(
      [claim('1', 'act-1', 'iss-1', 1, '2024-11-01', '2025-01-02T00:00:00Z'), claim('2', 'act-1', 'iss-1', -1, '2024-11-01', '2025-01-01T00:00:00Z')],
      workspace.actors,
      workspace.issues,
    )
    expect(graph.edges[0]!.stanceLatest).toBe(1)
  })

  it('writes GraphML that an XML parser reads back to the same nodes, edges and attributes', () => {
    const graph = buildNetwork(workspace.claims, workspace.actors, workspace.issues)
    const xml = graphmlText(graph)
    const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document
    const keys = [...document.querySelectorAll('key')].map((key) => key.getAttribute('attr.name'))
    expect(keys).toEqual(GRAPHML_KEYS.map((key) => key.name))
    const nodes = [...document.querySelectorAll('node')]
    expect(nodes.map((node) => node.getAttribute('id'))).toEqual([...graph.actors.map((a) => actorNodeId(a.id)), ...graph.issues.map((i) => issueNodeId(i.id))])
    const label = (id: string): string | null | undefined =>
      nodes.find((node) => node.getAttribute('id') === id)?.querySelector('data[key="label"]')?.textContent
    expect(label(actorNodeId('act-2'))).toBe('حركة النجباء')
    expect(label(issueNodeId('iss-2'))).toBe('-Ceasefire, "now"')
    const edges = [...document.querySelectorAll('edge')]
    expect(edges).toHaveLength(graph.edges.length)
    for (const [index, edge] of graph.edges.entries()) {
      const element = edges[index]!
      expect(element.getAttribute('source')).toBe(actorNodeId(edge.actorId))
      expect(element.getAttribute('target')).toBe(issueNodeId(edge.issueId))
      expect(Number(element.querySelector('data[key="weight"]')!.textContent)).toBe(edge.weight)
      expect(Number(element.querySelector('data[key="stance_mean"]')!.textContent)).toBe(edge.stanceMean)
    }
  })

  it("Python's standard XML parser reads it, Arabic labels and all", (context) => {
    const reason = skipReason(pythonUnavailable())
    if (reason) return context.skip(reason)
    const xml = graphmlText(buildNetwork(workspace.claims, workspace.actors, workspace.issues))
    const dir = mkdtempSync(join(tmpdir(), 'standpoint-graphml-'))
    try {
      writeFileSync(join(dir, 'g.graphml'), xml, 'utf8')
      const script = [
        'import json, sys, xml.etree.ElementTree as ET',
        "ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}",
        'root = ET.parse(sys.argv[1]).getroot()',
        "nodes = {n.get('id'): n.find(\"g:data[@key='label']\", ns).text for n in root.iter('{http://graphml.graphdrawing.org/xmlns}node')}",
        "edges = [(e.get('source'), e.get('target')) for e in root.iter('{http://graphml.graphdrawing.org/xmlns}edge')]",
        'json.dump({"nodes": nodes, "edges": edges}, sys.stdout, ensure_ascii=False)',
      ].join('\n')
      const result = spawnSync('python3', ['-c', script, join(dir, 'g.graphml')], { encoding: 'utf8' })
      expect(result.stderr).toBe('')
      const parsed = JSON.parse(result.stdout) as { nodes: Record<string, string>; edges: [string, string][] }
      expect(parsed.nodes[actorNodeId('act-3')]).toBe('@Government')
      expect(parsed.nodes[actorNodeId('act-2')]).toBe('حركة النجباء')
      expect(parsed.edges.length).toBeGreaterThan(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('escapes markup and drops characters XML cannot hold, keeping line breaks', () => {
    expect(escapeXml('a < b & "c" \'d\' >')).toBe('a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt;')
    expect(escapeXml('bell\u0007 and\r\nbreak')).toBe('bell and&#13;\nbreak')
    expect(escapeXml('lone \uD800 surrogate, pair 😀')).toBe('lone  surrogate, pair 😀')
  })

  it('edge list: ids as source and target, names beside them', () => {
    const graph = buildNetwork(workspace.claims, workspace.actors, workspace.issues)
    const rows = [...edgeListRows(graph)]
    expect(rows).toHaveLength(graph.edges.length)
    const first = rows[0]!
    expect(first[0]).toBe(actorNodeId(graph.edges[0]!.actorId))
    expect(first[EDGE_LIST_COLUMNS.indexOf('weight')]).toBe(graph.edges[0]!.weight)
  })
})
