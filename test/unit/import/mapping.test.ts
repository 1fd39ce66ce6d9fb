import { describe, expect, it } from 'vitest'
import { analyseFile } from '../../../renderer/src/domain/import/analyseFile'
import { dateOrderFor, mapCollection, metaColumns, proposeMapping } from '../../../renderer/src/domain/import/mapping'
import { headerKey, matchHeaderNames } from '../../../renderer/src/domain/import/headerNames'
import type { Collection } from '../../../renderer/src/domain/import/types'
import { describeWithFixtures, fixtureBytes } from './fixtures'

async function collectionOf(directory: string, file: string): Promise<Collection> {
  const analysis = await analyseFile(file, fixtureBytes(directory, file))
  if (analysis.type !== 'collection') throw new Error('expected a collection')
  return analysis.collection
}

describe('matchHeaderNames', () => {
  it('gives each column to one field, first choices before fallbacks, skipping used columns', () => {
    expect(headerKey('Published_At ')).toBe('publishedat')
    const synonyms = { title: ['article title', 'title'], documentId: ['article id', 'document'] }
    expect(matchHeaderNames(['Title', 'Document', 'ArticleTitle'], synonyms)).toEqual({ title: 2, documentId: 1 })
    const used = new Set([2])
    expect(matchHeaderNames(['Title', 'Document', 'ArticleTitle'], synonyms, used)).toEqual({ title: 0, documentId: 1 })
    expect([...used]).toEqual([2, 0, 1])
    expect(matchHeaderNames(['article_body_html', 'body_id'], { body: ['body'] }, new Set(), { loose: true })).toEqual({ body: 0 })
  })
})

describe('proposeMapping', () => {
  it('maps the header names news exports use', () => {
    expect(proposeMapping(['headline', 'pub_date', 'outlet', 'byline', 'link', 'full_text', 'section'], [])).toEqual({
      title: 'headline',
      publishedAt: 'pub_date',
      source: 'outlet',
      author: 'byline',
      url: 'link',
      body: 'full_text',
    })
    // NewsAPI, flattened.
    expect(proposeMapping(['source.id', 'source.name', 'author', 'title', 'description', 'url', 'publishedAt', 'content'], [])).toMatchObject({
      source: 'source.name',
      publishedAt: 'publishedAt',
      body: 'content',
    })
  })

  it('prefers an exact name ("date" over "date_raw") and falls back to the longest column for the body', () => {
    const mapping = proposeMapping(['date_raw', 'date', 'x1', 'x2'], [
      { date_raw: '26-FEB-1987', date: '1987-02-26', x1: 'short', x2: 'A long text column that holds the article itself, well over eighty characters long.' },
    ])
    expect(mapping.publishedAt).toBe('date')
    expect(mapping.body).toBe('x2')
  })

  it('lets the remembered mapping win where its columns exist', () => {
    const mapping = proposeMapping(['headline', 'title', 'text'], [], { title: 'headline', body: 'missing column' })
    expect(mapping.title).toBe('headline')
    expect(mapping.body).toBe('text')
  })
})

describe('mapCollection', () => {
  const collection: Collection = {
    format: 'csv',
    columns: ['headline', 'when', 'text', 'region'],
    records: [
      { headline: 'A', when: '03/04/2024', text: 'First <b>body</b> text.', region: 'north' },
      { headline: '', when: 'soon', text: 'The second body has a first sentence. More.', region: '' },
      { headline: 'C', when: '2024-05-01', text: '   ', region: 'south' },
    ],
    rowNumbers: [1, 2, 4],
    rejectedRows: [{ row: 3, reason: 'Row 3 was skipped: bad quotes.' }],
    layout: 'comma-separated',
  }
  const mapping = { title: 'headline', publishedAt: 'when', source: null, author: null, url: null, body: 'text' }

  it('maps rows to articles, keeping other columns as metadata and rejecting empty bodies', () => {
    const result = mapCollection(collection, { mapping, defaultSource: 'Maren Herald', dateOrder: 'dmy' })
    expect(result.articles.map((entry) => entry.row)).toEqual([1, 2])
    expect(result.articles[0]!.article).toMatchObject({ title: 'A', publishedAt: '2024-04-03', source: 'Maren Herald', body: 'First body text.', meta: { region: 'north' } })
    // No title: the first sentence; an unreadable date: none, and the raw value kept for review.
    expect(result.articles[1]!.article).toMatchObject({ title: 'The second body has a first sentence.', publishedAt: '', meta: { 'unrecognised date': 'soon' } })
    expect(result.rejectedRows.map((rejection) => rejection.row)).toEqual([3, 4])
    expect(result.rejectedRows[1]!.reason).toBe('Row 4 was skipped: its body (column "text") is empty.')
    expect(metaColumns(collection.columns, mapping)).toEqual(['region'])
  })

  it('reads numeric dates month-first when told', () => {
    const result = mapCollection(collection, { mapping, defaultSource: '', dateOrder: 'mdy' })
    expect(result.articles[0]!.article.publishedAt).toBe('2024-03-04')
  })
})

