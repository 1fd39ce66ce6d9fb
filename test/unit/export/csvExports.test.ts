import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ACTORS_COLUMNS, actorRows, ALIAS_SEPARATOR, sortActorsForExport } from '../../../renderer/src/domain/export/actorsCsv'
import { ARTICLES_COLUMNS, articleRows, articlesShape, sortArticlesForExport } from '../../../renderer/src/domain/export/articlesCsv'
import { CLAIMS_COLUMNS, claimRows, sortClaimsForExport } from '../../../renderer/src/domain/export/claimsCsv'
import { csvChunks } from '../../../renderer/src/domain/export/csvChunks'
import { buildLookups, countClaimsBy } from '../../../renderer/src/domain/export/lookups'
import { neutraliseCell, restoreCell, UTF8_BOM, writeCsv, type CsvCell } from '../../../renderer/src/domain/csv/writeCsv'
import { STANCE_LABELS } from '../../../renderer/src/domain/model'
import { buildNetwork } from '../../../renderer/src/domain/network/edges'
import { EDGE_LIST_COLUMNS, edgeListRows } from '../../../renderer/src/domain/network/edgeListCsv'
import { expectedTable, papaReadBack } from './csvRoundTrip'
import { skipReason } from '../../support/ciPolicy'
import { pythonReadCsv, pythonUnavailable } from './pythonCsv'
import { TRICKY_TEXTS, trickyWorkspace } from './trickyWorkspace'

const workspace = trickyWorkspace()
const lookups = buildLookups(workspace)

interface ExportCase {
  name: string
  header: readonly string[]
  rows: () => CsvCell[][]
}

const shapeWithBody = articlesShape(workspace.articles, true)
const cases: ExportCase[] = [
  { name: 'claims', header: CLAIMS_COLUMNS, rows: () => [...claimRows(sortClaimsForExport(workspace.claims), lookups)] },
  { name: 'actors', header: ACTORS_COLUMNS, rows: () => [...actorRows(sortActorsForExport(workspace.actors), countClaimsBy(workspace.claims, 'actorId'))] },
  {
    name: 'articles with body',
    header: shapeWithBody.header,
    rows: () => [...articleRows(sortArticlesForExport(workspace.articles), shapeWithBody, countClaimsBy(workspace.claims, 'articleId'))],
  },
  {
    name: 'network edge list',
    header: EDGE_LIST_COLUMNS,
    rows: () => [...edgeListRows(buildNetwork(workspace.claims, workspace.actors, workspace.issues))],
  },
]

describe('CSV exports parse back to the same values', () => {
  for (const exportCase of cases) {
    it(`${exportCase.name}: papaparse reads every cell back (after restoreCell), BOM or not`, () => {
      const rows = exportCase.rows()
      for (const bom of [false, true]) {
        const csv = writeCsv([...exportCase.header], rows, { bom })
        expect(csv.startsWith(UTF8_BOM)).toBe(bom)
        expect(papaReadBack(csv)).toEqual(expectedTable(exportCase.header, rows))
      }
    })

    it(`${exportCase.name}: Python's csv module reads every cell back too`, (context) => {
      const reason = skipReason(pythonUnavailable())
      if (reason) return context.skip(reason)
      const rows = exportCase.rows()
      const csv = writeCsv([...exportCase.header], rows, { bom: true })
      const parsed = pythonReadCsv(csv)
      const expected = expectedTable(exportCase.header, rows)
      // Python sees the neutralised text: the original with one apostrophe before formula-like cells...
      expect(parsed).toEqual(expected.map((row, index) => (index === 0 ? row : row.map((cell) => neutraliseCell(cell)))))
      // ...which restoreCell turns back into the original, as it does for papaparse.
      expect(parsed.map((row) => row.map(restoreCell))).toEqual(expected)
    })
  }

  it('neutralises every formula-looking value and nothing else', () => {
    const rows = cases[0]!.rows()
    const csv = writeCsv([...CLAIMS_COLUMNS], rows)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    expect(csv).toContain("'+44 20 7946 0000")
    expect(csv).toContain("'@SUM(A1:A3)")
    // Plain numbers stay numbers for pandas and R.
    expect(csv).toMatch(/,-2,strongly against,/)
    expect(csv).not.toContain("'-1,")
  })
})

