import type { Locator, Page } from '@playwright/test'
import { createAnchor } from '../../renderer/src/domain/anchoring'
import { contentHash } from '../../renderer/src/domain/contentHash'
import { normaliseBody, normaliseLine } from '../../renderer/src/domain/import/normaliseText'
import type { Actor, Article, Claim, Issue, Stance } from '../../renderer/src/domain/model'
import { NO_SHARED_FIXTURES } from '../support/sharedFixtures'
import { buildCollection, collectionCsv, sharedFixturesDir, type SourceRow } from './support/largeCollection'
import { needs } from './support/requirements'
import { readTable, seedWorkspace } from './support/seed'
import { makeActor, makeArticle, makeIssue, openArticle, selectText } from './support/taggingFixtures'
import { expect, test } from './support/workbench'

// Crash durability: what the UI has reported as saved must be on disk. The browser is killed
// with SIGKILL (no unload, no flush, no clean shutdown) the moment the UI says a claim was
// saved, or while an import is writing, and relaunched on the same profile.

const panel = (page: Page): Locator => page.getByRole('complementary', { name: 'Tagging' })

// --- Claims through the tagging panel -----------------------------------------------------

const SPEAKERS = ['the brigade commander', 'a senior official', 'the movement spokesman', 'the prime minister’s office', 'a militia leader']
const QUOTES = Array.from({ length: 24 }, (_, index) => `will hold position ${index + 1} until the talks resume`)
const BODY = QUOTES.map(
  (quote, index) =>
    `Paragraph ${index + 1}. In a statement on day ${index + 1}, ${SPEAKERS[index % SPEAKERS.length]} said the fighters ${quote}, ` +
    `and added that reports from the front were “exaggerated”.`,
).join('\n\n')
const ARTICLE = makeArticle('frontline', 'Factions weigh a halt to attacks', '2024-12-10', BODY)

const KNOWN_ACTORS = [makeActor('kh', 'Kataib Hezbollah', 'armed group', ['KH']), makeActor('gov', 'Government of Iraq', 'state')]
const KNOWN_ISSUES = [makeIssue('attacks', 'Attacks on Israel'), makeIssue('disarm', 'Disarmament of militias')]
const NEW_ACTOR = 'Harakat al-Nujaba'
const NEW_ISSUE = 'Withdrawal of US forces'

interface PlannedClaim {
  quote: string
  actor: string
  /** Created through the panel by this claim. */
  createsActor?: boolean
  issue: string
  createsIssue?: boolean
  stance: Stance
  date: string
  note: string
}

const CYCLES = 6
const PER_CYCLE = 2
const STANCES: Stance[] = [-2, -1, 0, 1, 2]

const PLANNED: PlannedClaim[] = QUOTES.slice(0, CYCLES * PER_CYCLE).map((quote, index) => ({
  quote,
  actor: index === 0 ? NEW_ACTOR : [KNOWN_ACTORS[0]!.name, KNOWN_ACTORS[1]!.name, NEW_ACTOR][index % 3]!,
  createsActor: index === 0,
  issue: [KNOWN_ISSUES[0]!.label, KNOWN_ISSUES[1]!.label, NEW_ISSUE][index % 3]!,
  createsIssue: index === 2,
  stance: STANCES[index % STANCES.length]!,
  date: `2024-12-${String(1 + (index % 9)).padStart(2, '0')}`,
  note: `Claim ${index + 1}: “quoted”, with a comma; and a line in Arabic: قال المتحدث ${index + 1}`,
}))

async function tagClaim(page: Page, claim: PlannedClaim): Promise<void> {
  const tagging = panel(page)
  await selectText(page, claim.quote)
  await tagging.getByRole('button', { name: 'Tag claim' }).click()
  await tagging.getByLabel('Actor').fill(claim.actor)
  if (claim.createsActor) {
    await tagging.getByRole('option', { name: `Create actor “${claim.actor}”` }).click()
    await tagging.getByLabel('Kind').selectOption('armed group')
  } else {
    await tagging.getByRole('option', { name: new RegExp(`^${claim.actor}`) }).first().click()
  }
  await tagging.getByLabel('Issue').fill(claim.issue)
  await tagging.getByRole('option', { name: claim.createsIssue ? `Create issue “${claim.issue}”` : new RegExp(`^${claim.issue}`) }).first().click()
  await tagging.getByLabel('Stance').selectOption(String(claim.stance))
  await tagging.getByLabel('Date').fill(claim.date)
  await tagging.getByLabel('Note').fill(claim.note)
  await tagging.getByRole('button', { name: 'Save claim' }).click()
  // The UI reports the save: the new claim is the selected one, note and all.
  await expect(tagging.getByRole('region', { name: 'Selected claim' })).toContainText(claim.note)
}

