import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Article } from '../../renderer/src/domain/model'
import { makePdf, makeScannedPdf } from '../fixtures/documentFixtures'
import { NO_SHARED_FIXTURES, SHARED_FIXTURES } from '../support/sharedFixtures'
import { readTable } from './support/seed'
import { expect, test } from './support/workbench'

// Documents and news-database exports through the Import dialog: a Nexis Uni batch splits into
// its articles, a PDF laid out in two columns comes out as its paragraphs, a scan is refused.

async function importFiles(page: Page, files: Parameters<Page['setInputFiles']>[1]) {
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import articles' })
  await dialog.getByLabel('Choose files').setInputFiles(files)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const summary = page.getByRole('region', { name: 'Import summary' })
  await expect(summary).toBeVisible({ timeout: 30_000 })
  return summary
}

/** The seed article as headline, byline and paragraphs. */
function seedArticle(): { title: string; byline: string; paragraphs: string[] } {
  const [head = '', byline = '', ...paragraphs] = readFileSync(join(SHARED_FIXTURES!, 'seed-article.txt'), 'utf8').trim().split(/\n\s*\n/)
  return { title: head.replace(/^\s*date \S+ /, '').trim(), byline: byline.trim(), paragraphs: paragraphs.map((paragraph) => paragraph.trim()) }
}

test('a Nexis Uni DOCX export imports as its 10 articles with their dates and outlets', async ({ workbench }) => {
  test.skip(!SHARED_FIXTURES, NO_SHARED_FIXTURES)
  const { page } = workbench
  const summary = await importFiles(page, join(SHARED_FIXTURES!, 'news-exports', 'nexis-uni-sample.docx'))
  await expect(summary.getByRole('status')).toContainText('10 articles imported, 0 duplicates skipped, 0 files rejected')
  await expect(summary).toContainText('Nexis Uni export: 10 of 10 articles imported')
  const parts = summary.getByRole('list', { name: 'Articles in nexis-uni-sample.docx' })
  await expect(parts.getByRole('listitem')).toHaveCount(10)
  await expect(parts.getByRole('listitem').filter({ hasText: '9. R (programming language) on Wikipedia' })).toContainText('2019-07-03 · The Guardian(London)')

  const articles = await readTable<Article>(page, 'articles')
  expect(articles).toHaveLength(10)
  const byTitle = new Map(articles.map((article) => [article.title, article]))
  expect(byTitle.get('R (programming language) on Wikipedia')).toMatchObject({ publishedAt: '2019-07-03T11:11:00', source: 'The Guardian(London)', author: 'Ross Ihaka and Robert Gentleman' })
  expect(byTitle.get('What is Wikipedia')).toMatchObject({ publishedAt: '2019-07-02T11:27:00', meta: { section: 'OPINION', length: '1163 words', load_date: 'July 2, 2019' } })
  expect(articles.map((article) => article.publishedAt.slice(0, 10)).sort()).toEqual([
    '2019-07-01', '2019-07-02', '2019-07-02', '2019-07-02', '2019-07-03', '2019-07-03', '2019-07-03', '2019-07-03', '2019-07-04', '2019-07-04',
  ])
  expect(new Set(articles.map((article) => article.source))).toEqual(new Set(['The Guardian(London)']))
  for (const article of articles) expect(article.body).not.toMatch(/End of Document|Load-Date|Copyright \d{4}/)

  await parts.getByRole('button', { name: 'Open 9. R (programming language) on Wikipedia' }).click()
  await expect(page.getByRole('article')).toContainText('R is a programming language and free software environment')
})

test('a two-column PDF imports with its paragraphs in reading order; a scan is refused with the advice to OCR it', async ({ workbench }) => {
  test.skip(!SHARED_FIXTURES, NO_SHARED_FIXTURES)
  const { page } = workbench
  const seed = seedArticle()
  const pdf = await makePdf({ ...seed, header: 'World Israel News · Iraq', repeat: 3, meta: { title: seed.title, author: 'World Israel News Staff', created: new Date('2024-12-23T09:00:00Z') } })
  const summary = await importFiles(page, [
    { name: 'militias-pause.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
    { name: 'scanned.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeScannedPdf()) },
  ])
  await expect(summary.getByRole('status')).toContainText('1 article imported, 0 duplicates skipped, 1 file rejected')
  await expect(summary).toContainText('This PDF has no text layer')
  await expect(summary).toContainText('Run OCR on it first')

  const [article] = await readTable<Article>(page, 'articles')
  expect(article).toMatchObject({ title: seed.title, author: 'World Israel News Staff', publishedAt: '2024-12-23T09:00:00' })
  // Every paragraph whole, in order, three times over; no header, page number or split word.
  expect(article!.body.split('\n\n')).toEqual([...seed.paragraphs, ...seed.paragraphs, ...seed.paragraphs])

  await summary.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByRole('article')).toContainText('The resistance will stop military operations against Israel')
  expect(workbench.pageErrors).toEqual([])
})

test('a LexisNexis Academic text export imports as its 10 articles', async ({ workbench }) => {
  test.skip(!SHARED_FIXTURES, NO_SHARED_FIXTURES)
  const { page } = workbench
  const summary = await importFiles(page, join(SHARED_FIXTURES!, 'news-exports', 'lexisnexis-academic-sample.txt'))
  await expect(summary.getByRole('status')).toContainText('10 articles imported')
  const articles = await readTable<Article>(page, 'articles')
  const sun = articles.find((article) => article.source === 'The Sun (England)')
  expect(sun).toMatchObject({ publishedAt: '2010-01-11', author: 'TREVOR Kavanagh', meta: { section: 'FEATURES; Pg. 6', edition: 'Edition 1; Scotland', length: '677 words' } })
})
