import type { Page } from '@playwright/test'
import type { Actor, Claim, Mention } from '../../renderer/src/domain/model'
import { readTable, seedWorkspace } from './support/seed'
import { makeActor, makeArticle, makeClaim, makeIssue, makeMention } from './support/taggingFixtures'
import { expect, test } from './support/workbench'

const article = makeArticle(
  'a1',
  'PM meets the factions',
  '2024-12-23',
  'Prime Minister Mohammed Shia al-Sudani met the factions. Sudani said the state alone decides on war. The Iraqi PM asked the militias to stop attacks on Israel. Kataib Hezbollah refused.',
)
const sudani = makeActor('sudani', 'Mohammed Shia al-Sudani', 'person', ['al-Sudani'])
const dup = makeActor('dup', 'Sudani', 'person', ['Iraqi PM'])
const kataib = makeActor('kataib', 'Kataib Hezbollah', 'armed group', ['KH'])
const war = makeIssue('war', 'State monopoly on war')
const attacks = makeIssue('attacks', 'Attacks on Israel')
const claims = [
  makeClaim('c1', article, 'the state alone decides on war', 'dup', 'war', 2),
  makeClaim('c2', article, 'asked the militias to stop attacks on Israel', 'dup', 'attacks', -1, { addresseeId: 'kataib' }),
  makeClaim('c3', article, 'refused', 'kataib', 'attacks', 1, { addresseeId: 'dup' }),
  makeClaim('c4', article, 'met the factions', 'sudani', 'war', 0),
]
const mentions = [makeMention('m1', article, 'Mohammed Shia al-Sudani', 'sudani'), makeMention('m2', article, 'Iraqi PM', 'dup')]

async function openActors(page: Page): Promise<void> {
  await seedWorkspace(page, { articles: [article], actors: [sudani, dup, kataib], issues: [war, attacks], claims, mentions })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Actors' })).toBeVisible()
}

const row = (page: Page, name: string) => page.getByRole('table', { name: 'Actors' }).getByRole('row').filter({ has: page.getByRole('checkbox', { name: `Select ${name}`, exact: true }) })

test('lists actors with claim counts and finds them by alias, case- and diacritics-insensitively', async ({ workbench }) => {
  const { page } = workbench
  await openActors(page)
  await expect(row(page, 'Sudani')).toContainText('Iraqi PM')
  await expect(row(page, 'Sudani').getByRole('cell').nth(4)).toHaveText('2')
  await expect(row(page, 'Mohammed Shia al-Sudani').getByRole('cell').nth(4)).toHaveText('1')
  await page.getByRole('searchbox', { name: 'Search actors' }).fill('SŪDĀNĪ')
  await expect(page.getByRole('table', { name: 'Actors' }).getByRole('row')).toHaveCount(3)
  await page.getByRole('searchbox', { name: 'Search actors' }).fill('kh')
  await expect(page.getByRole('table', { name: 'Actors' }).getByRole('row').nth(1)).toContainText('Kataib Hezbollah')
})

test('merges duplicate actors: claims, addressees and mentions move, aliases unite, one undo restores', async ({ workbench }) => {
  const { page } = workbench
  await openActors(page)
  await expect(page.getByRole('region', { name: /Possible duplicates/ })).toContainText('Sudani')
  await page.getByRole('checkbox', { name: 'Select Sudani', exact: true }).check()
  await page.getByRole('checkbox', { name: 'Select Mohammed Shia al-Sudani' }).check()
  await page.getByRole('button', { name: 'Merge selected…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Merge actors' })
  await dialog.getByRole('radio', { name: /Mohammed Shia al-Sudani/ }).check()
  await expect(dialog).toContainText('2 claims, 1 addressed claim and 1 mention move to Mohammed Shia al-Sudani')
  await expect(dialog).toContainText('Aliases after the merge: al-Sudani, Sudani, Iraqi PM')
  await dialog.getByRole('button', { name: 'Merge' }).click()
  await expect(dialog).toBeHidden()

  await expect(page.getByRole('checkbox', { name: 'Select Sudani', exact: true })).toHaveCount(0)
  await expect(row(page, 'Mohammed Shia al-Sudani').getByRole('cell').nth(4)).toHaveText('3')
  await expect(row(page, 'Mohammed Shia al-Sudani').getByRole('cell').nth(5)).toHaveText('2')
  const actors = await readTable<Actor>(page, 'actors')
  expect(actors.map((actor) => actor.id).sort()).toEqual(['kataib', 'sudani'])
  expect(actors.find((actor) => actor.id === 'sudani')?.aliases).toEqual(['al-Sudani', 'Sudani', 'Iraqi PM'])
  const stored = await readTable<Claim>(page, 'claims')
  expect(stored.filter((claim) => claim.actorId === 'sudani').map((claim) => claim.id).sort()).toEqual(['c1', 'c2', 'c4'])
  expect(stored.find((claim) => claim.id === 'c3')?.addresseeId).toBe('sudani')
  expect((await readTable<Mention>(page, 'mentions')).every((mention) => mention.actorId === 'sudani')).toBe(true)

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('checkbox', { name: 'Select Sudani', exact: true })).toBeVisible()
  const restored = await readTable<Claim>(page, 'claims')
  expect(restored.find((claim) => claim.id === 'c1')?.actorId).toBe('dup')
  expect(restored.find((claim) => claim.id === 'c3')?.addresseeId).toBe('dup')
})