/** Every planned claim saved so far is stored exactly as entered, and drawn in the reader. */
async function expectClaims(page: Page, saved: readonly PlannedClaim[]): Promise<void> {
  const claims = await readTable<Claim>(page, 'claims')
  const actors = await readTable<Actor>(page, 'actors')
  const issues = await readTable<Issue>(page, 'issues')
  expect(claims, 'every claim the UI reported as saved is stored, and no other').toHaveLength(saved.length)
  const actorId = (name: string): string | undefined => actors.find((actor) => actor.name === name)?.id
  const issueId = (label: string): string | undefined => issues.find((issue) => issue.label === label)?.id
  expect(actors.filter((actor) => actor.name === NEW_ACTOR)).toHaveLength(1)
  for (const plan of saved) {
    const stored = claims.find((claim) => claim.note === plan.note)
    expect(stored, `claim on “${plan.quote}”`).toBeDefined()
    const start = ARTICLE.body.indexOf(plan.quote)
    expect(stored).toMatchObject({
      articleId: ARTICLE.id,
      actorId: actorId(plan.actor),
      issueIds: [issueId(plan.issue)],
      stance: plan.stance,
      date: plan.date,
      addresseeId: null,
      note: plan.note,
      anchor: createAnchor(ARTICLE.body, start, start + plan.quote.length),
    })
    expect(stored!.actorId).toBeTruthy()
    expect(stored!.issueIds[0]).toBeTruthy()
    expect(Number.isNaN(Date.parse(stored!.updatedAt))).toBe(false)
    expect(Number.isNaN(Date.parse(stored!.createdAt))).toBe(false)
  }
  // And the reader finds them again: one highlight per claim.
  await openArticle(page, ARTICLE.id)
  const highlighted = await page.locator('.reader-text [data-h^="c:"]').evaluateAll((nodes) => new Set(nodes.map((node) => node.getAttribute('data-h'))).size)
  expect(highlighted).toBe(saved.length)
}

test('claims saved in the tagging panel survive a SIGKILL right after each save is reported', async ({ workbench }, testInfo) => {
  test.setTimeout(240_000)
  let page = workbench.page
  await seedWorkspace(page, { articles: [ARTICLE], actors: KNOWN_ACTORS, issues: KNOWN_ISSUES })

  const saved: PlannedClaim[] = []
  let kills = 0
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    await openArticle(page, ARTICLE.id)
    for (const claim of PLANNED.slice(cycle * PER_CYCLE, (cycle + 1) * PER_CYCLE)) {
      await tagClaim(page, claim)
      saved.push(claim)
    }
    // No pause, no navigation away: kill the moment the last save is reported.
    page = await workbench.killAndRelaunch()
    kills++
    await expectClaims(page, saved)
  }
  expect(kills).toBe(CYCLES)
  console.info(`[durability] tagging: ${kills} SIGKILLs survived; all ${saved.length} claims intact after each`)
  testInfo.annotations.push({ type: 'kills survived', description: `tagging: ${kills} kills, ${saved.length} claims` })
})

// --- A large import ---------------------------------------------------------------------

const FIXTURES = sharedFixturesDir()
const ROWS = 6_000

interface Progress {
  done: number
  total: number
}

/** Waits, polling every few milliseconds, until the dialog reports some but not all rows stored. */
async function midImportProgress(page: Page): Promise<Progress> {
  const handle = await page.waitForFunction(
    () => {
      const line = document.querySelector('.import-progress [aria-live]')?.textContent ?? ''
      const match = /([\d,]+) of ([\d,]+) rows/.exec(line)
      if (!match) return null
      const done = Number(match[1]!.replace(/,/g, ''))
      const total = Number(match[2]!.replace(/,/g, ''))
      if (done >= total) return { done, total, finished: true }
      return done > 0 ? { done, total, finished: false } : null
    },
    undefined,
    { polling: 5, timeout: 120_000 },
  )
  const progress = (await handle.jsonValue()) as Progress & { finished: boolean }
  if (progress.finished) throw new Error(`the import finished before the kill (${progress.total} rows): raise ROWS so the kill lands mid-import`)
  return progress
}

