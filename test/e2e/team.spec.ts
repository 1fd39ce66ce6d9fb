import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { positionRows } from './support/positionsTable'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { chromium, type BrowserContext, type Download, type Locator, type Page } from '@playwright/test'
import { computeAgreement } from '../../renderer/src/domain/agreement/report'
import type { Article, Assignment, Claim, Coder } from '../../renderer/src/domain/model'
import { chooseHost, QUIET_CHROMIUM_ARGS, WEB_ORIGIN } from './support/host'
import { readTable, seedWorkspace } from './support/seed'
import { makeActor, makeArticle, makeClaim, makeIssue, openArticle, selectText, waitForHighlights } from './support/taggingFixtures'
import { expect, test } from './support/workbench'

// Team coding without a server, as two people do it on two machines (two browser profiles):
// the lead sets up coders and a blind assignment; Omar codes on his machine and exports his
// package; Sara codes on the lead's machine; the lead merges Omar's package, reads Agreement
// (its figures checked against domain/agreement on the raw claims, which test/unit/agreement
// verifies against published values), and adjudicates a disagreement.

const SHOTS = process.env.STANDPOINT_TEAM_SHOTS

async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  if (!SHOTS) return
  await (target ?? page).screenshot({ path: join(SHOTS, `${name}.png`) })
}

const Q = {
  halt: 'the brigade will halt attacks on Israel until the ceasefire talks resume',
  disarm: 'the government will disarm every militia outside state control by the summer',
  talks: 'the movement is ready to join talks if the strikes stop',
  border: 'the border crossings will reopen next week',
  budget: 'the budget for the armed factions will be cut in half',
}

const ARTICLES: Article[] = [
  makeArticle('art-1', 'Factions weigh a halt to attacks', '2024-12-10', `A spokesman said ${Q.halt}.\n\nThe prime minister’s office said ${Q.disarm}.`),
  makeArticle('art-2', 'Talks offer from the movement', '2024-12-12', `In a statement, a leader said ${Q.talks}. Analysts were sceptical.`),
  makeArticle('art-3', 'Border and budget', '2024-12-14', `Officials said ${Q.border}. Separately, a minister said ${Q.budget}.`),
]
const ACTORS = [makeActor('kh', 'Kataib Hezbollah', 'armed group', ['KH']), makeActor('gov', 'Government of Iraq', 'state')]
const ISSUES = [makeIssue('attacks', 'Attacks on Israel'), makeIssue('disarm', 'Disarmament of militias')]

const host = chooseHost()

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  return { download, text: readFileSync(await download.path(), 'utf8') }
}

