import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import Papa from 'papaparse'
import type { Assignment, Claim, Coder, Issue } from '../../renderer/src/domain/model'
import { waitFrames } from './support/frames'
import { readTable, seedWorkspace } from './support/seed'
import { makeActor, makeArticle, makeClaim, makeIssue } from './support/taggingFixtures'
import { expect, test } from './support/workbench'

// The Claims screen, driven as a coder would: sort, filter, search, bulk edit and undo, a row
// into the reader, Export CSV of exactly what is shown, and the `Claims shown` choice with
// blind coding applied first.

const T0 = '2025-01-01T00:00:00.000Z'
const anna: Coder = { id: 'coder-1', name: 'Anna Weber', color: '#0072b2', role: 'lead', createdAt: T0, updatedAt: T0 }
const jonas: Coder = { id: 'coder-2', name: 'Jonas Klein', color: '#e69f00', role: 'coder', createdAt: T0, updatedAt: T0 }

const child = (id: string, label: string, parentId: string, code: string): Issue => ({ ...makeIssue(id, label), parentId, code })
const issues = [
  { ...makeIssue('mig', 'Controlling migration'), code: '1' },
  child('mig-gen', 'General', 'mig', '1.1'),
  child('mig-cap', 'Ceiling', 'mig', '1.2'),
  { ...makeIssue('int', 'Integration'), code: '2' },
  child('int-gen', 'General', 'int', '2.1'),
  child('int-lang', 'Language courses', 'int', '2.2'),
]
const actors = [
  { ...makeActor('merkel', 'Angela Merkel', 'person'), attributes: { party: ['CDU'] } },
  { ...makeActor('seehofer', 'Horst Seehofer', 'person'), attributes: { party: ['CSU'] } },
  { ...makeActor('afd', 'AfD', 'party'), attributes: { party: ['AfD'] } },
  makeActor('proasyl', 'Pro Asyl', 'organization'),
]
const a1 = makeArticle('a1', 'Chancellor defends open borders', '2015-09-01', 'The chancellor said: We can do this. Her ally replied that there must be an upper limit on arrivals.', { source: 'Die Zeit' })
const a2 = makeArticle('a2', 'Opposition demands closed borders', '2015-10-05', 'The party said the borders must be closed. Refugee groups asked for language courses for everyone.', { source: 'taz' })
const a3 = makeArticle('a3', 'Integration law debated', '2015-11-20', 'Merkel called integration a duty for both sides. The Bavarian premier said we will not accept more this year.', { source: 'Die Zeit' })
const by = (coder: Coder): Partial<Claim> => ({ coderId: coder.id, updatedBy: coder.id })
const claims: Claim[] = [
  makeClaim('c1', a1, 'We can do this', 'merkel', 'mig-gen', 2, by(anna)),
  makeClaim('c2', a1, 'there must be an upper limit', 'seehofer', 'mig-cap', -2, { ...by(anna), issueIds: ['mig-cap', 'int-gen'], note: 'the ceiling debate', externalId: 'S-2' }),
  makeClaim('c3', a2, 'the borders must be closed', 'afd', 'mig-gen', -2, by(jonas)),
  makeClaim('c4', a2, 'language courses for everyone', 'proasyl', 'int-lang', 1, by(jonas)),
  makeClaim('c5', a3, 'integration a duty for both sides', 'merkel', 'int-gen', 1, { ...by(anna), issueIds: ['int-gen', 'mig-gen'] }),
  makeClaim('c6', a3, 'we will not accept more this year', 'seehofer', 'mig-cap', -1, by(jonas)),
  // Adjudicated from Jonas's c3.
  makeClaim('c7', a2, 'the borders must be closed', 'afd', 'mig-gen', -1, { ...by(anna), adjudicatedFrom: ['c3'] }),
]

async function seed(page: Page, extra: { assignments?: Assignment[]; currentCoderId?: string } = {}): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
  await page.evaluate(async (coderId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('standpoint')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite')
      tx.objectStore('settings').put({ key: 'currentCoderId', value: coderId })
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('seed failed'))
    })
    db.close()
  }, extra.currentCoderId ?? anna.id)
  await seedWorkspace(page, { articles: [a1, a2, a3], actors, issues, claims, coders: [anna, jonas], assignments: extra.assignments ?? [] })
}

