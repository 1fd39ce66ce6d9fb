import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { contentHash } from '../../../renderer/src/domain/contentHash'
import { ImportSession } from '../../../renderer/src/features/import/worker/importSession'
import { makeDocx, makeLexisAcademicText, makeNexisUniDocx, makeOdt, makePdf, type ExportArticle } from '../../fixtures/documentFixtures'
import { expectReason, freshDatabase } from './articleImport'
import { fuzz, fuzzRuns, fuzzTimeout, tally } from './harness'
import { fuzzFiles, type SeedFile } from './mutations'

// PDFs, Word and OpenDocument files and news-database exports, mutated and random, through the
// import session into IndexedDB: each file ends imported, duplicate or refused with a reason
// (never an internal error), each document of an export is accounted for, and the database
// holds exactly what the summary reports.

const PARAGRAPHS = [
  'The committee met in Erbil on Tuesday and agreed on a schedule for prisoner exchanges between the parties.',
  'Delegates said the talks were constructive, while acknowledging unresolved disagreements about verification.',
]

const EXPORT: ExportArticle[] = [1, 2, 3].map((index) => ({
  headline: `Statement ${index}`,
  outlet: 'The Baghdad Observer',
  date: `January ${index}, 2010 Monday`,
  byline: 'Staff',
  section: 'WORLD',
  paragraphs: [`Dispatch ${index}. ${PARAGRAPHS[0]}`, PARAGRAPHS[1]!],
}))

async function seeds(): Promise<SeedFile[]> {
  const spec = { title: 'Committee agrees on a schedule', byline: 'By Lina Haddad', paragraphs: PARAGRAPHS, meta: { title: 'Committee agrees', author: 'Lina Haddad', created: new Date('2024-12-23T00:00:00Z') } }
  return [
    { name: 'report.pdf', bytes: await makePdf({ ...spec, header: 'Running header', repeat: 2 }) },
    { name: 'report.docx', bytes: await makeDocx(spec) },
    { name: 'report.odt', bytes: await makeOdt(spec) },
    { name: 'export.txt', bytes: new TextEncoder().encode(makeLexisAcademicText(EXPORT)) },
    { name: 'export.docx', bytes: await makeNexisUniDocx(EXPORT) },
  ]
}

let stamps = 0

describe('fuzzing the document importers', () => {
  it('PDF, Word, OpenDocument and exports: each file and each document imported whole or refused with a reason', async () => {
    const db = await freshDatabase('documents')
    const importer = 'PDF, Word, OpenDocument and exports'
    await fuzz(
      importer,
      fuzzFiles(await seeds(), ['scan.pdf', 'letter.docx', 'notes.odt', 'export.txt', 'untitled']),
      async (input) => {
        const importedAt = new Date(Date.UTC(2031, 0, 1) + ++stamps * 1000).toISOString()
        const before = await db.articles.count()
        const session = new ImportSession(db, importedAt)
        const step = await session.inspectFile('f', input.name, input.bytes.slice(), null)
        const outcomes = [...step.outcomes, ...(await session.finish()).outcomes].filter((outcome) => outcome.fileId === 'f')
        expect(outcomes, 'exactly one outcome for the file').toHaveLength(1)
        const outcome = outcomes[0]!
        expect(['imported', 'duplicate', 'rejected']).toContain(outcome.status)
        for (const reason of outcome.rejections) expectReason(reason)
        if (outcome.status === 'rejected') expect(outcome.rejections.length).toBeGreaterThan(0)
        if (outcome.batch) {
          const parts = outcome.batch.parts
          expect(parts).toHaveLength(outcome.total)
          expect(parts.filter((part) => part.status === 'imported')).toHaveLength(outcome.imported)
          expect(parts.filter((part) => part.status === 'duplicate')).toHaveLength(outcome.duplicates.length)
          for (const part of parts.filter((part) => part.status === 'rejected')) expectReason(part.reason)
        } else expect(outcome.imported).toBeLessThanOrEqual(1)
        const added = await db.articles.where('importedAt').equals(importedAt).toArray()
        expect(added, 'articles stored = articles reported').toHaveLength(outcome.imported)
        expect(await db.articles.count()).toBe(before + outcome.imported)
        for (const article of added) {
          expect(article.body.trim()).not.toBe('')
          expect(article.contentHash).toBe(await contentHash(article.body))
          for (const line of [article.title, article.source, article.author]) expect(line).not.toMatch(/[\r\n]/)
          expect(article.publishedAt === '' || /^\d{4}-\d{2}-\d{2}/.test(article.publishedAt)).toBe(true)
        }
        tally.note(importer, outcome.batch ? `${outcome.status} (export)` : outcome.status)
      },
      fuzzRuns(300),
    )
  }, fuzzTimeout(fuzzRuns(300)))
})

