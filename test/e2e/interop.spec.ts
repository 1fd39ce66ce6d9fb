import { readFileSync } from 'node:fs'
import { strToU8, zipSync } from 'fflate'
import type { FileChooser, Locator, Page } from '@playwright/test'
import type { Actor, Article, Claim, Issue, Mention } from '../../renderer/src/domain/model'
import { readQdc, readQdpx } from '../../renderer/src/domain/interop/refiqda/readQdpx'
import type { QdaCode } from '../../renderer/src/domain/interop/refiqda/types'
import { buildDna3Fixture, DNA3_DOCUMENTS, DNA3_ENTITIES, DNA3_STATEMENTS, REJECTED_STATEMENT_IDS } from '../support/dnaFixtures'
import { IDS, interopWorkspace } from '../support/interopWorkspace'
import { loadSqlJsForTests } from '../support/sqlJs'
import { readTable, seedWorkspace } from './support/seed'
import { expect, test } from './support/workbench'

// Coding from other tools, through the UI: a DNA project opened from the Data section becomes
// a workspace whose positions are its statements'; a workspace exported as REFI-QDA and
// imported into an empty workspace comes back with the same codes and coded selections.

test.beforeEach(({ workbench }) => {
  test.skip(workbench.host === 'electron', 'these tests feed the browser file chooser and read its download; Electron uses native dialogs')
})

async function dnaFile(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  return { name: 'iraq-militias.dna', mimeType: 'application/octet-stream', buffer: Buffer.from(buildDna3Fixture(await loadSqlJsForTests())) }
}

async function choose(page: Page, button: string, file: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: button }).click()
  await (await chooser).setFiles(file)
}

/** What the positions table must show, computed from the fixture's statements, not by the app. */
function expectedPositions(): { actor: string; issue: string; month: string; mean: number; count: number }[] {
  const entity = (variableId: number, value: string | number | boolean | { long: string } | undefined): string =>
    typeof value === 'string' ? (DNA3_ENTITIES.find((candidate) => candidate.variableId === variableId && candidate.value === value)?.value ?? '') : ''
  const cells = new Map<string, { actor: string; issue: string; month: string; stances: number[] }>()
  for (const statement of DNA3_STATEMENTS) {
    if (statement.statementTypeId !== 1 || (REJECTED_STATEMENT_IDS as readonly number[]).includes(statement.id)) continue
    const actor = entity(2, statement.values[2])
    const issue = entity(3, statement.values[3])
    if (actor === '' || issue === '') continue
    const date = new Date(DNA3_DOCUMENTS.find((document) => document.id === statement.documentId)!.date)
    const month = date.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    const key = `${actor}|${issue}|${month}`
    const cell = cells.get(key) ?? { actor, issue, month, stances: [] }
    cell.stances.push(statement.values[4] === true ? 1 : -1)
    cells.set(key, cell)
  }
  return [...cells.values()].map((cell) => ({ ...cell, mean: cell.stances.reduce((a, b) => a + b, 0) / cell.stances.length, count: cell.stances.length }))
}

const signed = (mean: number): string => {
  const rounded = Math.round(Math.abs(mean) * 10) / 10
  return rounded === 0 ? '0.0' : `${mean < 0 ? '-' : '+'}${rounded.toFixed(1)}`
}
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