describeWithFixtures('the fixture collections through the proposed mapping', () => {
  it('imports every Reuters CSV row: 266 articles, dates and metadata intact', async () => {
    const collection = await collectionOf('reuters-mideast-1987', 'articles.csv')
    const mapping = proposeMapping(collection.columns, collection.records)
    expect(mapping).toEqual({ title: 'title', publishedAt: 'date', source: 'source', author: null, url: null, body: 'body' })
    const result = mapCollection(collection, { mapping, defaultSource: '', dateOrder: dateOrderFor(collection, mapping.publishedAt).order })
    expect(result.articles).toHaveLength(266)
    expect(result.rejectedRows).toEqual([])
    const first = result.articles[0]!.article
    expect(first).toMatchObject({ title: 'SHULTZ SAYS NO RESIGNATION OVER IRAN REPORT', source: 'Reuters', publishedAt: '1987-02-26T15:49:44', language: 'en', direction: 'ltr' })
    expect(first.meta).toEqual({ dateline: 'ANCHORAGE, Alaska, Feb 26 -', places: 'usa|iran' })
    // Wire text wrapped at 65 columns comes back as paragraphs.
    expect(first.body.split('\n\n')[0]).toBe('Secretary of State George Shultz acknowledged failings in the Iran arms affair but declared he would not resign.')
    expect(result.articles.every((entry) => entry.article.publishedAt.startsWith('1987-'))).toBe(true)
  })

  it('imports every Reuters JSON object the same way', async () => {
    const csv = await collectionOf('reuters-mideast-1987', 'articles.csv')
    const json = await collectionOf('reuters-mideast-1987', 'articles.json')
    const fromJson = mapCollection(json, { mapping: proposeMapping(json.columns, json.records), defaultSource: '', dateOrder: 'dmy' })
    const fromCsv = mapCollection(csv, { mapping: proposeMapping(csv.columns, csv.records), defaultSource: '', dateOrder: 'dmy' })
    expect(fromJson.articles).toHaveLength(266)
    fromJson.articles.forEach((entry, index) => {
      const other = fromCsv.articles[index]!.article
      expect(entry.article.body).toBe(other.body)
      expect(entry.article.title).toBe(other.title)
      expect(entry.article.publishedAt).toBe(other.publishedAt)
    })
  })

  it('imports the Arabic SaudiNewsNet rows as right-to-left Arabic; the one row with no text is refused with its reason', async () => {
    const collection = await collectionOf('saudinewsnet-arabic', 'articles.csv')
    const mapping = proposeMapping(collection.columns, collection.records)
    expect(mapping).toEqual({ title: 'title', publishedAt: 'date_extracted', source: 'source', author: 'author', url: 'url', body: 'content' })
    const result = mapCollection(collection, { mapping, defaultSource: '', dateOrder: 'dmy' })
    expect(result.articles).toHaveLength(149)
    // Row 129's content is four no-break spaces and newlines: a photo gallery with no text.
    expect(result.rejectedRows).toEqual([{ row: 129, reason: 'Row 129 was skipped: its body (column "content") is empty.' }])
    expect(result.articles.every((entry) => entry.article.language === 'ar' && entry.article.direction === 'rtl')).toBe(true)
    expect(result.articles.every((entry) => /^2015-0[78]-\d\dT/.test(entry.article.publishedAt))).toBe(true)
    const withComma = result.articles.find((entry) => entry.article.body.includes('،'))
    expect(withComma).toBeDefined()
    expect(result.articles[0]!.article.title).toBe('مقتل القيادي ابو يحي الحوثي وعصيان قيادات اللواء الرابع التابع للمخلوع صالح')
    expect(result.articles[0]!.article.url).toBe('http://www.alweeam.com.sa/348992/مقتل-القيادي-ابو-يحي-الحوثي-وعصيان-قيا/')
  })
})