/** Through the Import dialog and its mapping step, confirming the proposed mapping. */
async function importCollection(page: Page, csv: string): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import articles' })
  await dialog.getByLabel('Choose files').setInputFiles({ name: 'archive.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const mapping = page.getByRole('dialog', { name: 'Import: map columns' })
  await expect(mapping.getByLabel('Body', { exact: true })).toHaveValue('body', { timeout: 30_000 })
  await expect(mapping.getByLabel('Title', { exact: true })).toHaveValue('title')
  await expect(mapping.getByLabel('Date', { exact: true })).toHaveValue('date')
  await mapping.getByRole('button', { name: `Import ${ROWS.toLocaleString('en')} rows` }).click()
}

test('a SIGKILL in the middle of a large import keeps every article reported as imported, each one whole', async ({ workbench }, testInfo) => {
  needs(FIXTURES ? null : NO_SHARED_FIXTURES)
  test.setTimeout(240_000)
  const rows = buildCollection(FIXTURES!, ROWS)
  const csv = collectionCsv(rows)
  let page = workbench.page

  await importCollection(page, csv)
  const reported = await midImportProgress(page)
  page = await workbench.killAndRelaunch()
  await page.getByRole('navigation', { name: 'Main' }).waitFor()

  const stored = await readTable<Article>(page, 'articles')
  const byRef = new Map(rows.map((row) => [row.row_ref, row]))
  expect(stored.length, `the UI reported ${reported.done} of ${reported.total} rows stored before the kill`).toBeGreaterThanOrEqual(reported.done)
  expect(stored.length, 'the kill landed mid-import').toBeLessThan(ROWS)

  // Every stored article is one whole row of the file: every field, the complete body, and a
  // content hash that matches that body. Checked in plain code and asserted once (thousands
  // of expect() steps would each be traced).
  const problems: string[] = []
  const seen = new Set<string>()
  const check = (ok: boolean, what: string): void => {
    if (!ok && problems.length < 20) problems.push(what)
  }
  for (const article of stored) {
    const ref = article.meta?.row_ref ?? ''
    const row: SourceRow | undefined = byRef.get(ref)
    check(row !== undefined, `article ${article.id} has no row reference from the file (${ref})`)
    if (!row) continue
    check(!seen.has(ref), `row ${ref} is stored twice`)
    seen.add(ref)
    const expected = {
      title: normaliseLine(row.title),
      publishedAt: row.date,
      source: normaliseLine(row.source),
      author: normaliseLine(row.author),
      url: normaliseLine(row.url),
      body: normaliseBody(row.body),
      origin: `csv:archive.csv#${Number(ref.slice(1))}`,
    }
    for (const [field, value] of Object.entries(expected)) check(article[field as keyof typeof expected] === value, `${ref}: ${field} differs from the file`)
    check(article.body.endsWith(`Archive dispatch ${ref}.`), `${ref}: the body is cut short`)
    check(article.contentHash === (await contentHash(article.body)), `${ref}: the content hash does not match the body`)
    check(article.direction === 'ltr' || article.direction === 'rtl', `${ref}: no direction`)
    check(typeof article.language === 'string', `${ref}: no language`)
    check(!!article.importedAt && article.updatedAt === article.importedAt, `${ref}: importedAt/updatedAt missing`)
    check(/^[0-9a-f-]{36}$/.test(article.id), `${ref}: no id`)
  }
  expect(problems, 'every stored article is whole').toEqual([])

  // The library shows them, and importing the same file again completes the collection: what
  // was stored counts as duplicates, nothing is stored twice.
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(`${stored.length.toLocaleString('en')} articles`)
  await importCollection(page, csv)
  const summary = page.getByRole('region', { name: 'Import summary' })
  await expect(summary.getByRole('status')).toContainText(`${(ROWS - stored.length).toLocaleString('en')} article`, { timeout: 120_000 })
  await expect(summary.getByRole('status')).toContainText(`imported, ${stored.length.toLocaleString('en')} duplicate`)
  expect(await readTable<Article>(page, 'articles')).toHaveLength(ROWS)

  console.info(`[durability] import: 1 SIGKILL survived at ${reported.done.toLocaleString('en')} of ${ROWS.toLocaleString('en')} rows reported; ${stored.length.toLocaleString('en')} articles found whole after relaunch, none partial`)
  testInfo.annotations.push({ type: 'kills survived', description: `import: 1 kill, ${reported.done} reported, ${stored.length} stored whole` })
})