test('a DNA project becomes a workspace whose positions match its statements; opening it again adds nothing', async ({ workbench }) => {
  const { page } = workbench
  await choose(page, 'Open DNA project…', await dnaFile())
  const dialog = page.getByRole('dialog', { name: 'Open DNA project' })

  // DNA's conventions proposed, and the agreement mapping shown for confirmation.
  await expect(dialog.getByLabel('Claims come from')).toHaveValue('1')
  await expect(dialog.getByLabel('Claimant')).toHaveValue('2')
  await expect(dialog.getByLabel('Issue', { exact: true })).toHaveValue('3')
  await expect(dialog.getByLabel('Stance', { exact: true })).toHaveValue('4')
  const stanceValues = dialog.getByRole('table', { name: 'Stance values' })
  await expect(stanceValues.getByLabel('Stance for “1 (yes)”')).toHaveValue('1')
  await expect(stanceValues.getByLabel('Stance for “0 (no)”')).toHaveValue('-1')
  const preview = dialog.getByRole('region', { name: 'Import preview' })
  await expect(preview).toContainText('6 claims from "DNA Statement" statements · 2 statements of other types skipped · 3 statements rejected')

  await dialog.getByRole('button', { name: 'Import statements' }).click()
  const summary = dialog.getByRole('region', { name: 'Import summary' })
  await expect(summary).toContainText('6 statements imported · 0 already in the workspace · 2 skipped · 3 rejected')
  await expect(summary).toContainText('all 11 statements of iraq-militias.dna accounted for')
  const outcomes = summary.getByRole('table', { name: 'Statement outcomes' })
  await expect(outcomes.getByRole('row')).toHaveCount(1 + 5)
  await expect(outcomes.getByRole('row', { name: /^7 .*Skipped/ })).toContainText('"Annotation" statement')
  await expect(outcomes.getByRole('row', { name: /^9 .*Rejected/ })).toContainText('outside document 4')

  // The claims: anchored at DNA's offsets, with DNA's coders.
  const claims = await readTable<Claim>(page, 'claims')
  expect(claims.map((claim) => claim.externalId).sort()).toEqual([1, 2, 3, 4, 5, 6].map((id) => `dna:statement:${id}`))
  for (const claim of claims) {
    const statement = DNA3_STATEMENTS.find((candidate) => `dna:statement:${candidate.id}` === claim.externalId)!
    expect(claim.anchor.exact).toBe(statement.quote)
  }
  const coders = await readTable<{ id: string; name: string }>(page, 'coders')
  expect(new Set(claims.map((claim) => coders.find((coder) => coder.id === claim.coderId)?.name))).toEqual(new Set(['Alice Haddad', 'Bilal Karim']))

  await dialog.getByRole('button', { name: 'Show positions' }).click()
  const table = page.getByRole('table', { name: 'Positions' })
  await expect(table).toBeVisible()
  const expected = expectedPositions()
  expect(expected.length).toBe(4)
  for (const cell of expected) {
    const name = `${cell.actor} on ${cell.issue}, ${cell.month}: mean ${signed(cell.mean)}, ${cell.count} claim${cell.count === 1 ? '' : 's'}`
    await expect(table.getByRole('cell', { name: new RegExp(`^${escape(name)}(, shift)?$`) })).toHaveCount(1)
  }
  // No other filled cell: every cell with a mean is one of the computed ones.
  await expect(table.getByRole('cell', { name: /: mean / })).toHaveCount(expected.length)

  // The same project again: everything is already there.
  await choose(page, 'Open DNA project…', await dnaFile())
  const again = page.getByRole('dialog', { name: 'Open DNA project' })
  await again.getByRole('button', { name: 'Import statements' }).click()
  await expect(again.getByRole('region', { name: 'Import summary' })).toContainText('0 statements imported · 6 already in the workspace · 2 skipped · 3 rejected')
  await again.getByRole('button', { name: 'Done' }).click()
  expect((await readTable<Claim>(page, 'claims')).length).toBe(6)
  expect((await readTable<unknown>(page, 'articles')).length).toBe(4)
})

test('a file that is not a DNA project is refused with the reason, and nothing is written', async ({ workbench }) => {
  const { page } = workbench
  await choose(page, 'Open DNA project…', { name: 'notes.dna', mimeType: 'application/octet-stream', buffer: Buffer.from('just some text, not SQLite') })
  const dialog = page.getByRole('dialog', { name: 'Open DNA project' })
  await expect(dialog.getByRole('alert')).toContainText('notes.dna:')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  expect(await readTable<unknown>(page, 'claims')).toEqual([])
})

/** The code tree as names: issues and actors, children nested. */
function tree(codes: readonly QdaCode[]): unknown[] {
  return codes.map((code) => [code.name, ...(code.children.length > 0 ? [tree(code.children)] : [])])
}

interface ClaimView {
  quote: string
  actor: string
  issues: string[]
  stance: number
}

function claimViews(claims: Claim[], actors: Actor[], issues: Issue[]): ClaimView[] {
  const actorName = new Map(actors.map((actor) => [actor.id, actor.name]))
  const issueLabel = new Map(issues.map((issue) => [issue.id, issue.label]))
  return claims
    .map((claim) => ({ quote: claim.anchor.exact, actor: actorName.get(claim.actorId)!, issues: claim.issueIds.map((id) => issueLabel.get(id)!), stance: claim.stance }))
    .sort((a, b) => a.quote.localeCompare(b.quote))
}

function issueTree(issues: Issue[]): unknown[] {
  const children = (parentId: string | null): unknown[] =>
    issues
      .filter((issue) => issue.parentId === parentId)
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((issue) => [issue.label, issue.code, children(issue.id)])
  return children(null)
}

async function emptyWorkspace(page: Page): Promise<void> {
  // As a fresh profile has it: no database at all until the app makes one.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('standpoint')
        request.onsuccess = () => resolve()
        request.onerror = () => reject(request.error ?? new Error('delete failed'))
      }),
  )
  await page.reload()
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
}

async function exportQdpx(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export REFI-QDA project…' }).click()])
  expect(download.suggestedFilename()).toMatch(/^standpoint-\d{4}-\d{2}-\d{2}\.qdpx$/)
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 sources' })).toContainText('Exported 2 sources with 3 claims and 1 mention, 3 issues and 4 actors as codes')
  return download.path()
}

