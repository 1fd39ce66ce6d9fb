import type { Locator, Page } from '@playwright/test'
import type { Actor, Claim, Coder, Issue, Mention } from '../../renderer/src/domain/model'
import { readTable, seedWorkspace } from './support/seed'
import { hasSeedArticle, makeActor, makeArticle, makeClaim, makeIssue, openArticle, seedArticle, selectText, waitForHighlights } from './support/taggingFixtures'
import { needs } from './support/requirements'
import { expect, test } from './support/workbench'

const QUOTE = 'will stop military operations against Israel'

const panel = (page: Page): Locator => page.getByRole('complementary', { name: 'Tagging' })
const claimHighlight = (page: Page): Locator => page.locator('.reader-text [data-h^="c:"]')

async function expectTaggedSeedArticle(page: Page, how: 'mouse' | 'keyboard'): Promise<void> {
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
  expect(claims[0]).toMatchObject({ actorId: actors[0]!.id, issueIds: [issues[0]!.id], stance: -1, date: '2024-12-23', anchor: { exact: QUOTE } })
  // The first tag made the workspace's first coder, who coded both.
  const coders = await readTable<Coder>(page, 'coders')
  expect(coders).toEqual([expect.objectContaining({ name: 'Coder 1', role: 'lead' })])
  expect(claims[0]).toMatchObject({ coderId: coders[0]!.id, updatedBy: coders[0]!.id })
  expect(mentions[0]).toMatchObject({ coderId: coders[0]!.id, updatedBy: coders[0]!.id })
  const article = seedArticle()
  expect(article.body.slice(claims[0]!.anchor.start, claims[0]!.anchor.end)).toBe(QUOTE)
  for (const record of [...actors, ...issues, ...mentions, ...claims]) expect(Date.parse(record.updatedAt)).toBeGreaterThan(Date.parse('2025-01-02'))

  // Reload: the highlight and the claim are still there.
  await page.reload()
  await waitForHighlights(page)
  await expect(claimHighlight(page)).toHaveText(QUOTE)
  await expect(claimHighlight(page)).toHaveAttribute('data-badge', '−1')
  await expect(page.locator('.reader-text [data-h^="m:"]')).toHaveText('Al-Nujaba Movement')
  if (how === 'mouse') {
    await claimHighlight(page).click()
  } else {
    // J walks the tags in text order: the mention comes first, then the claim.
    await page.keyboard.press('j')
    await page.keyboard.press('j')
  }
  await expect(claimHighlight(page)).toHaveClass(/hl-focus/)
  const card = panel(page).getByRole('region', { name: 'Selected claim' })
  await expect(card).toContainText('Al-Nujaba Movement')
  await expect(card).toContainText('Attacks on Israel')
  await expect(card).toContainText('−1 against')
  await expect(card).toContainText('2024-12-23')
}

