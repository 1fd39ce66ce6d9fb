import type { Locator, Page } from '@playwright/test'
import type { Actor, Article, Claim, Coder, Issue } from '../../renderer/src/domain/model'
import { foldText } from '../../renderer/src/domain/text/folding'
import { CLAIMS_HEADER, codebookCsv, codebookRows, codedClaimRows, toCsv, VARIANT_SPELLINGS } from '../support/codedCorpus.mjs'
import { readTable } from './support/seed'
import { expect, test } from './support/workbench'

// The coded corpus shaped like the 2015 German migration study (test/support/codedCorpus.mjs:
// 3,700 claims, ~1,000 actor names, a party column, one to five codes per claim from a two-level
// codebook that reuses "General"), imported the way an analyst would: the codebook first, then
// the claims, through the real dialogs. Every expectation is computed here from the file's rows,
// not from the app's code.

const SHOTS = process.env.STANDPOINT_SHOTS_DIR

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

const column = (name: string): number => CLAIMS_HEADER.indexOf(name)

async function choose(dialog: Locator, label: string, option: string): Promise<void> {
  await dialog.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option }, { timeout: 10_000 })
}

async function importCodebook(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Codebook' }).click()
  await page.getByRole('button', { name: 'Import codebook…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import codebook' })
  await dialog.getByLabel('Choose CSV file').setInputFiles({ name: 'codebook.csv', mimeType: 'text/csv', buffer: Buffer.from(codebookCsv()) })
  await dialog.getByRole('button', { name: 'Import codebook' }).click()
  await expect(dialog).toContainText(`${codebookRows().length - 1} issues created`)
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()
}