test('deleting an actor with claims asks, and reassigns them', async ({ workbench }) => {
  const { page } = workbench
  await openActors(page)
  await page.getByRole('button', { name: 'Delete Sudani', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete actor “Sudani”' })
  await expect(dialog).toContainText('makes 2 claims, is the addressee of 1 claim and is mentioned once')
  await dialog.getByRole('button', { name: 'Delete actor' }).click()
  await expect(dialog).toContainText('Pick the actor who takes over')
  await dialog.getByLabel('Reassign to').fill('sudani')
  await dialog.getByRole('option', { name: /^Mohammed Shia al-Sudani/ }).click()
  await dialog.getByRole('button', { name: 'Delete actor' }).click()
  await expect(dialog).toBeHidden()
  const stored = await readTable<Claim>(page, 'claims')
  expect(stored).toHaveLength(4)
  expect(stored.find((claim) => claim.id === 'c1')?.actorId).toBe('sudani')
  expect(stored.find((claim) => claim.id === 'c3')?.addresseeId).toBe('sudani')
  expect((await readTable<Actor>(page, 'actors')).map((actor) => actor.id).sort()).toEqual(['kataib', 'sudani'])
})

test('deleting an actor with claims can delete them too, keeping others’ claims addressed to it', async ({ workbench }) => {
  const { page } = workbench
  await openActors(page)
  await page.getByRole('button', { name: 'Delete Sudani', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete actor “Sudani”' })
  await dialog.getByRole('radio', { name: /Delete its claims and mentions too/ }).check()
  await dialog.getByRole('button', { name: 'Delete actor' }).click()
  await expect(dialog).toBeHidden()
  const stored = await readTable<Claim>(page, 'claims')
  expect(stored.map((claim) => claim.id).sort()).toEqual(['c3', 'c4'])
  expect(stored.find((claim) => claim.id === 'c3')?.addresseeId).toBeNull()
  expect((await readTable<Mention>(page, 'mentions')).map((mention) => mention.id)).toEqual(['m1'])
  // Ctrl+Z (outside a text field) brings everything back.
  await page.getByRole('heading', { level: 1, name: 'Actors' }).click()
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('checkbox', { name: 'Select Sudani', exact: true })).toBeVisible()
  expect(await readTable<Claim>(page, 'claims')).toHaveLength(4)
})

test('renames an actor, keeping the old name as an alias, and edits kind and aliases', async ({ workbench }) => {
  const { page } = workbench
  await openActors(page)
  await page.getByRole('button', { name: 'Edit Kataib Hezbollah' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit actor “Kataib Hezbollah”' })
  await dialog.getByLabel('Name').fill('Kata’ib Hizballah')
  await expect(dialog.getByRole('checkbox', { name: 'Keep “Kataib Hezbollah” as an alias' })).toBeChecked()
  await dialog.getByLabel('Kind').selectOption('party')
  await dialog.getByLabel('Aliases').fill('KH, Hezbollah Brigades')
  await dialog.getByRole('button', { name: 'Save actor' }).click()
  await expect(dialog).toBeHidden()
  const saved = (await readTable<Actor>(page, 'actors')).find((actor) => actor.id === 'kataib')
  expect(saved).toMatchObject({ name: 'Kata’ib Hizballah', kind: 'party', aliases: ['KH', 'Hezbollah Brigades', 'Kataib Hezbollah'] })
  expect(saved!.updatedAt > '2025-01-02').toBe(true)
})

test('warns about a likely duplicate when creating an actor', async ({ workbench }) => {
  const { page } = workbench
  await openActors(page)
  await page.getByRole('button', { name: 'New actor' }).click()
  const dialog = page.getByRole('dialog', { name: 'New actor' })
  await dialog.getByLabel('Name').fill('Al Sudani')
  await expect(dialog.getByRole('status')).toContainText('Possible duplicate')
  await expect(dialog.getByRole('status')).toContainText('Mohammed Shia al-Sudani')
  await dialog.getByRole('button', { name: 'Create actor' }).click()
  await expect(dialog).toBeHidden()
  expect(await readTable<Actor>(page, 'actors')).toHaveLength(4)
})

test('many possible duplicates start folded under their count, and open a page at a time', async ({ workbench }) => {
  const { page } = workbench
  // Twenty pairs that differ only in case: each its own word, so no pair reaches into another.
  const names = Array.from({ length: 20 }, (_, index) => `Kal${String.fromCharCode(97 + index)}ovan Front`)
  const actors = names.flatMap((name, index) => [makeActor(`p${index}`, name, 'group', []), makeActor(`q${index}`, name.toUpperCase(), 'group', [])])
  await seedWorkspace(page, { articles: [article], actors, issues: [war], claims: [], mentions: [] })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
  const panel = page.getByRole('region', { name: /^Possible duplicates/ })
  await expect(panel).toHaveAccessibleName('Possible duplicates (20)')
  const merges = panel.getByRole('button', { name: 'Merge…' })
  await expect(merges.first()).toBeHidden()
  // Folded, the table is near the top of the screen.
  await expect(page.getByRole('table', { name: 'Actors' })).toBeInViewport()

  await panel.getByText('Possible duplicates (20)').click()
  await expect(merges).toHaveCount(6)
  await expect(panel).toContainText('Showing 6 of 20.')
  await panel.getByRole('button', { name: 'Show 14 more' }).click()
  await expect(merges).toHaveCount(20)
  await expect(panel.getByRole('button', { name: /^Show \d+ more$/ })).toHaveCount(0)

  await panel.getByRole('button', { name: 'Not duplicates' }).first().click()
  await expect(panel).toHaveAccessibleName('Possible duplicates (19)')
  // Dismissing a pair keeps the panel as the analyst left it: open.
  await expect(merges).toHaveCount(19)
})