describe('claims CSV', () => {
  it('keeps the documented column order', () => {
    expect(CLAIMS_COLUMNS).toEqual([
      'claim_date', 'actor', 'actor_kind', 'issues', 'stance', 'stance_label', 'quote', 'note', 'addressee',
      'article_title', 'source', 'article_date', 'url', 'claim_id', 'article_id', 'actor_id', 'issue_ids',
      'addressee_id', 'quote_start', 'quote_end', 'issue_codes', 'coder', 'coder_id', 'adjudicated_from', 'external_id', 'article_external_id',
    ])
  })

  it('writes names, both stance forms, the article and every id', () => {
    const claim = workspace.claims.find((candidate) => candidate.id === 'clm-00')!
    const row = [...claimRows([claim], lookups)][0]!
    const byColumn = Object.fromEntries(CLAIMS_COLUMNS.map((column, index) => [column, row[index]]))
    expect(byColumn).toEqual({
      claim_date: '2024-12-10',
      actor: 'Al-Nujaba Movement',
      actor_kind: 'armed group',
      issues: '-Ceasefire, "now"',
      stance: -2,
      stance_label: STANCE_LABELS[-2],
      quote: TRICKY_TEXTS[0],
      note: TRICKY_TEXTS[5],
      addressee: '@Government',
      article_title: '=cmd|" /C calc"!A0, "quoted" title',
      source: 'Maren, Herald',
      article_date: '2024-12-23',
      url: 'https://example.org/a?x=1,2',
      claim_id: 'clm-00',
      article_id: 'art-en',
      actor_id: 'act-1',
      issue_ids: 'iss-2',
      addressee_id: 'act-3',
      quote_start: claim.anchor.start,
      quote_end: claim.anchor.end,
      issue_codes: '=1.2',
      coder: 'Coder 1',
      coder_id: 'cod-1',
      adjudicated_from: '',
      external_id: '',
      article_external_id: '=doc-7, "A"',
    })
  })

  it('names the coder, and an adjudicated claim names the claims it was decided from', () => {
    const row = [...claimRows([workspace.claims.find((candidate) => candidate.id === 'clm-ar')!], lookups)][0]!
    expect(row[CLAIMS_COLUMNS.indexOf('coder')]).toBe('ليلى, "L"')
    expect(row[CLAIMS_COLUMNS.indexOf('coder_id')]).toBe('cod-2')
    expect(row[CLAIMS_COLUMNS.indexOf('adjudicated_from')]).toBe('clm-01 | clm-02')
  })

  it('lists every issue of a claim on several, labels, ids and codes in the order coded', () => {
    const claim = { ...workspace.claims.find((candidate) => candidate.id === 'clm-00')!, issueIds: ['iss-2', 'iss-1'] }
    const row = [...claimRows([claim], lookups)][0]!
    expect(row[CLAIMS_COLUMNS.indexOf('issues')]).toBe('-Ceasefire, "now" | Attacks on Israel')
    expect(row[CLAIMS_COLUMNS.indexOf('issue_ids')]).toBe('iss-2 | iss-1')
    expect(row[CLAIMS_COLUMNS.indexOf('issue_codes')]).toBe('=1.2 | 1')
    // Without codes the cell is empty, not a row of separators; a deleted issue keeps its place.
    const uncoded = buildLookups({ ...workspace, issues: workspace.issues.map((issue) => ({ ...issue, code: '' })) })
    expect([...claimRows([claim], uncoded)][0]![CLAIMS_COLUMNS.indexOf('issue_codes')]).toBe('')
    const gone = [...claimRows([{ ...claim, issueIds: ['gone', 'iss-1'] }], lookups)][0]!
    expect(gone[CLAIMS_COLUMNS.indexOf('issues')]).toBe(' | Attacks on Israel')
  })

  it('leaves names empty, not wrong, when a claim points at a deleted record', () => {
    const orphan = { ...workspace.claims[0]!, actorId: 'gone', articleId: 'gone', issueIds: ['gone'], addresseeId: 'gone' }
    const row = [...claimRows([orphan], lookups)][0]!
    expect(row[CLAIMS_COLUMNS.indexOf('actor')]).toBe('')
    expect(row[CLAIMS_COLUMNS.indexOf('article_title')]).toBe('')
    expect(row[CLAIMS_COLUMNS.indexOf('actor_id')]).toBe('gone')
  })

  it('sorts by claim date, then article, then position in the text', () => {
    const sorted = sortClaimsForExport([...workspace.claims].reverse())
    const dates = sorted.map((claim) => claim.date)
    expect(dates).toEqual([...dates].sort())
  })
})

