// Screenshots of the reader, the Tagging panel in each state, and the Actors and Codebook screens
// with their dialogs, on the seed article (English) and an Arabic article from the shared
// fixtures. Usage: npm run build && node scripts/screenshots-tagging.mjs [out-dir]
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Papa from 'papaparse'
import { launchChromium, seedIndexedDb, serveBuild } from './lib/browser.mjs'

const outDir = resolve(process.argv[2] ?? 'docs/screenshots/tagging')
const fixtures = resolve(process.env.STANDPOINT_FIXTURES ?? '../shared/fixtures')
mkdirSync(outDir, { recursive: true })
const port = Number(process.env.STANDPOINT_SHOT_PORT ?? 4195)
const T0 = '2025-01-01T00:00:00.000Z'

function seedArticle() {
  const lines = readFileSync(join(fixtures, 'seed-article.txt'), 'utf8').split('\n')
  const [, date, title] = /^\s*date\s+(\S+)\s+(.*)$/.exec(lines[0])
  const by = lines.findIndex((line) => /^\s*By\s/.test(line))
  const body = lines.slice(by + 1).join('\n').trim()
  return { id: 'seed', title, source: 'World Israel News', author: lines[by].trim().slice(3), publishedAt: date, url: '', language: 'en', direction: 'ltr', body, contentHash: 'seed', importedAt: T0, origin: 'file:seed-article.txt', meta: {}, updatedAt: T0, externalId: '' }
}

