import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { ImportSession } from '../../../renderer/src/features/import/worker/importSession'
import type { ProgressEvent } from '../../../renderer/src/features/import/importTypes'
import { importReport, summariseOutcomes } from '../../../renderer/src/features/import/summary'
import { makeLexisAcademicText, makePdf, type ExportArticle } from '../../fixtures/documentFixtures'

// A news-database export through the import session and storage: each document stored or
// refused on its own, duplicates found per document, and the summary's counts and report.

let counter = 0
async function session(onProgress: (event: ProgressEvent) => void = () => undefined): Promise<{ db: StandpointDB; session: ImportSession }> {
  const db = new StandpointDB(`batch-import-${++counter}-${Date.now()}`)
  await db.open()
  return { db, session: new ImportSession(db, '2025-02-01T00:00:00.000Z', onProgress) }
}

const article = (index: number, paragraphs?: string[]): ExportArticle => ({
  headline: `Statement number ${index} on the talks`,
  outlet: index % 2 ? 'The Baghdad Observer' : 'Gulf Daily Record',
  date: `January ${index}, 2010 Monday`,
  byline: 'Lina Haddad',
  paragraphs: paragraphs ?? [`Paragraph one of statement ${index}, with enough words to be an article of its own.`, `Paragraph two of statement ${index}.`],
})

describe('importing a batch export', () => {
  it('stores each document on its own: imported, duplicate of another, or refused with its reason', async () => {
    const articles = [article(1), article(2), { ...article(3), paragraphs: article(1).paragraphs }, article(4, [])]
    const events: ProgressEvent[] = []
    const { db, session: run } = await session((event) => events.push(event))
    const step = await run.inspectFile('f1', 'export.txt', new TextEncoder().encode(makeLexisAcademicText(articles)), null)
    expect(step.inspect).toEqual({ type: 'stored' })
    const [outcome] = step.outcomes
    expect(outcome).toMatchObject({ name: 'export.txt', status: 'imported', imported: 2, total: 4, undated: 0 })
    expect(outcome!.batch!.format).toBe('LexisNexis Academic')
    expect(outcome!.batch!.parts.map((part) => [part.label, part.status, part.detail])).toEqual([
      ['1. Statement number 1 on the talks', 'imported', '2010-01-01 · The Baghdad Observer'],
      ['2. Statement number 2 on the talks', 'imported', '2010-01-02 · Gulf Daily Record'],
      ['3. Statement number 3 on the talks', 'duplicate', '2010-01-03 · The Baghdad Observer'],
      ['4. Statement number 4 on the talks', 'rejected', ''],
    ])
    const parts = outcome!.batch!.parts
    expect(parts[2]).toMatchObject({ earlierInRun: true, articleId: parts[0]!.articleId })
    expect(outcome!.rejections).toEqual([`4. Statement number 4 on the talks: ${parts[3]!.reason}`])
    expect(events.at(-1)).toEqual({ type: 'progress', fileId: 'f1', done: 3, total: 3, unit: 'articles' })

    const stored = await db.articles.orderBy('publishedAt').toArray()
    expect(stored.map((entry) => [entry.title, entry.source, entry.publishedAt, entry.origin])).toEqual([
      ['Statement number 1 on the talks', 'The Baghdad Observer', '2010-01-01', 'file:export.txt#1'],
      ['Statement number 2 on the talks', 'Gulf Daily Record', '2010-01-02', 'file:export.txt#2'],
    ])

    const totals = summariseOutcomes(step.outcomes)
    expect(totals).toMatchObject({ imported: 2, duplicates: 1, rejectedFiles: 0, rejectedRows: 0, rejectedArticles: 1 })
    const report = importReport(step.outcomes, '2025-02-01')
    expect(report).toContain('export.txt: imported (2 of 4 imported)')
    expect(report).toContain('  3. Statement number 3 on the talks [2010-01-03 · The Baghdad Observer]: duplicate (earlier in this import')
    expect(report).toContain('  4. Statement number 4 on the talks: rejected: No article text')
  })

  it('reports the same export imported again as duplicates, document by document', async () => {
    const { db, session: first } = await session()
    const bytes = new TextEncoder().encode(makeLexisAcademicText([article(1), article(2)]))
    await first.inspectFile('f1', 'export.txt', bytes, null)
    const again = new ImportSession(db, '2025-02-02T00:00:00.000Z')
    const [outcome] = (await again.inspectFile('f2', 'export.txt', bytes, null)).outcomes
    expect(outcome).toMatchObject({ status: 'duplicate', imported: 0 })
    expect(outcome!.batch!.parts.map((part) => [part.status, part.earlierInRun])).toEqual([
      ['duplicate', false],
      ['duplicate', false],
    ])
    expect(await db.articles.count()).toBe(2)
  })

  it('reports the pages of a PDF as they are read', async () => {
    const events: ProgressEvent[] = []
    const { db, session: run } = await session((event) => events.push(event))
    const pdf = await makePdf({ title: 'A long report', paragraphs: ['One paragraph of the report, long enough to wrap over a line or two of a column.'], repeat: 80 })
    await run.inspectFile('p1', 'report.pdf', pdf, null)
    const [outcome] = (await run.finish()).outcomes
    expect(outcome).toMatchObject({ status: 'imported', imported: 1 })
    const pages = events.filter((event) => event.unit === 'pages')
    expect(pages.length).toBeGreaterThan(1)
    expect(pages.at(-1)!.done).toBe(pages.at(-1)!.total)
    expect((await db.articles.toArray())[0]!.title).toBe('A long report')
  })
})