const table = (page: Page): Locator => page.getByRole('table', { name: 'Claims' })
const column = (page: Page, id: string): Locator => table(page).locator(`tbody tr.claims-row td.col-${id}`)
const texts = async (cells: Locator): Promise<string[]> => (await cells.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())
const LABELS: Record<string, string> = { date: 'Date', actor: 'Actor', stance: 'Stance', quote: 'Quote', coder: 'Coder' }
/** A column's cells as shown, top to bottom. Rows draw only the columns in view, so it is scrolled into view first, as a reader would. */
async function columnTexts(page: Page, id: string): Promise<string[]> {
  await table(page)
    .locator('thead th')
    .filter({ has: page.locator('.claims-head-label', { hasText: new RegExp(`^${LABELS[id]}$`) }) })
    .scrollIntoViewIfNeeded()
  await expect(column(page, id).first()).toBeAttached()
  return texts(column(page, id))
}
const count = (page: Page): Locator => page.locator('.claims-count')

async function openClaims(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Claims' })).toBeVisible()
  await expect(table(page)).toBeVisible()
}

async function exportShown(page: Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
  const text = readFileSync(await download.path(), 'utf8')
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
}

test('sorts and filters every kind of column, searches quotes and notes, and exports the rows as shown', async ({ workbench }) => {
  const { page } = workbench
  await seed(page)
  await openClaims(page)
  await expect(count(page)).toHaveText('7 of 7 claims')

  // A row draws the columns in view, and reads whole: its name holds every column, those
  // off to the right (coder, article, source, external ID) too.
  const seehoferRow = table(page).getByRole('row', { name: /Horst Seehofer .* there must be an upper limit the ceiling debate Anna Weber Chancellor defends open borders Die Zeit S-2$/ })
  await expect(seehoferRow).toHaveCount(1)
  await expect(seehoferRow.locator('td.col-externalId')).toHaveCount(0)
  await expect(seehoferRow.getByRole('cell', { name: 'Horst Seehofer' })).toHaveAttribute('aria-colindex', '3')

  // Oldest first by default; a claim's several issues all show, each under its parent.
  expect(await columnTexts(page, 'date')).toEqual(['2015-09-01', '2015-09-01', '2015-10-05', '2015-10-05', '2015-10-05', '2015-11-20', '2015-11-20'])
  const seehoferIssues = table(page).getByRole('row', { name: /Horst Seehofer.*upper limit/ }).locator('td.col-issues')
  await expect(seehoferIssues.locator('.claims-issue')).toHaveCount(2)
  await expect(seehoferIssues.locator('.claims-issue-count')).toHaveText('2')
  await expect(seehoferIssues).toContainText('Ceiling')
  await expect(seehoferIssues).toContainText('Integration ›')

  // A header click sorts (stances strongest first), Shift+click adds a second key.
  await table(page).getByRole('columnheader', { name: 'Stance' }).getByRole('button').click()
  await expect(table(page).getByRole('columnheader', { name: 'Stance' })).toHaveAttribute('aria-sort', 'descending')
  expect((await columnTexts(page, 'stance')).map((text) => text.split(' ')[0])).toEqual(['+2', '+1', '+1', '−1', '−1', '−2', '−2'])
  await table(page).getByRole('columnheader', { name: 'Actor' }).getByRole('button').click({ modifiers: ['Shift'] })
  expect(await columnTexts(page, 'actor')).toEqual(['Angela Merkel', 'Angela Merkel', 'Pro Asyl', 'AfD', 'Horst Seehofer', 'AfD', 'Horst Seehofer'])

  // An issue filter on a parent takes in its children's claims.
  await page.getByRole('button', { name: 'Filter Issues' }).click()
  const issuePicker = page.getByRole('dialog', { name: 'Filter Issues' })
  await issuePicker.getByRole('checkbox', { name: /Controlling migration/ }).check()
  await issuePicker.getByRole('button', { name: 'Done' }).click()
  await expect(count(page)).toHaveText('6 of 7 claims')
  // One of a list (actor) narrows further; a stance range too.
  await page.getByRole('button', { name: 'Filter Actor' }).click()
  const actorPicker = page.getByRole('dialog', { name: 'Filter Actor' })
  await actorPicker.getByRole('searchbox', { name: 'Find actor' }).fill('hors')
  await actorPicker.getByRole('checkbox', { name: /Horst Seehofer/ }).check()
  await actorPicker.getByRole('button', { name: 'Done' }).click()
  await expect(count(page)).toHaveText('2 of 7 claims')
  await page.getByRole('button', { name: 'Filter Stance' }).click()
  await page.getByRole('dialog', { name: 'Filter Stance' }).getByLabel('From stance').selectOption('-1')
  await page.getByRole('dialog', { name: 'Filter Stance' }).getByRole('button', { name: 'Done' }).click()
  await expect(count(page)).toHaveText('1 of 7 claims')
  expect(await columnTexts(page, 'quote')).toEqual(['we will not accept more this year'])
  await page.getByRole('button', { name: 'Clear 3 filters' }).click()
  await expect(count(page)).toHaveText('7 of 7 claims')

  // A date range and a "contains" column filter.
  await page.getByRole('button', { name: 'Filter Date' }).click()
  await page.getByRole('dialog', { name: 'Filter Date' }).getByLabel('From').fill('2015-10-01')
  await page.getByRole('dialog', { name: 'Filter Date' }).getByRole('button', { name: 'Done' }).click()
  await expect(count(page)).toHaveText('5 of 7 claims')
  await page.getByRole('searchbox', { name: 'Filter Article' }).fill('integration LAW')
  await expect(count(page)).toHaveText('2 of 7 claims')
  await page.getByRole('button', { name: 'Clear 2 filters' }).click()

  // The search looks in quotes and notes, case aside.
  const search = page.getByRole('searchbox', { name: 'Search claims' })
  await search.fill('CEILING')
  await expect(count(page)).toHaveText('1 of 7 claims')
  expect(await columnTexts(page, 'quote')).toEqual(['there must be an upper limit'])
  await search.fill('borders closed')
  await expect(count(page)).toHaveText('2 of 7 claims')
  await search.fill('')

  // Columns: the note out, the actors' party in (from their attributes).
  await page.getByRole('button', { name: 'Columns' }).click()
  const picker = page.getByRole('dialog', { name: 'Columns' })
  await picker.getByRole('checkbox', { name: 'Note' }).uncheck()
  await picker.getByRole('checkbox', { name: 'Actor party' }).check()
  await picker.getByRole('button', { name: 'Done' }).click()
  await expect(table(page).getByRole('columnheader', { name: 'Note' })).toHaveCount(0)
  await expect(table(page).getByRole('columnheader', { name: 'Actor party' })).toBeVisible()

  // Export CSV: these columns, in this order, the rows the filters leave, in the sort shown.
  await page.getByRole('button', { name: 'Filter Source' }).click()
  await page.getByRole('dialog', { name: 'Filter Source' }).getByRole('checkbox', { name: /Die Zeit/ }).check()
  await page.getByRole('dialog', { name: 'Filter Source' }).getByRole('button', { name: 'Done' }).click()
  await expect(count(page)).toHaveText('4 of 7 claims')
  const shownQuotes = await columnTexts(page, 'quote')
  const rows = await exportShown(page)
  const headers = (await table(page).locator('thead th .claims-head-label').allInnerTexts()).map((text) => text.trim())
  expect(Object.keys(rows[0]!)).toEqual(headers)
  expect(headers).toContain('Actor party')
  expect(headers).not.toContain('Note')
  expect(rows.map((row) => row.Quote)).toEqual(shownQuotes)
  expect(rows.map((row) => row.Stance)).toEqual(['2', '1', '-1', '-2'])
  expect(rows.find((row) => row.Quote === 'there must be an upper limit')).toMatchObject({
    Actor: 'Horst Seehofer',
    Issues: 'Controlling migration › Ceiling | Integration › General',
    'Actor party': 'CSU',
    Source: 'Die Zeit',
    'External ID': 'S-2',
    Coder: 'Anna Weber',
  })

  // The set-up is remembered across a reload (columns and sort; filters are for the session).
  await page.reload()
  await expect(table(page).getByRole('columnheader', { name: 'Actor party' })).toBeVisible()
  await expect(table(page).getByRole('columnheader', { name: 'Stance' })).toHaveAttribute('aria-sort', 'descending')
})