/** The second machine: its own browser profile, so its own IndexedDB. */
async function secondMachine(): Promise<{ page: Page; context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'standpoint-e2e-second-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: host.executable,
    headless: true,
    args: [...QUIET_CHROMIUM_ARGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    viewport: { width: 1360, height: 860 },
    acceptDownloads: true,
    locale: 'en-GB',
    timezoneId: 'UTC',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${WEB_ORIGIN}/`)
  return {
    page,
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
      expect(errors, 'the second machine’s page must throw no uncaught error').toEqual([])
    },
  }
}

const status = (page: Page): Locator => page.getByRole('contentinfo', { name: 'Status' })
const tagging = (page: Page): Locator => page.getByRole('complementary', { name: 'Tagging' })

/** Switches the coder here in the status bar (a lead's option reads "Lena (lead)"). */
async function switchCoder(page: Page, name: string): Promise<void> {
  const select = status(page).getByRole('combobox', { name: 'Current coder' })
  const value = await select.locator('option').filter({ hasText: new RegExp(`^${name}( \\(lead\\))?$`) }).getAttribute('value', { timeout: 5_000 })
  await select.selectOption(value)
  await expect(select.locator('option:checked')).toHaveText(new RegExp(`^${name}`))
  await expect(page.getByRole('status').filter({ hasText: `Coding as ${name} now.` }).first()).toBeVisible()
}

/** Figures of one row of the "Agreement by field" table: α, percent, κ, units. */
async function fieldRow(page: Page, field: RegExp): Promise<string[]> {
  const row = page.getByRole('table', { name: 'Agreement by field' }).getByRole('row', { name: field })
  return (await row.locator('td').allTextContents()).map((text) => text.replace(/\s*\(.*\)$/, '').trim())
}

/** The Positions rows as { label | issue: [claims, mean] } from the summary columns. */

/** The Library's Claims column as { article id: count }, the article told by its title. */
async function libraryClaims(page: Page): Promise<Record<string, string>> {
  const titles = new Map(ARTICLES.map((article) => [article.title, article.id]))
  const cells = await page
    .getByRole('table', { name: 'Articles' })
    .locator('tbody tr.article-row')
    .evaluateAll((rows) => rows.map((row) => [row.querySelector('.title-button')?.textContent ?? '', row.querySelector('.cell-number')?.textContent ?? ''] as const))
  return Object.fromEntries(cells.map(([title, count]) => [titles.get(title) ?? title, count]))
}

test.beforeEach(({ workbench }) => {
  test.skip(workbench.host === 'electron', 'the packages are read from the browser download; Electron saves through the native dialog')
})

test('two coders code the same articles blind, exchange packages, and the lead reads agreement and adjudicates', async ({ workbench }) => {
  test.setTimeout(180_000)
  const lead = workbench.page

  // --- The lead's machine: who is coding, coders, a blind assignment ------------------------
  await seedWorkspace(lead, { articles: ARTICLES, actors: ACTORS, issues: ISSUES })
  const prompt = lead.getByRole('region', { name: 'Who is coding?' })
  await expect(prompt).toBeVisible()
  await shot(lead, 'coder-prompt')
  await prompt.getByRole('textbox', { name: 'Your name' }).fill('Lena')
  await prompt.getByRole('button', { name: 'Add me' }).click()
  await expect(prompt).toBeHidden()
  await expect(status(lead).getByRole('combobox', { name: 'Current coder' })).toHaveValue(/.+/)
  await expect(status(lead)).toContainText('Coding as')

  await lead.getByRole('button', { name: 'Coders…' }).click()
  const coders = lead.getByRole('dialog', { name: 'Coders' })
  for (const name of ['Sara', 'Omar']) {
    await coders.getByRole('textbox', { name: 'New coder' }).fill(name)
    await coders.getByRole('button', { name: 'Add coder' }).click()
    await expect(coders.getByRole('table', { name: 'Coders' }).getByRole('textbox', { name: `Name of ${name}` })).toBeVisible()
  }
  await expect(coders.getByRole('combobox', { name: 'Role of Lena' })).toHaveValue('lead')
  await expect(coders.getByRole('combobox', { name: 'Role of Omar' })).toHaveValue('coder')
  await coders.getByRole('button', { name: 'Close' }).first().click()

  await lead.getByRole('button', { name: 'Assignments…' }).click()
  const assignments = lead.getByRole('dialog', { name: 'Assignments' })
  await assignments.getByRole('button', { name: 'New assignment' }).click()
  const editor = assignments.getByRole('form', { name: 'New assignment' })
  await editor.getByRole('textbox', { name: 'Assignment name' }).fill('Pilot week 1')
  await editor.getByRole('checkbox', { name: 'Sara' }).check()
  await editor.getByRole('checkbox', { name: 'Omar' }).check()
  await expect(editor.getByRole('checkbox', { name: /^Blind coding/ })).toBeChecked()
  await editor.getByRole('button', { name: 'Choose all shown', exact: true }).click()
  await expect(editor.getByRole('group', { name: 'Articles (3 chosen)' })).toBeVisible()
  await editor.getByRole('button', { name: 'Save assignment' }).click()
  await expect(assignments.getByRole('table', { name: 'Assignments' })).toContainText('Sara, Omar')
  await assignments.getByRole('button', { name: 'Close' }).first().click()

  // The workspace as the lead hands it out (how it travels is not this test's subject).
  const shared = {
    articles: ARTICLES,
    actors: ACTORS,
    issues: ISSUES,
    coders: await readTable<Coder>(lead, 'coders'),
    assignments: await readTable<Assignment>(lead, 'assignments'),
  }
  const id = (name: string): string => shared.coders.find((coder) => coder.name === name)!.id
  const [sara, omar] = [id('Sara'), id('Omar')]

  // --- Omar's machine: he says who he is, codes blind, exports his package -------------------
  const omarPackage = await (async (): Promise<string> => {
    const second = await secondMachine()
    try {
      const page = second.page
      await seedWorkspace(page, shared)
      const askOmar = page.getByRole('region', { name: 'Who is coding?' })
      await askOmar.getByRole('combobox', { name: 'I am' }).selectOption({ label: 'Omar' })
      await askOmar.getByRole('button', { name: 'Continue' }).click()
      await expect(askOmar).toBeHidden()
      await expect(status(page).getByRole('combobox', { name: 'Current coder' }).locator('option:checked')).toHaveText('Omar')
      await seedWorkspace(page, {
        claims: [
          makeClaim('o-halt', ARTICLES[0]!, Q.halt.slice(0, 40), 'kh', 'attacks', -1, { coderId: omar, updatedBy: omar }),
          makeClaim('o-talks', ARTICLES[1]!, Q.talks, 'kh', 'attacks', 2, { coderId: omar, updatedBy: omar }),
          makeClaim('o-budget', ARTICLES[2]!, Q.budget, 'gov', 'disarm', -2, { coderId: omar, updatedBy: omar }),
        ],
      })
      // One claim through the tagging panel: the panel stamps it with Omar as its coder.
      await openArticle(page, 'art-1')
      await expect(page.getByRole('article').getByRole('note')).toContainText('Blind coding: only your own claims and mentions are shown')
      await selectText(page, Q.disarm)
      await tagging(page).getByRole('button', { name: 'Tag claim' }).click()
      await tagging(page).getByLabel('Actor').fill('Government of Iraq')
      await tagging(page).getByRole('option', { name: /^Government of Iraq/ }).first().click()
      await tagging(page).getByLabel('Issue').fill('Disarmament')
      await tagging(page).getByRole('option', { name: /^Disarmament of militias/ }).first().click()
      await tagging(page).getByLabel('Stance').selectOption('2')
      await tagging(page).getByRole('button', { name: 'Save claim' }).click()
      await expect(tagging(page).getByRole('region', { name: 'Selected claim' })).toBeVisible()

      const exported = await downloadFrom(page, () => page.getByRole('button', { name: 'Export my coding…' }).click())
      expect(exported.download.suggestedFilename()).toMatch(/^standpoint-coding-omar-\d{4}-\d{2}-\d{2}\.json$/)
      const pkg = JSON.parse(exported.text) as { claims: Claim[]; coderId: string }
      expect(pkg.coderId).toBe(omar)
      expect(pkg.claims).toHaveLength(4)
      expect(pkg.claims.every((claim) => claim.coderId === omar)).toBe(true)
      return exported.text
    } finally {
      await second.close()
    }
  })()

  // --- Back on the lead's machine: Sara codes blind, switched to in the status bar ----------
  await switchCoder(lead, 'Sara')
  await shot(lead, 'status-bar-switcher', status(lead))
  await seedWorkspace(lead, {
    claims: [
      makeClaim('s-halt', ARTICLES[0]!, Q.halt, 'kh', 'attacks', -1, { coderId: sara, updatedBy: sara }),
      makeClaim('s-disarm', ARTICLES[0]!, Q.disarm, 'gov', 'disarm', 1, { coderId: sara, updatedBy: sara }),
      makeClaim('s-talks', ARTICLES[1]!, Q.talks, 'kh', 'attacks', 2, { coderId: sara, updatedBy: sara }),
      makeClaim('s-border', ARTICLES[2]!, Q.border, 'gov', 'attacks', 0, { coderId: sara, updatedBy: sara }),
    ],
  })

  // --- The lead merges Omar's package ---------------------------------------------------
  await switchCoder(lead, 'Lena')
  const claimsBefore = (await readTable<Claim>(lead, 'claims')).length
  await lead.getByRole('button', { name: 'Merge coding…' }).click()
  const merge = lead.getByRole('dialog', { name: 'Merge coding' })
  await merge.getByLabel('Choose coding packages').setInputFiles({ name: 'omar.json', mimeType: 'application/json', buffer: Buffer.from(omarPackage) })
  await expect(merge.getByRole('list', { name: 'Chosen packages' })).toContainText('Omar’s coding')
  await merge.getByRole('button', { name: 'Merge', exact: true }).click()
  const summary = merge.getByRole('region', { name: 'Merge summary' })
  await expect(summary.getByRole('table', { name: 'Merged from Omar' }).getByRole('row', { name: /^claims/ })).toHaveText(/^claims\s*4\s*0\s*0\s*0\s*0\s*0$/)
  expect((await readTable<Claim>(lead, 'claims')).length).toBe(claimsBefore + 4)
  await merge.getByRole('button', { name: 'Close' }).last().click()

  // Merging the same package again changes nothing.
  const snapshot = JSON.stringify((await readTable<Claim>(lead, 'claims')).sort((a, b) => a.id.localeCompare(b.id)))
  await lead.getByRole('button', { name: 'Merge coding…' }).click()
  await merge.getByLabel('Choose coding packages').setInputFiles({ name: 'omar.json', mimeType: 'application/json', buffer: Buffer.from(omarPackage) })
  await merge.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(summary).toContainText('This package was merged here before')
  await expect(summary).toContainText('Nothing changed: this workspace already held all of it.')
  expect(JSON.stringify((await readTable<Claim>(lead, 'claims')).sort((a, b) => a.id.localeCompare(b.id)))).toBe(snapshot)
  await merge.getByRole('button', { name: 'Close' }).last().click()

  // Blind coding on the lead's machine: Sara sees only her own claims; the lead sees both coders'.
  await switchCoder(lead, 'Sara')
  await openArticle(lead, 'art-1')
  await expect(lead.getByRole('article')).toContainText('2 claims')
  await expect(lead.getByRole('article').getByRole('note')).toContainText('Blind coding')
  await switchCoder(lead, 'Lena')
  await waitForHighlights(lead)
  await expect(lead.getByRole('article')).toContainText('4 claims')

  // --- Agreement: the screen's figures are domain/agreement's on the raw claims ----------------
  await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agreement' }).click()
  const screen = lead.getByRole('main', { name: 'Agreement' })
  await expect(screen.getByRole('table', { name: 'Agreement by field' })).toBeVisible()
  const assignment = (await readTable<Assignment>(lead, 'assignments'))[0]!
  const stored = (await readTable<Claim>(lead, 'claims')).filter((claim) => claim.adjudicatedFrom.length === 0)
  const report = computeAgreement({
    coderIds: assignment.coderIds,
    claims: stored.map((claim) => ({ id: claim.id, coderId: claim.coderId, articleId: claim.articleId, actorId: claim.actorId, issueIds: claim.issueIds, stance: claim.stance, start: claim.anchor.start, end: claim.anchor.end })),
    articles: ARTICLES.map((article) => ({ id: article.id, length: article.body.length })),
  })
  expect(report.units).toHaveLength(3)
  const fixed = (value: number | null): string => (value === null ? '—' : value.toFixed(3))
  const pct = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`)
  for (const [field, label] of [['actor', /^Actor/], ['issues', /^Issues/], ['stance', /^Stance/]] as const) {
    const { alpha, percent, kappa } = report.overall.fields[field]
    expect(await fieldRow(lead, label), field).toEqual([fixed(alpha.value), pct(percent.value), fixed(kappa!.value), String(alpha.pairableUnits), String(alpha.pairableValues)])
  }
  // The stance disagreement makes stance alpha fall short of 1 while actor and issue agree.
  expect(report.overall.fields.stance.alpha.value).toBeLessThan(1)
  expect((await fieldRow(lead, /^Quote spans/))[0]).toBe(fixed(report.unitizing.value))
  const disagreements = screen.getByRole('table', { name: 'Disagreements' })
  await expect(disagreements.getByRole('row')).toHaveCount(4)
  await expect(screen.getByText('3 open of 3')).toBeVisible()
  await shot(lead, 'agreement')

  // --- Adjudication: accept Omar's version of the stance disagreement ----------------------
  await disagreements.getByRole('button', { name: /differs in stance$/ }).click()
  const adjudication = tagging(lead).getByRole('region', { name: 'Adjudication' })
  await expect(adjudication.getByRole('article', { name: 'Omar’s version' })).toContainText('Government of Iraq')
  await expect(tagging(lead).getByRole('region', { name: 'Coders compared' })).toContainText('Sara')
  await shot(lead, 'adjudication')
  await adjudication.getByRole('button', { name: 'Accept Omar’s version' }).click()
  await expect(adjudication.getByRole('status')).toContainText('Decided: Government of Iraq · Disarmament of militias · ')
  const adjudicated = (await readTable<Claim>(lead, 'claims')).filter((claim) => claim.adjudicatedFrom.length > 0)
  expect(adjudicated).toHaveLength(1)
  expect(adjudicated[0]).toMatchObject({ stance: 2, coderId: assignment.createdBy, actorId: 'gov' })
  expect(adjudicated[0]!.adjudicatedFrom).toHaveLength(2)
  expect(adjudicated[0]!.adjudicatedFrom).toContain('s-disarm')

  await adjudication.getByRole('button', { name: 'Back to Agreement' }).click()
  await expect(screen.getByText('2 open of 3')).toBeVisible()

  // --- The Export dialog's claim set: Adjudicated only holds the decision --------------------
  await lead.getByRole('button', { name: 'Export…' }).click()
  const exportDialog = lead.getByRole('dialog', { name: 'Export' })
  await exportDialog.getByRole('combobox', { name: 'Claim set' }).selectOption({ label: 'Adjudicated only' })
  const { text } = await downloadFrom(lead, () => exportDialog.getByRole('button', { name: 'Export' }).click())
  const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({ actor: 'Government of Iraq', stance: '2', coder: 'Lena' })
  expect((rows[0]!.adjudicated_from ?? '').split(' | ').sort()).toEqual([...adjudicated[0]!.adjudicatedFrom].sort())
  await expect(exportDialog).toBeHidden()

  // --- Positions: claims of several coders are mixed until one set is chosen; Adjudicated only
  // shows just the decision (Omar's stance, +2, on the government's disarmament claim).
  await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions' }).click()
  const positions = lead.getByRole('table', { name: 'Positions' })
  await expect(positions).toBeVisible()
  await expect(lead.getByRole('note', { name: 'Claims from several coders' })).toBeVisible()
  await lead.getByLabel('Claims shown').selectOption({ label: 'Adjudicated only' })
  await expect.poll(() => positionRows(positions)).toEqual({ 'Government of Iraq | Disarmament of militias': ['1', '+2.0'] })
  await lead.getByLabel('Claims shown').selectOption({ label: 'All claims' })

  // --- Counts under blind coding: the Library's Claims column and the status bar count only
  // what the person here may see. Sara: her own four claims; the lead: all nine (Sara's four,
  // Omar's four, the adjudicated one).
  const countsSeen = async (): Promise<[Record<string, string>, string]> => [await libraryClaims(lead), (await status(lead).innerText()).match(/([\d,]+) claims/)?.[1] ?? '']
  await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await expect.poll(countsSeen).toEqual([{ 'art-1': '5', 'art-2': '2', 'art-3': '2' }, '9'])
  await switchCoder(lead, 'Sara')
  await expect.poll(countsSeen).toEqual([{ 'art-1': '2', 'art-2': '1', 'art-3': '1' }, '4'])
  await shot(lead, 'library-blind-counts')
  await switchCoder(lead, 'Lena')
  await expect.poll(countsSeen).toEqual([{ 'art-1': '5', 'art-2': '2', 'art-3': '2' }, '9'])
})

