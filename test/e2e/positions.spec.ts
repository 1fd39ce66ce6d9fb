import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import type { Locator, Page } from '@playwright/test'
import type { Actor, Article, Claim, Issue, Stance } from '../../renderer/src/domain/model'
import { waitFrames } from './support/frames'
import { readTable, seedWorkspace } from './support/seed'
import { expect, test } from './support/workbench'

// The seed article's claim (Al-Nujaba Movement, Attacks on Israel, 2024-12-23, stance −1) and
// one from the month before (stance +1), plus a few actors so that sorting has work to do.

const NOW = '2025-01-05T10:00:00.000Z'
const SEED_QUOTE = 'will stop military operations against Israel'
const SEED_TITLE = 'Iran-backed militias in Iraq announce a halt to military operations against Israel'
const NOVEMBER_QUOTE = 'operations against the occupation will continue'

function article(id: string, title: string, source: string, publishedAt: string, body: string): Article {
  return { id, title, source, author: '', publishedAt, url: '', language: 'en', direction: 'ltr', body, contentHash: id, importedAt: NOW, origin: 'paste', meta: {}, updatedAt: NOW, externalId: '' }
}

function actor(id: string, name: string, kind: Actor['kind'], aliases: string[] = []): Actor {
  return { id, name, kind, aliases, notes: '', createdAt: NOW, updatedAt: NOW, attributes: {}, updatedBy: '' }
}

function claimIn(source: Article, id: string, actorId: string, issueId: string, stance: Stance, date: string, quote: string): Claim {
  const start = source.body.indexOf(quote)
  if (start < 0) throw new Error(`quote not in article: ${quote}`)
  const end = start + quote.length
  return {
    id,
    articleId: source.id,
    actorId,
    issueIds: [issueId],
    stance,
    date,
    addresseeId: null,
    note: '',
    anchor: { exact: quote, prefix: source.body.slice(Math.max(0, start - 32), start), suffix: source.body.slice(end, end + 32), start, end },
    createdAt: NOW,
    updatedAt: NOW,
    coderId: 'coder-1',
    updatedBy: 'coder-1',
    externalId: '',
    attributes: {},
    adjudicatedFrom: [],
  }
}

const seedArticle = article(
  'art-seed',
  SEED_TITLE,
  'World Israel News',
  '2024-12-23',
  [
    'Iraqi militias aligned with Iran are suspending their military operations in Syria, as well as their attacks against Israel, according to a report Monday by a Lebanese media outlet associated with an Iranian proxy force.',
    '“The resistance will stop military operations against Israel as part of its support for Gaza and will not interfere in political changes in Syria,” the official continued.',
  ].join('\n\n'),
)
// Written for this test: a November statement in the other direction.
const novemberArticle = article(
  'art-nov',
  'Iraqi factions reject calls to halt attacks',
  'Regional Wire',
  '2024-11-20',
  'A spokesman for the Al-Nujaba Movement said that operations against the occupation will continue until the war in Gaza ends. Prime Minister Mohammed Shia al-Sudani urged restraint.',
)

const issues: Issue[] = [{ id: 'iss-israel', label: 'Attacks on Israel', description: '', parentId: null, createdAt: NOW, updatedAt: NOW, code: '', updatedBy: '' }]
const actors: Actor[] = [
  actor('act-nujaba', 'Al-Nujaba Movement', 'armed group', ['Nujaba', 'al-Nujaba']),
  actor('act-kataib', 'Kataib Hezbollah', 'armed group'),
  actor('act-sudani', 'Mohammed Shia al-Sudani', 'person'),
]
const claims: Claim[] = [
  claimIn(seedArticle, 'clm-seed', 'act-nujaba', 'iss-israel', -1, '2024-12-23', SEED_QUOTE),
  claimIn(novemberArticle, 'clm-nov', 'act-nujaba', 'iss-israel', 1, '2024-11-20', NOVEMBER_QUOTE),
  claimIn(novemberArticle, 'clm-sudani', 'act-sudani', 'iss-israel', -2, '2024-12-02', 'urged restraint'),
  claimIn(novemberArticle, 'clm-kataib', 'act-kataib', 'iss-israel', 2, '2024-11-21', 'will continue'),
]