test('bulk edits the selected claims in one step that undo takes back, and opens a row in the reader', async ({ workbench }) => {
  const { page } = workbench
  await seed(page)
  await openClaims(page)
  const before = new Map((await readTable<Claim>(page, 'claims')).map((claim) => [claim.id, claim]))

  // Click one row, Shift+click another: the three rows between are selected.
  await column(page, 'actor').nth(1).click()
  await column(page, 'actor').nth(3).click({ modifiers: ['Shift'] })
  await expect(page.getByText('3 claims selected')).toBeVisible()
  const selectedQuotes = await texts(table(page).locator('tbody tr[aria-selected="true"] td.col-quote'))
  expect(selectedQuotes).toEqual(['there must be an upper limit', 'the borders must be closed', 'language courses for everyone'])

  await page.getByRole('button', { name: 'Edit 3 claims…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit selected claims' })
  await dialog.getByRole('combobox', { name: 'Issue change' }).selectOption('add')
  await dialog.getByRole('combobox', { name: 'Issue', exact: true }).fill('language')
  await dialog.getByRole('option', { name: /Integration › Language courses/ }).click()
  await dialog.getByLabel('Stance').selectOption('0')
  await dialog.getByRole('combobox', { name: 'Actor' }).fill('pro as')
  await dialog.getByRole('option', { name: /Pro Asyl/ }).click()
  await dialog.getByRole('button', { name: 'Apply to 3 claims' }).click()
  await expect(dialog).toBeHidden()
  const summary = page.getByRole('status', { name: 'Bulk edit summary' })
  await expect(summary).toContainText('3 claims changed')
  await expect(summary).toContainText('Issue “Integration › Language courses” added to 2 claims (1 claim already had it).')

  const edited = new Map((await readTable<Claim>(page, 'claims')).map((claim) => [claim.id, claim]))
  for (const id of ['c2', 'c3', 'c4']) {
    expect(edited.get(id)).toMatchObject({ stance: 0, actorId: 'proasyl', updatedBy: anna.id })
    expect(edited.get(id)!.issueIds).toContain('int-lang')
  }
  expect(edited.get('c2')!.issueIds).toEqual(['mig-cap', 'int-gen', 'int-lang'])
  expect(edited.get('c1')).toEqual(before.get('c1'))
  // The table follows the write.
  await expect(table(page).locator('tbody tr[aria-selected="true"] td.col-actor')).toHaveText(['Pro Asyl', 'Pro Asyl', 'Pro Asyl'])

  // One undo takes the whole edit back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(table(page).locator('tbody tr[aria-selected="true"] td.col-actor')).toHaveText(['Horst Seehofer', 'AfD', 'Pro Asyl'])
  const undone = new Map((await readTable<Claim>(page, 'claims')).map((claim) => [claim.id, claim]))
  // (Restoring is a new write: it carries a fresh updatedAt, so merges see it as the latest.)
  for (const id of ['c2', 'c3', 'c4']) expect({ ...undone.get(id), updatedAt: '' }).toEqual({ ...before.get(id), updatedAt: '' })

  // A row opens the reader at its claim; Back returns to the table.
  await page.getByRole('button', { name: 'Clear selection' }).click()
  const row = table(page).getByRole('row', { name: /integration a duty for both sides/ })
  // The keyboard reaches the columns off to the right (a row draws those in view): End focuses
  // the row's last cell and brings it into view; Home goes back to the row's checkbox cell.
  await row.locator('td.col-quote').click()
  await page.keyboard.press('End')
  await expect(row.locator('td.col-externalId')).toBeFocused()
  await expect(row.locator('td.col-externalId')).toBeInViewport()
  await page.keyboard.press('ArrowLeft')
  await expect(row.locator('td.col-source')).toBeFocused()
  await page.keyboard.press('Home')
  await expect(row.locator('td.cell-check')).toBeFocused()
  await expect(row.locator('td.col-date')).toBeInViewport()
  await row.locator('td.col-quote').click()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/library\/article\/a3\?claim=c5$/)
  await expect(page.getByRole('article')).toContainText('integration a duty for both sides')
  await expect(page.locator('.reader-text [data-h="c:c5"]')).toHaveClass(/hl-focus/)
  await page.goBack()
  await expect(table(page)).toBeVisible()
  await row.locator('td.col-stance').dblclick()
  await expect(page).toHaveURL(/#\/library\/article\/a3\?claim=c5$/)
  // The article cell's title is a link to the same place, one history entry like the others.
  await page.goBack()
  // Columns are drawn as they scroll into view: the keyboard brings the article's in. The table
  // is drawn again after Back: the keys go to it once the clicked cell has focus.
  await expect(table(page)).toBeVisible()
  await row.locator('td.col-quote').click()
  await expect(row.locator('td.col-quote')).toBeFocused()
  // End draws the last columns, then focuses the last. Keys pressed before that focus lands move
  // on from the cell it is going to: three keys in one task (faster than any frame) end two
  // columns left of the last.
  await page.evaluate(() => {
    for (const key of ['End', 'ArrowLeft', 'ArrowLeft']) document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  })
  await expect(row.locator('td.col-article')).toBeFocused()
  // Followed as a route (history.pushState), not as a fragment navigation: no hashchange.
  await page.evaluate(() => {
    const counted = window as unknown as { hashChanges: number }
    counted.hashChanges = 0
    window.addEventListener('hashchange', () => counted.hashChanges++)
  })
  await row.locator('td.col-article a').click()
  await expect(page).toHaveURL(/#\/library\/article\/a3\?claim=c5$/)
  expect(await page.evaluate(() => (window as unknown as { hashChanges: number }).hashChanges)).toBe(0)
  await expect(page.getByRole('article')).toContainText('integration a duty for both sides')
  await page.goBack()
  await expect(table(page)).toBeVisible()

  // A press outside the table before a move's focus lands (here on the row count, which takes no
  // focus) ends the move: focus stays where the press put it, nowhere. Played in the key's own
  // task, as the browser plays a real press there (a real click cannot be given in that task): a
  // pointerdown, then the focused cell losing focus to nothing.
  await row.locator('td.col-quote').click()
  await expect(row.locator('td.col-quote')).toBeFocused()
  await expect(row.locator('td.col-externalId')).toHaveCount(0)
  await page.evaluate(() => {
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }))
    document.querySelector('.claims-count')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true }))
    ;(document.activeElement as HTMLElement).blur()
  })
  // The move's scroll still draws the last columns; focus is not pulled back to them.
  await expect(row.locator('td.col-externalId')).toBeInViewport()
  await waitFrames(page, 15)
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
  // Focus taken out of the table by the keyboard (Tab, played as focus moving to the next
  // element in the key's task) ends the move the same way.
  await page.locator('.claims-scroll').evaluate((scroller) => (scroller.scrollLeft = 0))
  await row.locator('td.col-quote').click()
  await expect(row.locator('td.col-quote')).toBeFocused()
  await expect(row.locator('td.col-externalId')).toHaveCount(0)
  await page.evaluate(() => {
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }))
    document.querySelector<HTMLInputElement>('input[aria-label="Search claims"]')!.focus()
  })
  await expect(row.locator('td.col-externalId')).toBeInViewport()
  await waitFrames(page, 15)
  await expect(page.getByRole('searchbox', { name: 'Search claims' })).toBeFocused()
})

