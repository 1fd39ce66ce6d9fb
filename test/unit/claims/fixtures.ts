import { claimArticle, claimRow, type ClaimLookups, type ClaimRow } from '../../../renderer/src/domain/claims/rows'
import { buildClaimsTableData, lookupsOf } from '../../../renderer/src/domain/claims/tableState'
import type { Article, Claim, Coder } from '../../../renderer/src/domain/model'
import { actor, claim, issue } from '../tagging/fixtures'

// A small coded corpus for the claims table's tests: a two-level codebook that reuses
// "General", actors with parties, claims on one or more issues, with and without own dates.

const T0 = '2025-01-01T00:00:00.000Z'

export function article(id: string, title: string, source: string, publishedAt: string): Article {
  return { id, title, source, author: '', publishedAt, url: '', language: 'en', direction: 'ltr', body: '', contentHash: id, importedAt: T0, origin: 'test', meta: {}, updatedAt: T0, externalId: '' }
}

export const ISSUES = [
  issue('mig', 'Controlling migration'),
  issue('mig-gen', 'General', { parentId: 'mig' }),
  issue('mig-cap', 'Ceiling', { parentId: 'mig' }),
  issue('int', 'Integration'),
  issue('int-gen', 'General', { parentId: 'int' }),
  issue('int-lang', 'Language courses', { parentId: 'int' }),
]

export const ACTORS = [
  actor('merkel', 'Angela Merkel', [], { kind: 'person', attributes: { party: ['CDU'] } }),
  actor('seehofer', 'Horst Seehofer', [], { kind: 'person', attributes: { Party: ['CSU'] } }),
  actor('afd', 'AfD', [], { kind: 'party', attributes: { party: ['AfD'] } }),
  actor('pro-asyl', 'Pro Asyl', [], { kind: 'organization' }),
]

export const ARTICLES = [article('a1', 'Merkel: we can do this', 'SZ', '2015-08-31'), article('a2', 'Ceiling row', 'FAZ', '2015-10-10'), article('a3', 'Über Integration', 'taz', '2016-01-05')]

export const CODERS: Coder[] = [
  { id: 'ana', name: 'Ana', color: '#0072b2', role: 'lead', createdAt: T0, updatedAt: T0 },
  { id: 'ben', name: 'Ben', color: '#e69f00', role: 'coder', createdAt: T0, updatedAt: T0 },
]

export const CLAIMS: Claim[] = [
  claim('c1', 'merkel', 'mig-gen', { articleId: 'a1', stance: 2, date: '2015-08-31', anchor: { exact: 'Wir schaffen das', prefix: '', suffix: '', start: 0, end: 16 }, note: 'Famous line', coderId: 'ana' }),
  claim('c2', 'seehofer', 'mig-cap', { articleId: 'a2', issueIds: ['mig-cap', 'int-gen'], stance: -2, date: '2015-10-10', anchor: { exact: 'We need an upper limit', prefix: '', suffix: '', start: 0, end: 22 }, coderId: 'ben' }),
  claim('c3', 'afd', 'mig-cap', { articleId: 'a2', stance: -2, date: '', anchor: { exact: 'Close the borders now', prefix: '', suffix: '', start: 0, end: 21 }, coderId: 'ben' }),
  claim('c4', 'pro-asyl', 'int-lang', { articleId: 'a3', issueIds: ['int-lang', 'mig-gen'], stance: 1, date: '2016-01-04', anchor: { exact: 'Sprachkurse für alle, sofort', prefix: '', suffix: '', start: 0, end: 28 }, note: 'über Kurse', coderId: 'ana', externalId: 'S-9' }),
  claim('c5', 'merkel', 'int-gen', { articleId: 'a3', stance: 0, date: '2016-01-05', anchor: { exact: 'Integration takes time', prefix: '', suffix: '', start: 0, end: 22 }, coderId: 'ana', attributes: { certainty: ['high'] } }),
]

export function corpus(claims: readonly Claim[] = CLAIMS): { rows: ClaimRow[]; lookups: ClaimLookups } {
  const data = buildClaimsTableData({ rows: claims.map(claimRow), actors: ACTORS, issues: ISSUES, articles: ARTICLES.map(claimArticle) })
  return { rows: [...data.rows], lookups: lookupsOf(data, new Map(CODERS.map((coder) => [coder.id, coder]))) }
}
