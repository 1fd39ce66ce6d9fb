import type { Article } from '../../renderer/src/domain/model'
import { seedWorkspace } from './support/seed'
import { expect, test } from './support/workbench'

// The library's first screen at start: the newest articles as last saved are shown before the
// library worker has read every row, and the full list (with search) replaces them.

const ARTICLES = 600

function article(index: number): Article {
  const day = String((index % 28) + 1).padStart(2, '0')
  const month = String((index % 12) + 1).padStart(2, '0')
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    title: `Dispatch ${index} on the ceasefire talks`,
    source: 'Wire',
    author: '',
    publishedAt: `${2000 + (index % 20)}-${month}-${day}`,
    url: '',
    language: 'en',
    direction: 'ltr',
    body: `Dispatch ${index}: the council met again and the spokesman repeated the statement on the talks.`,
    contentHash: `hash-${index}`,
    importedAt: '2025-01-01T00:00:00.000Z',
    origin: 'test',
    meta: {},
    updatedAt: '2025-01-01T00:00:00.000Z',
    externalId: '',
  }
}

test('the newest saved articles are shown while the library opens, then the whole list', async ({ workbench }) => {
  test.skip(workbench.host !== 'chromium', 'holding the library worker back needs request routing, which the Chromium host has')
  const { page } = workbench
  await seedWorkspace(page, { articles: Array.from({ length: ARTICLES }, (_, index) => article(index)) })
  const count = page.locator('.library-count')
  await expect(count).toHaveText(`${ARTICLES} of ${ARTICLES} articles`, { timeout: 60_000 })
  // The worker saves its index once writes have paused; wait until the saved copy is there.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const name = 'standpoint~cache~library-index'
          if (!(await indexedDB.databases()).some((info) => info.name === name && (info.version ?? 0) > 1)) return false
          return new Promise<boolean>((resolve) => {
            const request = indexedDB.open(name)
            request.onsuccess = () => {
              const db = request.result
              const get = db.transaction('entries').objectStore('entries').get('preview')
              get.onsuccess = () => {
                db.close()
                resolve(get.result !== undefined)
              }
              get.onerror = () => {
                db.close()
                resolve(false)
              }
            }
            request.onerror = () => resolve(false)
          })
        }),
      { timeout: 60_000 },
    )
    .toBe(true)

  // Hold the library worker's script back: only the saved first screen can show.
  let release = (): void => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/libraryIndex.worker*', async (route) => {
    await held
    await route.continue()
  })
  await page.reload()
  await expect(count).toContainText(`Opening the library… the newest 200 of ${ARTICLES.toLocaleString('en')} articles shown`)
  const rows = page.locator('table[aria-label="Articles"] tbody tr.article-row')
  // Newest first: the index with the latest date among the seeded ones.
  const newest = Array.from({ length: ARTICLES }, (_, index) => article(index)).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id))[0]!
  await expect(rows.first()).toContainText(newest.title)
  await page.screenshot({ path: test.info().outputPath('library-preview.png') })

  release()
  await expect(count).toHaveText(`${ARTICLES} of ${ARTICLES} articles`, { timeout: 60_000 })
  await expect(rows.first()).toContainText(newest.title)
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('dispatch 599')
  await expect(count).toHaveText(`1 of ${ARTICLES} articles`)
})
