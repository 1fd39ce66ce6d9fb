import { describe, expect, it } from 'vitest'
import { analyseFile } from '../../../renderer/src/domain/import/analyseFile'
import { parseDate, parsePdfDate } from '../../../renderer/src/domain/import/dates'
import { readLexisAcademic } from '../../../renderer/src/domain/import/newsExports/lexisNexisAcademic'
import { newsExportFromText } from '../../../renderer/src/domain/import/newsExports/newsExport'
import type { BatchEntry } from '../../../renderer/src/domain/import/types'
import { makeLexisAcademicText, makeNexisUniDocx, type ExportArticle } from '../../fixtures/documentFixtures'
import { describeWithFixtures, fixtureBytes, fixtureText } from './fixtures'

// Batch exports of news databases split into their articles: the real layouts of the shared
// samples (LexisNexisTools' sample files), and generated exports whose text we know.

async function batchOf(name: string, bytes: Uint8Array): Promise<{ format: string; entries: BatchEntry[] }> {
  const analysis = await analyseFile(name, bytes)
  if (analysis.type !== 'batch') throw new Error(`expected a batch, got ${analysis.type}`)
  return analysis
}

const BOILERPLATE = /End of Document|LOAD-DATE|Load-Date|LANGUAGE:|PUBLICATION-TYPE|Copyright \d{4}|All Rights Reserved|DOCUMENTS$|^Body$|^Classification$/m

describe('dates as the exports print them', () => {
  it.each([
    ['January 11, 2010 Monday', '2010-01-11'],
    ['January 8, 2010', '2010-01-08'],
    ['5. July 2019', '2019-07-05'],
    ['Friday, 5. July 2019 09:31:00 CEST', '2019-07-05T09:31:00'],
    ['July 1, 2019 Monday 9:20 AM GMT', '2019-07-01T09:20:00'],
    ['July 3, 2019 Wednesday 12:02 AM GMT', '2019-07-03T00:02:00'],
    ['5. Juli 2019 Freitag', '2019-07-05'],
    ['Montag, 3. März 2014', '2014-03-03'],
    ['1er juillet 2019', '2019-07-01'],
  ])('reads %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected)
  })

  it('reads PDF date strings, with or without time and offset', () => {
    expect(parsePdfDate("D:20190705093100+02'00'")).toBe('2019-07-05T09:31:00')
    expect(parsePdfDate('D:20241223')).toBe('2024-12-23')
    expect(parsePdfDate('D:2019')).toBe('2019-01-01')
    expect(parsePdfDate('yesterday')).toBe('')
    expect(parsePdfDate('D:20191345')).toBe('')
  })
})

describeWithFixtures('the LexisNexis Academic sample (TXT)', () => {
  it('splits into its 10 documents with outlet, date, headline, byline, section, length and a clean body', async () => {
    const { format, entries } = await batchOf('lexisnexis-academic-sample.txt', fixtureBytes('news-exports', 'lexisnexis-academic-sample.txt'))
    expect(format).toBe('LexisNexis Academic')
    expect(entries).toHaveLength(10)
    const articles = entries.map((entry) => entry.article!)
    expect(articles.map((article) => article.source)).toEqual([
      'Guardian.com', 'Guardian', 'The Sun (England)', 'The Times (London)', 'The Times (London)', 'The Times (London)', 'Guardian', 'MAIL ON SUNDAY (London)', 'Sunday Mirror', 'DAILY MAIL (London)',
    ])
    expect(articles.map((article) => article.publishedAt)).toEqual([
      '2010-01-11', '2010-01-11', '2010-01-11', '2010-01-11', '2010-01-11', '2010-01-11', '2010-01-08', '2010-01-10', '2010-01-10', '2010-01-09',
    ])
    expect(articles[2]).toMatchObject({
      title: 'Lorem ipsum dolor sit amet',
      author: 'TREVOR Kavanagh',
      meta: { section: 'FEATURES; Pg. 6', length: '677 words', edition: 'Edition 1; Scotland', load_date: 'January 11, 2010', journal_code: 'SUN', copyright: 'Copyright 2010 NEWS GROUP NEWSPAPERS LTD All Rights Reserved', document: '3 of 10' },
    })
    expect(articles[7]).toMatchObject({ title: 'PRISONER OF HIS OWN CABINET', author: 'STEPHEN POLLARD', meta: { document: '8 of 383' } })
    expect(articles[9]).toMatchObject({ title: 'Wikipedia', author: '', meta: { length: '2,968 words' } })
    expect(articles[3]!.meta.graphic).toBe('Rupert Hamer, who was killed in an explosion in Afghanistan yesterday while on patrol with US Marines SUNDAY MIRROR / PA')
    for (const article of articles) {
      expect(article.body).not.toMatch(BOILERPLATE)
      // Hard-wrapped lines are joined back into paragraphs.
      expect(article.body.split('\n\n').every((paragraph) => !paragraph.includes('\n'))).toBe(true)
    }
    expect(articles[0]!.body.split('\n\n')).toHaveLength(5)
    expect(articles[0]!.body.endsWith('Nulla suscipit metus neque, ut varius.')).toBe(true)
  })
})

