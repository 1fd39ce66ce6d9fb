import { StandpointDB } from '../../../renderer/src/db/database'
import type { Actor, Article, Claim, Coder, Issue, Mention } from '../../../renderer/src/domain/model'

// A shared starting workspace for the team tests: a lead and two coders, two articles, a small
// codebook. Each "machine" is its own fake IndexedDB database holding a copy, as after the lead
// hands out a backup.

export const T0 = '2025-03-01T09:00:00.000Z'
export const LEAD: Coder = { id: 'coder-lead', name: 'Lena', color: '#0072b2', role: 'lead', createdAt: T0, updatedAt: T0 }
export const ALI: Coder = { id: 'coder-ali', name: 'Ali', color: '#e69f00', role: 'coder', createdAt: T0, updatedAt: T0 }
export const BEA: Coder = { id: 'coder-bea', name: 'Bea', color: '#009e73', role: 'coder', createdAt: T0, updatedAt: T0 }

export const BODY = 'The militia said it will stop attacks on Israel. The minister rejected the ceasefire offer and called for talks.'

export function article(id: string, extra: Partial<Article> = {}): Article {
  return { id, title: `Article ${id}`, source: 'Wire', author: '', publishedAt: '2025-02-01', url: '', language: 'en', direction: 'ltr', body: BODY, contentHash: `hash-${id}`, importedAt: T0, origin: 'paste', meta: {}, updatedAt: T0, externalId: '', ...extra }
}

export function actor(id: string, name: string, extra: Partial<Actor> = {}): Actor {
  return { id, name, kind: 'person', aliases: [], notes: '', createdAt: T0, updatedAt: T0, attributes: {}, updatedBy: '', ...extra }
}

export function issue(id: string, label: string, extra: Partial<Issue> = {}): Issue {
  return { id, label, description: '', parentId: null, createdAt: T0, updatedAt: T0, code: '', updatedBy: '', ...extra }
}

/** A claim quoting BODY from start to end. */
export function claim(id: string, coderId: string, extra: Partial<Claim> & { start?: number; end?: number } = {}): Claim {
  const { start = 0, end = 20, ...rest } = extra
  return {
    id,
    articleId: 'art-1',
    actorId: 'act-militia',
    issueIds: ['iss-attacks'],
    stance: -1,
    date: '2025-02-01',
    addresseeId: null,
    note: '',
    anchor: { exact: BODY.slice(start, end), prefix: '', suffix: '', start, end },
    createdAt: T0,
    updatedAt: T0,
    coderId,
    updatedBy: coderId,
    externalId: '',
    attributes: {},
    adjudicatedFrom: [],
    ...rest,
  }
}

export function mention(id: string, coderId: string, extra: Partial<Mention> = {}): Mention {
  return { id, articleId: 'art-1', actorId: 'act-militia', anchor: { exact: BODY.slice(4, 11), prefix: '', suffix: '', start: 4, end: 11 }, createdAt: T0, updatedAt: T0, coderId, updatedBy: coderId, ...extra }
}

export const BASE = {
  coders: [LEAD, ALI, BEA],
  articles: [article('art-1'), article('art-2')],
  actors: [actor('act-militia', 'The Militia', { kind: 'armed group' }), actor('act-minister', 'The Minister')],
  issues: [issue('iss-war', 'War'), issue('iss-attacks', 'Attacks on Israel', { parentId: 'iss-war' }), issue('iss-talks', 'Talks')],
}

let counter = 0

/** A machine: its own database with the shared starting workspace, coding as `coder`. */
export async function machine(coder: Coder): Promise<StandpointDB> {
  const db = new StandpointDB(`team-test-${++counter}-${Date.now()}`)
  await db.open()
  await db.transaction('rw', [db.coders, db.articles, db.actors, db.issues, db.settings], async () => {
    await db.coders.bulkAdd(BASE.coders)
    await db.articles.bulkAdd(BASE.articles)
    await db.actors.bulkAdd(BASE.actors)
    await db.issues.bulkAdd(BASE.issues)
    await db.settings.put({ key: 'currentCoderId', value: coder.id })
  })
  return db
}

/** Every shared table, sorted by id: what two merged workspaces are compared on. */
export async function shared(db: StandpointDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const name of ['coders', 'articles', 'actors', 'issues', 'claims', 'mentions', 'assignments', 'tombstones']) {
    out[name] = (await db.table(name).toArray()).sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1))
  }
  return out
}
