import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { HOSTILE_PAGE } from '../../fixtures/hostilePage'
import { FIXTURES_DIR } from '../import/fixtures'
import type { SeedFile } from './mutations'

// Seed files for the fuzz suites, made from the shared real-world fixtures: the same kinds of
// file an analyst imports, kept small enough that thousands of runs fit in a CI minute.

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const file = (name: string, text: string): SeedFile => ({ name, bytes: utf8(text) })

function fixture(...parts: string[]): string {
  if (!FIXTURES_DIR) throw new Error('shared fixtures absent')
  return readFileSync(join(FIXTURES_DIR, ...parts), 'utf8')
}

interface ReutersArticle {
  date: string
  source: string
  title: string
  dateline: string
  places: string[]
  body: string
}

function reuters(): ReutersArticle[] {
  return JSON.parse(fixture('reuters-mideast-1987', 'articles.json')) as ReutersArticle[]
}

function saudi(): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fixture('saudinewsnet-arabic', 'articles.csv'), { header: true, skipEmptyLines: true }).data
}

/** Plain text and Markdown article files. */
export function textSeeds(): SeedFile[] {
  const wire = reuters()
  const arabic = saudi()
  const seeds = [file('seed-article.txt', fixture('seed-article.txt'))]
  for (const [index, article] of [wire[0]!, wire[7]!, wire[42]!].entries()) {
    seeds.push(file(`wire-${index}.txt`, `Title: ${article.title}\nDate: ${article.date}\nSource: ${article.source}\n\n${article.body}`))
  }
  seeds.push(file('bare-wire.txt', wire[3]!.body))
  for (const [index, article] of [arabic[0]!, arabic[9]!].entries()) {
    seeds.push(file(`arabic-${index}.txt`, `${article.title}\n${article.author ?? ''}\n\n${article.content}`))
  }
  seeds.push(
    file(
      'briefing.md',
      `---\ntitle: ${wire[5]!.title}\ndate: 1987-03-02\nsource: Reuters\n---\n\n# ${wire[5]!.title}\n\n${wire[5]!.body}\n\n` +
        `## Reactions\n\n- **Tehran** said the report was *false*.\n- See [the statement](https://example.org/statement) and ![map](map.png).\n\n` +
        `| Actor | Stance |\n| --- | --- |\n| Iraq | against |\n\n> ${arabic[2]!.title}\n\n\`\`\`\ncode block\n\`\`\`\n`,
    ),
  )
  // No extension: the importer sniffs the kind.
  seeds.push(file('notes', `date 1987-02-26 ${wire[1]!.title}\nBy Reuters Staff\n\n${wire[1]!.body}`))
  return seeds
}

/** The bulk of a saved page is scripts, styles and inlined images: keep the markup around them. */
function slimPage(html: string): string {
  return html
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2')
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/gi, '$1$2')
    .replace(/data:[a-z/+.-]+;base64,[A-Za-z0-9+/=]+/gi, 'data:,')
    .replace(/<svg\b[\s\S]*?<\/svg>/gi, '<svg></svg>')
    .slice(0, 80_000)
}

/** Saved web pages: every html-news case (large pages slimmed), and the phone-home page. */
export function htmlSeeds(): SeedFile[] {
  if (!FIXTURES_DIR) throw new Error('shared fixtures absent')
  const folder = join(FIXTURES_DIR, 'html-news')
  const seeds = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => file(`${entry.name}.html`, slimPage(fixture('html-news', entry.name, 'source.html'))))
  seeds.push(file('hostile.html', HOSTILE_PAGE))
  return seeds
}

function csvText(columns: string[], rows: string[][], delimiter = ','): string {
  return Papa.unparse({ fields: columns, data: rows }, { delimiter, newline: '\r\n' })
}

/** CSV collections: slices of the Reuters and SaudiNewsNet exports, other layouts, csv-spectrum. */
export function csvSeeds(): SeedFile[] {
  const wire = reuters()
  const arabic = saudi()
  const wireColumns = ['date', 'source', 'title', 'dateline', 'places', 'body']
  const wireRow = (article: ReutersArticle): string[] => [article.date, article.source, article.title, article.dateline, article.places.join('|'), article.body]
  const arabicColumns = ['source', 'url', 'date_extracted', 'title', 'author', 'content']
  const arabicRow = (article: Record<string, string>): string[] => arabicColumns.map((column) => article[column] ?? '')
  const seeds = [
    file('reuters.csv', csvText(wireColumns, wire.slice(0, 6).map(wireRow))),
    file('reuters-later.csv', csvText(wireColumns, wire.slice(120, 124).map(wireRow))),
    file('saudi.csv', csvText(arabicColumns, arabic.slice(0, 5).map(arabicRow))),
    file('semicolons.csv', csvText(['headline', 'publishedAt', 'outlet', 'text'], wire.slice(30, 33).map((article) => [article.title, '26/02/1987', article.source, article.body]), ';')),
    file('export.tsv', csvText(['Title', 'Date', 'Body'], arabic.slice(20, 23).map((article) => [article.title ?? '', article.date_extracted ?? '', article.content ?? '']), '\t')),
    file('html-cells.csv', csvText(['title', 'description'], wire.slice(50, 53).map((article) => [article.title, `<p>${article.body.replace(/\n/g, '<br>')}</p><script>track()</script>`]))),
  ]
  if (FIXTURES_DIR) {
    const folder = join(FIXTURES_DIR, 'csv-spectrum', 'csvs')
    for (const name of readdirSync(folder)) seeds.push(file(`spectrum-${name}`, fixture('csv-spectrum', 'csvs', name)))
  }
  return seeds
}

/** JSON collections: arrays, NewsAPI's envelope, JSON Lines, single objects, csv-spectrum's JSON. */
export function jsonSeeds(): SeedFile[] {
  const wire = reuters()
  const arabic = saudi()
  const seeds = [
    file('reuters.json', JSON.stringify(wire.slice(10, 15), null, 1)),
    file(
      'newsapi.json',
      JSON.stringify({
        status: 'ok',
        totalResults: 3,
        articles: arabic.slice(30, 33).map((article) => ({
          source: { id: null, name: article.source },
          author: article.author,
          title: article.title,
          url: article.url,
          publishedAt: article.date_extracted,
          content: article.content,
          tags: ['yemen', null, 3],
        })),
      }),
    ),
    file('wire.jsonl', wire.slice(60, 64).map((article) => JSON.stringify(article)).join('\n')),
    file('single.json', JSON.stringify({ headline: wire[70]!.title, date: wire[70]!.date, text: wire[70]!.body })),
  ]
  if (FIXTURES_DIR) {
    const folder = join(FIXTURES_DIR, 'csv-spectrum', 'json')
    for (const name of readdirSync(folder)) seeds.push(file(`spectrum-${name}`, fixture('csv-spectrum', 'json', name)))
  }
  return seeds
}
