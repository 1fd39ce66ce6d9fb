import type { Page } from '@playwright/test'
import type { Claim, Issue } from '../../renderer/src/domain/model'
import { readTable, seedWorkspace } from './support/seed'
import { makeActor, makeArticle, makeClaim, makeIssue } from './support/taggingFixtures'
import { expect, test } from './support/workbench'

const article = makeArticle('a1', 'Militias pause attacks', '2024-12-23', 'The militias will stop attacks on Israel. They will keep attacking U.S. bases. They will not interfere in Syria.')
const militias = makeActor('militias', 'Iraqi militias', 'armed group')
const issues = [
  makeIssue('attacks', 'Attacks on Israel', 'Armed attacks on Israel.'),
  { ...makeIssue('drones', 'Drone attacks on Israel'), parentId: 'attacks' },
  makeIssue('us', 'US forces in Iraq'),
  makeIssue('syria', 'Intervention in Syria'),
]
const claims = [
  makeClaim('c1', article, 'will stop attacks on Israel', 'militias', 'attacks', -1),
  makeClaim('c2', article, 'will keep attacking U.S. bases', 'militias', 'us', 1),
  makeClaim('c3', article, 'will not interfere in Syria', 'militias', 'syria', -1),
]

async function openCodebook(page: Page): Promise<void> {
  await seedWorkspace(page, { articles: [article], actors: [militias], issues, claims })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codebook' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Codebook' })).toBeVisible()
}

const row = (page: Page, label: string) => page.getByRole('table', { name: 'Issues' }).getByRole('row').filter({ has: page.getByRole('button', { name: `Edit ${label}`, exact: true }) })

test('lists issues as a tree with claim counts, and edits label and description', async ({ workbench }) => {
  const { page } = workbench
  await openCodebook(page)
  await expect(row(page, 'Attacks on Israel').getByRole('cell').nth(3)).toHaveText('1')
  // The child sits one level down, and its label's tooltip gives its path.
  await expect(row(page, 'Drone attacks on Israel')).toHaveAttribute('data-depth', '1')
  await expect(row(page, 'Drone attacks on Israel').getByText('Drone attacks on Israel', { exact: true })).toHaveAttribute('title', /^Attacks on Israel.*Drone attacks on Israel$/)
  await expect(row(page, 'Attacks on Israel').getByRole('cell').nth(4)).toHaveText('1')
  await page.getByRole('searchbox', { name: 'Search issues' }).fill('syria')
  await expect(page.getByRole('table', { name: 'Issues' }).getByRole('row')).toHaveCount(2)
  await page.getByRole('searchbox', { name: 'Search issues' }).fill('')

  await page.getByRole('button', { name: 'Edit US forces in Iraq', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit issue “US forces in Iraq”' })
  await dialog.getByLabel('Label').fill('U.S. forces in Iraq')
  await dialog.getByLabel('Description').fill('The presence of U.S. troops and bases. +1 = attack or expel them.')
  await dialog.getByRole('button', { name: 'Save issue' }).click()
  await expect(dialog).toBeHidden()
  await expect(row(page, 'U.S. forces in Iraq')).toContainText('+1 = attack or expel them.')
  const stored = (await readTable<Issue>(page, 'issues')).find((issue) => issue.id === 'us')
  expect(stored?.label).toBe('U.S. forces in Iraq')

  // A label that already exists is refused with a message, nothing written.
  await page.getByRole('button', { name: 'New issue' }).click()
  const create = page.getByRole('dialog', { name: 'New issue' })
  await create.getByLabel('Label').fill('attacks on israel')
  await create.getByRole('button', { name: 'Create issue' }).click()
  await expect(page.getByRole('alert')).toContainText('already has an issue “Attacks on Israel”')
  expect(await readTable<Issue>(page, 'issues')).toHaveLength(4)
})

test('deleting an issue with claims asks, and moves them to another issue', async ({ workbench }) => {
  const { page } = workbench
  await openCodebook(page)
  await page.getByRole('button', { name: 'Delete Attacks on Israel', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete issue “Attacks on Israel”' })
  await expect(dialog).toContainText('1 claim is coded on Attacks on Israel')
  await expect(dialog).toContainText('Drone attacks on Israel')
  await dialog.getByLabel('Move claims to').selectOption({ label: 'Drone attacks on Israel' })
  await dialog.getByRole('button', { name: 'Delete issue' }).click()
  await expect(dialog).toBeHidden()
  const stored = await readTable<Claim>(page, 'claims')
  expect(stored.find((claim) => claim.id === 'c1')?.issueIds).toEqual(['drones'])
  expect((await readTable<Issue>(page, 'issues')).find((issue) => issue.id === 'drones')?.parentId).toBeNull()
  await expect(row(page, 'Drone attacks on Israel').getByRole('cell').nth(3)).toHaveText('1')
})

test('deleting an issue with claims can delete the claims too, and undo brings them back', async ({ workbench }) => {
  const { page } = workbench
  await openCodebook(page)
  await page.getByRole('button', { name: 'Delete Intervention in Syria', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete issue “Intervention in Syria”' })
  await dialog.getByRole('radio', { name: 'Delete the claims too' }).check()
  await dialog.getByRole('button', { name: 'Delete issue' }).click()
  await expect(dialog).toBeHidden()
  expect((await readTable<Claim>(page, 'claims')).map((claim) => claim.id).sort()).toEqual(['c1', 'c2'])
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(row(page, 'Intervention in Syria')).toBeVisible()
  expect(await readTable<Claim>(page, 'claims')).toHaveLength(3)
})
