import type { Article } from '../../renderer/src/domain/model'
import { seedWorkspace } from './support/seed'
import { expect, test } from './support/workbench'

// A library search shows, under each hit, the matched words in context, and the article it
// opens keeps them marked until the analyst clears them.

function article(index: number, title: string, body: string): Article {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    title,
    source: 'Wire',
    author: '',
    publishedAt: `2015-10-${String(index + 1).padStart(2, '0')}`,
    url: '',
    language: 'en',
    direction: 'ltr',
    body,
    contentHash: `hash-${index}`,
    importedAt: '2025-01-01T00:00:00.000Z',
    origin: 'test',
    meta: {},
    updatedAt: '2025-01-01T00:00:00.000Z',
    externalId: '',
  }
}

const FILLER = 'The committee discussed the budget for the coming year at some length. '

test('search hits show a snippet with the matched words, and the opened article marks them', async ({ workbench }) => {
  const { page } = workbench
  await seedWorkspace(page, {
    articles: [
      article(0, 'Coalition row deepens', `${FILLER.repeat(4)}Seehofer again demanded an Obergrenze for refugees.\n\nMerkel said an Obergrenze was not compatible with the right of asylum.`),
      article(1, 'Budget talks', FILLER.repeat(3)),
      article(2, 'Obergrenze: a timeline', 'A short chronology of the debate.'),
      article(3, 'Long budget report', `${FILLER.repeat(30)}\n\n`.repeat(8) + 'At the very end the Obergrenze came up once.'),
    ],
  })
  const count = page.locator('.library-count')
  await expect(count).toHaveText('4 of 4 articles', { timeout: 60_000 })
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('obergrenze')
  await expect(count).toHaveText('3 of 4 articles')

  const table = page.getByRole('table', { name: 'Articles' })
  const hit = table.getByRole('row').filter({ hasText: 'Coalition row deepens' })
  await expect(hit.locator('.search-snippet mark')).toHaveText(['Obergrenze', 'Obergrenze'])
  await expect(hit.locator('.search-snippet')).toContainText('Seehofer again demanded an Obergrenze')
  // A title-only hit shows the text's beginning, nothing marked.
  const titleHit = table.getByRole('row').filter({ hasText: 'Obergrenze: a timeline' })
  await expect(titleHit.locator('.search-snippet')).toHaveText('A short chronology of the debate.')
  await expect(titleHit.locator('.search-snippet mark')).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('library-search.png') })

  await hit.getByRole('button', { name: 'Coalition row deepens' }).click()
  const text = page.getByLabel('Article text')
  await expect(text.locator('mark.hl-search')).toHaveText(['Obergrenze', 'Obergrenze'])
  await expect(page.getByRole('status', { name: 'Search matches' })).toContainText('2 words of your search obergrenze marked')
  await page.screenshot({ path: test.info().outputPath('reader-search.png') })

  await page.getByRole('button', { name: 'Clear search highlights' }).click()
  await expect(text.locator('mark.hl-search')).toHaveCount(0)
  await expect(page.getByRole('status', { name: 'Search matches' })).toHaveCount(0)
  await expect(text).toContainText('Merkel said an Obergrenze')
})

test('an article opened from a search is scrolled to its first match', async ({ workbench }) => {
  const { page } = workbench
  await seedWorkspace(page, { articles: [article(0, 'Long budget report', `${FILLER.repeat(30)}\n\n`.repeat(8) + 'At the very end the Obergrenze came up once.')] })
  await expect(page.locator('.library-count')).toHaveText('1 of 1 articles', { timeout: 60_000 })
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('obergrenze')
  const hit = page.getByRole('table', { name: 'Articles' }).getByRole('row').filter({ hasText: 'Long budget report' })
  await expect(hit.locator('.search-snippet mark')).toHaveText(['Obergrenze'])
  await hit.getByRole('button', { name: 'Long budget report' }).click()
  const match = page.getByLabel('Article text').locator('mark.hl-search')
  await expect(match).toHaveText('Obergrenze')
  await expect(match).toBeInViewport()
})