async function openPositions(page: Page): Promise<Locator> {
  await seedWorkspace(page, { articles: [seedArticle, novemberArticle], actors, issues, claims })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions' }).click()
  const table = page.getByRole('table', { name: 'Positions' })
  await expect(table).toBeVisible()
  return table
}

function rowOf(table: Locator, actorName: string): Locator {
  return table.getByRole('row').filter({ hasText: actorName })
}

/** The cell of a row under a column header, found through aria-colindex (columns are virtualised). */
async function cellUnder(table: Locator, row: Locator, header: string): Promise<Locator> {
  const index = await table.getByRole('columnheader', { name: header, exact: true }).getAttribute('aria-colindex')
  expect(index).not.toBeNull()
  return row.locator(`[role="cell"][aria-colindex="${index}"]`)
}

async function actorOrder(table: Locator): Promise<string[]> {
  return table.locator('[role="row"] [role="cell"][aria-colindex="1"]').allInnerTexts()
}

/** The table as the analyst sees it: header texts, then each row's cell texts (mean only for buckets). */
async function tableAsShown(table: Locator): Promise<string[][]> {
  const headers = await table.getByRole('columnheader').allInnerTexts()
  const rows = await table.locator('[role="rowgroup"] + [role="rowgroup"] [role="row"]').evaluateAll((elements) =>
    elements.map((row) =>
      Array.from(row.querySelectorAll<HTMLElement>('[role="cell"]')).map((cell) => (cell.querySelector('.cell-mean')?.textContent ?? cell.innerText).trim()),
    ),
  )
  return [headers.map((header) => header.replace(/[▲▼]\d*$/, '').replace(/\s+/g, ' ').trim()), ...rows]
}

test('the monthly table shows the November and December stances and the shift between them', async ({ workbench }) => {
  const { page } = workbench
  const table = await openPositions(page)
  await expect(page.getByLabel('Time bucket')).toHaveValue('month')
  const nujaba = rowOf(table, 'Al-Nujaba Movement')
  await expect(nujaba).toHaveCount(1)
  await expect(nujaba).toContainText('armed group')
  await expect(nujaba).toContainText('Attacks on Israel')

  const november = await cellUnder(table, nujaba, '2024-11')
  const december = await cellUnder(table, nujaba, '2024-12')
  await expect(november).toContainText('+1.0')
  await expect(november).toContainText('·1')
  await expect(december).toContainText('-1.0')
  await expect(december.getByRole('img', { name: 'shift' })).toBeVisible()
  await expect(november.getByRole('img', { name: 'shift' })).toHaveCount(0)
  // A screen reader hears whose stance, on what, when, the mean and the count.
  await expect(december).toHaveAccessibleName('Al-Nujaba Movement on Attacks on Israel, December 2024: mean -1.0, 1 claim, shift')
  await expect(november).toHaveAccessibleName('Al-Nujaba Movement on Attacks on Israel, November 2024: mean +1.0, 1 claim')
  // Hovering tells the breakdown.
  await december.hover()
  await expect(december).toHaveAttribute('title', /-1 \(against\): 1/)
  await expect(december).toHaveAttribute('title', /Shift: the stance changed sign since 2024-11 \(mean \+1\.0\)/)
  // Summary: first +1, last −1, shift −2, last seen on the seed article's date.
  await expect(await cellUnder(table, nujaba, 'Shift')).toHaveText('-2')
  await expect(await cellUnder(table, nujaba, 'Last seen')).toHaveText('2024-12-23')

  // A quarter holds both claims: no columns to change sign between.
  await page.getByLabel('Time bucket').selectOption('quarter')
  const quarter = await cellUnder(table, nujaba, '2024-Q4')
  await expect(quarter).toContainText('0.0')
  await expect(quarter).toContainText('·2')
  await expect(quarter.getByRole('img', { name: 'shift' })).toHaveCount(0)
  await page.getByLabel('Time bucket').selectOption('week')
  await expect(table.getByRole('columnheader', { name: '2024-W52', exact: true })).toBeVisible()
  await expect(await cellUnder(table, rowOf(table, 'Al-Nujaba Movement'), '2024-W52')).toContainText('-1.0')
})

