import { readFileSync } from 'node:fs'
import type { Download, Page } from '@playwright/test'
import { BACKUP_FORMAT_VERSION } from '../../renderer/src/db/backup/format'
import { claimsExportTable } from '../../renderer/src/domain/export/claimsCsv'
import { buildLookups } from '../../renderer/src/domain/export/lookups'
import type { Actor, Article, Claim } from '../../renderer/src/domain/model'
import { expectedTable, papaReadBack } from '../unit/export/csvRoundTrip'
import { trickyWorkspace } from '../unit/export/trickyWorkspace'
import { readTable, seedWorkspace } from './support/seed'
import { expect, test } from './support/workbench'

/** Every table a backup holds (the change journal is this machine's own, never in a backup). */
const TABLES = ['articles', 'actors', 'issues', 'claims', 'mentions', 'coders', 'assignments', 'tombstones', 'settings'] as const

/**
 * Waits until the app has finished its own start-up writes (the one-time storage warning
 * flag), so a snapshot of the tables is not taken in the middle of them.
 */
async function settled(page: Page): Promise<void> {
  const persistence = page.getByTestId('storage-persistence')
  await expect(persistence).not.toHaveText('Storage: checking…')
  if ((await persistence.textContent())?.includes('not persistent')) {
    await expect.poll(async () => (await readTable<{ key: string }>(page, 'settings')).some((row) => row.key === 'persistenceWarningShown')).toBe(true)
  }
}

async function readAll(page: Page): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of TABLES) {
    const rows = await readTable<Record<string, unknown>>(page, table)
    out[table] = rows.sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)))
  }
  return out
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  const path = await download.path()
  return { download, text: readFileSync(path, 'utf8') }
}

/** Empties every table straight in IndexedDB, as if the workspace had been lost. */
async function wipe(page: Page): Promise<void> {
  await page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('standpoint')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction([...tables], 'readwrite')
      for (const table of tables) tx.objectStore(table).clear()
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('wipe failed'))
    })
    db.close()
  }, TABLES)
  await page.reload()
}

test.beforeEach(({ workbench }) => {
  test.skip(workbench.host === 'electron', 'these tests read the file from the browser download; Electron saves through the native dialog')
})

test('the claims CSV downloads and parses back to the same values, quotes, newlines, Arabic and formulas included', async ({ workbench }) => {
  const { page } = workbench
  const workspace = trickyWorkspace()
  await seedWorkspace(page, workspace)
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByRole('radio', { name: 'Claims (CSV)' })).toBeChecked()
  await dialog.getByRole('checkbox', { name: 'Add a byte order mark for Excel' }).check()
  const { download, text } = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Export' }).click())
  expect(download.suggestedFilename()).toMatch(/^standpoint-claims-\d{4}-\d{2}-\d{2}\.csv$/)
  expect(text.startsWith('\uFEFF')).toBe(true)
  const table = claimsExportTable(workspace.claims, buildLookups(workspace))
  expect(papaReadBack(text)).toEqual(expectedTable(table.header, table.rows))
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toContainText(`Exported ${workspace.claims.length} claims`)
  await expect(dialog).toBeHidden()
})

test('every export kind downloads under its own name, from the button or Ctrl+Shift+E', async ({ workbench }) => {
  const { page } = workbench
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  await expect(page.getByText('Brigade announces halt to pipeline attacks')).toBeVisible()
  const cases = [
    { option: 'Actors (CSV)', file: /standpoint-actors-.*\.csv$/, first: 'name,kind,aliases,notes,claim_count,actor_id,created_at,updated_at' },
    { option: 'Articles (CSV)', file: /standpoint-articles-.*\.csv$/, first: 'title,source,author,published_at,url,language,direction,origin,imported_at,claim_count,article_id,content_hash,updated_at,external_id,body', body: true },
    { option: 'Network (GraphML)', file: /standpoint-network-.*\.graphml$/, first: '<?xml version="1.0" encoding="UTF-8"?>' },
    { option: 'Network edge list (CSV)', file: /standpoint-network-edges-.*\.csv$/, first: 'source,target,actor,actor_kind,issue,weight,stance_mean' },
  ]
  for (const entry of cases) {
    await page.keyboard.press('Control+Shift+E')
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await dialog.getByRole('radio', { name: entry.option }).check()
    if (entry.body) await dialog.getByRole('checkbox', { name: 'Include article text' }).check()
    const { download, text } = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Export' }).click())
    expect(download.suggestedFilename()).toMatch(entry.file)
    expect(text.split('\n')[0]).toContain(entry.first)
    if (entry.body) expect(text).toContain('Talks between the government of Calvaria')
    await expect(dialog).toBeHidden()
  }
})