test('Claims shown: all, adjudicated only or one coder, after blind coding hides the others’ claims', async ({ workbench }) => {
  const { page } = workbench
  const blind: Assignment = { id: 'round-1', name: 'Round 1', articleIds: ['a2'], coderIds: [anna.id, jonas.id], blind: true, createdBy: anna.id, createdAt: T0, updatedAt: T0, updatedBy: anna.id }
  await seed(page, { assignments: [blind] })
  await openClaims(page)
  const shown = page.getByRole('combobox', { name: 'Claims shown' })
  await expect(shown).toHaveValue('all')
  expect(await shown.locator('option').allInnerTexts()).toEqual(['All claims', 'Adjudicated only', 'Anna Weber', 'Jonas Klein'])

  // The lead sees everything.
  await expect(count(page)).toHaveText('7 of 7 claims')
  await shown.selectOption({ label: 'Adjudicated only' })
  await expect(count(page)).toHaveText('1 of 1 claim')
  expect(await columnTexts(page, 'quote')).toEqual(['the borders must be closed'])
  await shown.selectOption({ label: 'Jonas Klein' })
  await expect(count(page)).toHaveText('3 of 3 claims')
  expect(new Set(await columnTexts(page, 'coder'))).toEqual(new Set(['Jonas Klein']))
  await shown.selectOption({ label: 'All claims' })

  // The coder column filters by coder too, within the claims shown.
  await page.getByRole('button', { name: 'Filter Coder' }).click()
  await page.getByRole('dialog', { name: 'Filter Coder' }).getByRole('checkbox', { name: /Anna Weber/ }).check()
  await page.getByRole('dialog', { name: 'Filter Coder' }).getByRole('button', { name: 'Done' }).click()
  await expect(count(page)).toHaveText('4 of 7 claims')

  // Jonas, coding blind on a2, does not see Anna's claims there (the adjudicated c7), and
  // Export CSV leaves them out too.
  await page.evaluate(async (coderId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('standpoint')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite')
      tx.objectStore('settings').put({ key: 'currentCoderId', value: coderId })
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('write failed'))
    })
    db.close()
  }, jonas.id)
  await page.reload()
  await expect(table(page)).toBeVisible()
  await expect(count(page)).toHaveText('6 of 6 claims · 1 claim of other coders hidden (blind coding)')
  const quotes = await columnTexts(page, 'quote')
  expect(quotes.filter((quote) => quote === 'the borders must be closed')).toHaveLength(1)
  const rows = await exportShown(page)
  expect(rows).toHaveLength(6)
  expect(rows.filter((row) => row.Quote === 'the borders must be closed').map((row) => row.Coder)).toEqual(['Jonas Klein'])
  await shown.selectOption({ label: 'Adjudicated only' })
  await expect(count(page)).toContainText('0 of 0 claims')
})
