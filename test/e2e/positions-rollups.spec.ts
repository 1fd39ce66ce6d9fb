import type { Locator, Page } from '@playwright/test'
import { positionRows } from './support/positionsTable'
import type { Actor, Article, Claim, Coder, Issue, Stance } from '../../renderer/src/domain/model'
import { readTable, seedWorkspace } from './support/seed'
import { expect, test } from './support/workbench'

// Real coded data: claims on several codes of a two-level codebook, actors with a party, and
// two coders plus an adjudicated claim. The rows the analyst reads (a top-level issue row, a
// party row) must hold the numbers computed here by hand.

const NOW = '2025-01-05T10:00:00.000Z'
const BODY = 'Merkel said we can do this. Seehofer demanded an upper limit. The Union faction agreed on transit zones.'

const doc: Article = {
  id: 'art-1',
  title: 'The ceiling debate',
  source: 'Die Zeit',
  author: '',
  publishedAt: '2015-09-04',
  url: '',
  language: 'en',
  direction: 'ltr',
  body: BODY,
  contentHash: 'art-1',
  importedAt: NOW,
  origin: 'paste',
  meta: {},
  updatedAt: NOW,
  externalId: '',
}

function issue(id: string, label: string, parentId: string | null = null): Issue {
  return { id, label, description: '', parentId, createdAt: NOW, updatedAt: NOW, code: '', updatedBy: '' }
}

function actor(id: string, name: string, party: string[]): Actor {
  return { id, name, kind: 'person', aliases: [], notes: '', createdAt: NOW, updatedAt: NOW, attributes: party.length > 0 ? { Party: party } : {}, updatedBy: '' }
}

function coder(id: string, name: string, role: Coder['role']): Coder {
  return { id, name, color: '#336699', role, createdAt: NOW, updatedAt: NOW }
}

function claim(id: string, actorId: string, issueIds: string[], stance: Stance, date: string, coderId: string, adjudicatedFrom: string[] = []): Claim {
  return {
    id,
    articleId: doc.id,
    actorId,
    issueIds,
    stance,
    date,
    addresseeId: null,
    note: '',
    anchor: { exact: 'Merkel', prefix: '', suffix: ' said', start: 0, end: 6 },
    createdAt: NOW,
    updatedAt: NOW,
    coderId,
    updatedBy: coderId,
    externalId: '',
    attributes: {},
    adjudicatedFrom,
  }
}

const issues = [issue('mig', 'Controlling migration'), issue('ceil', 'Ceiling', 'mig'), issue('dep', 'Deportation', 'mig'), issue('int', 'Integration')]
const actors = [actor('merkel', 'Angela Merkel', ['CDU']), actor('seehofer', 'Horst Seehofer', ['CSU']), actor('union', 'Union faction', ['CDU', 'CSU'])]
const coders = [coder('lead', 'Lena Lead', 'lead'), coder('ann', 'Ann', 'coder'), coder('bob', 'Bob', 'coder')]
const claims = [
  // Merkel, September: on both children (+2) and on one child (−1).
  claim('m1', 'merkel', ['ceil', 'dep'], 2, '2015-09-04', 'ann'),
  claim('m2', 'merkel', ['ceil'], -1, '2015-09-20', 'bob'),
  claim('s1', 'seehofer', ['ceil'], -2, '2015-09-12', 'ann'),
  claim('u1', 'union', ['dep', 'int'], -1, '2015-09-30', 'bob'),
  // The adjudicated version of m1 and m2.
  claim('adj', 'merkel', ['ceil'], 1, '2015-09-21', 'lead', ['m1', 'm2']),
]

async function openPositions(page: Page): Promise<Locator> {
  await seedWorkspace(page, { articles: [doc], actors, issues, claims, coders })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions' }).click()
  const table = page.getByRole('table', { name: 'Positions' })
  await expect(table).toBeVisible()
  return table
}

/** The rows as { label | issue: [claims, mean] } from the summary columns. */

