import { describe, expect, it } from 'vitest'
import { detectDateOrder, parseDate } from '../../../renderer/src/domain/claimsImport/dates'
import { emptyMapping, guessMapping, mappingProblems, type ColumnMapping } from '../../../renderer/src/domain/claimsImport/mapping'
import { actorKindFrom } from '../../../renderer/src/domain/claimsImport/names'
import { parseTable, TableParseError } from '../../../renderer/src/domain/claimsImport/parseTable'
import { anchorQuote, planClaimsImport, SOURCE_DOCUMENT_ID, type ImportSettings, type WorkspaceSnapshot } from '../../../renderer/src/domain/claimsImport/plan'
import { detectScheme, distinctStanceValues, readStance, stanceMapFor, type StanceScheme } from '../../../renderer/src/domain/claimsImport/stanceValues'
import { writeCsv } from '../../../renderer/src/domain/csv/writeCsv'
import { CLAIMS_COLUMNS, claimRows } from '../../../renderer/src/domain/export/claimsCsv'
import { buildLookups } from '../../../renderer/src/domain/export/lookups'
import { foldText } from '../../../renderer/src/domain/text/folding'
import { trickyWorkspace } from './trickyWorkspace'

const NOW = '2025-02-01T09:00:00.000Z'
const EMPTY: WorkspaceSnapshot = { articles: [], actors: [], issues: [], claims: [] }

async function importCsv(csv: string, snapshot: WorkspaceSnapshot = EMPTY, overrides: Partial<ImportSettings> & { scheme?: StanceScheme } = {}) {
  const table = parseTable(csv)
  const mapping = overrides.mapping ?? guessMapping(table.header)
  const values = distinctStanceValues(table.rows.map((row) => (mapping.stance === null ? '' : row[mapping.stance]!)))
  const scheme = overrides.scheme ?? detectScheme(values, mapping.stance === null ? '' : table.header[mapping.stance])
  const settings: ImportSettings = {
    mapping,
    stanceMap: overrides.stanceMap ?? stanceMapFor(scheme, values),
    dateOrder: overrides.dateOrder ?? detectDateOrder(table.rows.map((row) => (mapping.date === null ? '' : row[mapping.date]!))),
    fileName: 'coded.csv',
    now: NOW,
  }
  return { table, mapping, scheme, plan: await planClaimsImport(table.rows, table.rowNumbers, snapshot, settings) }
}

describe('reading the file', () => {
  it('parses semicolon CSVs, pads short rows, skips blank ones and keeps spreadsheet row numbers', () => {
    const table = parseTable('\uFEFFactor;issue;stance\r\nA;B;1\r\n\r\nC;D\r\nE;F;0;extra\r\n')
    expect(table.header).toEqual(['actor', 'issue', 'stance'])
    expect(table.rows).toEqual([['A', 'B', '1'], ['C', 'D', ''], ['E', 'F', '0']])
    expect(table.rowNumbers).toEqual([2, 4, 5])
    expect(table.wideRows).toEqual([5])
  })

  it('restores cells our export neutralised', () => {
    const table = parseTable(writeCsv(['quote'], [['=1+1'], ["'already"], ['-2+3'], ['-1']]))
    expect(table.rows.map((row) => row[0])).toEqual(['=1+1', "'already", '-2+3', '-1'])
  })

  it('refuses an empty file with a message', () => {
    expect(() => parseTable('\n\n')).toThrow(TableParseError)
  })
})

