import type { Locator, Page } from '@playwright/test'
import type { Actor, Claim, Issue, Mention } from '../../renderer/src/domain/model'
import { readTable, seedWorkspace } from './support/seed'
import { hasSeedArticle, openArticle, seedArticle, selectText, waitForHighlights } from './support/taggingFixtures'
import { expect, test } from './support/workbench'

const QUOTE = 'will stop military operations against Israel'

const panel = (page: Page): Locator => page.getByRole('complementary', { name: 'Tagging' })
const claimHighlight = (page: Page): Locator => page.locator('.reader-text [data-h^="c:"]')

async function expectTaggedSeedArticle(page: Page): Promise<void> {
  const actors = await readTable<Actor>(page, 'actors')
  expect(actors).toHaveLength(1)
  expect(actors[0]).toMatchObject({ name: 'Al-Nujaba Movement', kind: 'armed group' })
  const issues = await readTable<Issue>(page, 'issues')
  expect(issues.map((issue) => issue.label)).toEqual(['Attacks on Israel'])
  const mentions = await readTable<Mention>(page, 'mentions')
  expect(mentions).toHaveLength(1)
  expect(mentions[0]).toMatchObject({ actorId: actors[0]!.id, anchor: { exact: 'Al-Nujaba Movement' } })
  const claims = await readTable<Claim>(page, 'claims')
  expect(claims).toHaveLength(1)
  expect(claims[0]).toMatchObject({ actorId: actors[0]!.id, issueId: issues[0]!.id, stance: -1, date: '2024-12-23', anchor: { exact: QUOTE } })
  const article = seedArticle()
  expect(article.body.slice(claims[0]!.anchor.start, claims[0]!.anchor.end)).toBe(QUOTE)
  for (const record of [...actors, ...issues, ...mentions, ...claims]) expect(Date.parse(record.updatedAt)).toBeGreaterThan(Date.parse('2025-01-02'))

  // Reload: the highlight and the claim are still there.
  await page.reload()
  await waitForHighlights(page)
  await expect(claimHighlight(page)).toHaveText(QUOTE)
  await expect(claimHighlight(page)).toHaveAttribute('data-badge', '−1')
  await expect(page.locator('.reader-text [data-h^="m:"]')).toHaveText('Al-Nujaba Movement')
  await claimHighlight(page).click()
  const card = panel(page).getByRole('region', { name: 'Selected claim' })
  await expect(card).toContainText('Al-Nujaba Movement')
  await expect(card).toContainText('Attacks on Israel')
  await expect(card).toContainText('−1 against')
  await expect(card).toContainText('2024-12-23')
}

test.describe('tagging the seed article', () => {
  test.skip(!hasSeedArticle(), 'needs ../shared/fixtures/seed-article.txt')

  test('tags an actor and a claim with the mouse, and both survive a reload', async ({ workbench }) => {
    const { page } = workbench
    await seedWorkspace(page, { articles: [seedArticle()] })
    await openArticle(page, 'seed-article')
    await expect(page.getByRole('article')).toContainText('2024-12-23')
    await expect(page.getByRole('article')).toContainText('World Israel News')

    await expect(panel(page).getByRole('button', { name: 'Tag actor' })).toBeDisabled()
    await selectText(page, 'Al-Nujaba Movement')
    await panel(page).getByRole('button', { name: 'Tag actor' }).click()
    await expect(panel(page).getByLabel('Actor')).toHaveValue('Al-Nujaba Movement')
    await panel(page).getByRole('option', { name: 'Create actor “Al-Nujaba Movement”' }).click()
    await panel(page).getByLabel('Kind').selectOption('armed group')
    await panel(page).getByRole('button', { name: 'Save mention' }).click()
    await expect(panel(page).getByRole('region', { name: 'Selected mention' })).toContainText('Al-Nujaba Movement')

    await selectText(page, QUOTE)
    await panel(page).getByRole('button', { name: 'Tag claim' }).click()
    await panel(page).getByLabel('Actor').fill('nujaba')
    await panel(page).getByRole('option', { name: /^Al-Nujaba Movement/ }).click()
    await panel(page).getByLabel('Issue').fill('Attacks on Israel')
    await panel(page).getByRole('option', { name: 'Create issue “Attacks on Israel”' }).click()
    await panel(page).getByLabel('Stance').selectOption('-1')
    await expect(panel(page).getByLabel('Date')).toHaveValue('2024-12-23')
    await panel(page).getByLabel('Note').fill('Reported by Al-Akhbar, citing a senior militia official.')
    await panel(page).getByRole('button', { name: 'Save claim' }).click()
    await expect(panel(page).getByRole('region', { name: 'Selected claim' })).toContainText('Attacks on Israel')

    await expectTaggedSeedArticle(page)
  })
})