test.describe('tagging the seed article', () => {
  needs(hasSeedArticle() ? null : 'shared fixture seed-article.txt absent (set STANDPOINT_FIXTURES or put them at ../shared/fixtures)')

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

    await expectTaggedSeedArticle(page, 'mouse')
  })

  test('does the same with the keyboard only', async ({ workbench }) => {
    const { page } = workbench
    await seedWorkspace(page, { articles: [seedArticle()] })
    await openArticle(page, 'seed-article')

    // Find selects the words: "/" opens it, Enter selects the match and returns to the text.
    await page.keyboard.press('/')
    await expect(page.getByRole('searchbox', { name: 'Find in article' })).toBeFocused()
    await page.keyboard.type('al-nujaba movement')
    await page.keyboard.press('Enter')
    await expect(panel(page).getByRole('region', { name: 'Selection' })).toContainText('“Al-Nujaba Movement”')
    await page.keyboard.press('a')
    const actorField = panel(page).getByRole('combobox', { name: 'Actor' })
    await expect(actorField).toBeFocused()
    await expect(actorField).toHaveValue('Al-Nujaba Movement')
    await expect(panel(page).getByRole('option', { name: 'Create actor “Al-Nujaba Movement”' })).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await expect(panel(page).getByLabel('Kind')).toBeFocused()
    // person → organization → state → armed group
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown')
    await expect(panel(page).getByLabel('Kind')).toHaveValue('armed group')
    await page.keyboard.press('Control+Enter')
    await expect(panel(page).getByRole('region', { name: 'Selected mention' })).toContainText('Al-Nujaba Movement')

    // Find the start of the claim, then Shift+Ctrl+→ extends the selection by a word.
    await page.keyboard.press('/')
    await page.keyboard.type('will stop military operations against')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+Shift+ArrowRight')
    await expect(panel(page).getByRole('region', { name: 'Selection' })).toContainText(`“${QUOTE}”`)
    await page.keyboard.press('c')
    await expect(panel(page).getByRole('combobox', { name: 'Actor' })).toBeFocused()
    await page.keyboard.type('nujaba')
    await page.keyboard.press('Enter')
    await expect(panel(page).getByRole('combobox', { name: 'Issue' })).toBeFocused()
    await page.keyboard.type('Attacks on Israel')
    await page.keyboard.press('Enter')
    await expect(panel(page).getByLabel('Stance')).toBeFocused()
    await page.keyboard.press('2')
    await expect(panel(page).getByLabel('Stance')).toHaveValue('-1')
    await page.keyboard.press('Tab')
    await expect(panel(page).getByLabel('Date')).toBeFocused()
    await expect(panel(page).getByLabel('Date')).toHaveValue('2024-12-23')
    await page.keyboard.press('Control+Enter')
    await expect(panel(page).getByRole('region', { name: 'Selected claim' })).toContainText('Attacks on Israel')

    await expectTaggedSeedArticle(page, 'keyboard')
  })
})

