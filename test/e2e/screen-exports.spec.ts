import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import Papa from 'papaparse'
import { expect, test } from './support/workbench'

// `Export CSV` on the Library, Actors and Codebook screens writes exactly the rows shown.

test.beforeEach(({ workbench }) => {
  test.skip(workbench.host === 'electron', 'reads the file from the browser download; Electron saves through the native dialog')
})

async function exportShown(page: Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
  const text = readFileSync(await download.path(), 'utf8')
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
}

test('each screen exports the rows it shows, in the order shown', async ({ workbench }) => {
  const { page } = workbench
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('3 articles')

  // Library: a filter narrows the table and a header click reorders it; the file follows both.
  await page.getByLabel('Source').selectOption('Maren Herald')
  await expect(page.getByText('2 of 3 articles')).toBeVisible()
  await page.getByRole('columnheader', { name: 'Date' }).getByRole('button').click()
  const shownTitles = (await page.getByRole('table', { name: 'Articles' }).getByRole('rowgroup').nth(1).getByRole('button').allTextContents()).map((title) => title.trim())
  const library = await exportShown(page)
  expect(library.map((row) => row.title)).toEqual(shownTitles)
  expect(library).toHaveLength(2)
  expect(library.every((row) => row.source === 'Maren Herald')).toBe(true)
  expect(library.find((row) => row.title?.startsWith('Brigade announces'))!.claim_count).toBe('3')

  // Actors: in the screen's default order, by name.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
  const actors = await exportShown(page)
  expect(actors.map((row) => row.name)).toEqual(['Civic Union', 'Government of Calvaria', 'Northern Rivers Brigade', 'Tomas Reyl'])
  expect(actors.find((row) => row.name === 'Northern Rivers Brigade')).toMatchObject({ kind: 'armed group', aliases: 'NRB | the Brigade', claim_count: '5' })

  // Codebook.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codebook' }).click()
  const issues = await exportShown(page)
  expect(issues.map((row) => row.label)).toEqual(['Amnesty law', 'Attacks on the pipeline', 'Ceasefire'])
  expect(issues.find((row) => row.label === 'Ceasefire')!.claim_count).toBe('3')
})

test('undo works from any screen, not only the reader', async ({ workbench }) => {
  const { page } = workbench
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codebook' }).click()
  await page.getByRole('row', { name: /Ceasefire/ }).getByRole('button', { name: /Delete/ }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('radio', { name: /Delete/ }).check()
  await dialog.getByRole('button', { name: /Delete/ }).last().click()
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('7 claims')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('10 claims')
})

test('when the claims cannot be counted, Export CSV stays off and says why beside it', async ({ workbench }) => {
  const { page } = workbench
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('3 articles')
  // A disk that fails every read of the claims' issue index, from the next load on.
  await page.addInitScript(() => {
    const methods = ['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'] as const
    for (const method of methods) {
      const original = IDBIndex.prototype[method] as (...args: unknown[]) => unknown
      Object.defineProperty(IDBIndex.prototype, method, {
        configurable: true,
        value: function (this: IDBIndex, ...args: unknown[]) {
          if (this.objectStore.name === 'claims' && this.name === 'issueIds') throw new DOMException('The disk could not be read', 'UnknownError')
          return original.apply(this, args)
        },
      })
    }
  })
  await page.reload()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codebook' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Codebook' })).toBeVisible()
  await expect(page.getByRole('alert').filter({ hasText: 'The counts could not be read' })).toContainText('The disk could not be read')
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
  // The other screens' counts read other indexes, and export as before.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled()
  await expect(page.getByRole('alert').filter({ hasText: 'The counts could not be read' })).toHaveCount(0)
})