describe('column mapping', () => {
  it('maps our own claims export completely', () => {
    const mapping = guessMapping([...CLAIMS_COLUMNS])
    const column = (name: string): number => CLAIMS_COLUMNS.indexOf(name as (typeof CLAIMS_COLUMNS)[number])
    expect(mapping).toEqual({
      actor: column('actor'),
      actorKind: column('actor_kind'),
      issue: column('issues'),
      stance: column('stance'),
      date: column('claim_date'),
      quote: column('quote'),
      note: column('note'),
      addressee: column('addressee'),
      documentId: column('article_id'),
      documentTitle: column('article_title'),
      documentText: null,
      documentDate: column('article_date'),
      documentSource: column('source'),
      documentUrl: column('url'),
      quoteStart: column('quote_start'),
      quoteEnd: column('quote_end'),
      claimId: column('claim_id'),
    })
    expect(mappingProblems(mapping)).toEqual([])
  })

  it('maps a Discourse Network Analyzer style export', () => {
    const mapping = guessMapping(['statement ID', 'time', 'document ID', 'title', 'text', 'organization', 'concept', 'agreement'])
    expect(mapping).toMatchObject({ claimId: 0, date: 1, documentId: 2, documentTitle: 3, quote: 4, actor: 5, issue: 6, stance: 7 })
  })

  it('reads header names as the article import does: case, spacing and punctuation aside', () => {
    expect(guessMapping(['Actor', 'ActorKind', 'Issue_Label', 'STANCE', 'publicationDate'])).toMatchObject({ actor: 0, actorKind: 1, issue: 2, stance: 3, documentDate: 4 })
  })

  it('names what is missing or mapped twice', () => {
    const mapping: ColumnMapping = { ...emptyMapping(), actor: 0, issue: 0 }
    expect(mappingProblems(mapping)).toEqual([
      'Choose the column that holds the stance.',
      'Choose a column that names the document: its title, its ID or its full text.',
      'Actor and Issue use the same column.',
    ])
  })
})

describe('stance values', () => {
  const detect = (values: string[]): StanceScheme => detectScheme(distinctStanceValues(values))
  it('reads 0/1 as agreement, other numbers as stances, and words by their scheme', () => {
    expect(detect(['0', '1', '1'])).toBe('agreement01')
    expect(detect(['-2', '1', '0', '+2'])).toBe('numbers')
    expect(detect(['yes', 'No', 'YES'])).toBe('yesNo')
    expect(detect(['agree', 'disagree'])).toBe('agreeDisagree')
    expect(detect(['Support', 'oppose', 'support'])).toBe('supportOppose')
    expect(detect(['strongly against', 'for', 'neutral'])).toBe('labels')
  })

  it('reads 0/1 in a column named stance (our own export) as neutral/for, not as agreement', () => {
    const values = distinctStanceValues(['0', '1'])
    expect(detectScheme(values, 'stance')).toBe('numbers')
    expect(detectScheme(values, 'Stance_Value')).toBe('numbers')
    expect(detectScheme(values, 'agreement')).toBe('agreement01')
  })

  it('maps each scheme as documented', () => {
    expect(['0', '1'].map((value) => readStance('agreement01', value))).toEqual([-1, 1])
    expect(['-2', '−1', '0', '+1', '2', '3', '1.5'].map((value) => readStance('numbers', value))).toEqual([-2, -1, 0, 1, 2, null, null])
    expect(['yes', 'no', 'maybe'].map((value) => readStance('yesNo', value))).toEqual([1, -1, null])
    expect(['Agree', 'disagree'].map((value) => readStance('agreeDisagree', value))).toEqual([1, -1])
    expect(['support', 'oppose'].map((value) => readStance('supportOppose', value))).toEqual([1, -1])
    expect(['strongly for', 'against'].map((value) => readStance('labels', value))).toEqual([2, -1])
  })

  it('counts distinct values and rejects blanks and unreadable ones by default', () => {
    const values = distinctStanceValues(['1', '0', '1', '', 'x'])
    expect(values.map((value) => [value.value, value.count])).toEqual([['1', 2], ['', 1], ['0', 1], ['x', 1]])
    expect(stanceMapFor('agreement01', values)).toEqual({ '1': 1, '': null, '0': -1, x: null })
  })
})

describe('dates and names', () => {
  it('reads ISO, day-first and month-first dates, and detects the order', () => {
    expect(parseDate('2024-12-23', 'iso')).toBe('2024-12-23')
    expect(parseDate('2024-12-23T10:00:00Z', 'dmy')).toBe('2024-12-23')
    expect(parseDate('23.12.2024 10:00:00', 'dmy')).toBe('2024-12-23')
    expect(parseDate('12/23/2024', 'mdy')).toBe('2024-12-23')
    expect(parseDate('12/23/2024', 'dmy')).toBeNull()
    expect(parseDate('2024-02-30', 'iso')).toBeNull()
    expect(parseDate('', 'iso')).toBe('')
    expect(detectDateOrder(['2024-12-01'])).toBe('iso')
    expect(detectDateOrder(['01/02/2024', '23/12/2024'])).toBe('dmy')
    expect(detectDateOrder(['12/23/2024', '01/02/2024'])).toBe('mdy')
  })

  it('reads dates with the article importer\'s parser, keeping the chosen order strict', () => {
    expect(parseDate('23 December 2024', 'dmy')).toBe('2024-12-23')
    expect(parseDate('Dec 23, 2024 at 4:05 PM', 'mdy')).toBe('2024-12-23')
    expect(parseDate('٢٣/١٢/٢٠٢٤', 'dmy')).toBe('2024-12-23')
    expect(parseDate('23/12/2024', 'iso')).toBeNull()
    expect(parseDate('12/23/2024 (approx.)', 'dmy')).toBeNull()
    expect(detectDateOrder(['13/01/2024', '01/13/2024', '01/14/2024'])).toBe('mdy')
  })

  it('compares names without case or diacritics and reads actor kinds', () => {
    expect(foldText('  Al-Nujabā   Movement ')).toBe(foldText('al-nujaba movement'))
    expect(actorKindFrom('Armed_Group')).toBe('armed group')
    expect(actorKindFrom('organisation')).toBe('organization')
    expect(actorKindFrom('militant')).toBeNull()
  })
})