test.describe('reader and tagging panel', () => {
  const FILLER = Array.from({ length: 120 }, (_, index) => `Paragraph ${index + 1} of background reporting on the militias, the government and the talks that followed.`)
  const LONG_BODY = [...FILLER, 'The spokesman said the group will keep its weapons until the last foreign soldier leaves.', ...FILLER.slice(0, 10)].join('\n\n')
  const long = makeArticle('long', 'Spokesman rejects disarmament', '2024-12-20', LONG_BODY)
  const group = makeActor('group', 'Kataib Hezbollah', 'armed group', ['KH'])
  const disarm = makeIssue('disarm', 'Disarmament of militias')
  const linked = makeClaim('linked', long, 'will keep its weapons until the last foreign soldier leaves', 'group', 'disarm', -2)

  test('a link with ?claim= scrolls to the claim and selects it', async ({ workbench }) => {
    const { page } = workbench
    await seedWorkspace(page, { articles: [long], actors: [group], issues: [disarm], claims: [linked] })
    await openArticle(page, 'long', 'linked')
    const highlight = claimHighlight(page)
    await expect(highlight).toHaveClass(/hl-focus/)
    await expect(highlight).toBeInViewport()
    await expect(panel(page).getByRole('region', { name: 'Selected claim' })).toContainText('Kataib Hezbollah')
    await expect(panel(page).getByRole('region', { name: 'Selected claim' })).toContainText('−2 strongly against')
  })

  test('re-anchors drifted claims by quote and shows the lost ones as orphans, never dropping them', async ({ workbench }) => {
    const { page } = workbench
    const original = makeArticle('drift', 'Militias and the talks', '2024-12-21', 'The factions said they will halt attacks on Israel. The government said it welcomed the decision and would meet them.')
    const moved = makeClaim('moved', original, 'will halt attacks on Israel', 'group', 'disarm', -1)
    const lost = makeClaim('lost', original, 'welcomed the decision', 'group', 'disarm', 1)
    // The article was re-imported with a new lead and without the government's reaction.
    const edited = { ...original, body: 'Updated on Tuesday with comments from Baghdad.\n\nThe factions said they will halt attacks on Israel. The government has not commented yet.' }
    await seedWorkspace(page, { articles: [edited], actors: [group], issues: [disarm], claims: [moved, lost] })
    await openArticle(page, 'drift')
    await expect(claimHighlight(page)).toHaveText('will halt attacks on Israel')
    const orphans = panel(page).getByRole('list', { name: 'Orphaned tags' })
    await expect(orphans.getByRole('button')).toHaveCount(1)
    await orphans.getByRole('button').click()
    await expect(panel(page).getByRole('region', { name: 'Selected claim' })).toContainText('Orphaned: “welcomed the decision” is no longer in this text')
    await expect(panel(page).getByRole('button', { name: 'Re-attach to selection' })).toBeDisabled()

    await selectText(page, 'has not commented yet')
    await panel(page).getByRole('button', { name: 'Re-attach to selection' }).click()
    await expect(panel(page).getByRole('list', { name: 'Orphaned tags' })).toHaveCount(0)
    await expect(page.locator('.reader-text [data-h="c:lost"]')).toHaveText('has not commented yet')
    const claims = await readTable<Claim>(page, 'claims')
    expect(claims.find((claim) => claim.id === 'lost')?.anchor.exact).toBe('has not commented yet')
    expect(claims.find((claim) => claim.id === 'moved')?.anchor.start).toBe(original.body.indexOf('will halt'))
  })

  test('edits, deletes, undoes and redoes claims', async ({ workbench }) => {
    const { page } = workbench
    await seedWorkspace(page, { articles: [long], actors: [group], issues: [disarm], claims: [linked] })
    await openArticle(page, 'long', 'linked')
    const card = panel(page).getByRole('region', { name: 'Selected claim' })
    await card.getByRole('button', { name: 'Edit claim' }).click()
    await panel(page).getByLabel('Stance').selectOption('2')
    await panel(page).getByLabel('Date').fill('2024-12-19')
    await panel(page).getByRole('button', { name: 'Save claim' }).click()
    await expect(claimHighlight(page)).toHaveAttribute('data-badge', '+2')
    await expect(card).toContainText('2024-12-19')

    // Keys on the selected claim: 1 sets −2, Delete deletes; Ctrl+Z and Ctrl+Y walk the history.
    await page.getByLabel('Article text').focus()
    await page.keyboard.press('1')
    await expect(claimHighlight(page)).toHaveAttribute('data-badge', '−2')
    await page.keyboard.press('Delete')
    await expect(claimHighlight(page)).toHaveCount(0)
    expect(await readTable<Claim>(page, 'claims')).toHaveLength(0)
    await page.keyboard.press('Control+z')
    await expect(claimHighlight(page)).toHaveAttribute('data-badge', '−2')
    await page.keyboard.press('Control+z')
    await expect(claimHighlight(page)).toHaveAttribute('data-badge', '+2')
    await page.keyboard.press('Control+y')
    await expect(claimHighlight(page)).toHaveAttribute('data-badge', '−2')
    const [stored] = await readTable<Claim>(page, 'claims')
    expect(stored).toMatchObject({ id: 'linked', stance: -2, date: '2024-12-19' })
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(claimHighlight(page)).toHaveAttribute('data-badge', '+2')
  })

  test('offers known names as suggested mentions: one key accepts, another dismisses', async ({ workbench }) => {
    needs(hasSeedArticle() ? null : 'shared fixture seed-article.txt absent (set STANDPOINT_FIXTURES or put them at ../shared/fixtures)')
    const { page } = workbench
    const sudani = makeActor('sudani', 'Mohammed Shia al-Sudani', 'person', ['al-Sudani'])
    const trump = makeActor('trump', 'Donald Trump', 'person', ['Trump'])
    await seedWorkspace(page, { articles: [seedArticle()], actors: [sudani, trump] })
    await openArticle(page, 'seed-article')
    const list = panel(page).getByRole('list', { name: 'Suggested mentions' })
    // Mohammed Shia al-Sudani, Trump, Donald Trump, al-Sudani (government), in text order.
    await expect(list.getByRole('listitem')).toHaveCount(4)
    await expect(page.locator('.reader-text .hl-suggestion')).toHaveCount(4)
    // Y accepts the first, X dismisses the next one.
    await page.keyboard.press('y')
    await expect(list.getByRole('listitem')).toHaveCount(3)
    await page.keyboard.press('x')
    await expect(list.getByRole('listitem')).toHaveCount(2)
    await list.getByRole('button', { name: /^Accept Donald Trump/ }).click()
    await expect(list.getByRole('listitem')).toHaveCount(1)
    const mentions = await readTable<Mention>(page, 'mentions')
    expect(mentions.map((mention) => mention.anchor.exact).sort()).toEqual(['Donald Trump', 'Mohammed Shia al-Sudani'])
    await page.reload()
    await waitForHighlights(page)
    await expect(panel(page).getByRole('list', { name: 'Suggested mentions' }).getByRole('listitem')).toHaveCount(1)
    await expect(panel(page).getByRole('heading', { name: 'Mentions (2)' })).toBeVisible()
    await expect(page.locator('.reader-text .hl-mention')).toHaveCount(2)
  })

  test('N and P walk to the next and previous article, newest first', async ({ workbench }) => {
    const { page } = workbench
    await seedWorkspace(page, {
      articles: [makeArticle('a', 'Older article', '2024-11-01', 'Old text.'), makeArticle('b', 'Beta on the same day', '2024-12-01', 'Text B.'), makeArticle('c', 'Alpha on the same day', '2024-12-01', 'Text C.')],
    })
    await openArticle(page, 'c')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alpha on the same day')
    await page.keyboard.press('n')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beta on the same day')
    await page.keyboard.press('n')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Older article')
    await page.keyboard.press('p')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beta on the same day')
    await page.getByRole('button', { name: 'Previous article' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alpha on the same day')
  })

  test('lists the tagging shortcuts in the help overlay', async ({ workbench }) => {
    const { page } = workbench
    await seedWorkspace(page, { articles: [long] })
    await openArticle(page, 'long')
    await page.keyboard.press('F1')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    for (const action of ['Tag actor', 'Tag claim', 'Stance −2 … +2', 'Save the claim', 'Next / previous article']) await expect(help).toContainText(action)
  })
})

test('a selection survives highlights drawn over it: search marks arriving split the words, the claim still gets exactly them', async ({ workbench }) => {
  const { page } = workbench
  const body = 'The interior minister said the ceiling on refugees must come, and border controls with it.'
  await seedWorkspace(page, { articles: [makeArticle('kept', 'Ceiling debate', '2015-10-01', body)], actors: [makeActor('minister', 'Interior minister', 'person')], issues: [makeIssue('ceiling', 'Ceiling')] })
  await openArticle(page, 'kept')
  await expect(page.locator('.reader-text mark.hl-suggestion')).toHaveText('interior minister')
  const quote = 'the ceiling on refugees must come'
  await selectText(page, quote)
  await expect(panel(page).getByRole('button', { name: 'Tag claim' })).toBeEnabled()
  // New marks inside the selection replace the text nodes its ends sit in; the browser would
  // collapse it, and the coder's selection would vanish under their hands.
  await page.evaluate(() => {
    location.hash = '#/library/article/kept?q=refugees'
  })
  await expect(page.locator('.reader-text mark.hl-search')).toHaveText('refugees')
  await expect(panel(page).getByRole('region', { name: 'Selection' })).toContainText(`“${quote}”`)
  expect(await page.evaluate(() => String(document.getSelection()))).toBe(quote)
  await panel(page).getByRole('button', { name: 'Tag claim' }).click()
  await panel(page).getByLabel('Actor').fill('interior')
  await panel(page).getByRole('option', { name: /^Interior minister/ }).click()
  await panel(page).getByRole('combobox', { name: 'Issue', exact: true }).fill('Ceiling')
  await panel(page).getByRole('option', { name: /^Ceiling/ }).click()
  await panel(page).getByLabel('Stance').selectOption('1')
  await panel(page).getByRole('button', { name: 'Save claim' }).click()
  await expect.poll(async () => (await readTable<Claim>(page, 'claims')).map((claim) => body.slice(claim.anchor.start, claim.anchor.end))).toEqual([quote])
})

test('a claim on several issues: Add another issue, remove one when editing, the order coded kept', async ({ workbench }) => {
  const { page } = workbench
  const body = 'The interior minister said the ceiling on refugees must come, and border controls with it.'
  const article = makeArticle('multi', 'Ceiling debate', '2015-10-01', body)
  const parent = makeIssue('migration', 'Controlling Migration')
  const ceiling = { ...makeIssue('ceiling', 'Ceiling'), parentId: 'migration', code: '1.1' }
  const borders = makeIssue('borders', 'Border Control')
  await seedWorkspace(page, { articles: [article], actors: [makeActor('minister', 'Interior minister', 'person')], issues: [parent, ceiling, borders] })
  await openArticle(page, 'multi')
  // The panel follows the selection once it has mounted: select again until it has.
  await expect(async () => {
    await selectText(page, 'the ceiling on refugees must come')
    await expect(panel(page).getByRole('button', { name: 'Tag claim' })).toBeEnabled({ timeout: 1_000 })
  }).toPass()
  await panel(page).getByRole('button', { name: 'Tag claim' }).click()
  await panel(page).getByLabel('Actor').fill('interior')
  await panel(page).getByRole('option', { name: /^Interior minister/ }).click()
  await panel(page).getByRole('combobox', { name: 'Issue', exact: true }).fill('Ceiling')
  // An option names its parent and code: labels repeat across a codebook.
  await expect(panel(page).getByRole('option', { name: /^Ceiling/ })).toContainText('under Controlling Migration · code 1.1')
  await panel(page).getByRole('option', { name: /^Ceiling/ }).click()
  for (const label of ['Border Control', 'Controlling Migration']) {
    await panel(page).getByRole('button', { name: 'Add another issue' }).click()
    await panel(page).getByRole('combobox', { name: 'Another issue' }).fill(label)
    await panel(page).getByRole('option', { name: new RegExp(`^${label}`) }).click()
  }
  await expect(panel(page).getByRole('list', { name: 'More issues' }).getByRole('listitem')).toHaveText([/Border Control/, /Controlling Migration/])
  await panel(page).getByLabel('Stance').selectOption('2')
  if (process.env.STANDPOINT_SHOTS_DIR) await page.screenshot({ path: `${process.env.STANDPOINT_SHOTS_DIR}/claim-form-several-issues.png` })
  await panel(page).getByRole('button', { name: 'Save claim' }).click()
  await expect(panel(page).getByRole('region', { name: 'Selected claim' })).toContainText('Ceiling')
  await expect.poll(async () => (await readTable<Claim>(page, 'claims')).map((claim) => claim.issueIds)).toEqual([['ceiling', 'borders', 'migration']])

  // Editing shows every issue and can drop one; the others stay in their order.
  await panel(page).getByRole('region', { name: 'Selected claim' }).getByRole('button', { name: 'Edit claim' }).click()
  await panel(page).getByRole('button', { name: 'Remove issue Border Control' }).click()
  await panel(page).getByRole('button', { name: 'Save claim' }).click()
  await expect.poll(async () => (await readTable<Claim>(page, 'claims')).map((claim) => claim.issueIds)).toEqual([['ceiling', 'migration']])
})