test('a REFI-QDA export imports into an empty workspace with the same codes and coded selections', async ({ workbench }) => {
  const { page } = workbench
  const workspace = interopWorkspace()
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
  await seedWorkspace(page, workspace)
  const path = await exportQdpx(page)
  // The export says what it could not carry.
  await expect(page.getByRole('alert').filter({ hasText: 'Not in the project' })).toContainText(
    'Not in the project: 1 claim whose quote is no longer found in its article (orphaned); 1 article without text (REFI-QDA sources are texts); 1 claim on an article without text.',
  )

  // What the file holds: the code system and the selections, read by the REFI-QDA reader.
  const read = readQdpx(new Uint8Array(readFileSync(path)))
  if (!read.ok) throw new Error(read.reason)
  expect(tree(read.project.codes)).toEqual([
    ['Issues', [['Attacks on Israel', [['Attacks on US forces']]], ['Weapons belong to the state']]],
    ['Actors', [['Al-Nujaba Movement'], ['Government of Iraq'], ['Kataib Hezbollah'], ['Mohammed Shia al-Sudani']]],
    ['Stance', [['−2 strongly against'], ['−1 against'], ['0 neutral'], ['+1 for'], ['+2 strongly for']]],
  ])
  expect(read.project.sources.flatMap((source) => source.selections.map((selection) => source.text.slice(selection.start, selection.end))).sort()).toEqual(
    ['will stop military operations against Israel', 'all weapons must be in the hands of the state', 'Kataib Hezbollah', 'وقف العمليات ضد إسرائيل'].sort(),
  )

  // The codebook alone: the same code tree.
  const [codebook] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export codebook (.qdc)…' }).click()])
  expect(codebook.suggestedFilename()).toMatch(/^standpoint-codebook-\d{4}-\d{2}-\d{2}\.qdc$/)
  const qdc = readQdc(new Uint8Array(readFileSync(await codebook.path())))
  if (!qdc.ok) throw new Error(qdc.reason)
  expect(tree(qdc.codes)).toEqual(tree(read.project.codes))

  await emptyWorkspace(page)
  expect(await readTable<unknown>(page, 'claims')).toEqual([])
  await choose(page, 'Import REFI-QDA project…', path)
  const dialog = page.getByRole('dialog', { name: 'Import REFI-QDA project' })
  const selected = async (select: Locator) => (await select.locator('option:checked').textContent())?.trim()
  expect(await selected(dialog.getByLabel('Actors parent'))).toBe('Actors')
  expect(await selected(dialog.getByLabel('Stance parent'))).toBe('Stance')
  expect(await selected(dialog.getByLabel('Issues parent'))).toBe('Issues')
  await expect(dialog.getByRole('table', { name: 'Stance codes' }).getByLabel('Stance for “−1 against”')).toHaveValue('-1')
  await expect(dialog.getByRole('region', { name: 'Import preview' })).toContainText('3 claims')
  await expect(dialog.getByRole('region', { name: 'Import preview' })).toContainText('1 mention')
  await dialog.getByRole('button', { name: 'Import codings' }).click()
  await expect(dialog.getByRole('region', { name: 'Import summary' })).toContainText('4 coded selections imported · 0 already in the workspace · 0 skipped · 0 rejected')
  await dialog.getByRole('button', { name: 'Done' }).click()

  const [articles, claims, actors, issues, mentions] = await Promise.all([
    readTable<Article>(page, 'articles'),
    readTable<Claim>(page, 'claims'),
    readTable<Actor>(page, 'actors'),
    readTable<Issue>(page, 'issues'),
    readTable<Mention>(page, 'mentions'),
  ])
  // The same documents (those with text: REFI-QDA sources are texts), with their ids.
  const documentView = (article: Article) => [article.id, article.title, article.source, article.publishedAt, article.body]
  expect(articles.map(documentView).sort()).toEqual(workspace.articles.filter((article) => article.body !== '').map(documentView).sort())
  expect(issueTree(issues)).toEqual(issueTree(workspace.issues))
  expect(actors.map((actor) => [actor.name, actor.kind, actor.aliases]).sort()).toEqual(workspace.actors.map((actor) => [actor.name, actor.kind, actor.aliases]).sort())
  const exported = workspace.claims.filter((claim) => claim.id !== IDS.orphan && claim.id !== IDS.waiting)
  expect(claimViews(claims, actors, issues)).toEqual(claimViews(exported, workspace.actors, workspace.issues))
  expect(mentions.map((mention) => [mention.anchor.exact, actors.find((actor) => actor.id === mention.actorId)!.name])).toEqual([['Kataib Hezbollah', 'Kataib Hezbollah']])

  // The imported claims show in the reader: the English article, its two claims highlighted.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await expect(page.getByRole('table', { name: 'Articles' }).getByRole('row', { name: /Nujaba halts attacks on Israel/ })).toBeVisible()
})