function arabicArticle() {
  const rows = Papa.parse(readFileSync(join(fixtures, 'saudinewsnet-arabic/articles.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
  const row = rows[0]
  const body = row.content.replace(/\r\n?/g, '\n').split(/\n+/).map((line) => line.trim()).filter(Boolean).join('\n\n')
  return { id: 'arabic', title: row.title, source: row.source, author: row.author, publishedAt: row.date_extracted.slice(0, 10), url: '', language: 'ar', direction: 'rtl', body, contentHash: 'arabic', importedAt: T0, origin: 'csv:saudinewsnet#1', meta: {}, updatedAt: T0, externalId: '' }
}

const actor = (id, name, kind, aliases = []) => ({ id, name, kind, aliases, notes: '', createdAt: T0, updatedAt: T0, attributes: {}, updatedBy: '' })
const issue = (id, label, description = '') => ({ id, label, description, parentId: null, createdAt: T0, updatedAt: T0, code: '', updatedBy: '' })
function anchor(body, quote, occurrence = 0) {
  let start = -1
  for (let index = 0; index <= occurrence; index++) start = body.indexOf(quote, start + 1)
  if (start < 0) throw new Error(`not found: ${quote}`)
  const end = start + quote.length
  return { exact: quote, prefix: body.slice(Math.max(0, start - 32), start), suffix: body.slice(end, end + 32), start, end }
}
const claim = (id, article, quote, actorId, issueId, stance, extra = {}) => ({ id, articleId: article.id, actorId, issueIds: [issueId], stance, date: article.publishedAt, addresseeId: null, note: '', anchor: anchor(article.body, quote), createdAt: T0, updatedAt: T0, coderId: 'coder-1', updatedBy: 'coder-1', externalId: '', attributes: {}, adjudicatedFrom: [], ...extra })
const mention = (id, article, words, actorId, occurrence = 0) => ({ id, articleId: article.id, actorId, anchor: anchor(article.body, words, occurrence), createdAt: T0, updatedAt: T0, coderId: 'coder-1', updatedBy: 'coder-1' })

const seed = seedArticle()
const arabic = arabicArticle()
const arabicWords = arabic.body.split(/\s+/)
const records = {
  articles: [seed, arabic],
  actors: [
    actor('nujaba', 'Al-Nujaba Movement', 'armed group', ['Nujaba', 'al-Nujaba', 'حركة النجباء']),
    actor('sudani', 'Mohammed Shia al-Sudani', 'person', ['al-Sudani', 'Prime Minister al-Sudani']),
    actor('sudani-dup', 'Sudani', 'person', ['Iraqi PM']),
    actor('militias', 'Pro-Iranian militias in Iraq', 'armed group', ['Iraqi militias', 'the factions']),
    actor('hezbollah', 'Hezbollah', 'armed group', ['Hizballah']),
    actor('iran', 'Iran', 'state', ['Islamic Republic of Iran']),
    actor('trump', 'Donald Trump', 'person', ['Trump']),
    actor('houthi', 'الحوثيون', 'armed group', ['الحوثي', 'Houthis']),
  ],
  issues: [
    issue('attacks', 'Attacks on Israel', 'Armed attacks on Israel. +1 = continue or justify, −1 = halt or condemn.'),
    issue('syria', 'Intervention in Syria', 'Involvement in Syrian affairs after the fall of Assad.'),
    issue('us-forces', 'US forces in Iraq', 'The presence of U.S. troops and bases in Iraq.'),
    issue('yemen', 'War in Yemen', ''),
  ],
  claims: [
    claim('c1', seed, 'will stop military operations against Israel', 'militias', 'attacks', -1, { note: 'Senior militia official quoted by Al-Akhbar.' }),
    claim('c2', seed, 'have decided on a strategic pause in their actions against Israel', 'nujaba', 'attacks', -2),
    claim('c3', seed, 'to refrain from getting involved in internal Syrian affairs', 'nujaba', 'syria', -1),
    claim('c4', seed, 'assert their opposition to the presence of U.S. forces in Iraq', 'militias', 'us-forces', -2),
    claim('c5', seed, 'pushed back against calls by the al-Sudani government to refrain from attacking Israel', 'militias', 'attacks', 1, { date: '2024-11-20', addresseeId: 'sudani' }),
    claim('c6', seed, 'operations against Israel as part of its support for Gaza', 'nujaba', 'attacks', 0),
    claim('c7', arabic, arabicWords.slice(1, 9).join(' '), 'houthi', 'yemen', -1),
    // Tagged on an earlier version of the text: its words are gone, so it shows as orphaned.
    { ...claim('c8', seed, 'will stop military operations against Israel', 'hezbollah', 'attacks', 1), anchor: { exact: 'will resume operations within weeks', prefix: 'The official said the factions ', suffix: ' if the Gaza war goes on.', start: 900, end: 935 } },
  ],
  mentions: [mention('m1', seed, 'Al-Nujaba Movement', 'nujaba')],
}

const server = await serveBuild(port)
const profile = mkdtempSync(join(tmpdir(), 'standpoint-tagging-shots-'))
const context = await launchChromium(profile, { deviceScaleFactor: 1, colorScheme: process.env.STANDPOINT_SHOT_DARK ? 'dark' : 'light' })
const shot = (page, name) => page.screenshot({ path: join(outDir, `${name}.png`) })
try {
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`http://127.0.0.1:${port}/`)
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
  await seedIndexedDb(page, records)
  await page.reload()
  const open = async (id, claimId) => {
    await page.evaluate(([articleId, c]) => (location.hash = `#/library/article/${articleId}${c ? `?claim=${c}` : ''}`), [id, claimId])
    await page.locator('.reader-text[data-highlights="ready"]').waitFor()
    await page.waitForTimeout(300)
  }
  const select = (text) =>
    page.evaluate((wanted) => {
      const root = document.querySelector('.reader-text')
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(wanted)
        if (at >= 0) {
          const range = document.createRange()
          range.setStart(node, at)
          range.setEnd(node, at + wanted.length)
          getSelection().removeAllRanges()
          getSelection().addRange(range)
          return
        }
      }
      throw new Error(`not found ${wanted}`)
    }, text)
  const panel = page.getByRole('complementary', { name: 'Tagging' })

  await open('seed')
  await shot(page, 'reader-english')
  await select('Mohammed Shia al-Sudani')
  await page.waitForTimeout(150)
  await shot(page, 'panel-selection')
  await panel.getByRole('button', { name: 'Tag actor' }).click()
  await shot(page, 'panel-tag-actor')
  await panel.getByLabel('Actor').fill('Shia al-Sudani')
  await panel.getByRole('option', { name: /Create actor/ }).click()
  await page.waitForTimeout(150)
  await shot(page, 'panel-tag-actor-new-duplicate')
  await page.keyboard.press('Escape')
  await select('decided not to interfere in Syrian affairs')
  await panel.getByRole('button', { name: 'Tag claim' }).click()
  await panel.getByLabel('Actor').fill('factions')
  await page.waitForTimeout(150)
  await shot(page, 'panel-tag-claim-picker')
  await panel.getByRole('option').first().click()
  await panel.getByLabel('Issue').fill('syria')
  await panel.getByRole('option').first().click()
  await panel.getByLabel('Stance').selectOption('-1')
  await shot(page, 'panel-tag-claim-filled')
  await page.keyboard.press('Escape')
  await open('seed', 'c5')
  await shot(page, 'panel-selected-claim')
  await page.locator('.reader-text [data-h*="c:c6"]').first().click()
  await shot(page, 'reader-overlap-selected')
  await panel.getByRole('list', { name: 'Orphaned tags' }).getByRole('button').first().click()
  await page.waitForTimeout(150)
  await shot(page, 'panel-orphaned-claim')
  await panel.getByRole('list', { name: 'Suggested mentions' }).getByRole('button').first().click()
  await page.waitForTimeout(300)
  await shot(page, 'panel-suggestion')
  await open('arabic')
  await shot(page, 'reader-arabic')
  const nav = (screen) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click()
  await nav('Actors')
  await page.getByRole('heading', { level: 1, name: 'Actors' }).waitFor()
  await page.waitForTimeout(300)
  await shot(page, 'actors')
  await page.getByRole('button', { name: 'Edit Sudani' }).click()
  await page.getByLabel('Name').fill('Mohammed al-Sudani')
  await page.waitForTimeout(150)
  await shot(page, 'actors-edit-dialog')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('checkbox', { name: 'Select Sudani' }).check()
  await page.getByRole('checkbox', { name: 'Select Mohammed Shia al-Sudani' }).check()
  await page.getByRole('button', { name: 'Merge selected…' }).click()
  await page.getByRole('radio', { name: /Mohammed Shia al-Sudani/ }).check()
  await page.waitForTimeout(200)
  await shot(page, 'actors-merge-dialog')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('button', { name: 'Delete Pro-Iranian militias in Iraq' }).click()
  await page.getByLabel('Reassign to').fill('nuj')
  await page.waitForTimeout(200)
  await shot(page, 'actors-delete-dialog')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('searchbox', { name: 'Search actors' }).fill('sudani')
  await page.waitForTimeout(150)
  await shot(page, 'actors-search')
  await nav('Codebook')
  await page.getByRole('heading', { level: 1, name: 'Codebook' }).waitFor()
  await page.waitForTimeout(300)
  await shot(page, 'codebook')
  await page.getByRole('button', { name: 'Delete Attacks on Israel' }).click()
  await page.waitForTimeout(150)
  await shot(page, 'codebook-delete-dialog')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('button', { name: 'Edit US forces in Iraq' }).click()
  await page.waitForTimeout(150)
  await shot(page, 'codebook-edit-dialog')
  console.log(`screenshots written to ${outDir}`)
} finally {
  await context.close()
  await server.close()
  rmSync(profile, { recursive: true, force: true })
}