describe('anchoring quotes', () => {
  const body = 'They said no. Later they said no again.'
  it('uses the offsets when they still point at the quote, else the nearest exact occurrence', () => {
    expect(anchorQuote(body, 'no', 10, 12).anchor).toMatchObject({ start: 10, end: 12, prefix: 'They said ', suffix: '. Later they said no again.' })
    expect(anchorQuote(body, 'no', 30, 32).anchor.start).toBe(30)
    expect(anchorQuote(body, 'no', 28, 29).anchor.start).toBe(30)
    expect(anchorQuote(body, 'no', null, null).anchor.start).toBe(10)
    expect(anchorQuote(body, ' no again. ', null, null).anchor).toMatchObject({ exact: 'no again.', start: 30 })
  })

  it('keeps an unfound quote, unanchored, and says so', () => {
    const result = anchorQuote(body, 'yes', 3, 6)
    expect(result.anchored).toBe(false)
    expect(result.anchor).toEqual({ exact: 'yes', prefix: '', suffix: '', start: 3, end: 6 })
    expect(result.detail).toMatch(/not found/)
  })
})

describe('planning an import', () => {
  const AGREEMENT_CSV = [
    'actor,actor kind,issue,agreement,date,quote,document,document text',
    'Nujaba,armed group,Attacks on Israel,0,2024-12-23,will stop military operations,D1,"The movement will stop military operations against Israel, it said."',
    'nujabā,,Attacks on Israel,1,2024-11-20,rejected the call,D2,The militias rejected the call to stop attacking Israel.',
    'Kataib Hezbollah,militia,Attacks on Israel,1,2024-11-20,rejected the call,D2,The militias rejected the call to stop attacking Israel.',
    'Kataib Hezbollah,,Ceasefire,0,2024-12-23,will stop,D1,"The movement will stop military operations against Israel, it said."',
  ].join('\r\n')

  it('imports 0/1 agreement as −1/+1 and creates each document, actor and issue once', async () => {
    const { scheme, plan } = await importCsv(AGREEMENT_CSV)
    expect(scheme).toBe('agreement01')
    expect(plan.claims.map((claim) => claim.stance)).toEqual([-1, 1, 1, -1])
    expect(plan.articles).toHaveLength(2)
    expect(plan.actors.map((actor) => [actor.name, actor.kind])).toEqual([
      ['Nujaba', 'armed group'],
      ['Kataib Hezbollah', 'armed group'],
    ])
    expect(plan.issues.map((issue) => issue.label)).toEqual(['Attacks on Israel', 'Ceasefire'])
    expect(plan.counts).toMatchObject({ rows: 4, imported: 4, anchored: 4, duplicates: 0, rejected: 0, articlesCreated: 2, actorsCreated: 2, issuesCreated: 2 })
    const [first] = plan.claims
    const article = plan.articles.find((candidate) => candidate.id === first!.articleId)!
    expect(article.body.slice(first!.anchor.start, first!.anchor.end)).toBe('will stop military operations')
    expect(article.meta).toEqual({ [SOURCE_DOCUMENT_ID]: 'D1' })
    expect(article.title).toBe('The movement will stop military operations against Israel, it said.')
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(article.origin).toBe('claims-csv:coded.csv')
    expect(plan.outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'imported', 'imported', 'imported'])
  })

  it('matches what the workspace has: a second import of the same file is all duplicates', async () => {
    const first = (await importCsv(AGREEMENT_CSV)).plan
    const snapshot: WorkspaceSnapshot = { articles: first.articles, actors: first.actors, issues: first.issues, claims: first.claims }
    const { plan } = await importCsv(AGREEMENT_CSV, snapshot)
    expect(plan.counts).toMatchObject({ imported: 0, duplicates: 4, rejected: 0, articlesCreated: 0, actorsCreated: 0, issuesCreated: 0 })
    expect(plan.articles).toEqual([])
    expect(plan.outcomes.every((outcome) => outcome.status === 'duplicate' && /already has this claim/.test(outcome.detail))).toBe(true)
  })

  it('accounts for every row: rejections say why, and rejected rows create nothing', async () => {
    const csv = [
      'actor,issue,stance,date,quote,title',
      'A,Issue one,1,2024-01-01,q,Doc',
      ',Issue one,1,2024-01-01,q,Doc',
      'B,,1,2024-01-01,q,Doc',
      'C,Issue two,maybe,2024-01-01,q,Doc',
      'D,Issue three,1,31/31/2024,q,Doc',
      'E,Issue four,1,2024-01-01,q,',
      'A,Issue one,1,2024-01-01,q,Doc',
      'F,Issue one,,2024-01-01,q,Doc',
    ].join('\n')
    const { plan } = await importCsv(csv, EMPTY, { scheme: 'numbers' })
    expect(plan.outcomes.map((outcome) => [outcome.row, outcome.status, outcome.detail])).toEqual([
      [2, 'imported', 'the document has no text; the claim keeps its quote unanchored'],
      [3, 'rejected', 'no actor: the actor cell is empty'],
      [4, 'rejected', 'no issue: the issue cell is empty'],
      [5, 'rejected', 'stance value “maybe” is not mapped to a stance'],
      [6, 'rejected', 'date “31/31/2024” cannot be read as a day-first date'],
      [7, 'rejected', 'no document: the document cells are empty'],
      [8, 'duplicate', 'same claim as row 2'],
      [9, 'rejected', 'no stance: the stance cell is empty'],
    ])
    expect(plan.actors.map((actor) => actor.name)).toEqual(['A'])
    expect(plan.issues.map((issue) => issue.label)).toEqual(['Issue one'])
    expect(plan.counts).toMatchObject({ rows: 8, imported: 1, duplicates: 1, rejected: 6 })
  })

  it('matches existing documents by title and actors by alias, and anchors in their text', async () => {
    const workspace = trickyWorkspace()
    const csv = 'actor,issue,stance,title,quote\r\nnujaba,Attacks on Israel,-1,الفصائل توقف الهجمات,"إن الحركة ""ستوقف"""\r\n'
    const { plan } = await importCsv(csv, workspace)
    expect(plan.counts).toMatchObject({ imported: 1, anchored: 1, articlesMatched: 1, actorsMatched: 1, issuesMatched: 1, articlesCreated: 0 })
    const claim = plan.claims[0]!
    expect(claim.actorId).toBe('act-1')
    expect(claim.articleId).toBe('art-ar')
    expect(claim.date).toBe('2024-12-24')
    const body = workspace.articles[1]!.body
    expect(body.slice(claim.anchor.start, claim.anchor.end)).toBe('إن الحركة "ستوقف"')
  })

  it('matches names as the codebook and tagging compare them (hyphens, Arabic letter variants)', async () => {
    const workspace = trickyWorkspace()
    const csv = 'actor,issue,stance,title\r\nal nujaba,attacks-on israel,1,T\r\nحركه النجباء,Attacks on Israel,1,T\r\n'
    const { plan } = await importCsv(csv, workspace)
    expect(plan.claims.map((claim) => [claim.actorId, ...claim.issueIds])).toEqual([
      ['act-1', 'iss-1'],
      ['act-2', 'iss-1'],
    ])
    expect(plan.counts).toMatchObject({ actorsCreated: 0, issuesCreated: 0 })
  })

  it('gives a created document the language and direction the article import would', async () => {
    const { plan } = await importCsv('actor,issue,stance,title,document text\r\nA,I,1,الفصائل,قال المتحدث باسم الحركة إن الفصائل ستوقف عملياتها العسكرية\r\nB,I,1,Pause,The movement said it will stop its operations against Israel for now.\r\n')
    expect(plan.articles.map((article) => [article.language, article.direction])).toEqual([
      ['ar', 'rtl'],
      ['en', 'ltr'],
    ])
  })

  it('refuses to guess between two documents with the same title', async () => {
    const workspace = trickyWorkspace()
    const twin = { ...workspace.articles[1]!, id: 'art-ar-2', publishedAt: '2025-01-01' }
    const snapshot = { ...workspace, articles: [...workspace.articles, twin] }
    const csv = 'actor,issue,stance,title\r\nNujaba,Attacks on Israel,1,الفصائل توقف الهجمات\r\n'
    const { plan } = await importCsv(csv, snapshot)
    expect(plan.outcomes[0]).toMatchObject({ status: 'rejected' })
    expect(plan.outcomes[0]!.detail).toMatch(/matches 2 documents/)
    const dated = await importCsv('actor,issue,stance,title,article date\r\nNujaba,Attacks on Israel,1,الفصائل توقف الهجمات,2025-01-01\r\n', snapshot)
    expect(dated.plan.claims[0]!.articleId).toBe('art-ar-2')
  })

  it('notes an unknown actor kind and creates the actor as “other”', async () => {
    const { plan } = await importCsv('actor,actor kind,issue,stance,title\r\nX,militant,I,1,T\r\n')
    expect(plan.actors[0]!.kind).toBe('other')
    expect(plan.outcomes[0]!.detail).toMatch(/actor kind “militant” is not one Standpoint knows/)
  })

  it('restores our own export exactly: formulas, quotes, Arabic, stances, dates, ids', async () => {
    const workspace = trickyWorkspace()
    const csv = writeCsv([...CLAIMS_COLUMNS], claimRows(workspace.claims, buildLookups(workspace)), { bom: true })
    const { plan } = await importCsv(csv)
    expect(plan.counts).toMatchObject({ rows: workspace.claims.length, imported: workspace.claims.length, rejected: 0, duplicates: 0 })
    expect(plan.claims).toHaveLength(workspace.claims.length)
    const actorName = new Map(plan.actors.map((actor) => [actor.id, actor]))
    const issueLabel = new Map(plan.issues.map((issue) => [issue.id, issue.label]))
    const articleBy = new Map(plan.articles.map((article) => [article.id, article]))
    for (const [index, original] of workspace.claims.entries()) {
      const imported = plan.claims[index]!
      // The file's ids are not UUIDs here, so new ids are given; every value comes back.
      expect(imported.anchor.exact).toBe(original.anchor.exact)
      expect(imported.note).toBe(original.note)
      expect(imported.stance).toBe(original.stance)
      expect(imported.date).toBe(original.date)
      expect(actorName.get(imported.actorId)!.name).toBe(workspace.actors.find((actor) => actor.id === original.actorId)!.name)
      expect(actorName.get(imported.actorId)!.kind).toBe(workspace.actors.find((actor) => actor.id === original.actorId)!.kind)
      expect(imported.issueIds.map((id) => issueLabel.get(id))).toEqual(original.issueIds.map((id) => workspace.issues.find((issue) => issue.id === id)!.label))
      const article = articleBy.get(imported.articleId)!
      const originalArticle = workspace.articles.find((candidate) => candidate.id === original.articleId)!
      expect([article.title, article.source, article.publishedAt, article.url]).toEqual([originalArticle.title, originalArticle.source, originalArticle.publishedAt, originalArticle.url])
      expect(imported.addresseeId === null).toBe(original.addresseeId === null)
    }
    // Into the workspace it came from, nothing is new.
    const again = await importCsv(csv, workspace)
    expect(again.plan.counts).toMatchObject({ imported: 0, duplicates: workspace.claims.length })
  })

  it('keeps UUID ids from another Standpoint workspace, so importing twice stays idempotent', async () => {
    const claimId = '0b7f6a3e-8d5c-4e1a-9a61-2c3d4e5f6a7b'
    const articleId = '1c8e7b4f-9e6d-4f2b-8b72-3d4e5f6a7b8c'
    const csv = `claim_id,article_id,article_title,actor,issue,stance\r\n${claimId},${articleId},T,A,I,2\r\n`
    const { plan } = await importCsv(csv)
    expect(plan.claims[0]!.id).toBe(claimId)
    expect(plan.articles[0]!.id).toBe(articleId)
    const again = await importCsv(csv, { articles: plan.articles, actors: plan.actors, issues: plan.issues, claims: plan.claims })
    expect(again.plan.outcomes[0]).toMatchObject({ status: 'duplicate', detail: 'a claim with this claim ID is already in the workspace' })
  })
})
