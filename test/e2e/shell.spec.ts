import { expect, test } from './support/workbench'
import { readTable } from './support/seed'

test('the shell renders with its navigation and an empty workspace offer', async ({ workbench }) => {
  const { page } = workbench
  const nav = page.getByRole('navigation', { name: 'Main' })
  for (const name of ['Library', 'Claims', 'Positions', 'Actors', 'Codebook']) {
    await expect(nav.getByRole('link', { name })).toBeVisible()
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Load sample workspace' })).toBeVisible()

  await nav.getByRole('link', { name: 'Positions' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Positions' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Positions' })).toHaveAttribute('aria-current', 'page')
  await page.keyboard.press('Alt+4')
  await expect(page.getByRole('heading', { level: 1, name: 'Actors' })).toBeVisible()
  await page.keyboard.press('Alt+2')
  await expect(page.getByRole('heading', { level: 1, name: 'Claims' })).toBeVisible()
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('Storage: ')
})

test('screens opened from the sidebar and by shortcut are history entries: back and forward retrace them', async ({ workbench }) => {
  const { page } = workbench
  const nav = page.getByRole('navigation', { name: 'Main' })
  const heading = (name: string) => page.getByRole('heading', { level: 1, name })
  await expect(heading('Library')).toBeVisible()
  await nav.getByRole('link', { name: 'Positions' }).click()
  await expect(heading('Positions')).toBeVisible()
  expect(new URL(page.url()).hash).toBe('#/positions')
  await nav.getByRole('link', { name: 'Codebook' }).click()
  await expect(heading('Codebook')).toBeVisible()
  await page.keyboard.press('Alt+2')
  await expect(heading('Claims')).toBeVisible()
  expect(new URL(page.url()).hash).toBe('#/claims')

  await page.goBack()
  await expect(heading('Codebook')).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Codebook' })).toHaveAttribute('aria-current', 'page')
  await page.goBack()
  await expect(heading('Positions')).toBeVisible()
  await page.goForward()
  await expect(heading('Codebook')).toBeVisible()
  // A hash set from outside (typed, or a link the app did not handle) is followed too.
  await page.evaluate(() => (location.hash = '#/actors'))
  await expect(heading('Actors')).toBeVisible()
})

test('workspace data survives a reload and a relaunch with the same profile', async ({ workbench }) => {
  let page = workbench.page
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  await expect(page.getByText('Northern Rivers Brigade rejects ceasefire as talks open in Port Maren')).toBeVisible()
  const claimsBefore = await readTable<{ id: string }>(page, 'claims')
  expect(claimsBefore).toHaveLength(10)

  await page.reload()
  await expect(page.getByText('Northern Rivers Brigade rejects ceasefire as talks open in Port Maren')).toBeVisible()

  page = await workbench.relaunch()
  await expect(page.getByText('Northern Rivers Brigade rejects ceasefire as talks open in Port Maren')).toBeVisible()
  const claimsAfter = await readTable<{ id: string }>(page, 'claims')
  expect(claimsAfter.map((claim) => claim.id).sort()).toEqual(claimsBefore.map((claim) => claim.id).sort())
  await expect(page.getByText(/10 claims/)).toBeVisible()
})

test('the app makes no request outside its own origin, and off-origin requests are refused', async ({ workbench }) => {
  const { page } = workbench
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  for (const name of ['Positions', 'Actors', 'Codebook', 'Library']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  }
  expect(workbench.offOriginRequests).toEqual([])

  // The page's own CSP refuses a request to another origin before it leaves the page.
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/beacon')
      return 'sent'
    } catch {
      return 'blocked'
    }
  })
  expect(outcome).toBe('blocked')
  expect(workbench.offOriginRequests).toEqual([])
})

test('opening an article shows it in the reader', async ({ workbench }) => {
  const { page } = workbench
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  await page.getByRole('button', { name: 'Government tables amnesty bill; Brigade says it will study the text' }).click()
  const article = page.getByRole('article')
  await expect(article).toContainText('2024-11-02')
  await expect(article).toContainText('Calvaria Today')
  await expect(article).toContainText('the amnesty is the fastest road to peace in the north')
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible()
})
