import { createAnchor } from '../../../renderer/src/domain/anchoring'
import type { Actor, Article, Assignment, Claim, Coder, Issue, Mention, Stance, Tombstone } from '../../../renderer/src/domain/model'

// A small workspace whose every text field is something CSV writers get wrong: quotes, commas,
// line breaks (LF, CRLF and a lone CR), Arabic, leading spaces, and cells a spreadsheet would
// run as formulas.

export const TRICKY_TEXTS = [
  'He said "no, never" – twice',
  'line one\nline two',
  'windows\r\nbreak',
  'lone\rcarriage return',
  'قال المتحدث، إن الحركة "ستوقف" العمليات',
  '=HYPERLINK("http://evil.example","click")',
  '+44 20 7946 0000',
  '-2+3',
  '@SUM(A1:A3)',
  '\tstarts with a tab',
  "'already quoted",
  '  spaced  ',
  '-1',
  '',
] as const

const T = '2025-01-10T12:00:00.000Z'

export interface TrickyWorkspace {
  articles: Article[]
  actors: Actor[]
  issues: Issue[]
  claims: Claim[]
  mentions: Mention[]
  coders: Coder[]
  assignments: Assignment[]
  tombstones: Tombstone[]
}

export function trickyWorkspace(): TrickyWorkspace {
  const bodyEn = `Intro. ${TRICKY_TEXTS.join(' | ')} outro.`
  const bodyAr = 'بيان: قال المتحدث، إن الحركة "ستوقف" العمليات العسكرية ضد إسرائيل.\n\nوأضاف أن القرار نهائي.'
  const articles: Article[] = [
    {
      id: 'art-en',
      title: '=cmd|" /C calc"!A0, "quoted" title',
      source: 'Maren, Herald',
      author: 'A. "Writer"',
      publishedAt: '2024-12-23',
      url: 'https://example.org/a?x=1,2',
      language: 'en',
      direction: 'ltr',
      body: bodyEn,
      contentHash: 'hash-en',
      importedAt: T,
      origin: 'file:a.txt',
      meta: { dateline: 'PORT MAREN, Dec 23', section: '+World' },
      updatedAt: T,
      externalId: '=doc-7, "A"',
    },
    {
      id: 'art-ar',
      title: 'الفصائل توقف الهجمات',
      source: 'الشرق الأوسط',
      author: '',
      publishedAt: '2024-12-24T08:30:00',
      url: '',
      language: 'ar',
      direction: 'rtl',
      body: bodyAr,
      contentHash: 'hash-ar',
      importedAt: T,
      origin: 'csv:saudi.csv#2',
      meta: {},
      updatedAt: T,
      externalId: '',
    },
  ]
  const actors: Actor[] = [
    {
      id: 'act-1',
      name: 'Al-Nujaba Movement',
      kind: 'armed group',
      aliases: ['Nujaba', 'al-Nujaba'],
      notes: 'note, with "quotes"\nand a line',
      createdAt: T,
      updatedAt: T,
      attributes: { 'Coalition, "axis"': ['Resistance', '=Axis'], country: ['Iraq'] },
      updatedBy: 'cod-1',
    },
    { id: 'act-2', name: 'حركة النجباء', kind: 'armed group', aliases: ['النجباء'], notes: '', createdAt: T, updatedAt: T, attributes: {}, updatedBy: '' },
    { id: 'act-3', name: '@Government', kind: 'state', aliases: [], notes: '=1+1', createdAt: T, updatedAt: T, attributes: {}, updatedBy: '' },
  ]
  const issues: Issue[] = [
    { id: 'iss-1', label: 'Attacks on Israel', description: '', parentId: null, createdAt: T, updatedAt: T, code: '1', updatedBy: '' },
    { id: 'iss-2', label: '-Ceasefire, "now"', description: 'd', parentId: 'iss-1', createdAt: T, updatedAt: T, code: '=1.2', updatedBy: 'cod-2' },
  ]
  const claims: Claim[] = []
  const stances: Stance[] = [-2, -1, 0, 1, 2]
  TRICKY_TEXTS.forEach((text, index) => {
    const start = text === '' ? 0 : bodyEn.indexOf(text)
    claims.push({
      id: `clm-${String(index).padStart(2, '0')}`,
      articleId: 'art-en',
      actorId: index % 2 === 0 ? 'act-1' : 'act-3',
      issueIds: [index % 3 === 0 ? 'iss-2' : 'iss-1'],
      stance: stances[index % 5]!,
      date: `2024-12-${String(10 + index).padStart(2, '0')}`,
      addresseeId: index % 4 === 0 ? 'act-3' : null,
      note: TRICKY_TEXTS[(index + 5) % TRICKY_TEXTS.length]!,
      anchor: createAnchor(bodyEn, start, start + text.length),
      createdAt: T,
      updatedAt: T,
      coderId: index % 2 === 0 ? 'cod-1' : 'cod-2',
      updatedBy: 'cod-1',
      externalId: index === 1 ? 'S-0001, "x"' : '',
      attributes: index === 2 ? { frame: ['+security', 'economy'] } : {},
      adjudicatedFrom: [],
    })
  })
  const quoteAr = 'قال المتحدث، إن الحركة "ستوقف" العمليات العسكرية ضد إسرائيل'
  const startAr = bodyAr.indexOf(quoteAr)
  claims.push({
    id: 'clm-ar',
    articleId: 'art-ar',
    actorId: 'act-2',
    issueIds: ['iss-1'],
    stance: -1,
    date: '2024-12-24',
    addresseeId: null,
    note: 'ملاحظة، مع فاصلة',
    anchor: createAnchor(bodyAr, startAr, startAr + quoteAr.length),
    createdAt: T,
    updatedAt: T,
    coderId: 'cod-2',
    updatedBy: 'cod-2',
    externalId: '',
    attributes: {},
    adjudicatedFrom: ['clm-01', 'clm-02'],
  })
  const mentions: Mention[] = [
    { id: 'men-1', articleId: 'art-ar', actorId: 'act-2', anchor: createAnchor(bodyAr, 0, 4), createdAt: T, updatedAt: T, coderId: 'cod-1', updatedBy: 'cod-2' },
  ]
  const coders: Coder[] = [
    { id: 'cod-1', name: 'Coder 1', color: '#0072b2', role: 'lead', createdAt: T, updatedAt: T },
    { id: 'cod-2', name: 'ليلى, "L"', color: '#E69F00', role: 'coder', createdAt: T, updatedAt: T },
  ]
  const assignments: Assignment[] = [
    { id: 'asg-1', name: 'Pilot, week 1', articleIds: ['art-en', 'art-ar'], coderIds: ['cod-1', 'cod-2'], blind: true, createdBy: 'cod-1', createdAt: T, updatedAt: T, updatedBy: 'cod-1' },
  ]
  const tombstones: Tombstone[] = [{ id: 'clm-gone', table: 'claims', deletedAt: T, deletedBy: 'cod-2' }]
  return { articles, actors, issues, claims, mentions, coders, assignments, tombstones }
}