test('the coded corpus: a two-level codebook, then 3,700 claims split on “|”, party kept, coders kept apart, AFD/AfD reported', async ({ workbench }) => {
  test.setTimeout(240_000)
  const { page } = workbench
  const rows = codedClaimRows()
  const data = rows.slice(1)
  const codebook = codebookRows().slice(1)

  await importCodebook(page)
  let issues = await readTable<Issue>(page, 'issues')
  expect(issues).toHaveLength(codebook.length)
  const table = page.getByRole('table', { name: 'Issues' })
  await expect(table).toBeVisible()
  await shot(page, 'codebook-tree')

  await page.getByRole('button', { name: 'Import coded claims…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import coded claims' })
  await dialog.getByLabel('Choose CSV file').setInputFiles({ name: 'migration-claims.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows)) })
  await choose(dialog, 'Actor column', 'actor')
  await choose(dialog, 'Issue column', 'categories')
  await choose(dialog, 'Stance column', 'agreement')
  await choose(dialog, 'Date column', 'date')
  await choose(dialog, 'Quote column', 'quote')
  await choose(dialog, 'Claim ID column', 'statement_id')
  await choose(dialog, 'Coder column', 'coder')
  await choose(dialog, 'Document ID column', 'document_id')
  await choose(dialog, 'Document title column', 'title')
  await choose(dialog, 'Document source column', 'newspaper')
  await expect(dialog.getByRole('combobox', { name: 'Issue separator' })).toHaveValue('|')
  await choose(dialog, 'Issue separator', '|')
  await choose(dialog, 'Keep party as', 'actor attribute')
  await choose(dialog, 'Keep section as', 'document attribute')
  await choose(dialog, 'Keep intensity as', 'claim attribute')
  for (const name of ['page', 'region', 'wave', 'checked']) await choose(dialog, `Keep ${name} as`, 'nothing')
  await expect(dialog.getByRole('combobox', { name: 'Date format' })).toHaveValue('dmy')
  await shot(page, 'claims-import-mapping')
  await dialog.getByRole('button', { name: 'Import claims' }).click()

  // Names that fold together are shown before anything is written, each with a choice.
  const preview = dialog.getByRole('region', { name: 'Import preview' })
  const folded = preview.getByRole('table', { name: 'Names folded together' })
  await expect(folded).toContainText('AFD')
  await expect(folded).toContainText('PRO ASYL')
  await shot(page, 'claims-import-folded-names')
  // AFD and AfD are one party; "PRO ASYL" is kept apart to show the choice works.
  await preview.getByRole('checkbox', { name: /Keep apart: .*PRO ASYL/ }).check()
  await expect(preview).not.toHaveAttribute('aria-busy', 'true')
  await dialog.getByRole('button', { name: 'Import claims' }).click()
  const summary = dialog.getByRole('region', { name: 'Import summary' })
  await expect(summary).toContainText(`${data.length.toLocaleString('en')} claims imported`, { timeout: 120_000 })
  await expect(summary).toContainText('0 rows rejected')
  await expect(summary).toContainText('merged into AfD')
  await expect(summary).toContainText('kept apart')
  const rowsPerId = new Map<string, number>()
  for (const row of data) rowsPerId.set(row[column('statement_id')]!, (rowsPerId.get(row[column('statement_id')]!) ?? 0) + 1)
  const sharedIds = [...rowsPerId.values()].filter((count) => count > 1)
  await expect(summary).toContainText(`${sharedIds.length} claim IDs were shared by several rows (${sharedIds.reduce((sum, count) => sum + count, 0)} rows`)
  await shot(page, 'claims-import-summary')
  await dialog.getByRole('button', { name: 'Done' }).click()

  // Issues: the codebook's, not one per combination of codes.
  issues = await readTable<Issue>(page, 'issues')
  expect(issues).toHaveLength(codebook.length)
  expect(issues.filter((issue) => issue.label.includes('|'))).toEqual([])
  const combinations = new Set(data.map((row) => row[column('categories')]))
  expect(combinations.size).toBeGreaterThan(issues.length)
  const byId = new Map(issues.map((issue) => [issue.id, issue]))
  const parentCode = new Map(codebook.map(([code, , parent]) => [code!, parent!]))

  const claims = await readTable<Claim>(page, 'claims')
  expect(claims).toHaveLength(data.length)
  const actors = await readTable<Actor>(page, 'actors')
  const actorById = new Map(actors.map((actor) => [actor.id, actor]))
  const claimFor = new Map(claims.map((claim) => [`${claim.externalId}\u0000${foldText(actorById.get(claim.actorId)!.name)}`, claim]))
  // One comparison for every row (an expect per row would be 20,000 reported steps).
  const expected = data.map((row) => ({ row: row[column('statement_id')], labels: row[column('categories')]!.split('|'), underNamedParent: true, attributes: { intensity: [row[column('intensity')]] } }))
  const actual = data.map((row) => {
    const claim = claimFor.get(`${row[column('statement_id')]}\u0000${foldText(row[column('actor')]!)}`)
    if (!claim) return { row: row[column('statement_id')], missing: true }
    const labels = claim.issueIds.map((id) => byId.get(id)!.label)
    // A shared label ("General") lands under the parent the same cell names, as the codebook has it.
    const underNamedParent = claim.issueIds.every((id) => {
      const issue = byId.get(id)!
      if (issue.parentId === null) return true
      const parent = byId.get(issue.parentId)!
      return labels.includes(parent.label) && parentCode.get(issue.code) === parent.code
    })
    return { row: row[column('statement_id')], labels, underNamedParent, attributes: claim.attributes }
  })
  expect(actual).toEqual(expected)

  // Actors: one per folded name, "PRO ASYL" apart as chosen; the party column as an attribute.
  const names = new Set(data.map((row) => row[column('actor')]!))
  const expectedActors = new Set([...names].map((name) => (name === 'PRO ASYL' ? name : foldText(name))))
  expect(actors).toHaveLength(expectedActors.size)
  expect(actors.filter((actor) => foldText(actor.name) === 'afd').map((actor) => actor.name)).toEqual(['AfD'])
  expect(actors.filter((actor) => foldText(actor.name) === 'pro asyl').map((actor) => actor.name).sort()).toEqual(['PRO ASYL', 'Pro Asyl'])
  const byName = new Map(actors.map((actor) => [actor.name, actor]))
  expect(byName.get('Angela Merkel')!.attributes).toEqual({ party: ['CDU'] })
  expect(byName.get('CDU/CSU')!.attributes).toEqual({ party: ['CDU', 'CSU'] })
  // Party groups: the actors each party has, counted from the file.
  const partyMembers = new Map<string, Set<string>>()
  for (const row of data) {
    const name = row[column('actor')] === 'PRO ASYL' ? 'PRO ASYL' : foldText(row[column('actor')]!)
    for (const party of row[column('party')]!.split('|').filter((value) => value !== '')) {
      const members = partyMembers.get(party) ?? new Set()
      members.add(name)
      partyMembers.set(party, members)
    }
  }
  for (const [party, members] of partyMembers) {
    expect(actors.filter((actor) => actor.attributes.party?.includes(party)).length, party).toBe(members.size)
  }
  expect(VARIANT_SPELLINGS.every((entry) => names.has(entry.variant))).toBe(true)

  // Coders: "anna" is Anna; each coder's claims are theirs.
  const coders = await readTable<Coder>(page, 'coders')
  const coderName = new Map(coders.map((coder) => [coder.id, coder.name]))
  const perCoder = new Map<string, number>()
  for (const row of data) perCoder.set(foldText(row[column('coder')]!), (perCoder.get(foldText(row[column('coder')]!)) ?? 0) + 1)
  const counted = new Map<string, number>()
  for (const claim of claims) counted.set(foldText(coderName.get(claim.coderId)!), (counted.get(foldText(coderName.get(claim.coderId)!)) ?? 0) + 1)
  expect(counted).toEqual(perCoder)

  // Documents: known by ID and title, without text; the kept section as a document attribute.
  const articles = await readTable<Article>(page, 'articles')
  const documents = new Map(data.map((row) => [row[column('document_id')]!, row]))
  expect(articles).toHaveLength(documents.size)
  for (const article of articles) {
    const row = documents.get(article.externalId)!
    expect(article.body).toBe('')
    expect(article.title).toBe(row[column('title')])
    expect(article.meta.section).toBe(row[column('section')])
  }

  // The same file again adds nothing: the mapping is remembered and every row is a duplicate.
  await page.getByRole('button', { name: 'Import coded claims…' }).click()
  await dialog.getByLabel('Choose CSV file').setInputFiles({ name: 'migration-claims.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows)) })
  await expect(dialog.getByRole('combobox', { name: 'Coder column' })).toHaveValue(String(column('coder')))
  await expect(dialog.getByRole('combobox', { name: 'Keep party as' })).toHaveValue('actor')
  await expect(dialog.getByRole('combobox', { name: 'Keep page as' })).toHaveValue('nothing')
  await dialog.getByRole('button', { name: 'Import claims' }).click()
  const again = dialog.getByRole('region', { name: /Import (preview|summary)/ })
  await expect(again).toBeVisible({ timeout: 120_000 })
  if ((await again.getAttribute('aria-label')) === 'Import preview') {
    await again.getByRole('checkbox', { name: /Keep apart: .*PRO ASYL/ }).check()
    await expect(again).not.toHaveAttribute('aria-busy', 'true')
    await dialog.getByRole('button', { name: 'Import claims' }).click()
  }
  await expect(dialog.getByRole('region', { name: 'Import summary' })).toContainText(`0 claims imported · ${data.length.toLocaleString('en')} duplicates skipped`, { timeout: 120_000 })
  expect(await readTable(page, 'claims')).toHaveLength(data.length)
  expect(await readTable(page, 'issues')).toHaveLength(codebook.length)
  await dialog.getByRole('button', { name: 'Done' }).click()

  // A document without text: marked in the Library, said so in the reader, its claims waiting
  // for text (not orphaned); pasting the text places them by their quotes.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await expect(page.getByRole('table', { name: 'Articles' }).getByText('No text').first()).toBeVisible()
  await shot(page, 'library-no-text')
  const first = articles.find((article) => article.externalId === 'D0001')!
  const firstRows = data.filter((row) => row[column('document_id')] === 'D0001')
  await page.evaluate((id) => (location.hash = `#/library/article/${id}`), first.id)
  const reader = page.getByRole('article')
  await expect(reader.getByRole('heading', { name: 'This document has no text yet' })).toBeVisible()
  const panel = page.getByRole('complementary', { name: 'Tagging' })
  await expect(panel.getByRole('list', { name: 'Claims waiting for text' }).getByRole('listitem')).toHaveCount(firstRows.length)
  await expect(panel).not.toContainText('Orphaned')
  await shot(page, 'reader-no-text')
  const pasted = ['Coalition quarrels over the refugee question.', ...firstRows.map((row) => `Reportedly, ${row[column('quote')]} Others disagreed.`)].join('\n\n')
  await reader.getByLabel('Document text').fill(pasted)
  await reader.getByRole('button', { name: 'Add text' }).click()
  await expect(reader.getByRole('heading', { name: 'This document has no text yet' })).toBeHidden()
  await expect(panel.getByRole('heading', { name: `Claims (${firstRows.length})` })).toBeVisible()
  await expect(panel.getByRole('list', { name: 'Claims waiting for text' })).toBeHidden()
  const placed = (await readTable<Claim>(page, 'claims')).filter((claim) => claim.articleId === first.id)
  const stored = (await readTable<Article>(page, 'articles')).find((article) => article.id === first.id)!
  expect(placed.map((claim) => stored.body.slice(claim.anchor.start, claim.anchor.end)).sort()).toEqual(firstRows.map((row) => row[column('quote')]).sort())
  await shot(page, 'reader-text-added')

  // Actors screen: a party's actors selected together get a new attribute in one edit.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
  const actorsTable = page.getByRole('table', { name: 'Actors' })
  await expect(actorsTable).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search actors' }).fill('Merkel')
  await actorsTable.getByRole('checkbox', { name: 'Select all shown' }).check()
  // The search shows every Merkel (and a few near spellings); all of them are selected.
  const merkels = actors.filter((actor) => foldText(actor.name).includes('merkel'))
  const count = page.getByRole('status').filter({ hasText: 'selected' })
  await expect(count).toContainText(/(\d+) of [\d,]+ actors · \1 selected/)
  const selected = Number(/· (\d+) selected/.exec((await count.textContent()) ?? '')![1])
  expect(selected).toBeGreaterThanOrEqual(merkels.length)
  await page.getByRole('button', { name: 'Edit selected…' }).click()
  const bulk = page.getByRole('dialog', { name: /^Edit / })
  await bulk.getByLabel('Attribute name').fill('coalition')
  await bulk.getByLabel('Values').fill('grand coalition | federal')
  await shot(page, 'actors-bulk-edit')
  await bulk.getByRole('button', { name: /^Apply to / }).click()
  await expect(bulk).toBeHidden()
  const after = await readTable<Actor>(page, 'actors')
  const edited = after.filter((actor) => actor.attributes.coalition !== undefined)
  expect(edited).toHaveLength(selected)
  expect(merkels.every((merkel) => edited.some((actor) => actor.id === merkel.id))).toBe(true)
  expect(new Set(edited.map((actor) => actor.attributes.coalition!.join('|')))).toEqual(new Set(['grand coalition|federal']))
  expect(edited.find((actor) => actor.name === 'Angela Merkel')!.attributes.party).toEqual(['CDU'])
  await page.getByRole('searchbox', { name: 'Search actors' }).fill('')
  await shot(page, 'actors-with-attributes')
})