test('sorting by a column reorders the rows; shift-click adds a second sort', async ({ workbench }) => {
  const { page } = workbench
  const table = await openPositions(page)
  const actorHeader = table.getByRole('columnheader', { name: 'Actor', exact: true })
  const december = table.getByRole('columnheader', { name: '2024-12', exact: true })
  await expect.poll(() => actorOrder(table)).toEqual(['Al-Nujaba Movement', 'Kataib Hezbollah', 'Mohammed Shia al-Sudani'])

  await actorHeader.getByRole('button').click()
  await expect(actorHeader).toHaveAttribute('aria-sort', 'ascending')
  await actorHeader.getByRole('button').click()
  await expect(actorHeader).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(() => actorOrder(table)).toEqual(['Mohammed Shia al-Sudani', 'Kataib Hezbollah', 'Al-Nujaba Movement'])

  // A number column sorts highest first; rows with no claim in December go last.
  await december.getByRole('button').click()
  await expect(december).toHaveAttribute('aria-sort', 'descending')
  await expect(actorHeader).toHaveAttribute('aria-sort', 'none')
  await expect.poll(() => actorOrder(table)).toEqual(['Al-Nujaba Movement', 'Mohammed Shia al-Sudani', 'Kataib Hezbollah'])
  await december.getByRole('button').click()
  await expect(december).toHaveAttribute('aria-sort', 'ascending')
  await expect.poll(() => actorOrder(table)).toEqual(['Mohammed Shia al-Sudani', 'Al-Nujaba Movement', 'Kataib Hezbollah'])

  // Kind first, then (shift-click) actor within a kind.
  const kind = table.getByRole('columnheader', { name: 'Kind', exact: true })
  await kind.getByRole('button').click()
  await kind.getByRole('button').click()
  await expect(kind).toHaveAttribute('aria-sort', 'descending')
  await actorHeader.getByRole('button').click({ modifiers: ['Shift'] })
  await expect(kind).toHaveAttribute('aria-sort', 'descending')
  await expect(actorHeader).toHaveAttribute('aria-sort', 'ascending')
  await expect.poll(() => actorOrder(table)).toEqual(['Mohammed Shia al-Sudani', 'Al-Nujaba Movement', 'Kataib Hezbollah'])
})

