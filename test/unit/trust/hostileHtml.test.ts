import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { analyseFile, analysePaste } from '../../../renderer/src/domain/import/analyseFile'
import { mapRecord } from '../../../renderer/src/domain/import/mapping'
import type { ParsedArticle } from '../../../renderer/src/domain/import/types'
import { ImportSession } from '../../../renderer/src/features/import/worker/importSession'
import { BASE_RELATIVE, HOSTILE_PAGE, PHONE_HOME, SCRIPT_MARKERS, VISIBLE_PARAGRAPHS } from '../../fixtures/hostilePage'

// Imported HTML is reduced to text before it is stored: no URL, handler or script of a page
// built to phone home survives into any field of the article (the reader then draws only text).

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Every string field of the article, and its metadata, joined: what could reach the screen. */
function everything(article: ParsedArticle): string {
  return [article.title, article.source, article.author, article.url, article.publishedAt, article.language, article.body, ...Object.keys(article.meta), ...Object.values(article.meta)].join('\n')
}

function expectInert(text: string): void {
  for (const url of Object.values(PHONE_HOME)) {
    expect(text).not.toContain(url)
    expect(text).not.toContain(new URL(url).host)
  }
  expect(text).not.toContain(BASE_RELATIVE)
  for (const marker of SCRIPT_MARKERS) expect(text).not.toContain(marker)
  expect(text).not.toMatch(/<\s*[a-z!/]/i)
}

describe('a saved page built to phone home', () => {
  it('imports as its words alone: no URL, handler or script text in any field', async () => {
    const analysis = await analyseFile('hostile.html', bytes(HOSTILE_PAGE))
    expect(analysis.type).toBe('article')
    if (analysis.type !== 'article') return
    const { article } = analysis
    for (const paragraph of VISIBLE_PARAGRAPHS) expect(article.body).toContain(paragraph)
    expect(article.title).toBe('Factions weigh a halt to attacks')
    // The og:url was a javascript: URL: dropped, not stored as the article's address.
    expect(article.url).toBe('')
    // Link text stays readable; where the links pointed does not.
    expect(article.body).toContain('Read the statement')
    expect(article.body).toContain('the full report')
    expectInert(everything(article))
  })

  it('is equally inert pasted as source into the paste box', () => {
    const analysis = analysePaste(HOSTILE_PAGE)
    expect(analysis.type).toBe('article')
    if (analysis.type !== 'article') return
    for (const paragraph of VISIBLE_PARAGRAPHS) expect(analysis.article.body).toContain(paragraph)
    expectInert(everything(analysis.article))
  })

  it('is equally inert as the HTML of a CSV cell, and inside Markdown', async () => {
    const options = { mapping: { title: 'title', publishedAt: null, source: null, author: null, url: null, body: 'body' }, defaultSource: '', dateOrder: 'dmy' as const }
    const mapped = mapRecord({ title: '<b onmouseover="alert(1)">Factions weigh a halt</b>', body: HOSTILE_PAGE }, 1, options, [])
    expect(mapped.article).toBeDefined()
    expect(mapped.article!.body).toContain(VISIBLE_PARAGRAPHS[1])
    expectInert(everything(mapped.article!))

    const markdown = `# Factions weigh a halt\n\n${VISIBLE_PARAGRAPHS[0]}\n\n${HOSTILE_PAGE.slice(HOSTILE_PAGE.indexOf('<article>'), HOSTILE_PAGE.indexOf('</article>') + 10)}\n\n![tracking pixel](${PHONE_HOME.remoteImg}) and [a link](${PHONE_HOME.plainLink}).\n`
    const analysis = await analyseFile('hostile.md', bytes(markdown))
    expect(analysis.type).toBe('article')
    if (analysis.type !== 'article') return
    expect(analysis.article.body).toContain(VISIBLE_PARAGRAPHS[0])
    expect(analysis.article.body).toContain('a link')
    expectInert(everything(analysis.article))
  })

  it('is stored by the import worker as that same inert text', async () => {
    const db = new StandpointDB(`hostile-${Date.now()}`)
    await db.open()
    const session = new ImportSession(db, '2025-01-01T00:00:00.000Z')
    const inspected = await session.inspectFile('f1', 'hostile.html', bytes(HOSTILE_PAGE), null)
    expect(inspected.inspect?.type).toBe('queued')
    const { outcomes } = await session.finish()
    expect(outcomes).toEqual([expect.objectContaining({ status: 'imported', imported: 1 })])
    const stored = await db.articles.toArray()
    expect(stored).toHaveLength(1)
    expectInert(everything(stored[0]!))
    db.close()
  })
})
