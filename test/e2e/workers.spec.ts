import type { Article } from '../../renderer/src/domain/model'
import { readTable } from './support/seed'
import { expect, test } from './support/workbench'

// The import worker, driven through the dialog: progress arrives while a big collection is
// stored, and Cancel stops it between chunks, keeping what was stored.

function bigCsv(rows: number): Buffer {
  const lines = ['title,date,source,body']
  for (let row = 1; row <= rows; row++) {
    lines.push(`Report ${row},2024-12-${String((row % 28) + 1).padStart(2, '0')},Wire,"Dispatch number ${row}: the council met again and the spokesman repeated the statement on the talks."`)
  }
  return Buffer.from(lines.join('\n'), 'utf8')
}

test('a big collection shows its progress, and Cancel stops it keeping the rows already stored', async ({ workbench }) => {
  const { page } = workbench
  // The import worker hands mapping and hashing to a helper worker of its own; if that could not
  // start, it says so on the console and does the work itself.
  const messages: string[] = []
  page.on('console', (message) => messages.push(message.text()))
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  const total = 40_000
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import articles' })
  await dialog.getByLabel('Choose files').setInputFiles({ name: 'wire.csv', mimeType: 'text/csv', buffer: bigCsv(total) })
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()

  const mapping = page.getByRole('dialog', { name: 'Import: map columns' })
  await mapping.getByRole('button', { name: `Import ${total.toLocaleString('en')} rows` }).click()

  // Progress comes from the worker while it stores the rows.
  const running = page.getByRole('dialog', { name: /Import/ })
  await expect(running.getByText(/ · [1-9][\d,]* of 40,000 rows/)).toBeVisible({ timeout: 60_000 })
  await running.getByRole('button', { name: 'Cancel import' }).click()

  const summary = page.getByRole('region', { name: 'Import summary' })
  await expect(summary).toContainText('Import cancelled.', { timeout: 60_000 })
  const notice = await summary.getByText(/Stopped by Cancel after [\d,]+ of 40,000 rows; the rows imported before that are kept\./).textContent()
  const stored = await readTable<Article>(page, 'articles')
  expect(stored.length).toBeGreaterThan(0)
  expect(stored.length).toBeLessThan(total)
  // The summary counts exactly what is in the workspace.
  await expect(summary.getByRole('status')).toContainText(`${stored.length.toLocaleString('en')} article`)
  expect(notice).toBeTruthy()
  expect(workers.filter((url) => /\/(import|prepare)\.worker-[^/]+\.js$/.test(url)).length).toBe(2)
  expect(messages.filter((text) => text.includes('[import]'))).toEqual([])
})