const QDA_NS = 'xmlns="urn:QDA-XML:project:1.0"'
const guidOf = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

function qdpxOf(qde: string, files: Record<string, string> = {}): { name: string; mimeType: string; buffer: Buffer } {
  const zippable: Record<string, Uint8Array> = { 'project.qde': strToU8(qde) }
  for (const [name, content] of Object.entries(files)) zippable[name] = strToU8(content)
  return { name: 'hostile.qdpx', mimeType: 'application/zip', buffer: Buffer.from(zipSync(zippable)) }
}

test('a hostile REFI-QDA file is refused with the reason, and nothing is written', async ({ workbench }) => {
  const { page } = workbench
  const bomb = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Project ${QDA_NS} name="&b;"/>`
  await choose(page, 'Import REFI-QDA project…', qdpxOf(bomb))
  const dialog = page.getByRole('dialog', { name: 'Import REFI-QDA project' })
  await expect(dialog.getByRole('alert')).toContainText('hostile.qdpx: project.qde declares a DTD or entities')
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await choose(page, 'Import REFI-QDA project…', { name: 'notes.qdpx', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') })
  await expect(dialog.getByRole('alert')).toContainText('notes.qdpx: It is not a zip archive')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  for (const table of ['articles', 'actors', 'issues', 'claims', 'mentions', 'coders']) expect(await readTable<unknown>(page, table)).toEqual([])
})

test('a REFI-QDA file with a source that climbs out of its archive imports the rest and says what it left out', async ({ workbench }) => {
  const { page } = workbench
  const text = 'The Foreign Ministry said sanctions must end now.'
  const qde = `<?xml version="1.0" encoding="utf-8"?><Project ${QDA_NS} name="Mixed" origin="MAXQDA 24">
<CodeBook><Codes>
  <Code guid="${guidOf(1)}" name="Actors" isCodable="false"><Code guid="${guidOf(2)}" name="Foreign Ministry" isCodable="true"/></Code>
  <Code guid="${guidOf(3)}" name="Sanctions" isCodable="true"/>
</Codes></CodeBook>
<Sources>
  <TextSource guid="${guidOf(10)}" name="Good text" plainTextPath="internal://${guidOf(10)}.txt">
    <PlainTextSelection guid="${guidOf(20)}" startPosition="4" endPosition="49"><Coding guid="${guidOf(30)}"><CodeRef targetGUID="${guidOf(2)}"/></Coding><Coding guid="${guidOf(31)}"><CodeRef targetGUID="${guidOf(3)}"/></Coding></PlainTextSelection>
    <PlainTextSelection guid="${guidOf(21)}" startPosition="40" endPosition="4000"><Coding guid="${guidOf(32)}"><CodeRef targetGUID="${guidOf(3)}"/></Coding></PlainTextSelection>
  </TextSource>
  <TextSource guid="${guidOf(11)}" name="Escaping text" plainTextPath="internal://../evil.txt"/>
</Sources></Project>`
  await choose(page, 'Import REFI-QDA project…', qdpxOf(qde, { [`sources/${guidOf(10)}.txt`]: text, '../evil.txt': 'escaped' }))
  const dialog = page.getByRole('dialog', { name: 'Import REFI-QDA project' })
  const leftOut = dialog.getByRole('list', { name: 'Left out when reading' })
  await expect(leftOut).toContainText('Source "Escaping text" (TextSource) left out: Its text path "internal://../evil.txt" climbs out of the sources folder.')
  await expect(leftOut).toContainText('Archive entry ../evil.txt ignored: Its name climbs out of the archive (..).')
  await expect(leftOut).toContainText('1 selection could not be read')
  await expect(dialog.getByRole('region', { name: 'Import preview' })).toContainText('1 claim')
  await dialog.getByRole('button', { name: 'Import codings' }).click()
  const summary = dialog.getByRole('region', { name: 'Import summary' })
  await expect(summary).toContainText('1 coded selection imported')
  await expect(summary.getByRole('list', { name: 'About the file' })).toContainText('Escaping text')
  await dialog.getByRole('button', { name: 'Done' }).click()

  const [articles, claims] = await Promise.all([readTable<{ title: string; body: string }>(page, 'articles'), readTable<Claim>(page, 'claims')])
  expect(articles.map((article) => [article.title, article.body])).toEqual([['Good text', text]])
  expect(claims.map((claim) => claim.anchor.exact)).toEqual([text.slice(4, 49)])
})
