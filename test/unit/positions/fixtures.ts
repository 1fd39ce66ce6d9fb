import type { Actor, ActorKind, Claim, Issue, Stance } from '../../../renderer/src/domain/model'

// Small hand-made records for the positions tests; ids are readable on purpose.

export function actor(id: string, name: string, kind: ActorKind = 'armed group', aliases: string[] = []): Actor {
  return { id, name, kind, aliases, notes: '', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', attributes: {}, updatedBy: '' }
}

export function issue(id: string, label: string): Issue {
  return { id, label, description: '', parentId: null, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', code: '', updatedBy: '' }
}

let sequence = 0

/** A claim on `issueId`, or on several issues with `issueIds`. */
export function claim(fields: { id?: string; actorId: string; issueId?: string; issueIds?: string[]; stance: Stance; date: string; articleId?: string; createdAt?: string }): Claim {
  sequence++
  const createdAt = fields.createdAt ?? `2025-01-01T00:00:${String(sequence % 60).padStart(2, '0')}.${String(sequence).padStart(3, '0').slice(-3)}Z`
  return {
    id: fields.id ?? `c${sequence}`,
    articleId: fields.articleId ?? 'a1',
    actorId: fields.actorId,
    issueIds: fields.issueIds ?? [fields.issueId!],
    stance: fields.stance,
    date: fields.date,
    addresseeId: null,
    note: '',
    anchor: { exact: 'quote', prefix: '', suffix: '', start: 0, end: 5 },
    createdAt,
    updatedAt: createdAt,
    coderId: 'coder-1',
    updatedBy: 'coder-1',
    externalId: '',
    attributes: {},
    adjudicatedFrom: [],
  }
}
