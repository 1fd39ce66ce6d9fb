import { createAnchor } from '../../renderer/src/domain/anchoring'
import type { QdaExportInput } from '../../renderer/src/domain/interop/mapping/toQda'
import type { Actor, Article, Claim, Coder, Issue, Mention } from '../../renderer/src/domain/model'

// A small workspace as an analyst's would be, to export as REFI-QDA and read back: an English
// article with characters outside the BMP before its claims, an Arabic one, a document known
// only by its claim (no text), an issue tree with a code, actors with aliases, attributes and
// notes, a claim on two issues with an addressee, a note, attributes and an external ID, a
// mention, two coders, and an orphaned claim whose quote is no longer in its text.

export const T = '2025-01-10T12:00:00.000Z'

/** Record ids are UUIDs in the app; these are fixed ones, so tests can name them. */
export function uuid(n: number): string {
  return `0d000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
}

export const IDS = {
  alice: uuid(1),
  bilal: uuid(2),
  attacks: uuid(10),
  attacksUs: uuid(11),
  weapons: uuid(12),
  nujaba: uuid(20),
  government: uuid(21),
  sudani: uuid(22),
  kataib: uuid(23),
  english: uuid(30),
  arabic: uuid(31),
  noText: uuid(32),
  halt: uuid(40),
  weaponsClaim: uuid(41),
  arabicClaim: uuid(42),
  orphan: uuid(43),
  waiting: uuid(44),
  mention: uuid(50),
} as const

const ENGLISH = [
  '🇮🇶 Iraq, 23 December 2024 𝟐𝟎𝟐𝟒.',
  'Al-Nujaba Movement says it "will stop military operations against Israel" now that a ceasefire holds in Lebanon.',
  'Prime Minister Mohammed Shia al-Sudani said that "all weapons must be in the hands of the state" & <nothing> else, addressing Kataib Hezbollah.',
].join('\n\n')

const ARABIC = 'أعلنت حركة النجباء وقف العمليات ضد إسرائيل.\n\nوقال المتحدث إن القرار نهائي.'

function claimOn(body: string, quote: string, fields: Partial<Claim> & Pick<Claim, 'id' | 'articleId' | 'actorId' | 'issueIds' | 'stance'>): Claim {
  const start = body.indexOf(quote)
  if (start < 0) throw new Error(`quote not in text: ${quote}`)
  return {
    date: '2024-12-23',
    addresseeId: null,
    note: '',
    anchor: createAnchor(body, start, start + quote.length),
    createdAt: T,
    updatedAt: T,
    coderId: IDS.alice,
    updatedBy: IDS.alice,
    externalId: '',
    attributes: {},
    adjudicatedFrom: [],
    ...fields,
  }
}

export interface InteropWorkspace {
  articles: Article[]
  actors: Actor[]
  issues: Issue[]
  claims: Claim[]
  mentions: Mention[]
  coders: Coder[]
}

export function interopWorkspace(): InteropWorkspace {
  const article = (id: string, fields: Partial<Article>): Article => ({
    id,
    title: '',
    source: '',
    author: '',
    publishedAt: '',
    url: '',
    language: 'en',
    direction: 'ltr',
    body: '',
    contentHash: `hash-${id}`,
    importedAt: T,
    origin: 'paste',
    meta: {},
    updatedAt: T,
    externalId: '',
    ...fields,
  })
  const articles = [
    article(IDS.english, {
      title: 'Nujaba halts attacks on Israel',
      source: 'The New Arab',
      author: 'Staff reporter',
      publishedAt: '2024-12-23',
      url: 'https://example.org/nujaba?a=1&b=2',
      body: ENGLISH,
      meta: { section: 'Middle East', wordcount: '412' },
      externalId: 'dna:document:1',
    }),
    article(IDS.arabic, { title: 'النجباء توقف العمليات', source: 'الشرق الأوسط', publishedAt: '2024-12-24T08:30:00', language: 'ar', direction: 'rtl', body: ARABIC }),
    article(IDS.noText, { title: 'Kataib Hezbollah statement (text not yet obtained)', source: 'Telegram', publishedAt: '2024-11-20' }),
  ]
  const coders: Coder[] = [
    { id: IDS.alice, name: 'Alice Haddad', color: '#0072b2', role: 'lead', createdAt: T, updatedAt: T },
    { id: IDS.bilal, name: 'Bilal Karim', color: '#e69f00', role: 'coder', createdAt: T, updatedAt: T },
  ]
  const issue = (id: string, label: string, fields: Partial<Issue> = {}): Issue => ({ id, label, description: '', parentId: null, createdAt: T, updatedAt: T, code: '', updatedBy: '', ...fields })
  const issues = [
    issue(IDS.attacks, 'Attacks on Israel', { code: 'SEC-1', description: 'Whether armed groups should keep attacking Israel.\nThreats count too.' }),
    issue(IDS.attacksUs, 'Attacks on US forces', { parentId: IDS.attacks }),
    issue(IDS.weapons, 'Weapons belong to the state'),
  ]
  const actor = (id: string, name: string, kind: string, fields: Partial<Actor> = {}): Actor => ({ id, name, kind, aliases: [], notes: '', createdAt: T, updatedAt: T, attributes: {}, updatedBy: '', ...fields })
  const actors = [
    actor(IDS.nujaba, 'Al-Nujaba Movement', 'armed group', {
      aliases: ['Nujaba', 'al-Nujaba', 'حركة النجباء'],
      notes: 'Harakat Hezbollah al-Nujaba.\nPart of the Islamic Resistance in Iraq.',
      attributes: { country: ['Iraq'], coalition: ['Islamic Resistance in Iraq', 'Axis of Resistance'] },
    }),
    actor(IDS.government, 'Government of Iraq', 'state'),
    actor(IDS.sudani, 'Mohammed Shia al-Sudani', 'person', { aliases: ['al-Sudani'] }),
    actor(IDS.kataib, 'Kataib Hezbollah', 'armed group', { aliases: ['KH'] }),
  ]
  const claims: Claim[] = [
    claimOn(ENGLISH, 'will stop military operations against Israel', {
      id: IDS.halt,
      articleId: IDS.english,
      actorId: IDS.nujaba,
      issueIds: [IDS.attacks],
      stance: -1,
      note: 'Stance −1: the group halts attacks.\nCheck against the Arabic original.',
    }),
    claimOn(ENGLISH, 'all weapons must be in the hands of the state', {
      id: IDS.weaponsClaim,
      articleId: IDS.english,
      actorId: IDS.sudani,
      issueIds: [IDS.weapons, IDS.attacksUs],
      stance: 2,
      date: '2024-12-22',
      addresseeId: IDS.kataib,
      externalId: 'dna:statement:7',
      attributes: { frame: ['sovereignty', 'security'], person: ['al-Sudani'] },
      coderId: IDS.bilal,
      updatedBy: IDS.alice,
      updatedAt: '2025-01-11T09:30:00.000Z',
    }),
    claimOn(ARABIC, 'وقف العمليات ضد إسرائيل', { id: IDS.arabicClaim, articleId: IDS.arabic, actorId: IDS.nujaba, issueIds: [IDS.attacks], stance: 0, date: '2024-12-24', coderId: IDS.bilal, updatedBy: IDS.bilal }),
    // Its quote was edited out of the text: orphaned, so it cannot be a selection.
    {
      ...claimOn(ENGLISH, 'Iraq', { id: IDS.orphan, articleId: IDS.english, actorId: IDS.government, issueIds: [IDS.weapons], stance: 1 }),
      anchor: { exact: 'the government will disarm the factions', prefix: 'xx', suffix: 'yy', start: 3, end: 42 },
    },
    // Waiting for its text.
    {
      ...claimOn('operations will go on', 'operations will go on', { id: IDS.waiting, articleId: IDS.noText, actorId: IDS.kataib, issueIds: [IDS.attacks], stance: 2 }),
      anchor: { exact: 'operations will go on', prefix: '', suffix: '', start: 0, end: 0 },
    },
  ]
  const kataibStart = ENGLISH.indexOf('Kataib Hezbollah')
  const mentions: Mention[] = [
    { id: IDS.mention, articleId: IDS.english, actorId: IDS.kataib, anchor: createAnchor(ENGLISH, kataibStart, kataibStart + 'Kataib Hezbollah'.length), createdAt: T, updatedAt: T, coderId: IDS.alice, updatedBy: IDS.alice },
  ]
  return { articles, actors, issues, claims, mentions, coders }
}

/** The workspace as the REFI-QDA export takes it, exported by Alice. */
export function interopExportInput(now = '2025-02-01T10:00:00.000Z'): QdaExportInput {
  return { ...interopWorkspace(), currentCoderId: IDS.alice, projectName: 'Iraq militias', origin: 'Standpoint 0.1.0', now }
}