test('Next and Previous in an article opened from a search walk the results, their words still marked', async ({ workbench }) => {
  const { page } = workbench
  await seedWorkspace(page, {
    articles: [
      article(0, 'Coalition row deepens', `${FILLER.repeat(2)}Seehofer again demanded an Obergrenze.\n\nMerkel said an Obergrenze was not compatible with asylum law.`),
      article(1, 'Budget talks', FILLER.repeat(3)),
      article(2, 'Obergrenze: a timeline', 'A short chronology of the debate.'),
      article(3, 'Long budget report', `${FILLER.repeat(20)}\n\nAt the very end the Obergrenze came up once.`),
      article(4, 'Harvest festival', FILLER.repeat(2)),
    ],
  })
  const count = page.locator('.library-count')
  await expect(count).toHaveText('5 of 5 articles', { timeout: 60_000 })
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('obergrenze')
  await expect(count).toHaveText('3 of 5 articles')
  const titles = page.getByRole('table', { name: 'Articles' }).locator('.title-button')
  const shown = await titles.allTextContents()
  expect(shown).toHaveLength(3)
  expect(shown).not.toContain('Budget talks')
  await titles.first().click()

  const heading = page.getByRole('heading', { level: 1 })
  const matches = page.getByRole('status', { name: 'Search matches' })
  const marks = page.getByLabel('Article text').locator('mark.hl-search')
  const expectMarked = async (title: string): Promise<void> => {
    await expect(heading).toHaveText(title)
    await expect(matches).toContainText('obergrenze')
    if (title !== 'Obergrenze: a timeline') await expect(marks.first()).toHaveText('Obergrenze')
  }
  await expectMarked(shown[0]!)
  for (const title of shown.slice(1)) {
    await page.getByRole('button', { name: 'Next article' }).click()
    await expectMarked(title)
  }
  await page.getByRole('button', { name: 'Next article' }).click()
  await expect(page.getByText('This is the last article found by “obergrenze”.')).toBeVisible()
  await expectMarked(shown[2]!)

  // After a reload the list is asked of the search again: the same walk, backwards.
  await page.reload()
  await expectMarked(shown[2]!)
  for (const title of shown.slice(0, 2).reverse()) {
    await page.getByRole('button', { name: 'Previous article' }).click()
    await expectMarked(title)
  }

  // Cleared highlights: Previous goes back to the whole library's reading order (newest first).
  await page.getByRole('button', { name: 'Clear search highlights' }).click()
  await expect(matches).toHaveCount(0)
  const byDate = ['Harvest festival', 'Long budget report', 'Obergrenze: a timeline', 'Budget talks', 'Coalition row deepens']
  await page.getByRole('button', { name: 'Previous article' }).click()
  await expect(heading).toHaveText(byDate[byDate.indexOf(shown[0]!) - 1]!)
  await expect(matches).toHaveCount(0)
})

test('a search hit’s snippet follows an edit of the article made while the search is shown', async ({ workbench }) => {
  test.skip(workbench.host === 'electron', 'a second window of the same workspace is opened as a browser tab')
  const { page } = workbench
  const untitled = { ...article(5, 'Obergrenze hearing', ''), body: '' }
  await seedWorkspace(page, { articles: [article(0, 'Coalition row deepens', `${FILLER}Seehofer again demanded an Obergrenze.`), untitled] })
  const count = page.locator('.library-count')
  await expect(count).toHaveText('2 of 2 articles', { timeout: 60_000 })
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('obergrenze')
  await expect(count).toHaveText('2 of 2 articles')
  const hit = page.getByRole('table', { name: 'Articles' }).getByRole('row').filter({ hasText: 'Obergrenze hearing' })
  await expect(hit.locator('.search-snippet')).toHaveText('')
  await expect(hit.locator('.search-snippet mark')).toHaveCount(0)

  // The text is added in another window of the same workspace.
  const other = await page.context().newPage()
  await other.goto(`${workbench.origin}/#/library/article/${untitled.id}`)
  const reader = other.getByRole('article')
  await reader.getByLabel('Document text').fill('The committee heard three experts.\n\nAn Obergrenze, they said, would not survive in court.')
  await reader.getByRole('button', { name: 'Add text' }).click()
  await expect(reader.getByRole('heading', { name: 'This document has no text yet' })).toBeHidden()
  await other.close()

  await expect(hit.locator('.search-snippet mark')).toHaveText(['Obergrenze'])
  await expect(hit.locator('.search-snippet')).toContainText('An Obergrenze, they said')
})
