import type { Page } from '@playwright/test'
import type { Actor, Article, Claim } from '../../renderer/src/domain/model'
import { readTable, seedWorkspace } from './support/seed'
import { makeActor, makeArticle, makeClaim, makeIssue, openArticle, selectText } from './support/taggingFixtures'
import { connect, expect, syncStatus, tableDump, test, type Member } from './support/team'

// Team sync (issue 14), end to end: members are browsers with profiles of their own, the
// server is the CouchDB-protocol test server the run starts on 127.0.0.1. Every case ends with
// the members' tables identical (full dumps compared) and nothing lost.

test.describe.configure({ timeout: 180_000 })

const BODY = 'The council met on Monday. The Northern Rivers Brigade said it will not accept any ceasefire while troops remain. The minister said the government is ready to sign.'
const article = makeArticle('art-1', 'Brigade rejects ceasefire', '2024-09-14', BODY)
const brigade = makeActor('brigade', 'Northern Rivers Brigade', 'armed group', ['NRB'])
const minister = makeActor('minister', 'Tomas Reyl', 'person')
const spare = makeActor('spare', 'Civic Union', 'party')
const ceasefire = makeIssue('ceasefire', 'Ceasefire')

let databases = 0
async function teamDatabase(couch: { createDatabase(name: string, members: string[]): Promise<void>; createUser(name: string, password: string): Promise<void> }): Promise<string> {
  const name = `team-${Date.now()}-${++databases}`
  await couch.createUser('alice', 'alice-pw').catch(() => undefined)
  await couch.createUser('bob', 'bob-pw').catch(() => undefined)
  await couch.createDatabase(name, ['alice', 'bob'])
  return name
}

async function connectMember(member: Member, server: string, database: string, user: 'alice' | 'bob'): Promise<void> {
  await connect(member.page, { server, database, user, password: `${user}-pw` })
  await expect(syncStatus(member.page)).toHaveAttribute('data-state', 'connected', { timeout: 60_000 })
  await closeDialogs(member.page)
}

async function closeDialogs(page: Page): Promise<void> {
  for (const name of ['Team sync', 'Conflicts']) {
    const dialog = page.getByRole('dialog', { name })
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Close' }).click()
  }
}

/** Waits until both members hold exactly the same tables, and returns them. */
async function converged(a: Member, b: Member): Promise<Record<string, unknown[]>> {
  let last: [string, string] = ['', '']
  await expect
    .poll(
      async () => {
        last = [JSON.stringify(await tableDump(a.page)), JSON.stringify(await tableDump(b.page))]
        return last[0] === last[1]
      },
      { timeout: 60_000, message: 'both members converge to identical tables' },
    )
    .toBe(true)
  return JSON.parse(last[0]) as Record<string, unknown[]>
}

async function renameActor(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
  await page.getByRole('button', { name: `Edit ${from}`, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: `Edit actor “${from}”` })
  await dialog.getByLabel('Name').fill(to)
  await dialog.getByRole('button', { name: 'Save actor' }).click()
  await expect(dialog).toBeHidden()
}

async function openConflicts(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Conflicts/ }).click()
  return page.getByRole('dialog', { name: 'Conflicts' })
}

