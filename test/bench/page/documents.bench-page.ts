import { PDFDocument } from 'pdf-lib'
import { StandpointDB } from '../../../renderer/src/db/database'
import { startImportWorker } from '../../../renderer/src/features/import/worker/importClient'
import type { StepResult } from '../../../renderer/src/features/import/importTypes'
import { makeLexisAcademicText, makeNexisUniDocx, makePdf, type ExportArticle } from '../../fixtures/documentFixtures'

// Documents at scale, measured in the page through the real import worker: a PDF of about 300
// pages and batch exports of 1,000 articles (LexisNexis TXT, Nexis Uni DOCX). While each
// import runs, the page watches its own main thread: long tasks (over 50 ms) and how late a
// 10 ms timer fires, which is what a user would feel as a frozen window.

export interface DocumentsBenchInput {
  /** Article texts to build from (Reuters bodies): title, date and body. */
  articles: { title: string; date: string; body: string }[]
  pages: number
  exportArticles: number
}

export interface ImportMeasure {
  ms: number
  units: number
  imported: number
  rejected: number
  /** Longest main-thread task during the import (0 when none passed 50 ms). */
  longestTaskMs: number
  /** Latest a 10 ms timer fired during the import. */
  worstTimerLagMs: number
  bytes: number
}

export interface DocumentsBenchResult {
  /** The same timer with nothing running, for comparison: the machine's own noise. */
  idleTimerLagMs: number
  pdf: ImportMeasure
  txt: ImportMeasure
  docx: ImportMeasure
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

function exportArticles(input: DocumentsBenchInput): ExportArticle[] {
  return Array.from({ length: input.exportArticles }, (_, index) => {
    const source = input.articles[index % input.articles.length]!
    const paragraphs = source.body
      .split(/\n\s*\n|(?<=\.)\s{2,}/)
      .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
    return {
      headline: `${source.title} (${index + 1})`,
      outlet: ['The Baghdad Observer', 'Gulf Daily Record', 'Levant Times'][index % 3]!,
      date: `${MONTHS[index % 12]} ${(index % 28) + 1}, ${2010 + (index % 10)} ${DAYS[index % 7]}`,
      byline: 'Staff reporter',
      section: 'WORLD; Pg. 4',
      // Numbered so that no two are the same text (they would be skipped as duplicates).
      paragraphs: [`Dispatch ${index + 1}.`, ...(paragraphs.length > 0 ? paragraphs : [source.body])],
    }
  })
}

async function measured(name: string, bytes: Uint8Array, units: (step: StepResult) => number): Promise<ImportMeasure> {
  const db = new StandpointDB(`bench-documents-${crypto.randomUUID()}`)
  await db.open()
  const tasks: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration)
  })
  observer.observe({ type: 'longtask', buffered: false })
  let worstLag = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    worstLag = Math.max(worstLag, now - last - 10)
    last = now
  }, 10)
  const worker = startImportWorker(() => undefined)
  const started = performance.now()
  await worker.begin(new Date().toISOString(), db.name)
  const step = await worker.inspectFile('bench', name, bytes.slice(), null)
  const finished = await worker.finish()
  const ms = performance.now() - started
  clearInterval(timer)
  // Long tasks are reported after they end; give the observer a turn.
  await new Promise((resolve) => setTimeout(resolve, 50))
  observer.disconnect()
  worker.terminate()
  const outcomes = [...step.outcomes, ...finished.outcomes]
  await db.delete()
  return {
    ms,
    units: units(step),
    imported: outcomes.reduce((sum, outcome) => sum + outcome.imported, 0),
    rejected: outcomes.reduce((sum, outcome) => sum + outcome.rejections.length, 0),
    longestTaskMs: Math.max(0, ...tasks),
    worstTimerLagMs: worstLag,
    bytes: bytes.byteLength,
  }
}

/** A PDF of about `pages` pages: the articles' bodies in two columns, with headers and page numbers. */
async function longPdf(input: DocumentsBenchInput): Promise<{ bytes: Uint8Array; pages: number }> {
  const paragraphs = input.articles.slice(0, 40).flatMap((article) => article.body.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter(Boolean))
  const spec = { title: 'Reuters Middle East wire, 1987: collected dispatches', paragraphs, header: 'Collected dispatches · bench', meta: { title: 'Collected dispatches', author: 'Bench' } }
  const pagesOf = async (bytes: Uint8Array): Promise<number> => (await PDFDocument.load(bytes)).getPageCount()
  const probe = await pagesOf(await makePdf({ ...spec, repeat: 1 }))
  const bytes = await makePdf({ ...spec, repeat: Math.max(1, Math.round(input.pages / probe)) })
  return { bytes, pages: await pagesOf(bytes) }
}

async function idleLag(ms: number): Promise<number> {
  let worst = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    worst = Math.max(worst, now - last - 10)
    last = now
  }, 10)
  await new Promise((resolve) => setTimeout(resolve, ms))
  clearInterval(timer)
  return worst
}

export async function benchDocuments(input: DocumentsBenchInput): Promise<DocumentsBenchResult> {
  const pdf = await longPdf(input)
  const articles = exportArticles(input)
  const txt = new TextEncoder().encode(makeLexisAcademicText(articles))
  const docx = await makeNexisUniDocx(articles)
  const batchUnits = (step: StepResult): number => step.outcomes.reduce((sum, outcome) => sum + outcome.total, 0)
  return {
    idleTimerLagMs: await idleLag(3000),
    pdf: await measured('dispatches.pdf', pdf.bytes, () => pdf.pages),
    txt: await measured('lexisnexis-export.txt', txt, batchUnits),
    docx: await measured('nexis-uni-export.docx', docx, batchUnits),
  }
}
