import type { FileFilter } from '../../../../preload/api'
import { actorRows, actorsShape, sortActorsForExport } from '../../domain/export/actorsCsv'
import { articleRows, articlesShape, sortArticlesForExport } from '../../domain/export/articlesCsv'
import { addClaimRows, ClaimAttributeColumns, claimRowsCsv, type ClaimRowEntry } from '../../domain/export/claimsCsv'
import { csvChunks } from '../../domain/export/csvChunks'
import { buildLookups } from '../../domain/export/lookups'
import { EDGE_LIST_COLUMNS, edgeListRows } from '../../domain/network/edgeListCsv'
import { buildNetwork } from '../../domain/network/edges'
import { graphmlParts } from '../../domain/network/graphml'
import type { ClaimSet } from '../../domain/coding/claimSet'
import { CLAIM_SLICES } from '../../db/claimSlices'
import type { StandpointDB } from '../../db/database'
import { readActorsWithClaimCounts, readArticlesWithClaimCounts, readClaimsWithRecords, readNetworkRecords } from '../../db/queries/exports'

export const EXPORT_KINDS = ['claims', 'actors', 'articles', 'graphml', 'edges'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export interface ExportKindInfo {
  label: string
  description: string
  fileWhat: string
  extension: string
  mimeType: string
  filters: FileFilter[]
  csv: boolean
}

const CSV_FILTERS: FileFilter[] = [{ name: 'CSV', extensions: ['csv'] }]

export const EXPORT_KIND_INFO: Record<ExportKind, ExportKindInfo> = {
  claims: {
    label: 'Claims (CSV)',
    description: 'One row per claim: date, actor, issue, stance as number and label, quote, note, addressee, article and ids.',
    fileWhat: 'claims',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    filters: CSV_FILTERS,
    csv: true,
  },
  actors: {
    label: 'Actors (CSV)',
    description: 'One row per actor: name, kind, aliases, notes and the number of claims.',
    fileWhat: 'actors',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    filters: CSV_FILTERS,
    csv: true,
  },
  articles: {
    label: 'Articles (CSV)',
    description: 'One row per article: title, source, author, date, URL, language, import details; the text if you ask for it.',
    fileWhat: 'articles',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    filters: CSV_FILTERS,
    csv: true,
  },
  graphml: {
    label: 'Network (GraphML)',
    description: 'Actors and issues as nodes, one edge per actor and issue weighted by claims, stance as edge attributes. For Gephi, yEd, igraph, networkx.',
    fileWhat: 'network',
    extension: 'graphml',
    mimeType: 'application/graphml+xml',
    filters: [{ name: 'GraphML', extensions: ['graphml'] }],
    csv: false,
  },
  edges: {
    label: 'Network edge list (CSV)',
    description: 'The same edges as a table: source, target, names, weight and stance attributes. For R, pandas or Gephi’s spreadsheet import.',
    fileWhat: 'network-edges',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    filters: CSV_FILTERS,
    csv: true,
  },
}

export interface ExportOptions {
  bom: boolean
  includeBody: boolean
  /** Which claims: all, adjudicated only, or one coder's (blind coding applies first). Default all. */
  claimSet?: ClaimSet
}

export interface PreparedExport {
  /** Rows (CSV) or nodes and edges (GraphML) the file will hold, for the success message. */
  count: number
  noun: string
  chunks: Iterable<{ text: string; progress: number }>
}

function* withProgress(chunks: Iterable<{ text: string; rows: number }>, total: number): Generator<{ text: string; progress: number }> {
  let done = 0
  for (const chunk of chunks) {
    done += chunk.rows
    yield { text: chunk.text, progress: total === 0 ? 1 : done / total }
  }
}

/** Groups GraphML pieces into chunks of about a megabyte. */
function* graphmlChunks(parts: Iterable<string>, total: number): Generator<{ text: string; progress: number }> {
  let buffer: string[] = []
  let size = 0
  let done = 0
  for (const part of parts) {
    buffer.push(part)
    size += part.length
    done++
    if (size > 1 << 20) {
      yield { text: buffer.join(''), progress: Math.min(1, done / total) }
      buffer = []
      size = 0
    }
  }
  yield { text: buffer.join(''), progress: 1 }
}

/**
 * Reads what an export needs in one read transaction and returns its file, ready to stream.
 * onReadProgress follows the read where it is long enough to show (the claims).
 */
export async function prepareExport(
  db: StandpointDB,
  kind: ExportKind,
  options: ExportOptions,
  onReadProgress?: (fraction: number) => void,
): Promise<PreparedExport> {
  const csvOptions = { bom: options.bom }
  switch (kind) {
    case 'claims': {
      // The rows are built while later slices of the claims are still being read; only the
      // sort and the writing wait for the last one.
      const entries: ClaimRowEntry[] = []
      const attributes = new ClaimAttributeColumns()
      let slices = 0
      await readClaimsWithRecords(db, buildLookups, (claims, lookups) => {
        addClaimRows(entries, claims, lookups, attributes)
        onReadProgress?.(++slices / CLAIM_SLICES)
      }, options.claimSet)
      return { count: entries.length, noun: 'claims', chunks: withProgress(claimRowsCsv(entries, csvOptions, attributes), entries.length) }
    }
    case 'actors': {
      const { actors, claimsPerActor } = await readActorsWithClaimCounts(db, options.claimSet)
      const shape = actorsShape(actors)
      const rows = actorRows(sortActorsForExport(actors), claimsPerActor, shape)
      return { count: actors.length, noun: 'actors', chunks: withProgress(csvChunks(shape.header, rows, csvOptions), actors.length) }
    }
    case 'articles': {
      const { articles, claimsPerArticle } = await readArticlesWithClaimCounts(db, options.claimSet)
      const shape = articlesShape(articles, options.includeBody)
      const rows = articleRows(sortArticlesForExport(articles), shape, claimsPerArticle)
      // Bodies make rows wide: smaller chunks keep the progress bar moving.
      const chunks = csvChunks(shape.header, rows, { ...csvOptions, rowsPerChunk: options.includeBody ? 200 : 5_000 })
      return { count: articles.length, noun: 'articles', chunks: withProgress(chunks, articles.length) }
    }
    case 'graphml':
    case 'edges': {
      const { claims, actors, issues } = await readNetworkRecords(db, options.claimSet)
      const graph = buildNetwork(claims, actors, issues)
      if (kind === 'edges') {
        return { count: graph.edges.length, noun: 'edges', chunks: withProgress(csvChunks([...EDGE_LIST_COLUMNS], edgeListRows(graph), csvOptions), graph.edges.length) }
      }
      const parts = graph.actors.length + graph.issues.length + graph.edges.length + 2
      return { count: graph.edges.length, noun: 'edges', chunks: graphmlChunks(graphmlParts(graph), parts) }
    }
  }
}