test('a claim tagged on A shows in B, and both hold the same workspace', async ({ couch, members }) => {
  const database = await teamDatabase(couch)
  const a = await members.add('a')
  await seedWorkspace(a.page, { articles: [article], actors: [brigade, minister], issues: [ceasefire] })
  await connectMember(a, couch.url, database, 'alice')
  await expect(syncStatus(a.page)).not.toContainText('sending')

  const b = await members.add('b')
  await connectMember(b, couch.url, database, 'bob')
  await expect.poll(async () => (await readTable<Article>(b.page, 'articles')).length, { timeout: 30_000 }).toBe(1)

  const panel = a.page.getByRole('complementary', { name: 'Tagging' })
  await openArticle(a.page, article.id)
  // The reader redraws the text when its suggested mentions arrive (the brigade's name is one),
  // which drops a selection made before: select again until the selection holds.
  await expect(async () => {
    await selectText(a.page, 'will not accept any ceasefire while troops remain')
    await panel.getByRole('button', { name: 'Tag claim' }).click({ timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await panel.getByLabel('Actor').fill('Northern')
  await panel.getByRole('option', { name: /^Northern Rivers Brigade/ }).click()
  await panel.getByLabel('Issue').fill('Ceasefire')
  await panel.getByRole('option', { name: /^Ceasefire/ }).first().click()
  await panel.getByLabel('Stance').selectOption('-2')
  await panel.getByRole('button', { name: 'Save claim' }).click()
  await expect(panel.getByRole('region', { name: 'Selected claim' })).toBeVisible()

  await expect.poll(async () => (await readTable<Claim>(b.page, 'claims')).map((claim) => claim.anchor.exact), { timeout: 10_000 }).toEqual(['will not accept any ceasefire while troops remain'])
  // B sees it on screen too: the article's highlight.
  await openArticle(b.page, article.id)
  await expect(b.page.locator('.reader-text [data-h^="c:"]')).toHaveText('will not accept any ceasefire while troops remain')
  const dump = await converged(a, b)
  expect(dump.claims).toHaveLength(1)
  expect(a.serverRequests.length).toBeGreaterThan(0)
})

test('both edit while the server is down: they converge, the one same-record edit is a conflict, and resolving it on B clears it on A', async ({ couch, members }) => {
  const database = await teamDatabase(couch)
  const a = await members.add('a')
  await seedWorkspace(a.page, { actors: [brigade, minister, spare] })
  await connectMember(a, couch.url, database, 'alice')
  const b = await members.add('b')
  await connectMember(b, couch.url, database, 'bob')
  await expect.poll(async () => (await readTable<Actor>(b.page, 'actors')).length, { timeout: 30_000 }).toBe(3)

  await couch.stop()
  await renameActor(a.page, 'Northern Rivers Brigade', 'NRB (renamed by A)')
  await renameActor(a.page, 'Tomas Reyl', 'Minister Tomas Reyl')
  await renameActor(b.page, 'Northern Rivers Brigade', 'NRB (renamed by B)')
  await renameActor(b.page, 'Civic Union', 'Civic Union party')
  await expect(syncStatus(a.page)).toHaveAttribute('data-state', 'offline', { timeout: 30_000 })
  // Both renames wait to go out (with whatever else the edits touched).
  await expect(syncStatus(a.page)).toContainText(/sending [2-9]/)
  await couch.start()

  for (const member of [a, b]) await expect(syncStatus(member.page)).toContainText('1 conflict', { timeout: 60_000 })
  const dump = await converged(a, b)
  const names = (dump.actors as Actor[]).map((actor) => actor.name).sort()
  expect(names).toContain('Minister Tomas Reyl')
  expect(names).toContain('Civic Union party')
  const shown = (dump.actors as Actor[]).find((actor) => actor.id === 'brigade')!.name
  expect(['NRB (renamed by A)', 'NRB (renamed by B)']).toContain(shown)

  // B keeps A's version; the conflict clears on A too, and A's rename is what both hold.
  const dialog = await openConflicts(b.page)
  const versions = dialog.getByRole('table', { name: 'Versions side by side' })
  await expect(versions).toContainText('NRB (renamed by A)')
  await expect(versions).toContainText('NRB (renamed by B)')
  const headers = await versions.getByRole('columnheader').allTextContents()
  const cells = await versions.getByRole('row').filter({ has: b.page.getByRole('rowheader', { name: 'name', exact: true }) }).getByRole('cell').allTextContents()
  const fromA = cells.findIndex((cell) => cell.includes('renamed by A'))
  expect(headers[fromA + 1]).toMatch(/^Version \d/)
  await dialog.getByRole('button', { name: `Keep version ${fromA + 1}` }).click()
  await expect(dialog).toContainText('No conflicts')
  for (const member of [a, b]) await expect(syncStatus(member.page)).not.toContainText('conflict', { timeout: 30_000 })
  const after = await converged(a, b)
  expect((after.actors as Actor[]).find((actor) => actor.id === 'brigade')!.name).toBe('NRB (renamed by A)')
})

async function editActorNotes(page: Page, name: string, notes: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
  await page.getByRole('button', { name: `Edit ${name}`, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: `Edit actor “${name}”` })
  await dialog.getByLabel('Notes').fill(notes)
  await dialog.getByRole('button', { name: 'Save actor' }).click()
  await expect(dialog).toBeHidden()
}

test('A renames an actor and B writes its notes offline: B keeps both fields merged, and A gets the merged record', async ({ couch, members }) => {
  const database = await teamDatabase(couch)
  const a = await members.add('a')
  await seedWorkspace(a.page, { actors: [brigade, minister] })
  await connectMember(a, couch.url, database, 'alice')
  const b = await members.add('b')
  await connectMember(b, couch.url, database, 'bob')
  await expect.poll(async () => (await readTable<Actor>(b.page, 'actors')).length, { timeout: 30_000 }).toBe(2)

  await couch.stop()
  await renameActor(a.page, 'Northern Rivers Brigade', 'NRB (renamed by A)')
  await editActorNotes(b.page, 'Northern Rivers Brigade', 'Notes written by B')
  await expect(syncStatus(a.page)).toHaveAttribute('data-state', 'offline', { timeout: 30_000 })
  await couch.start()

  for (const member of [a, b]) await expect(syncStatus(member.page)).toContainText('1 conflict', { timeout: 60_000 })
  await converged(a, b)
  const dialog = await openConflicts(b.page)
  const versions = dialog.getByRole('table', { name: 'Versions side by side' })
  // Each field that differs is a choice between the versions' values: A's name, B's notes.
  await versions.getByRole('radio', { name: 'NRB (renamed by A)' }).check()
  await versions.getByRole('radio', { name: 'Notes written by B' }).check()
  await dialog.getByRole('button', { name: 'Keep merged' }).click()
  await expect(dialog).toContainText('No conflicts')
  for (const member of [a, b]) await expect(syncStatus(member.page)).not.toContainText('conflict', { timeout: 30_000 })
  await expect
    .poll(async () => (await readTable<Actor>(a.page, 'actors')).find((actor) => actor.id === 'brigade')?.notes, { timeout: 30_000 })
    .toBe('Notes written by B')
  const after = await converged(a, b)
  const merged = (after.actors as Actor[]).find((actor) => actor.id === 'brigade')!
  expect([merged.name, merged.notes]).toEqual(['NRB (renamed by A)', 'Notes written by B'])
  // A shows the merged record on its Actors screen too.
  await a.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
  await expect(a.page.getByRole('button', { name: 'Edit NRB (renamed by A)', exact: true })).toBeVisible()
})

test('A deletes an actor that B edits offline: a conflict on both sides, never a silent loss', async ({ couch, members }) => {
  const database = await teamDatabase(couch)
  const a = await members.add('a')
  await seedWorkspace(a.page, { actors: [spare, minister] })
  await connectMember(a, couch.url, database, 'alice')
  const b = await members.add('b')
  await connectMember(b, couch.url, database, 'bob')
  await expect.poll(async () => (await readTable<Actor>(b.page, 'actors')).length, { timeout: 30_000 }).toBe(2)

  await couch.stop()
  await a.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
  await a.page.getByRole('button', { name: 'Delete Civic Union', exact: true }).click()
  await a.page.getByRole('dialog', { name: 'Delete actor “Civic Union”' }).getByRole('button', { name: 'Delete actor' }).click()
  await renameActor(b.page, 'Civic Union', 'Civic Union (B kept working)')
  await expect(syncStatus(a.page)).toHaveAttribute('data-state', 'offline', { timeout: 30_000 })
  await couch.start()

  for (const member of [a, b]) await expect(syncStatus(member.page)).toContainText('1 conflict', { timeout: 60_000 })
  await converged(a, b)
  const dialog = await openConflicts(a.page)
  const versions = dialog.getByRole('table', { name: 'Versions side by side' })
  await expect(versions).toContainText('Deleted')
  await expect(versions).toContainText('Civic Union (B kept working)')
  await dialog.getByRole('button', { name: /^Keep version/ }).click()
  for (const member of [a, b]) await expect(syncStatus(member.page)).not.toContainText('conflict', { timeout: 30_000 })
  const after = await converged(a, b)
  expect((after.actors as Actor[]).map((actor) => actor.name).sort()).toEqual(['Civic Union (B kept working)', 'Tomas Reyl'])
})

test('the server killed mid-way through a large first upload: after a restart of both, it resumes, and no document is missing or duplicated', async ({ couch, members }) => {
  const database = await teamDatabase(couch)
  const a = await members.add('a')
  const articles: Article[] = Array.from({ length: 40 }, (_, index) => makeArticle(`big-${index}`, `Report ${index}`, '2024-10-01', `${BODY} Paragraph ${index}.`))
  const claims: Claim[] = []
  for (let index = 0; index < 4_000; index++) {
    const host = articles[index % articles.length]!
    claims.push(makeClaim(`claim-${String(index).padStart(5, '0')}`, host, 'will not accept any ceasefire', index % 2 ? 'brigade' : 'minister', 'ceasefire', ((index % 5) - 2) as Claim['stance']))
  }
  await seedWorkspace(a.page, { articles, actors: [brigade, minister], issues: [ceasefire], claims })
  const total = articles.length + claims.length + 3
  await connect(a.page, { server: couch.url, database, user: 'alice', password: 'alice-pw' })
  await expect.poll(async () => ((await couch.request('GET', `/${database}`)).body as { doc_count: number }).doc_count, { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0)
  await couch.kill()
  const atKill = await syncStatus(a.page).getAttribute('data-state')
  expect(['offline', 'syncing', 'connected']).toContain(atKill)
  // The member's app goes too: closed and opened again on its profile while the server is down.
  // A browser keeps the password for the session only, so the member types it again.
  await a.relaunch()
  await expect(syncStatus(a.page)).toHaveAttribute('data-state', 'needs-password')
  await couch.start()
  await syncStatus(a.page).click()
  const dialog = a.page.getByRole('dialog', { name: 'Team sync' })
  await dialog.getByLabel('Password').fill('alice-pw')
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(syncStatus(a.page)).toHaveAttribute('data-state', 'connected', { timeout: 120_000 })
  await expect(syncStatus(a.page)).not.toContainText('sending', { timeout: 120_000 })

  const onServer = await couch.allDocs(database)
  const ids = onServer.map((doc) => doc._id as string)
  expect(new Set(ids).size).toBe(ids.length)
  expect(ids.length).toBe(total)
  expect(onServer.filter((doc) => (doc._conflicts as unknown[] | undefined)?.length)).toEqual([])

  const b = await members.add('b')
  await connectMember(b, couch.url, database, 'bob')
  await expect.poll(async () => (await readTable<Claim>(b.page, 'claims')).length, { timeout: 120_000 }).toBe(claims.length)
  const dump = await converged(a, b)
  expect(dump.claims).toHaveLength(claims.length)
})

test('the server killed mid-way through a large first download: after a restart of both, it resumes, and no document is missing or duplicated', async ({ couch, members }) => {
  const database = await teamDatabase(couch)
  const a = await members.add('a')
  const articles: Article[] = Array.from({ length: 40 }, (_, index) => makeArticle(`down-${index}`, `Report ${index}`, '2024-10-01', `${BODY} Paragraph ${index}.`))
  const claims: Claim[] = []
  for (let index = 0; index < 8_000; index++) {
    const host = articles[index % articles.length]!
    claims.push(makeClaim(`claim-${String(index).padStart(5, '0')}`, host, 'will not accept any ceasefire', index % 2 ? 'brigade' : 'minister', 'ceasefire', ((index % 5) - 2) as Claim['stance']))
  }
  await seedWorkspace(a.page, { articles, actors: [brigade, minister], issues: [ceasefire], claims })
  await connectMember(a, couch.url, database, 'alice')
  await expect(syncStatus(a.page)).not.toContainText('sending', { timeout: 120_000 })

  const b = await members.add('b')
  // A first Connect starts the page again under a CSP that allows the server: read B's tables
  // only from that page (a read begun before it would lose its page mid-way).
  const reloaded = b.page.waitForEvent('load')
  await connect(b.page, { server: couch.url, database, user: 'bob', password: 'bob-pw' })
  await reloaded
  // The first pages are in B's workspace (its bookkeeping packed a page to a row), the rest not yet.
  await expect.poll(async () => (await readTable<Claim>(b.page, 'claims')).length, { timeout: 60_000, intervals: [50] }).toBeGreaterThan(0)
  await couch.kill()
  await b.relaunch()
  await expect(syncStatus(b.page)).toHaveAttribute('data-state', 'needs-password')
  // Stopped part of the way: what follows is a resume, not a download that had already finished.
  expect((await readTable<Claim>(b.page, 'claims')).length).toBeLessThan(claims.length)
  await couch.start()
  await syncStatus(b.page).click()
  const dialog = b.page.getByRole('dialog', { name: 'Team sync' })
  await dialog.getByLabel('Password').fill('bob-pw')
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(syncStatus(b.page)).toHaveAttribute('data-state', 'connected', { timeout: 120_000 })
  await closeDialogs(b.page)

  const dump = await converged(a, b)
  expect(dump.claims).toHaveLength(claims.length)
  // The positions projection came in with the records: one fact per claim, none left over.
  const facts = await readTable<{ id: string }>(b.page, 'claimFacts')
  expect(facts.map((fact) => fact.id).sort()).toEqual(claims.map((claim) => claim.id).sort())
  // Every received document keeps its revision as the base of a local edit: an edit on B goes out
  // as the next revision, never as a conflict.
  await renameActor(b.page, 'Tomas Reyl', 'Tomas Reyl-Varga')
  await expect.poll(async () => (await readTable<Actor>(a.page, 'actors')).find((actor) => actor.id === 'minister')?.name, { timeout: 60_000 }).toBe('Tomas Reyl-Varga')
  const onServer = await couch.allDocs(database)
  expect(onServer.filter((doc) => (doc._conflicts as unknown[] | undefined)?.length)).toEqual([])
  expect(new Set(onServer.map((doc) => doc._id as string)).size).toBe(onServer.length)
  await converged(a, b)
})

test('a wrong password, a wrong database and an unreachable server each say so, and nothing local changes', async ({ couch, members }) => {
  const database = await teamDatabase(couch)
  const a = await members.add('a')
  await seedWorkspace(a.page, { articles: [article], actors: [brigade], issues: [ceasefire] })
  const before = JSON.stringify(await tableDump(a.page))
  const dialog = a.page.getByRole('dialog', { name: 'Team sync' })

  await connect(a.page, { server: couch.url, database, user: 'alice', password: 'not-her-password' })
  await expect(dialog.getByRole('alert')).toContainText('Wrong user name or password for alice')
  expect(JSON.stringify(await tableDump(a.page))).toBe(before)

  await dialog.getByLabel('Database').fill('no-such-database')
  await dialog.getByLabel('Password').fill('alice-pw')
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText('The server has no database “no-such-database”')
  expect(JSON.stringify(await tableDump(a.page))).toBe(before)

  await couch.stop()
  await dialog.getByLabel('Database').fill(database)
  await dialog.getByLabel('Password').fill('alice-pw')
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText(`Cannot reach the server at ${couch.url}`)
  expect(JSON.stringify(await tableDump(a.page))).toBe(before)
  await couch.start()
})

test('documents from the server that are malformed or hostile are refused with a reason and never enter the workspace', async ({ couch, members }) => {
  const database = await teamDatabase(couch)
  const good = { _id: 'actors:brigade', table: 'actors', schema: 4, record: brigade }
  const hostile = [
    { _id: 'actors:typed', table: 'actors', schema: 4, record: { ...minister, id: 'typed', aliases: 'not a list' } },
    { _id: 'actors:ctor', table: 'actors', schema: 4, record: { ...minister, id: 'ctor', constructor: { prototype: { polluted: true } } } },
    { _id: 'articles:huge', table: 'articles', schema: 4, record: { ...article, id: 'huge', title: 'x'.repeat(300_000) } },
    { _id: 'passwords:1', table: 'passwords', schema: 4, record: { id: '1' } },
  ]
  expect((await couch.request('POST', `/${database}/_bulk_docs`, { docs: [good, ...hostile] })).status).toBe(201)
  const b = await members.add('b')
  await connectMember(b, couch.url, database, 'bob')
  await expect(syncStatus(b.page)).toContainText('4 refused', { timeout: 30_000 })
  expect((await readTable<Actor>(b.page, 'actors')).map((actor) => actor.id)).toEqual(['brigade'])
  expect(await readTable<Article>(b.page, 'articles')).toEqual([])
  expect(await b.page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined()

  await syncStatus(b.page).click()
  const refused = b.page.getByRole('dialog', { name: 'Team sync' }).getByRole('region', { name: 'Refused documents' })
  await expect(refused).toContainText('actors:typed: actor aliases must be a list of text')
  await expect(refused).toContainText('actors:ctor: record has the forbidden key "constructor"')
  await expect(refused).toContainText('articles:huge: title is too large (300,000 characters; at most 100,000)')
  await expect(refused).toContainText('passwords:1: belongs to no workspace table ("passwords")')
})

test('without a connection the page may reach no other origin; Connect allows exactly the server, Disconnect takes it back', async ({ couch, members }) => {
  const database = await teamDatabase(couch)
  const a = await members.add('a')
  const connectSrc = (page: Page) => page.evaluate(() => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((meta) => /connect-src ([^;]*)/.exec((meta as HTMLMetaElement).content)?.[1] ?? null).filter(Boolean))
  const tryFetch = (page: Page, url: string) => page.evaluate((target) => fetch(target).then(() => 'reached', () => 'blocked'), url)

  expect(await connectSrc(a.page)).toEqual(["'self'"])
  expect(await tryFetch(a.page, `${couch.url}/`)).toBe('blocked')
  expect(a.serverRequests).toEqual([])

  await connectMember(a, couch.url, database, 'alice')
  expect(await connectSrc(a.page)).toEqual([`'self' ${new URL(couch.url).origin}`])
  expect(await tryFetch(a.page, 'https://example.com/')).toBe('blocked')
  // The sync worker is a script of the build, which a static server sends without a CSP: it
  // keeps itself to the app and the server (in Electron the CSP header and main do too).
  const syncWorker = a.page.workers().find((worker) => /sync\.worker/.test(worker.url()))
  expect(syncWorker, 'the sync worker runs from a file of the build').toBeDefined()
  expect(await syncWorker!.evaluate(() => fetch('http://127.0.0.1:1/').then(() => 'reached', () => 'blocked'))).toBe('blocked')
  expect(await syncWorker!.evaluate(() => fetch(new URL('/', location.href).href).then(() => 'reached', () => 'blocked'))).toBe('reached')
  expect(await syncWorker!.evaluate(() => { try { new XMLHttpRequest(); return 'opened' } catch { return 'closed' } })).toBe('closed')

  await syncStatus(a.page).click()
  // Disconnect reloads the page (its CSP can only be loosened by a fresh page); the status says
  // Offline before the reload, so wait for the new page itself.
  const reloaded = a.page.waitForEvent('load')
  await a.page.getByRole('dialog', { name: 'Team sync' }).getByRole('button', { name: 'Disconnect' }).click()
  await reloaded
  await expect(a.page.getByRole('contentinfo', { name: 'Status' })).toContainText('Offline · browser')
  expect(await connectSrc(a.page)).toEqual(["'self'"])
  const requestsBefore = a.serverRequests.length
  expect(await tryFetch(a.page, `${couch.url}/`)).toBe('blocked')
  await a.page.waitForTimeout(1500)
  expect(a.serverRequests.length).toBe(requestsBefore)
  // The workspace stayed as it was, and nothing of the replica is left.
  // (The library's search-index cache beside the workspace is not the replica.)
  expect(await a.page.evaluate(async () => (await indexedDB.databases()).map((info) => info.name).filter((name) => !name?.includes('~cache~')).sort())).toEqual(['standpoint'])
})

test('a browser that lost the connection from localStorage takes it back from the workspace, and one that kept it after Disconnect forgets it', async ({ couch, members }) => {
  const database = await teamDatabase(couch)
  const a = await members.add('a')
  await connectMember(a, couch.url, database, 'alice')
  await a.page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('standpoint.sync.')) localStorage.removeItem(key)
  })
  await a.page.reload()
  // The page starts without the server in its CSP, finds the workspace's copy and starts again.
  await expect(syncStatus(a.page)).toHaveAttribute('data-state', 'connected', { timeout: 30_000 })
  const connectSrc = await a.page.evaluate(() => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((meta) => /connect-src ([^;]*)/.exec((meta as HTMLMetaElement).content)?.[1] ?? null).filter(Boolean))
  expect(connectSrc).toEqual([`'self' ${new URL(couch.url).origin}`])
  await syncStatus(a.page).click()
  const dialog = a.page.getByRole('dialog', { name: 'Team sync' })
  await expect(dialog).toContainText(database)

  // The other way: a browser closed soon after Disconnect comes back with the connection in
  // localStorage. The workspace says it was disconnected: the page forgets it and starts again
  // without the server in its CSP, and never syncs.
  const kept = await a.page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((key) => key.startsWith('standpoint.sync.')).map((key) => [key, localStorage.getItem(key)])))
  const disconnected = a.page.waitForEvent('load')
  await dialog.getByRole('button', { name: 'Disconnect' }).click()
  await disconnected
  await expect(a.page.getByRole('contentinfo', { name: 'Status' })).toContainText('Offline · browser')
  // Put back before the app's first module runs, as a browser would start with it (set on the
  // live page instead, the page's own idle check could forget it before the reload).
  await a.page.addInitScript((entries) => {
    if (sessionStorage.getItem('test.connection-kept') === '1') return
    sessionStorage.setItem('test.connection-kept', '1')
    for (const [key, value] of Object.entries(entries)) if (value !== null) localStorage.setItem(key, value)
  }, kept)
  // Two loads: the reload, then the one the app makes after forgetting.
  let loads = 0
  const counted = (): void => void loads++
  a.page.on('load', counted)
  await a.page.reload()
  await expect.poll(() => loads, { timeout: 15_000 }).toBe(2)
  a.page.off('load', counted)
  await expect(a.page.getByRole('contentinfo', { name: 'Status' })).toContainText('Offline · browser')
  expect(await a.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('standpoint.sync.')).length)).toBe(0)
  const policy = await a.page.evaluate(() => [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((meta) => /connect-src ([^;]*)/.exec((meta as HTMLMetaElement).content)?.[1] ?? null).filter(Boolean))
  expect(policy).toEqual(["'self'"])
  const requestsBefore = a.serverRequests.length
  await a.page.waitForTimeout(1500)
  expect(a.serverRequests.length).toBe(requestsBefore)
})
