import { createAnchor } from './anchoring'
import type { Actor, ActorKind, Article, Claim, Id, Issue, Stance } from './model'
import { newId } from './model'

// A small workspace written for Standpoint: fictional country, outlets and actors, so it can
// ship with the app and show every screen with data on first run. No third-party text.

interface SampleArticle {
  key: string
  title: string
  source: string
  author: string
  publishedAt: string
  body: string
}

const ARTICLES: SampleArticle[] = [
  {
    key: 'talks-open',
    title: 'Northern Rivers Brigade rejects ceasefire as talks open in Port Maren',
    source: 'Maren Herald',
    author: 'Ilse Corvin',
    publishedAt: '2024-09-14',
    body: [
      'PORT MAREN — Talks between the government of Calvaria and armed groups in the northern provinces opened on Saturday without the largest of them at the table.',
      'In a statement read on a local radio station, the Northern Rivers Brigade said it "will not accept any ceasefire while government troops remain in the valley" and called the talks a distraction.',
      'Interior Minister Tomas Reyl said the government "is ready to sign a ceasefire today" and would keep a seat open for the Brigade.',
      'The opposition Civic Union warned that "an amnesty for the armed groups would insult the victims" and asked parliament to reject any such proposal.',
      'Attacks on the Kessa pipeline, which carries most of the country\'s gas exports, have continued throughout the summer.',
    ].join('\n\n'),
  },
  {
    key: 'amnesty-offer',
    title: 'Government tables amnesty bill; Brigade says it will study the text',
    source: 'Calvaria Today',
    author: 'Ruben Aske',
    publishedAt: '2024-11-02',
    body: [
      'The government sent a draft amnesty law to parliament on Friday, covering fighters who hand in their weapons within six months.',
      'Interior Minister Tomas Reyl told reporters that "the amnesty is the fastest road to peace in the north".',
      'A spokesman for the Northern Rivers Brigade, known locally as the NRB, said the group "will study the amnesty text carefully" but repeated that it would keep targeting the Kessa pipeline until the army withdraws.',
      'The Civic Union said it "will vote against the amnesty in its current form".',
    ].join('\n\n'),
  },
  {
    key: 'pipeline-halt',
    title: 'Brigade announces halt to pipeline attacks and backs ceasefire',
    source: 'Maren Herald',
    author: 'Ilse Corvin',
    publishedAt: '2025-01-20',
    body: [
      'In a reversal welcomed by the government, the Northern Rivers Brigade announced on Monday that it "will halt all attacks on the Kessa pipeline" from the first of February.',
      'The group also said it now "supports a ceasefire under international monitoring", four months after rejecting the talks in Port Maren.',
      'Interior Minister Tomas Reyl called the announcement "a step the whole country has waited for".',
      'The Civic Union, which had opposed the amnesty bill, said it would "support the amnesty if the Brigade keeps its word", a softer line than in November.',
    ].join('\n\n'),
  },
]

interface SampleActor {
  key: string
  name: string
  kind: ActorKind
  aliases: string[]
  notes: string
}

const ACTORS: SampleActor[] = [
  {
    key: 'nrb',
    name: 'Northern Rivers Brigade',
    kind: 'armed group',
    aliases: ['NRB', 'the Brigade'],
    notes: 'Largest armed group in the northern provinces (sample data).',
  },
  { key: 'reyl', name: 'Tomas Reyl', kind: 'person', aliases: ['Interior Minister Tomas Reyl', 'Reyl'], notes: 'Interior minister of Calvaria.' },
  { key: 'civic', name: 'Civic Union', kind: 'party', aliases: [], notes: 'Opposition party.' },
  { key: 'gov', name: 'Government of Calvaria', kind: 'state', aliases: ['the government'], notes: '' },
]

const ISSUES = [
  { key: 'ceasefire', label: 'Ceasefire', description: 'A ceasefire between the government and the armed groups.' },
  { key: 'pipeline', label: 'Attacks on the pipeline', description: 'Armed attacks on the Kessa gas pipeline. +1 = continue or justify, −1 = halt or condemn.' },
  { key: 'amnesty', label: 'Amnesty law', description: 'An amnesty for fighters who disarm.' },
]

interface SampleClaim {
  article: string
  actor: string
  issue: string
  stance: Stance
  quote: string
  addressee?: string
  note?: string
}

