import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { SHARED_FIXTURES } from '../../support/sharedFixtures'

// A large news collection for crash tests, built from the shared fixtures: the Reuters and
// SaudiNewsNet articles repeated with a numbered dispatch line, so every row has its own text
// (no duplicates) and a `row_ref` column that ties the stored article back to its row.

export function sharedFixturesDir(): string | null {
  return SHARED_FIXTURES
}


export const COLLECTION_COLUMNS: readonly (keyof SourceRow)[] = ['row_ref', 'title', 'date', 'source', 'author', 'url', 'body']

interface BaseArticle {
  title: string
  date: string
  source: string
  author: string
  url: string
  body: string
}

/** A row of the collection: a fixture article with the reference that ties it to its row. */
export interface SourceRow extends BaseArticle {
  row_ref: string
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

function baseArticles(fixtures: string): BaseArticle[] {
  const reuters = JSON.parse(readFileSync(join(fixtures, 'reuters-mideast-1987', 'articles.json'), 'utf8')) as { title: string; date: string; source: string; body: string }[]
  const saudi = Papa.parse<Record<string, string>>(readFileSync(join(fixtures, 'saudinewsnet-arabic', 'articles.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
  const fromReuters = reuters
    .filter((article) => article.body.trim() !== '' && oneLine(article.title) !== '')
    .map((article) => ({ title: oneLine(article.title), date: article.date.slice(0, 10), source: oneLine(article.source), author: '', url: '', body: article.body }))
  const fromSaudi = saudi
    .filter((article) => (article.content ?? '').trim() !== '' && oneLine(article.title ?? '') !== '')
    .map((article) => ({
      title: oneLine(article.title!),
      date: (article.date_extracted ?? '').slice(0, 10),
      source: oneLine(article.source ?? ''),
      author: oneLine(article.author ?? ''),
      url: oneLine(article.url ?? ''),
      body: article.content!,
    }))
  return [...fromReuters, ...fromSaudi]
}

/** `count` distinct rows cycling through the fixture articles. */
export function buildCollection(fixtures: string, count: number): SourceRow[] {
  const pool = baseArticles(fixtures)
  return Array.from({ length: count }, (_, index) => {
    const base = pool[index % pool.length]!
    const ref = `r${String(index + 1).padStart(6, '0')}`
    return {
      row_ref: ref,
      title: `${base.title} [${ref}]`,
      date: base.date,
      source: base.source,
      author: base.author,
      url: base.url,
      body: `${base.body}\n\nArchive dispatch ${ref}.`,
    }
  })
}

export function collectionCsv(rows: readonly SourceRow[]): string {
  return Papa.unparse({ fields: [...COLLECTION_COLUMNS], data: rows.map((row) => COLLECTION_COLUMNS.map((column) => row[column])) }, { newline: '\r\n' })
}