describe('actors and articles CSV', () => {
  it('puts every alias in one cell and counts claims per actor', () => {
    const rows = [...actorRows(sortActorsForExport(workspace.actors), countClaimsBy(workspace.claims, 'actorId'))]
    const nujaba = rows.find((row) => row[0] === 'Al-Nujaba Movement')!
    expect(nujaba[ACTORS_COLUMNS.indexOf('aliases')]).toBe(['Nujaba', 'al-Nujaba'].join(ALIAS_SEPARATOR))
    expect(nujaba[ACTORS_COLUMNS.indexOf('claim_count')]).toBe(7)
  })

  it('adds one meta column per kept key, sorted, and the body only when asked, last', () => {
    expect(articlesShape(workspace.articles, false).header).toEqual([...ARTICLES_COLUMNS, 'meta.dateline', 'meta.section'])
    expect(shapeWithBody.header.at(-1)).toBe('body')
    const rows = [...articleRows(workspace.articles, shapeWithBody, new Map())]
    expect(rows[1]![shapeWithBody.header.indexOf('meta.dateline')]).toBe('')
    expect(rows[0]!.at(-1)).toBe(workspace.articles[0]!.body)
  })
})

describe('streamed CSV', () => {
  it('is byte for byte the one-shot CSV, whatever the chunk size', () => {
    const rows = cases[0]!.rows()
    for (const rowsPerChunk of [1, 2, 5, 1000]) {
      for (const bom of [false, true]) {
        const chunks = [...csvChunks([...CLAIMS_COLUMNS], rows, { bom, rowsPerChunk })]
        expect(chunks.map((chunk) => chunk.text).join('')).toBe(writeCsv([...CLAIMS_COLUMNS], rows, { bom }))
        expect(chunks.reduce((sum, chunk) => sum + chunk.rows, 0)).toBe(rows.length)
      }
    }
  })

  it('writes the header (and BOM) alone when there are no rows', () => {
    expect([...csvChunks(['a', 'b'], [], { bom: true })].map((chunk) => chunk.text)).toEqual([`${UTF8_BOM}a,b\r\n`])
  })
})

describe('the line writer of large exports', () => {
  // csvLine writes rows without Papa; Papa's unparse (writeCsv) is the reference it must match.
  const awkward = fc.oneof(
    fc.constantFrom(...TRICKY_TEXTS, '', ' ', ' lead', 'trail ', 'a,b', 'say "x"', 'cr\rlf\n', '\uFEFFbom', "'=1", '-2', '+x', '@here', '\ttab'),
    fc.string({ maxLength: 12 }),
    fc.stringMatching(/^[ ,"\r\n\uFEFF'=+\-@a-z0-9]{0,10}$/),
  )
  const cell: fc.Arbitrary<CsvCell> = fc.oneof(awkward, fc.integer({ min: -3, max: 3 }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined))

  it('writes every row byte for byte as writeCsv does, in chunks of any size', () => {
    fc.assert(
      fc.property(fc.array(awkward, { maxLength: 6 }), fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), (header, rows, rowsPerChunk, bom) => {
        const chunks = [...csvChunks(header, rows, { bom, rowsPerChunk })]
        expect(chunks.map((chunk) => chunk.text).join('')).toBe(writeCsv(header, rows, { bom }))
        expect(chunks.reduce((sum, chunk) => sum + chunk.rows, 0)).toBe(rows.length)
      }),
      { numRuns: 500 },
    )
  })
})