test('a cell lists the claims behind it, and each opens the article at its claim', async ({ workbench }) => {
  const { page } = workbench
  const table = await openPositions(page)
  const november = await cellUnder(table, rowOf(table, 'Al-Nujaba Movement'), '2024-11')
  const december = await cellUnder(table, rowOf(table, 'Al-Nujaba Movement'), '2024-12')
  // Keyboard first: arrows move between cells, Enter on the focused cell opens the list.
  await november.focus()
  await page.keyboard.press('ArrowRight')
  await expect(december).toBeFocused()
  // Three keys in one task (faster than any frame) go left twice and right once: each move's
  // cell is drawn here, so focus lands at once and the next key moves on from it. (A cell that
  // must be drawn first is covered in the Claims table's test.)
  await page.evaluate(() => {
    for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowRight']) document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  })
  await expect(november).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(december).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: /Al-Nujaba Movement · Attacks on Israel · 2024-12/ })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(SEED_QUOTE)
  await expect(dialog).toContainText('2024-12-23')
  await expect(dialog).not.toContainText(NOVEMBER_QUOTE)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await december.click()
  await expect(dialog).toBeVisible()
  await dialog.getByRole('link', { name: SEED_TITLE }).click()
  await expect(page).toHaveURL(/#\/library\/article\/art-seed\?claim=clm-seed$/)
  await expect(page.getByRole('article')).toContainText(SEED_QUOTE)

  // Back to the same table.
  await page.goBack()
  await expect(page.getByRole('table', { name: 'Positions' })).toBeVisible()

  // The row's claim count lists every claim of the row, oldest first.
  const count = await cellUnder(table, rowOf(table, 'Al-Nujaba Movement'), 'Claims')
  await count.click()
  const all = page.getByRole('dialog', { name: /all claims/ })
  await expect(all.getByRole('listitem')).toHaveCount(2)
  await expect(all.getByRole('listitem').first()).toContainText(NOVEMBER_QUOTE)
  await expect(all.getByRole('listitem').last()).toContainText(SEED_QUOTE)
})

test('Enter pressed before a move’s focus has landed lists the claims of the cell the move went to', async ({ workbench }) => {
  const { page } = workbench
  const table = await openPositions(page)
  await page.getByLabel('Time bucket').selectOption('day')
  const row = rowOf(table, 'Al-Nujaba Movement')
  // The day table opens at its latest days: the first, 2024-11-20, is not drawn.
  const latest = await cellUnder(table, row, '2024-12-23')
  await expect(table.getByRole('columnheader', { name: '2024-11-20', exact: true })).toHaveCount(0)
  await latest.focus()
  const labels = await table.locator('.positions-head .positions-frozen [role="columnheader"]').count()
  // In one task (faster than any frame): Home to the row's first cell, right across its labels to
  // the first day, then Enter. That day is not drawn yet when Enter is pressed, so focus has not
  // landed on it; the Enter acts on it once focus does, not on the label cell focus was leaving.
  await page.evaluate((steps) => {
    for (const key of ['Home', ...Array.from({ length: steps }, () => 'ArrowRight'), 'Enter']) {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    }
  }, labels)
  const dialog = page.getByRole('dialog', { name: /Al-Nujaba Movement · Attacks on Israel · 2024-11-20/ })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(NOVEMBER_QUOTE)
  await expect(dialog).not.toContainText(SEED_QUOTE)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(await cellUnder(table, row, '2024-11-20')).toBeFocused()
})

test('a press while a move’s focus is on its way ends the move, focus staying where the press put it; one on the grid’s scrollbar lets the move land', async ({ workbench }) => {
  const { page } = workbench
  const table = await openPositions(page)
  await page.getByLabel('Time bucket').selectOption('day')
  const row = rowOf(table, 'Al-Nujaba Movement')
  const first = table.getByRole('columnheader', { name: '2024-11-20', exact: true })
  await (await cellUnder(table, row, '2024-12-23')).focus()
  await expect(first).toHaveCount(0)
  const labels = await table.locator('.positions-head .positions-frozen [role="columnheader"]').count()
  // In one task: Home, right across the labels to the first day (not drawn yet, so focus is on
  // its way), then a press on the heading, which takes no focus. The press is played as the
  // browser plays a real one there (a real click cannot be given in the same task): a
  // pointerdown, then the focused cell losing focus to nothing, as when the grid stops drawing it.
  await page.evaluate((steps) => {
    for (const key of ['Home', ...Array.from({ length: steps }, () => 'ArrowRight')]) {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    }
    document.querySelector('h1')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true }))
    ;(document.activeElement as HTMLElement).blur()
  }, labels)
  // The move's scroll still draws the first day; focus is not pulled back to it.
  await expect(first).toHaveCount(1)
  await waitFrames(page, 15)
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)

  // A press inside the grid is left to it. On its scrollbar the press lands on the scroller and
  // moves no focus: the move goes on and focus lands on the first day.
  await (await cellUnder(table, row, '2024-11-20')).focus()
  // End: the row's last cell, a summary column, with the first day no longer drawn.
  await page.keyboard.press('End')
  await expect(row.locator(`[role="cell"][aria-colindex="${await table.getAttribute('aria-colcount')}"]`)).toBeFocused()
  await expect(first).toHaveCount(0)
  await page.evaluate((steps) => {
    for (const key of ['Home', ...Array.from({ length: steps }, () => 'ArrowRight')]) {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    }
    document.querySelector('.positions-scroll')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true }))
  }, labels)
  await expect(await cellUnder(table, row, '2024-11-20')).toBeFocused()

  // A press on the cell that still has focus (the last label, while the move to the first day is
  // on its way) moves no focus and so gives no focus event: the press alone ends the move.
  await page.keyboard.press('End')
  await expect(first).toHaveCount(0)
  await page.evaluate((steps) => {
    for (const key of ['Home', ...Array.from({ length: steps }, () => 'ArrowRight')]) {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    }
    document.activeElement!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true }))
  }, labels)
  await expect(first).toHaveCount(1)
  await waitFrames(page, 15)
  await expect(row.locator(`[role="cell"][aria-colindex="${labels}"]`)).toBeFocused()
})