test('Top level counts each claim once under its top-level issue; a party row aggregates its actors’ claims', async ({ workbench }) => {
  const { page } = workbench
  const table = await openPositions(page)
  // Five claims from two coders and an adjudicated one: the screen says they are mixed.
  await expect(page.getByRole('note', { name: 'Claims from several coders' })).toContainText('2 coders and 1 adjudicated claim')
  await page.getByLabel('Claims shown').selectOption({ label: 'Ann' })
  await expect(page.getByRole('note', { name: 'Claims from several coders' })).toHaveCount(0)
  await expect.poll(() => positionRows(table)).toEqual({
    'Angela Merkel | Controlling migration › Ceiling': ['1', '+2.0'],
    'Angela Merkel | Controlling migration › Deportation': ['1', '+2.0'],
    'Horst Seehofer | Controlling migration › Ceiling': ['1', '-2.0'],
  })
  await page.getByLabel('Claims shown').selectOption({ label: 'All claims' })

  // As coded: a claim counts under each of its codes.
  await expect.poll(() => positionRows(table)).toMatchObject({
    'Angela Merkel | Controlling migration › Ceiling': ['3', '+0.7'],
    'Angela Merkel | Controlling migration › Deportation': ['1', '+2.0'],
  })
  // Top level: Merkel's three claims once each under Controlling migration, (2 − 1 + 1) / 3.
  await page.getByLabel('Issue level').selectOption('Top level')
  await expect.poll(() => positionRows(table)).toEqual({
    'Angela Merkel | Controlling migration': ['3', '+0.7'],
    'Horst Seehofer | Controlling migration': ['1', '-2.0'],
    'Union faction | Controlling migration': ['1', '-1.0'],
    'Union faction | Integration': ['1', '-1.0'],
  })

  // By party: the Union faction's claim counts in both parties.
  await page.getByLabel('Group actors by').selectOption('Party')
  await expect(table.getByRole('columnheader', { name: 'Party', exact: true })).toBeVisible()
  await expect.poll(() => positionRows(table)).toEqual({
    // m1 +2, m2 −1, adj +1, u1 −1: 1 / 4.
    'CDU | Controlling migration': ['4', '+0.3'],
    // s1 −2, u1 −1.
    'CSU | Controlling migration': ['2', '-1.5'],
    'CDU | Integration': ['1', '-1.0'],
    'CSU | Integration': ['1', '-1.0'],
  })
  await expect(page.getByRole('status').filter({ hasText: 'rows' })).toContainText('2 groups')

  // Adjudicated only: the one decided claim.
  await page.getByLabel('Claims shown').selectOption('Adjudicated only')
  await expect.poll(() => positionRows(table)).toEqual({ 'CDU | Controlling migration': ['1', '+1.0'] })

  // The setup is remembered (stored a moment after the last change) across a reload.
  await expect
    .poll(async () => (await readTable<{ key: string; value: { claimSet?: string } }>(page, 'settings')).find((row) => row.key === 'positions.view')?.value.claimSet)
    .toBe('adjudicated')
  await page.reload()
  await expect(page.getByLabel('Group actors by')).toHaveValue(/party/i)
  await expect(page.getByLabel('Issue level')).toHaveValue('top')
  await expect.poll(() => positionRows(page.getByRole('table', { name: 'Positions' }))).toEqual({ 'CDU | Controlling migration': ['1', '+1.0'] })
})

test('a parent in the Issue filter takes in its children', async ({ workbench }) => {
  const { page } = workbench
  const table = await openPositions(page)
  const issue = page.getByRole('combobox', { name: 'Issue', exact: true })
  await issue.fill('controlling')
  // The parent comes first, its children ("Controlling migration › Ceiling") below it.
  await page.getByRole('option', { name: /Controlling migration/ }).first().click()
  await expect.poll(() => positionRows(table)).toEqual({
    'Angela Merkel | Controlling migration › Ceiling': ['3', '+0.7'],
    'Angela Merkel | Controlling migration › Deportation': ['1', '+2.0'],
    'Horst Seehofer | Controlling migration › Ceiling': ['1', '-2.0'],
    'Union faction | Controlling migration › Deportation': ['1', '-1.0'],
  })
})