describeWithFixtures('the Nexis Uni sample (DOCX)', () => {
  it('splits into its 10 documents past the cover page, with date and time, outlet, byline, section and the trailer as metadata', async () => {
    const { format, entries } = await batchOf('nexis-uni-sample.docx', fixtureBytes('news-exports', 'nexis-uni-sample.docx'))
    expect(format).toBe('Nexis Uni')
    expect(entries).toHaveLength(10)
    const articles = entries.map((entry) => entry.article!)
    expect(entries[0]!.label).toBe('1. Lorem ipsum dolor sit amet')
    expect(articles.map((article) => article.publishedAt)).toEqual([
      '2019-07-01T09:20:00', '2019-07-02T09:33:00', '2019-07-04T13:04:00', '2019-07-03T19:53:00', '2019-07-04T09:10:00', '2019-07-02T07:00:00', '2019-07-03T18:18:00', '2019-07-03T00:02:00', '2019-07-03T11:11:00', '2019-07-02T11:27:00',
    ])
    expect(new Set(articles.map((article) => article.source))).toEqual(new Set(['The Guardian(London)']))
    expect(articles[0]).toMatchObject({ title: 'Lorem ipsum dolor sit amet', author: 'Mattha Busby (now), Andrew Sparrow (earlier)', meta: { section: 'POLITICS', version: '28', length: '355 words' } })
    expect(articles[6]).toMatchObject({
      title: 'Sample Headline',
      author: 'Letters',
      language: 'en',
      meta: { language: 'ENGLISH', publication_type: 'Newspaper', journal_code: 'WEBGNS', organization: 'EUROPEAN PARLIAMENT (84%)', load_date: 'July 4, 2019' },
    })
    expect(articles[1]!.meta.copyright).toBe('Copyright 2019 The Guardian, a division of Transcontinental Media Group Inc. All Rights Reserved')
    expect(articles[8]!.body.startsWith('R is a programming language and free software environment')).toBe(true)
    for (const article of articles) expect(article.body).not.toMatch(BOILERPLATE)
  })
})

const GENERATED: ExportArticle[] = [
  {
    headline: 'Militias announce a pause in attacks',
    outlet: 'The Baghdad Observer',
    date: 'December 23, 2024 Monday',
    byline: 'Lina Haddad',
    section: 'WORLD; Pg. 4',
    paragraphs: [
      'Armed groups aligned with Tehran said on Monday that they would suspend their operations, according to a statement carried by several outlets in the region and confirmed by two officials.',
      '"We have decided to give the negotiations a chance," a spokesman said, adding that the decision could be reviewed if the situation on the ground changed.',
    ],
  },
  {
    headline: 'Government welcomes the announcement',
    outlet: 'Gulf Daily Record',
    date: 'December 24, 2024 Tuesday',
    paragraphs: ['The prime minister welcomed the move in a short televised address on Tuesday evening and called on all parties to respect it.'],
  },
]

describe('generated exports with known text', () => {
  it('a LexisNexis Academic TXT gives back each article whole', async () => {
    const { entries } = await batchOf('export.txt', new TextEncoder().encode(makeLexisAcademicText(GENERATED)))
    expect(entries.map((entry) => entry.article)).toMatchObject(
      GENERATED.map((article) => ({ title: article.headline, source: article.outlet, author: article.byline ?? '', body: article.paragraphs.join('\n\n') })),
    )
    expect(entries.map((entry) => entry.article!.publishedAt)).toEqual(['2024-12-23', '2024-12-24'])
    expect(entries[0]!.article!.meta.section).toBe('WORLD; Pg. 4')
  })

  it('a Nexis Uni DOCX gives back each article whole', async () => {
    const { entries } = await batchOf('export.docx', await makeNexisUniDocx(GENERATED.map((article) => ({ ...article, date: `${article.date} 9:20 AM GMT` }))))
    expect(entries.map((entry) => entry.article)).toMatchObject(
      GENERATED.map((article) => ({ title: article.headline, source: article.outlet, author: article.byline ?? '', body: article.paragraphs.join('\n\n') })),
    )
    expect(entries.map((entry) => entry.article!.publishedAt)).toEqual(['2024-12-23T09:20:00', '2024-12-24T09:20:00'])
  })

  it('refuses a document without text on its own, and a file with markers but no document whole', async () => {
    const text = makeLexisAcademicText([GENERATED[0]!, { ...GENERATED[1]!, paragraphs: [] }])
    const entries = readLexisAcademic(text)!
    expect(entries[0]!.article).not.toBeNull()
    expect(entries[1]).toMatchObject({ label: '2. Government welcomes the announcement', article: null, reason: expect.stringMatching(/^No article text, only its headline and details/) as unknown })
    expect(() => newsExportFromText('Download Request\n\n                1 of 2 DOCUMENTS\n\n\n                2 of 2 DOCUMENTS\n')).toThrow(
      /^This looks like a LexisNexis Academic export \(it has "1 of N DOCUMENTS" markers\), but no article could be split from it/,
    )
  })

  it('leaves ordinary text files alone, even ones that mention documents', async () => {
    expect(newsExportFromText('Title: Leaked documents\n\nThe DOCUMENTS were handed over on Monday.')).toBeNull()
    const analysis = await analyseFile('note.txt', new TextEncoder().encode('Title: Leaked documents\n\nThe 2 of 3 documents were handed over.'))
    expect(analysis.type).toBe('article')
  })
})

describeWithFixtures('the LexisNexis sample as text', () => {
  it('is the same export whether read from a file or from its text', () => {
    expect(readLexisAcademic(fixtureText('news-exports', 'lexisnexis-academic-sample.txt'))).toHaveLength(10)
  })
})