test('a malformed or hostile coding package is refused with a clear message and nothing is written', async ({ workbench }) => {
  const page = workbench.page
  const coder: Coder = { id: 'c-lead', name: 'Lena', color: '#0072b2', role: 'lead', createdAt: '2024-12-01T00:00:00.000Z', updatedAt: '2024-12-01T00:00:00.000Z' }
  await seedWorkspace(page, { articles: ARTICLES, actors: ACTORS, issues: ISSUES, coders: [coder], claims: [makeClaim('kept', ARTICLES[0]!, Q.halt, 'kh', 'attacks', 1, { coderId: 'c-lead', updatedBy: 'c-lead' })] })
  const tables = ['claims', 'actors', 'issues', 'coders', 'tombstones', 'mentions', 'articles'] as const
  const before = await Promise.all(tables.map((table) => readTable<unknown>(page, table)))
  const header = { format: 'standpoint-coding', formatVersion: 1, packageId: 'p1', app: '0.1.0', schemaVersion: 4, createdAt: '2024-12-20T00:00:00.000Z', coderId: 'c-x' }
  const other: Coder = { ...coder, id: 'c-x', name: 'Mallory', role: 'coder' }
  const empty = { coders: [other], articles: [], actors: [], issues: [], claims: [], mentions: [], tombstones: [] }
  const files = [
    { name: 'not-json.json', body: '{"format": "standpoint-coding", claims: [', expect: 'it is not readable JSON' },
    { name: 'newer.json', body: JSON.stringify({ ...header, formatVersion: 7, schemaVersion: 99, app: '9.0.0', ...empty }), expect: 'it was written by a newer Standpoint (9.0.0' },
    {
      name: 'dangling.json',
      body: JSON.stringify({ ...header, ...empty, claims: [makeClaim('evil', ARTICLES[0]!, Q.halt, 'nobody', 'attacks', 1, { coderId: 'c-x', updatedBy: 'c-x' })], articles: [ARTICLES[0]] }),
      expect: 'claim evil names the actor nobody, which the package does not hold',
    },
    { name: 'proto.json', body: `{"format":"standpoint-coding","__proto__":{"polluted":true},${JSON.stringify({ ...header, ...empty, claims: [{ id: 'x', stance: 9 }] }).slice(1)}`, expect: 'a record is damaged: claims[0]' },
  ]
  await page.getByRole('button', { name: 'Merge coding…' }).click()
  const merge = page.getByRole('dialog', { name: 'Merge coding' })
  await merge.getByLabel('Choose coding packages').setInputFiles(files.map((file) => ({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.body) })))
  const list = merge.getByRole('list', { name: 'Chosen packages' })
  for (const file of files) await expect(list.getByRole('listitem').filter({ hasText: file.name })).toContainText(`refused: ${file.expect}`)
  await expect(merge.getByRole('button', { name: 'Merge', exact: true })).toBeDisabled()
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined()
  const after = await Promise.all(tables.map((table) => readTable<unknown>(page, table)))
  expect(after).toEqual(before)
})