const CLAIMS: SampleClaim[] = [
  { article: 'talks-open', actor: 'nrb', issue: 'ceasefire', stance: -1, quote: 'will not accept any ceasefire while government troops remain in the valley', addressee: 'gov' },
  { article: 'talks-open', actor: 'reyl', issue: 'ceasefire', stance: 1, quote: 'is ready to sign a ceasefire today' },
  { article: 'talks-open', actor: 'civic', issue: 'amnesty', stance: -1, quote: 'an amnesty for the armed groups would insult the victims' },
  { article: 'amnesty-offer', actor: 'reyl', issue: 'amnesty', stance: 2, quote: 'the amnesty is the fastest road to peace in the north' },
  { article: 'amnesty-offer', actor: 'nrb', issue: 'amnesty', stance: 0, quote: 'will study the amnesty text carefully' },
  { article: 'amnesty-offer', actor: 'nrb', issue: 'pipeline', stance: 1, quote: 'it would keep targeting the Kessa pipeline until the army withdraws', note: 'Reported speech, not a direct quote.' },
  { article: 'amnesty-offer', actor: 'civic', issue: 'amnesty', stance: -1, quote: 'will vote against the amnesty in its current form' },
  { article: 'pipeline-halt', actor: 'nrb', issue: 'pipeline', stance: -1, quote: 'will halt all attacks on the Kessa pipeline' },
  { article: 'pipeline-halt', actor: 'nrb', issue: 'ceasefire', stance: 1, quote: 'supports a ceasefire under international monitoring' },
  { article: 'pipeline-halt', actor: 'civic', issue: 'amnesty', stance: 1, quote: 'support the amnesty if the Brigade keeps its word' },
]

export interface SampleRecords {
  articles: Omit<Article, 'contentHash'>[]
  actors: Actor[]
  issues: Issue[]
  claims: Claim[]
}

/** Fresh records (new ids) for the sample workspace, coded by `coderId`; content hashes are added by the caller. */
export function buildSampleRecords(now: string, coderId: Id): SampleRecords {
  const articleIds = new Map(ARTICLES.map((article) => [article.key, newId()]))
  const actorIds = new Map(ACTORS.map((actor) => [actor.key, newId()]))
  const issueIds = new Map(ISSUES.map((issue) => [issue.key, newId()]))
  const lookup = (map: Map<string, string>, key: string): string => {
    const id = map.get(key)
    if (!id) throw new Error(`sample workspace refers to unknown key ${key}`)
    return id
  }

  const articles = ARTICLES.map((article) => ({
    id: lookup(articleIds, article.key),
    title: article.title,
    source: article.source,
    author: article.author,
    publishedAt: article.publishedAt,
    url: '',
    language: 'en',
    direction: 'ltr' as const,
    body: article.body,
    importedAt: now,
    origin: 'sample',
    meta: {},
    updatedAt: now,
    externalId: '',
  }))
  const actors: Actor[] = ACTORS.map((actor) => ({
    id: lookup(actorIds, actor.key),
    name: actor.name,
    kind: actor.kind,
    aliases: actor.aliases,
    notes: actor.notes,
    createdAt: now,
    updatedAt: now,
    attributes: {},
    updatedBy: coderId,
  }))
  const issues: Issue[] = ISSUES.map((issue) => ({
    id: lookup(issueIds, issue.key),
    label: issue.label,
    description: issue.description,
    parentId: null,
    createdAt: now,
    updatedAt: now,
    code: '',
    updatedBy: coderId,
  }))
  const claims: Claim[] = CLAIMS.map((claim) => {
    const article = articles.find((candidate) => candidate.id === lookup(articleIds, claim.article))!
    const start = article.body.indexOf(claim.quote)
    if (start < 0) throw new Error(`sample quote not found: ${claim.quote}`)
    return {
      id: newId(),
      articleId: article.id,
      actorId: lookup(actorIds, claim.actor),
      issueIds: [lookup(issueIds, claim.issue)],
      stance: claim.stance,
      date: article.publishedAt,
      addresseeId: claim.addressee ? lookup(actorIds, claim.addressee) : null,
      note: claim.note ?? '',
      anchor: createAnchor(article.body, start, start + claim.quote.length),
      createdAt: now,
      updatedAt: now,
      coderId,
      updatedBy: coderId,
      externalId: '',
      attributes: {},
      adjudicatedFrom: [],
    }
  })
  return { articles, actors, issues, claims }
}
