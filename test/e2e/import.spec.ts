import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { NO_SHARED_FIXTURES, SHARED_FIXTURES } from '../support/sharedFixtures'
import { needs } from './support/requirements'
import { readTable } from './support/seed'
import { expect, test } from './support/workbench'

// Importing through the UI: the dialog, the column mapping, the summary, and the library that
// shows the result. Real files come from the shared fixtures; without them those tests skip (fail under CI).

const FIXTURES = SHARED_FIXTURES
const NO_FIXTURES = NO_SHARED_FIXTURES

async function openImportDialog(page: Page) {
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import articles' })
  await expect(dialog).toBeVisible()
  return dialog
}

test('imports the seed article and shows its date, headline and byline', async ({ workbench }) => {
  needs(FIXTURES ? null : NO_FIXTURES)
  const { page } = workbench
  const dialog = await openImportDialog(page)
  await dialog.getByLabel('Choose files').setInputFiles(join(FIXTURES!, 'seed-article.txt'))
  await expect(dialog.getByLabel('Chosen files')).toContainText('seed-article.txt')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()

  const summary = page.getByRole('region', { name: 'Import summary' })
  await expect(summary.getByRole('status')).toContainText('1 article imported, 0 duplicates skipped, 0 files rejected')
  await summary.getByRole('button', { name: 'Open' }).click()

  const article = page.getByRole('article')
  await expect(article).toContainText('2024-12-23')
  await expect(article).toContainText('World Israel News')
  await expect(article).toContainText('By World Israel News Staff')
  await expect(article).toContainText('The resistance will stop military operations against Israel')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Fearing blowback from the incoming Trump administration/)

  // The same file again is a duplicate, and says so.
  await page.goBack()
  const again = await openImportDialog(page)
  await again.getByLabel('Choose files').setInputFiles(join(FIXTURES!, 'seed-article.txt'))
  await again.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByRole('region', { name: 'Import summary' })).toContainText('Skipped as duplicate: the same text is already in the library')
  expect(await readTable(page, 'articles')).toHaveLength(1)
})

test('imports the Reuters CSV through the column mapping and finds an article by a word of its body', async ({ workbench }) => {
  needs(FIXTURES ? null : NO_FIXTURES)
  const { page } = workbench
  const dialog = await openImportDialog(page)
  await dialog.getByLabel('Choose files').setInputFiles(join(FIXTURES!, 'reuters-mideast-1987', 'articles.csv'))
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()

  const mapping = page.getByRole('dialog', { name: 'Import: map columns' })
  await expect(mapping.getByRole('heading', { name: 'Map the columns of articles.csv' })).toBeVisible()
  await expect(mapping.getByText('266 rows · comma-separated · UTF-8')).toBeVisible()
  await expect(mapping.getByLabel('Title', { exact: true })).toHaveValue('title')
  await expect(mapping.getByLabel('Date', { exact: true })).toHaveValue('date')
  await expect(mapping.getByLabel('Source', { exact: true })).toHaveValue('source')
  await expect(mapping.getByLabel('Body', { exact: true })).toHaveValue('body')
  await expect(mapping.getByText('Kept as article metadata: dateline, places, people, orgs')).toBeVisible()
  await expect(mapping.getByRole('table', { name: 'Mapping preview' })).toContainText('SHULTZ SAYS NO RESIGNATION OVER IRAN REPORT')
  await mapping.getByRole('button', { name: 'Import 266 rows' }).click()

  const summary = page.getByRole('region', { name: 'Import summary' })
  // Four stories in the collection were sent twice, word for word: they are duplicates.
  await expect(summary.getByRole('status')).toContainText('262 articles imported, 4 duplicates skipped')
  await page.getByRole('button', { name: 'Done' }).click()

  const search = page.getByRole('searchbox', { name: 'Search articles' })
  await search.fill('Sonatrach')
  const table = page.getByRole('table', { name: 'Articles' })
  await expect(page.getByText('1 of 262 articles')).toBeVisible()
  await table.getByRole('button', { name: 'LNG IMPORTS FROM ALGERIA UNLIKELY IN 1987' }).click()
  await expect(page.getByRole('article')).toContainText('director-general of Sonatrach')
  await expect(page.getByRole('article')).toContainText('1987-02-26')

  // The mapping is remembered for the next import.
  await page.goBack()
  await expect(search).toHaveValue('Sonatrach')
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('standpoint')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    const value = await new Promise<unknown>((resolve) => {
      const request = db.transaction('settings').objectStore('settings').get('import.lastColumnMapping')
      request.onsuccess = () => resolve(request.result)
    })
    db.close()
    return value
  })
  expect(stored).toMatchObject({ key: 'import.lastColumnMapping', value: { mapping: { body: 'body', title: 'title' } } })
})