test('Export CSV writes exactly the table as shown: filters, bucket and sort', async ({ workbench }) => {
  const { page } = workbench
  const table = await openPositions(page)
  await page.getByLabel('Actor kind').selectOption('armed group')
  await expect(rowOf(table, 'Mohammed Shia al-Sudani')).toHaveCount(0)
  const claimsHeader = table.getByRole('columnheader', { name: 'Claims', exact: true })
  await claimsHeader.getByRole('button').click()
  await expect(claimsHeader).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(() => actorOrder(table)).toEqual(['Al-Nujaba Movement', 'Kataib Hezbollah'])

  const shown = await tableAsShown(table)
  const downloaded = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloaded
  expect(download.suggestedFilename()).toMatch(/^standpoint-positions-month-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = readFileSync(await download.path(), 'utf8')
  // No byte order mark unless it was asked for in the Export dialog, as for every export.
  expect(text.startsWith('Actor,')).toBe(true)
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data
  // The same columns as shown, each period as its mean and its count beside it; means unrounded.
  expect(shown[0]).toEqual(['Actor', 'Kind', 'Issue', '2024-11', '2024-12', 'Claims', 'Mean', 'First stance', 'Last stance', 'Shift', 'Reversals', 'Last seen'])
  expect(parsed[0]).toEqual(['Actor', 'Kind', 'Issue', '2024-11 mean', '2024-11 n', '2024-12 mean', '2024-12 n', 'Claims', 'Mean', 'First stance', 'Last stance', 'Shift', 'Reversals', 'Last seen'])
  expect(parsed.slice(1)).toEqual([
    ['Al-Nujaba Movement', 'armed group', 'Attacks on Israel', '1', '1', '-1', '1', '2', '0', '+1', '-1', '-2', '1', '2024-12-23'],
    ['Kataib Hezbollah', 'armed group', 'Attacks on Israel', '2', '1', '', '0', '1', '2', '+2', '+2', '0', '0', '2024-11-21'],
  ])
  // The rows in the order shown.
  expect(parsed.slice(1).map((row) => row[0])).toEqual(shown.slice(1).map((row) => row[0]))
})

test('an empty workspace explains where positions come from, and the table follows claims live', async ({ workbench }) => {
  const { page } = workbench
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions' }).click()
  await expect(page.getByRole('region', { name: 'No positions yet' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Positions' })).toHaveCount(0)

  // Another window of the same workspace writes claims; this one updates without a reload.
  const other = await page.context().newPage()
  await other.goto(page.url().replace(/#.*$/, '#/library'))
  await other.getByRole('button', { name: 'Load sample workspace' }).click()
  const table = page.getByRole('table', { name: 'Positions' })
  await expect(table).toBeVisible()
  await expect(rowOf(table, 'Northern Rivers Brigade').filter({ hasText: 'Ceasefire' })).toHaveCount(1)
  await other.close()

  // The timeline draws the ticked rows.
  await page.getByRole('checkbox', { name: 'Show Northern Rivers Brigade on Ceasefire in the timeline' }).check()
  const timeline = page.getByRole('region', { name: 'Timeline' })
  await expect(timeline.locator('canvas')).toBeVisible()
  await expect(timeline).toContainText('Northern Rivers Brigade · Ceasefire')

  // Many rows ticked: the timeline keeps to 40% of the screen and scrolls inside, so the table
  // keeps its height and the last chart can still be reached.
  const boxes = page.getByRole('checkbox', { name: /in the timeline$/ })
  const ticked = Math.min(await boxes.count(), 6)
  for (let index = 0; index < ticked; index++) await boxes.nth(index).check()
  await expect(timeline.locator('canvas')).toHaveCount(ticked)
  const heights = await timeline.evaluate((element) => ({ own: element.getBoundingClientRect().height, body: element.parentElement!.getBoundingClientRect().height, scrolls: element.scrollHeight > element.clientHeight }))
  expect(ticked).toBeGreaterThanOrEqual(3)
  expect(heights.own).toBeLessThanOrEqual(heights.body * 0.4 + 1)
  expect(heights.scrolls).toBe(true)
  await timeline.locator('canvas').last().scrollIntoViewIfNeeded()
  await expect(timeline.locator('canvas').last()).toBeInViewport()
  await expect(timeline.getByRole('button', { name: 'Clear timeline' })).toBeInViewport()
})

test('a cold open draws the first screen stored for the setup, the same rows the whole table then shows, and never a stale one', async ({ workbench }) => {
  const { page } = workbench
  // More rows than a first screen holds (96), so the record is a part of the table.
  const crowd = Array.from({ length: 140 }, (_, index) => actor(`act-crowd-${index}`, `Speaker ${String(index).padStart(3, '0')}`, 'person'))
  const crowdClaims = crowd.flatMap((speaker, index) =>
    Array.from({ length: 1 + (index % 4) }, (_, nth) => ({
      ...claimIn(novemberArticle, `clm-crowd-${index}-${nth}`, speaker.id, 'iss-israel', (((index + nth) % 5) - 2) as Stance, `2024-${String(1 + ((index + nth) % 12)).padStart(2, '0')}-15`, 'will continue'),
    })),
  )
  await seedWorkspace(page, { articles: [seedArticle, novemberArticle], actors: [...actors, ...crowd], issues, claims: [...claims, ...crowdClaims] })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions' }).click()
  const table = page.getByRole('table', { name: 'Positions' })
  const status = page.getByRole('status').filter({ hasText: 'rows' })
  await expect(status).toContainText('143 rows')
  await expect(status).not.toContainText('reading the claims behind the cells')
  // A setup of the analyst's own: most claims first.
  await table.getByRole('columnheader', { name: 'Claims', exact: true }).getByRole('button').click()
  await expect(status).toContainText('sorted by Claims')
  const expected = await tableAsShown(table)
  await expect
    .poll(async () => (await readTable<{ key: string; setup?: string }>(page, 'positionsSnapshots')).find((row) => row.key === 'positions-first-rows')?.setup ?? '')
    .toContain('"claims"')

  // What the page draws the first time a row is in the table, before anything replaces it.
  await page.addInitScript(() => {
    const record = (): void => {
      const table = document.querySelector('[role="table"][aria-label="Positions"]')
      if (!table?.querySelector('[aria-rowindex="2"]')) return
      observer.disconnect()
      const exportButton = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Export CSV')
      ;(window as unknown as { firstDrawn: unknown }).firstDrawn = {
        fromFirstScreen: exportButton?.disabled === true,
        rowCount: table.getAttribute('aria-rowcount'),
        status: document.querySelector('.positions-status')?.textContent ?? '',
        rows: [...table.querySelectorAll('.positions-body [role="row"]')].map((row) =>
          [...row.querySelectorAll<HTMLElement>('[role="cell"]')].map((cell) => `${cell.getAttribute('aria-colindex')}=${(cell.querySelector('.cell-mean')?.textContent ?? cell.innerText).trim()}`),
        ),
      }
    }
    const observer = new MutationObserver(record)
    observer.observe(document, { childList: true, subtree: true })
  })
  type Drawn = { fromFirstScreen: boolean; rowCount: string; status: string; rows: string[][] }
  const firstDrawn = async (): Promise<Drawn> => {
    await expect.poll(() => page.evaluate(() => (window as unknown as { firstDrawn?: unknown }).firstDrawn !== undefined)).toBe(true)
    return page.evaluate(() => (window as unknown as { firstDrawn: Drawn }).firstDrawn)
  }

  await page.reload()
  const drawn = await firstDrawn()
  expect(drawn.fromFirstScreen).toBe(true)
  expect(drawn.rowCount).toBe('144')
  expect(drawn.status).toContain('143 rows')
  expect(drawn.status).toContain('sorted by Claims')
  // Then the whole table, live: its rows in view are the ones drawn first, cell for cell.
  await expect(status).not.toContainText('reading the claims behind the cells')
  const whole = await tableAsShown(table)
  expect(whole).toEqual(expected)
  expectDrawnInWhole(drawn.rows, await cellsByColumn(table))
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled()

  // A write after the first screen was stored (a rename, through the app) makes it stale: the
  // next cold open draws the new name, never the old record.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
  await page.getByRole('button', { name: 'Edit Speaker 003' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit actor “Speaker 003”' })
  await dialog.getByLabel('Name').fill('Renamed speaker')
  await dialog.getByRole('button', { name: 'Save actor' }).click()
  await expect(dialog).toBeHidden()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions' }).click()
  await page.reload()
  const after = await firstDrawn()
  expect(after.rows.some((row) => row[0] === '1=Renamed speaker')).toBe(true)
  expect(after.rows.some((row) => row[0] === '1=Speaker 003')).toBe(false)
  await expect(status).not.toContainText('reading the claims behind the cells')
  expectDrawnInWhole(after.rows, await cellsByColumn(table))

  // Claims saved while Positions is not loaded (after a reload, from the Claims table) leave
  // the stored positions some writes behind: the next open brings them up to date from the
  // facts snapshot and the journal, and draws them before the engine is built.
  const journalHead = async (): Promise<number> => Math.max(0, ...(await readTable<{ seq: number }>(page, 'journal')).map((row) => row.seq))
  const storedSeq = async (): Promise<number> => (await readTable<{ key: string; seq: number }>(page, 'positionsSnapshots')).find((row) => row.key === 'positions-result')?.seq ?? -1
  // The same claim edited again after the next reload: it changed on both sides of the stored
  // positions, which keep its fact as it was when they were stored.
  for (let round = 0; round < 2; round++) {
    await expect.poll(async () => (await storedSeq()) === (await journalHead())).toBe(true)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click()
    await page.reload()
    const claimsTable = page.getByRole('table', { name: 'Claims' })
    await expect(claimsTable).toBeVisible()
    const claimRow = claimsTable.locator('tbody tr').filter({ hasText: 'Speaker 000' })
    const stanceBefore = (await claimRow.locator('td.col-stance').innerText()).trim()
    await claimRow.locator('td.col-actor').click()
    await page.getByRole('button', { name: 'Edit 1 claim…' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit selected claims' })
    await edit.getByLabel('Stance').selectOption(stanceBefore.startsWith('+2') ? '-2' : '2')
    await edit.getByRole('button', { name: 'Apply to 1 claim' }).click()
    await expect(edit).toBeHidden()
    expect(await storedSeq()).toBeLessThan(await journalHead())
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions' }).click()
    const caughtUp = await firstDrawn()
    expect(caughtUp.status, `round ${round}`).toContain('reading the claims behind the cells')
    await expect(status).not.toContainText('reading the claims behind the cells')
    expectDrawnInWhole(caughtUp.rows, await cellsByColumn(table))
  }
})

/** Each row's cells as "colindex=text", in the order drawn. */
function cellsByColumn(table: Locator): Promise<string[][]> {
  return table.locator('.positions-body [role="row"]').evaluateAll((elements) =>
    elements.map((row) => Array.from(row.querySelectorAll<HTMLElement>('[role="cell"]')).map((cell) => `${cell.getAttribute('aria-colindex')}=${(cell.querySelector('.cell-mean')?.textContent ?? cell.innerText).trim()}`)),
  )
}

/**
 * The rows drawn first are the whole table's first rows, and every cell drawn then says what
 * the whole table says in that column. The first drawing covers the blocks on screen at a
 * guessed size (it may hold rows the table drops once measured); the blocks beside them come
 * once it has been painted.
 */
function expectDrawnInWhole(drawn: string[][], whole: string[][]): void {
  expect(drawn.length).toBeGreaterThan(0)
  expect(drawn.every((row) => row.length > 3)).toBe(true)
  // The rows on screen, at least, are in both.
  expect(Math.min(drawn.length, whole.length)).toBeGreaterThanOrEqual(8)
  drawn.slice(0, whole.length).forEach((row, index) => {
    expect(row.slice(0, 3)).toEqual(whole[index]!.slice(0, 3))
    expect(whole[index]).toEqual(expect.arrayContaining(row))
  })
}