test('a coded-claims CSV with 0/1 agreement imports as −1/+1, documents and actors created once each', async ({ workbench }) => {
  const { page } = workbench
  const csv = [
    'statement ID,time,document ID,title,text,organization,concept,agreement',
    '1,23.12.2024,D1,Militias pause attacks,"will stop, for now",Al-Nujaba Movement,Attacks on Israel,0',
    '2,20.11.2024,D2,Militias reject the call,rejected the call,Kataib Hezbollah,Attacks on Israel,1',
    '3,20.11.2024,D2,Militias reject the call,rejected the call,Al-Nujaba Movement,Attacks on Israel,1',
    "4,21.11.2024,D2,Militias reject the call,'=not a formula,حركة النجباء,Attacks on Israel,1",
    '5,21.11.2024,D2,Militias reject the call,no issue here,Kataib Hezbollah,,1',
  ].join('\r\n')
  await page.getByRole('button', { name: 'Import coded claims…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import coded claims' })
  await dialog.getByLabel('Choose CSV file').setInputFiles({ name: 'dna-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await expect(dialog.getByRole('combobox', { name: 'Actor column' })).toHaveValue('5')
  await expect(dialog.getByRole('combobox', { name: 'Stance column' })).toHaveValue('7')
  await expect(dialog.getByRole('combobox', { name: 'Stance values are' })).toHaveValue('agreement01')
  await expect(dialog.getByRole('combobox', { name: 'Stance for “0”' })).toHaveValue('-1')
  await expect(dialog.getByRole('combobox', { name: 'Stance for “1”' })).toHaveValue('1')
  await expect(dialog.getByRole('combobox', { name: 'Date format' })).toHaveValue('dmy')
  await dialog.getByRole('button', { name: 'Import claims' }).click()

  const summary = dialog.getByRole('region', { name: 'Import summary' })
  await expect(summary).toContainText('4 claims imported')
  await expect(summary).toContainText('1 row rejected')
  await expect(summary).toContainText('all 5 rows of dna-export.csv accounted for')
  await expect(summary.getByRole('table', { name: 'Row outcomes' })).toContainText('no issue: the issue cell is empty')

  const claims = await readTable<Claim>(page, 'claims')
  const articles = await readTable<Article>(page, 'articles')
  const actors = await readTable<Actor>(page, 'actors')
  expect(claims.map((claim) => claim.stance).sort()).toEqual([-1, 1, 1, 1])
  expect(articles.map((article) => article.title).sort()).toEqual(['Militias pause attacks', 'Militias reject the call'])
  expect(actors.map((actor) => actor.name).sort()).toEqual(['Al-Nujaba Movement', 'Kataib Hezbollah', 'حركة النجباء'])
  expect(claims.map((claim) => claim.anchor.exact)).toContain('=not a formula')
  expect(claims.find((claim) => claim.stance === -1)!.date).toBe('2024-12-23')

  // The same file again: every row is a duplicate or the same rejection; nothing is created twice.
  await dialog.getByRole('button', { name: 'Done' }).click()
  await page.getByRole('button', { name: 'Import coded claims…' }).click()
  await dialog.getByLabel('Choose CSV file').setInputFiles({ name: 'dna-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await dialog.getByRole('button', { name: 'Import claims' }).click()
  await expect(dialog.getByRole('region', { name: 'Import summary' })).toContainText('0 claims imported · 4 duplicates skipped · 1 row rejected')
  expect(await readTable(page, 'claims')).toHaveLength(4)
  expect(await readTable(page, 'actors')).toHaveLength(3)
})

test('backup, wipe, restore: every table comes back identical', async ({ workbench }) => {
  const { page } = workbench
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  await expect(page.getByText('Brigade announces halt to pipeline attacks')).toBeVisible()
  await seedWorkspace(page, trickyWorkspace())
  await settled(page)
  const before = await readAll(page)
  expect(before.claims!.length).toBeGreaterThan(20)

  await page.getByRole('button', { name: 'Backup & restore…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backup and restore' })
  const { download, text } = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Save backup' }).click())
  expect(download.suggestedFilename()).toMatch(/^standpoint-backup-[\d-]+\.jsonl$/)
  expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ format: 'standpoint-backup', formatVersion: BACKUP_FORMAT_VERSION })

  await wipe(page)
  expect((await readAll(page)).claims).toEqual([])

  await page.getByRole('button', { name: 'Backup & restore…' }).click()
  await dialog.getByLabel('Choose backup file').setInputFiles(await download.path())
  await expect(dialog.getByRole('table', { name: 'Backup contents' })).toBeVisible()
  await expect(dialog.getByText('This workspace is empty')).toBeVisible()
  await dialog.getByRole('button', { name: 'Restore backup' }).click()
  await expect(dialog.getByRole('region', { name: 'Restore summary' })).toContainText('The workspace now holds exactly what the backup holds')
  expect(await readAll(page)).toEqual(before)
  await dialog.getByRole('button', { name: 'Close' }).last().click()
  await expect(page.getByText('Brigade announces halt to pipeline attacks')).toBeVisible()
})

test('restoring into a workspace with data: replace brings the backup back exactly, merge keeps the newer side', async ({ workbench }) => {
  const { page } = workbench
  const workspace = trickyWorkspace()
  await seedWorkspace(page, workspace)
  await settled(page)
  const before = await readAll(page)
  await page.getByRole('button', { name: 'Backup & restore…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backup and restore' })
  const { download } = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Save backup' }).click())
  const backupPath = await download.path()
  await dialog.getByRole('button', { name: 'Close' }).last().click()

  // After the backup: one actor renamed later than the backup, one older edit, one claim gone.
  const renamed = { ...workspace.actors[0]!, name: 'Renamed after the backup', updatedAt: '2030-01-01T00:00:00.000Z' }
  const older = { ...workspace.actors[2]!, name: 'Edited with an old clock', updatedAt: '2000-01-01T00:00:00.000Z' }
  await seedWorkspace(page, { actors: [renamed, older] })
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('standpoint')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
    })
    await new Promise<void>((resolve) => {
      const tx = db.transaction('claims', 'readwrite')
      tx.objectStore('claims').delete('clm-03')
      tx.oncomplete = () => resolve()
    })
    db.close()
  })

  // Merge: the later rename stays, the older edit gives way to the backup, the deleted claim returns.
  await page.getByRole('button', { name: 'Backup & restore…' }).click()
  await dialog.getByLabel('Choose backup file').setInputFiles(backupPath)
  await expect(dialog.getByRole('radio', { name: 'Merge with this workspace' })).toBeChecked()
  await dialog.getByRole('button', { name: 'Restore backup' }).click()
  const summary = dialog.getByRole('region', { name: 'Restore summary' })
  await expect(summary).toBeVisible()
  const actorsRow = summary.getByRole('row', { name: /^actors/ })
  // In backup, added, updated from backup, kept from workspace, identical, only in workspace, now.
  await expect(actorsRow.getByRole('cell')).toHaveText(['3', '0', '1', '1', '1', '0', '3'])
  await expect(summary.getByRole('row', { name: /^claims/ }).getByRole('cell')).toHaveText([
    String(workspace.claims.length), '1', '0', '0', String(workspace.claims.length - 1), '0', String(workspace.claims.length),
  ])
  const actors = await readTable<Actor>(page, 'actors')
  expect(actors.find((actor) => actor.id === renamed.id)!.name).toBe('Renamed after the backup')
  expect(actors.find((actor) => actor.id === older.id)!.name).toBe(workspace.actors[2]!.name)
  expect((await readTable<Claim>(page, 'claims')).some((claim) => claim.id === 'clm-03')).toBe(true)

  // Replace: exactly the backup again.
  await dialog.getByRole('button', { name: 'Restore another backup' }).click()
  await dialog.getByLabel('Choose backup file').setInputFiles(backupPath)
  await dialog.getByRole('radio', { name: 'Replace this workspace' }).check()
  await dialog.getByRole('button', { name: 'Restore backup' }).click()
  await expect(dialog.getByRole('region', { name: 'Restore summary' })).toContainText('exactly what the backup holds')
  expect(await readAll(page)).toEqual(before)
})

