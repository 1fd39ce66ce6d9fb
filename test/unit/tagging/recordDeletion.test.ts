import { describe, expect, it } from 'vitest'
import type { Claim, Issue } from '../../../renderer/src/domain/model'
import { planActorDeletion, planIssueDeletion } from '../../../renderer/src/domain/recordDeletion'
import { actor, claim, issue, mention } from './fixtures'

const NOW = '2025-01-01T00:00:00.000Z'
const GONE = actor('gone', 'Gone')

describe('planActorDeletion', () => {
  const claims = [claim('c1', 'gone', 'i'), claim('c2', 'other', 'i', { addresseeId: 'gone' })]
  const mentions = [mention('m1', 'gone')]

  it('reassigns claims, addressees and mentions to another actor', () => {
    const plan = planActorDeletion({ actor: GONE, claims, mentions, disposition: { kind: 'reassign', to: 'heir' }, now: NOW })
    const after = new Map(plan.edits.map((edit) => [edit.id, edit.after as Claim | null]))
    expect(after.get('c1')).toMatchObject({ actorId: 'heir', updatedAt: NOW })
    expect(after.get('c2')).toMatchObject({ actorId: 'other', addresseeId: 'heir' })
    expect(after.get('m1')).toMatchObject({ actorId: 'heir' })
    expect(after.get('gone')).toBeNull()
    expect(plan).toMatchObject({ reassignedClaims: 2, deletedClaims: 0, reassignedMentions: 1 })
  })

  it('deletes its claims and mentions, but only clears the addressee of others’ claims', () => {
    const plan = planActorDeletion({ actor: GONE, claims, mentions, disposition: { kind: 'delete' }, now: NOW })
    const after = new Map(plan.edits.map((edit) => [edit.id, edit.after as Claim | null]))
    expect(after.get('c1')).toBeNull()
    expect(after.get('c2')).toMatchObject({ actorId: 'other', addresseeId: null })
    expect(after.get('m1')).toBeNull()
    expect(plan).toMatchObject({ deletedClaims: 1, clearedAddressees: 1, deletedMentions: 1 })
  })

  it('refuses to reassign to the actor being deleted', () => {
    expect(() => planActorDeletion({ actor: GONE, claims, mentions, disposition: { kind: 'reassign', to: 'gone' }, now: NOW })).toThrow()
  })
})

describe('planIssueDeletion', () => {
  const parent = issue('p', 'Security')
  const doomed = issue('d', 'Attacks on Israel', { parentId: 'p' })
  const child = issue('c', 'Drone attacks', { parentId: 'd' })
  const claims = [claim('c1', 'a', 'd'), claim('c2', 'a', 'd'), claim('c3', 'a', 'other')]

  it('reassigns its claims and moves sub-issues up to its parent', () => {
    const plan = planIssueDeletion({ issue: doomed, claims, children: [child], disposition: { kind: 'reassign', to: 'other' }, now: NOW })
    const after = new Map(plan.edits.map((edit) => [edit.id, edit.after as (Claim & Issue) | null]))
    expect(after.get('c1')?.issueIds).toEqual(['other'])
    expect(after.has('c3')).toBe(false)
    expect(after.get('c')?.parentId).toBe('p')
    expect(after.get('d')).toBeNull()
    expect(plan).toMatchObject({ reassignedClaims: 2, reparentedIssues: 1 })
    expect(parent.parentId).toBeNull()
  })

  it('deletes its claims when asked', () => {
    const plan = planIssueDeletion({ issue: doomed, claims, children: [], disposition: { kind: 'delete' }, now: NOW })
    expect(plan.deletedClaims).toBe(2)
  })

  it('rewrites the issues of a claim on several: moved once without doubles, or kept on its other issues', () => {
    const multi = [claim('m1', 'a', 'd', { issueIds: ['d', 'other'] }), claim('m2', 'a', 'x', { issueIds: ['x', 'd', 'y'] })]
    const moved = planIssueDeletion({ issue: doomed, claims: multi, children: [], disposition: { kind: 'reassign', to: 'other' }, now: NOW, by: 'coder-b' })
    const movedTo = new Map(moved.edits.map((edit) => [edit.id, edit.after as Claim | null]))
    expect(movedTo.get('m1')).toMatchObject({ issueIds: ['other'], updatedAt: NOW, updatedBy: 'coder-b' })
    expect(movedTo.get('m2')?.issueIds).toEqual(['x', 'other', 'y'])
    expect(moved.reassignedClaims).toBe(2)
    const deleted = planIssueDeletion({ issue: doomed, claims: multi, children: [], disposition: { kind: 'delete' }, now: NOW })
    const left = new Map(deleted.edits.map((edit) => [edit.id, edit.after as Claim | null]))
    expect(left.get('m1')?.issueIds).toEqual(['other'])
    expect(left.get('m2')?.issueIds).toEqual(['x', 'y'])
    expect(deleted).toMatchObject({ deletedClaims: 0, unlinkedClaims: 2 })
  })
})
