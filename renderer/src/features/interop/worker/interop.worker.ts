import { workerDatabase, type StandpointDB } from '../../../db/database'
import { applyInteropPlan, readInteropExisting } from '../../../db/interop/interopImport'
import { readCodebookForQda, readWorkspaceForQda } from '../../../db/interop/workspaceForQda'
import { contentHash } from '../../../domain/contentHash'
import { suggestClaimChoice, type DnaClaimChoice } from '../../../domain/interop/dna/dnaClaims'
import { readDnaProject } from '../../../domain/interop/dna/readDna'
import type { DnaProject } from '../../../domain/interop/dna/types'
import { dnaExistingQuery, dnaOverview, planDnaImport, previewDnaImport, type DnaOverview, type DnaPreview, type DnaStanceMap } from '../../../domain/interop/mapping/dnaImport'
import { planQdaImport, qdaExistingQuery, qdaOverview, type QdaMapping, type QdaOverview } from '../../../domain/interop/mapping/fromQda'
import type { InteropPlan } from '../../../domain/interop/mapping/interopPlan'
import { qdaCodeSystem, workspaceToQda } from '../../../domain/interop/mapping/toQda'
import { readQdpx } from '../../../domain/interop/refiqda/readQdpx'
import type { QdaProject, QdaReadReport } from '../../../domain/interop/refiqda/types'
import { codebookXml } from '../../../domain/interop/refiqda/writeQde'
import { writeQdpx } from '../../../domain/interop/refiqda/writeQdpx'
import { guidKey } from '../../../domain/interop/refiqda/xmlValues'
import { nowIso } from '../../../domain/model'
import { loadSqlJs } from '../../../platform/sqlJs'
import { notifier, serveWorker, transferring, type Callback, type Notifier } from '../../../platform/workers'
import type { InteropProgress, InteropSummary, Opened, QdaExportOutcome, QdcExportOutcome } from '../interopTypes'

// The interop worker: reads DNA projects (SQLite through sql.js) and REFI-QDA projects (zip
// and XML), plans their import and writes it, and writes REFI-QDA exports, all off the
// window's thread. The opened project stays here; the window gets an overview to choose from.

let dna: { project: DnaProject; fileName: string } | null = null
let qda: { project: QdaProject; report: QdaReadReport; fileName: string } | null = null

async function withDatabase<T>(databaseName: string, work: (db: StandpointDB) => Promise<T>): Promise<T> {
  const db = workerDatabase(databaseName)
  try {
    await db.open()
    return await work(db)
  } finally {
    db.close()
  }
}

async function writePlan(db: StandpointDB, plan: InteropPlan, progress: Notifier<[InteropProgress]>): Promise<void> {
  progress.send({ phase: 'Writing to the workspace…', fraction: 0 })
  await applyInteropPlan(db, plan, (done, total) => progress.send({ phase: 'Writing to the workspace…', fraction: total === 0 ? 1 : done / total }))
}

function summaryOf(plan: InteropPlan, fileName: string): InteropSummary {
  return { fileName, counts: plan.counts, outcomes: plan.outcomes, notes: plan.notes }
}

const api = {
  async openDna(fileName: string, bytes: Uint8Array): Promise<Opened<DnaOverview>> {
    dna = null
    const result = readDnaProject(bytes, await loadSqlJs())
    if (!result.ok) return { ok: false, reason: result.reason }
    dna = { project: result.project, fileName }
    return { ok: true, overview: dnaOverview(result.project, suggestClaimChoice(result.project)) }
  },

  async previewDna(choice: DnaClaimChoice, stanceMap: DnaStanceMap): Promise<DnaPreview> {
    if (!dna) throw new Error('No DNA project is open.')
    return previewDnaImport(dna.project, choice, stanceMap)
  },

  async importDna(databaseName: string, choice: DnaClaimChoice, stanceMap: DnaStanceMap, onProgress: Callback<[InteropProgress]>): Promise<InteropSummary> {
    if (!dna) throw new Error('No DNA project is open.')
    const { project, fileName } = dna
    const progress = notifier(onProgress)
    const summary = await withDatabase(databaseName, async (db) => {
      progress.send({ phase: 'Comparing with the workspace…', fraction: null })
      const hashes = new Map(await Promise.all(project.documents.map(async (document) => [document.id, await contentHash(document.text)] as const)))
      const existing = await readInteropExisting(db, dnaExistingQuery(project, hashes))
      const plan = planDnaImport(project, { choice, stanceMap, fileName, now: nowIso() }, existing, hashes)
      await writePlan(db, plan, progress)
      return summaryOf(plan, fileName)
    })
    await progress.flush()
    return summary
  },

  async openQdpx(fileName: string, bytes: Uint8Array): Promise<Opened<QdaOverview>> {
    qda = null
    const result = readQdpx(bytes)
    if (!result.ok) return { ok: false, reason: result.reason }
    qda = { project: result.project, report: result.report, fileName }
    return { ok: true, overview: qdaOverview(result.project, result.report) }
  },

  async importQdpx(databaseName: string, mapping: QdaMapping, onProgress: Callback<[InteropProgress]>): Promise<InteropSummary> {
    if (!qda) throw new Error('No REFI-QDA project is open.')
    const { project, report, fileName } = qda
    const progress = notifier(onProgress)
    const summary = await withDatabase(databaseName, async (db) => {
      progress.send({ phase: 'Comparing with the workspace…', fraction: null })
      const hashes = new Map(await Promise.all(project.sources.map(async (source) => [guidKey(source.guid), await contentHash(source.text)] as const)))
      const existing = await readInteropExisting(db, qdaExistingQuery(project, hashes))
      const plan = planQdaImport(project, report, { mapping, fileName, now: nowIso() }, existing, hashes)
      await writePlan(db, plan, progress)
      return summaryOf(plan, fileName)
    })
    await progress.flush()
    return summary
  },

  async exportQdpx(databaseName: string, options: { projectName: string; origin: string }): Promise<QdaExportOutcome> {
    const input = await withDatabase(databaseName, (db) => readWorkspaceForQda(db))
    const result = workspaceToQda({ ...input, ...options, now: nowIso() })
    const bytes = writeQdpx(result.project, { origin: options.origin })
    return transferring<QdaExportOutcome>({ bytes, counts: result.counts, leftOut: result.leftOut }, [bytes.buffer as ArrayBuffer])
  },

  async exportQdc(databaseName: string, options: { origin: string }): Promise<QdcExportOutcome> {
    const { issues, actors } = await withDatabase(databaseName, (db) => readCodebookForQda(db))
    return { text: codebookXml(qdaCodeSystem(issues, actors), { origin: options.origin }), counts: { issues: issues.length, actors: actors.length } }
  },

  /** Forgets the opened project (the dialog closed). */
  async close(): Promise<void> {
    dna = null
    qda = null
  },
}

export type InteropWorker = typeof api

serveWorker(api)