test('restoring a backup clears the undo history: nothing from before it can be undone', async ({ workbench }) => {
  const { page } = workbench
  const workspace = trickyWorkspace()
  await seedWorkspace(page, workspace)
  await settled(page)
  await page.getByRole('button', { name: 'Backup & restore…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backup and restore' })
  const { download } = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Save backup' }).click())
  await dialog.getByRole('button', { name: 'Close' }).last().click()

  // An undoable edit after the backup.
  const actor = workspace.actors[0]!
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actors' }).click()
  await page.getByRole('button', { name: `Edit ${actor.name}`, exact: true }).click()
  const edit = page.getByRole('dialog', { name: `Edit actor “${actor.name}”` })
  await edit.getByLabel('Name', { exact: true }).fill('Renamed after the backup')
  await edit.getByRole('button', { name: 'Save actor' }).click()
  await expect(edit).toBeHidden()
  const undo = page.getByRole('button', { name: 'Undo', exact: true })
  await expect(undo).toBeEnabled()

  await page.getByRole('button', { name: 'Backup & restore…' }).click()
  await dialog.getByLabel('Choose backup file').setInputFiles(await download.path())
  await dialog.getByRole('radio', { name: 'Replace this workspace' }).check()
  await dialog.getByRole('button', { name: 'Restore backup' }).click()
  await expect(dialog.getByRole('region', { name: 'Restore summary' })).toContainText('exactly what the backup holds')
  await dialog.getByRole('button', { name: 'Close' }).last().click()

  await expect(undo).toBeDisabled()
  await page.keyboard.press('Control+z')
  await expect(page.getByText('Nothing to undo.')).toBeVisible()
  expect((await readTable<Actor>(page, 'actors')).find((entry) => entry.id === actor.id)!.name).toBe(actor.name)
})

test('a backup from a newer version of Standpoint is refused with a clear message, and nothing changes', async ({ workbench }) => {
  const { page } = workbench
  await page.getByRole('button', { name: 'Load sample workspace' }).click()
  await expect(page.getByText('Brigade announces halt to pipeline attacks')).toBeVisible()
  await settled(page)
  const before = await readAll(page)
  const newer = `${JSON.stringify({ format: 'standpoint-backup', formatVersion: 1, schemaVersion: 99, app: '9.0.0', createdAt: '2031-01-01T00:00:00.000Z', tables: {} })}\n`
  await page.getByRole('button', { name: 'Backup & restore…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Backup and restore' })
  await dialog.getByLabel('Choose backup file').setInputFiles({ name: 'from-the-future.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(newer) })
  await expect(dialog.getByRole('alert')).toContainText(
    'from-the-future.jsonl: This backup was made by a newer version of Standpoint 9.0.0 (workspace schema v99; this version knows up to v',
  )
  await expect(dialog.getByRole('alert')).toContainText('Update Standpoint to restore it. Nothing in your workspace was changed.')
  await expect(dialog.getByRole('button', { name: 'Restore backup' })).toHaveCount(0)
  expect(await readAll(page)).toEqual(before)
})