test('rejects bad files with a reason each while the rest of the batch imports', async ({ workbench }) => {
  const { page } = workbench
  const dialog = await openImportDialog(page)
  await dialog.getByLabel('Choose files').setInputFiles([
    { name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from('Title: Brigade halts attacks\nDate: 2024-11-02\nSource: Calvaria Today\n\nThe Brigade said it would halt its attacks on the pipeline.') },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
    { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('title,body\nA,"this quote never closes\nB,text\n') },
    { name: 'scripts.html', mimeType: 'text/html', buffer: Buffer.from(`<html><body>${'<script>track()</script>'.repeat(20)}</body></html>`) },
    { name: 'damaged.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from('Zürich report\n\n'), Buffer.from([0xff, 0xfe, 0x41])]) },
  ])
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()

  const summary = page.getByRole('region', { name: 'Import summary' })
  await expect(summary.getByRole('status')).toContainText('1 article imported, 0 duplicates skipped, 5 files rejected')
  const files = summary.getByRole('list', { name: 'Files' })
  await expect(files.getByRole('listitem').filter({ hasText: 'empty.txt' })).toContainText('Rejected: The file is empty.')
  await expect(files.getByRole('listitem').filter({ hasText: 'photo.png' })).toContainText('Rejected: This is a PNG image, not text.')
  await expect(files.getByRole('listitem').filter({ hasText: 'broken.csv' })).toContainText('never closed (unterminated quote)')
  await expect(files.getByRole('listitem').filter({ hasText: 'scripts.html' })).toContainText('no readable text: only scripts')
  await expect(files.getByRole('listitem').filter({ hasText: 'damaged.txt' })).toContainText('UTF-8 with invalid bytes in it')
  await expect(files.getByRole('listitem').filter({ hasText: 'good.txt' })).toContainText('Imported')
  await page.getByRole('button', { name: 'Done' }).click()

  await expect(page.getByRole('table', { name: 'Articles' }).getByRole('button', { name: 'Brigade halts attacks' })).toBeVisible()
  const articles = await readTable<{ title: string; publishedAt: string; source: string }>(page, 'articles')
  expect(articles).toEqual([expect.objectContaining({ title: 'Brigade halts attacks', publishedAt: '2024-11-02', source: 'Calvaria Today' })])
})

test('pasted Arabic text without a date is shown right-to-left and flagged for review', async ({ workbench }) => {
  const { page } = workbench
  const dialog = await openImportDialog(page)
  await dialog.getByLabel('Paste article text').fill('الجبير: نرحب بأي اتفاق\n\nقال وزير الخارجية السعودي عادل الجبير اليوم إن المملكة ترحب بأي اتفاق يمنع إيران من امتلاك السلاح النووي.')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const summary = page.getByRole('region', { name: 'Import summary' })
  await expect(summary.getByRole('status')).toContainText('1 article imported')
  await expect(summary.getByText('no date', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Done' }).click()

  const table = page.getByRole('table', { name: 'Articles' })
  await expect(table.getByText('no date', { exact: true })).toBeVisible()
  await page.getByLabel(/No date only/).check()
  await expect(page.getByText('1 of 1 articles')).toBeVisible()
  const title = table.getByRole('button', { name: 'الجبير: نرحب بأي اتفاق' })
  await expect(title).toHaveAttribute('dir', 'rtl')
  await title.click()
  const article = page.getByRole('article')
  await expect(article).toHaveAttribute('dir', 'rtl')
  await expect(article).toHaveAttribute('lang', 'ar')
  await expect(article).toContainText('No date')
  const [stored] = await readTable<{ publishedAt: string; importedAt: string }>(page, 'articles')
  expect(stored!.publishedAt).toBe('')
  expect(stored!.importedAt).not.toBe('')
})

test('files dropped on the window are imported, and Ctrl+O opens the dialog', async ({ workbench }) => {
  const { page } = workbench
  await page.getByRole('button', { name: 'Load sample workspace' }).waitFor()
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['Title: Dropped report\nDate: 2024-12-01\n\nA report that arrived by drag and drop.'], 'dropped.txt', { type: 'text/plain' }))
    return transfer
  })
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: dropped })
  await page.dispatchEvent('main', 'dragover', { dataTransfer: dropped })
  await page.dispatchEvent('main', 'drop', { dataTransfer: dropped })
  const summary = page.getByRole('region', { name: 'Import summary' })
  await expect(summary.getByRole('status')).toContainText('1 article imported')
  await page.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByRole('table', { name: 'Articles' }).getByRole('button', { name: 'Dropped report' })).toBeVisible()

  await page.getByRole('searchbox', { name: 'Search articles' }).click()
  await page.keyboard.press('Control+o')
  await expect(page.getByRole('dialog', { name: 'Import articles' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Import articles' })).toBeHidden()
})
