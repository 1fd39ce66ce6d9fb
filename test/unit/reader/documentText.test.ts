import { describe, expect, it } from 'vitest'
import { addDocumentText, hasNoText, normaliseDocumentText } from '../../../renderer/src/domain/documentText'
import type { Article, Claim } from '../../../renderer/src/domain/model'

// A document a claims import created without text, then given its text: its waiting claims are
// placed by their quotes; a quote the text does not hold is counted, and the claim left as it was.

const ARTICLE: Article = {
  id: 'doc',
  title: 'Debate on ceilings',
  source: 'taz',
  author: '',
  publishedAt: '2015-10-01',
  url: '',
  language: '',
  direction: 'ltr',
  body: '',
  contentHash: 'empty',
  importedAt: 'THEN',
  origin: 'claims-csv:migration.csv',
  meta: { section: 'Politik' },
  updatedAt: 'THEN',
  externalId: 'D0001',
}

const claim = (id: string, exact: string, start = 0, end = 0): Claim =>
  ({ id, articleId: 'doc', anchor: { exact, prefix: '', suffix: '', start, end }, updatedAt: 'THEN', updatedBy: 'a' }) as Partial<Claim> as Claim

describe('giving a text-less document its text', () => {
  const text = 'Merkel said:\r\n\r\nThere is no upper limit to the right of asylum.\r\nSeehofer disagreed.'
  const body = normaliseDocumentText(text)

  it('places waiting claims by their quote and counts those it cannot place', () => {
    expect(hasNoText(ARTICLE)).toBe(true)
    const claims = [claim('c1', 'no upper limit'), claim('c2', 'Seehofer disagreed'), claim('c3', 'a quote from another article'), claim('c4', '')]
    const result = addDocumentText(ARTICLE, body, 'hash', claims, 'NOW', 'coder')
    expect(result.article).toMatchObject({ body, contentHash: 'hash', updatedAt: 'NOW', externalId: 'D0001', meta: { section: 'Politik' } })
    expect(hasNoText(result.article)).toBe(false)
    expect([result.anchored, result.notFound, result.withoutQuote]).toEqual([2, 1, 1])
    for (const placed of result.claims) {
      expect(body.slice(placed.anchor.start, placed.anchor.end)).toBe(placed.anchor.exact)
      expect(placed).toMatchObject({ updatedAt: 'NOW', updatedBy: 'coder' })
    }
    expect(result.claims.map((placed) => placed.id)).toEqual(['c1', 'c2'])
  })

  it('uses offsets a file gave when they still point at the quote, else the nearest occurrence', () => {
    const twice = 'Limit now. We said: limit now.'
    const second = twice.lastIndexOf('imit now')
    const result = addDocumentText(ARTICLE, twice, 'hash', [claim('c1', 'imit now', second, second + 8)], 'NOW', 'coder')
    expect(result.claims[0]!.anchor.start).toBe(second)
  })

  it('refuses a document that has text, and an empty text', () => {
    expect(() => addDocumentText({ ...ARTICLE, body: 'Already here.' }, body, 'hash', [], 'NOW', 'coder')).toThrow(/already has its text/)
    expect(() => addDocumentText(ARTICLE, '  ', 'hash', [], 'NOW', 'coder')).toThrow(/empty/)
  })
})
