import type { Actor, Claim, Issue, Mention } from '../../../renderer/src/domain/model'

// Small record builders for the tagging tests. Ids are readable on purpose.

const T0 = '2024-12-23T10:00:00.000Z'

export function actor(id: string, name: string, aliases: string[] = [], extra: Partial<Actor> = {}): Actor {
  return { id, name, kind: 'armed group', aliases, notes: '', createdAt: T0, updatedAt: T0, attributes: {}, updatedBy: '', ...extra }
}

export function issue(id: string, label: string, extra: Partial<Issue> = {}): Issue {
  return { id, label, description: '', parentId: null, createdAt: T0, updatedAt: T0, code: '', updatedBy: '', ...extra }
}

export function claim(id: string, actorId: string, issueId: string, extra: Partial<Claim> = {}): Claim {
  return {
    id,
    articleId: 'article-1',
    actorId,
    issueIds: [issueId],
    stance: -1,
    date: '2024-12-23',
    addresseeId: null,
    note: '',
    anchor: { exact: 'quote', prefix: '', suffix: '', start: 0, end: 5 },
    createdAt: T0,
    updatedAt: T0,
    coderId: 'coder-1',
    updatedBy: 'coder-1',
    externalId: '',
    attributes: {},
    adjudicatedFrom: [],
    ...extra,
  }
}

export function mention(id: string, actorId: string, start = 0, end = 5, extra: Partial<Mention> = {}): Mention {
  return {
    id,
    articleId: 'article-1',
    actorId,
    anchor: { exact: 'x'.repeat(end - start), prefix: '', suffix: '', start, end },
    createdAt: T0,
    updatedAt: T0,
    coderId: 'coder-1',
    updatedBy: 'coder-1',
    ...extra,
  }
}

export const SUDANI = actor('sudani', 'Mohammed Shia al-Sudani', ['al-Sudani', 'Prime Minister al-Sudani'], { kind: 'person' })
export const NUJABA = actor('nujaba', 'Al-Nujaba Movement', ['Nujaba', 'al-Nujaba', 'حركة النجباء'])
export const KATAIB = actor('kataib', 'Kataib Hezbollah', ['KH', 'Kata’ib Hizballah'])
export const TRUMP = actor('trump', 'Donald Trump', ['Trump', 'US President-elect Donald Trump'], { kind: 'person' })
export const IRAN = actor('iran', 'Iran', ['Islamic Republic of Iran'], { kind: 'state' })
export const ACTORS = [SUDANI, NUJABA, KATAIB, TRUMP, IRAN]
