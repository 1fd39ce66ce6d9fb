import { describe, expect, it } from 'vitest'
import { mergedAliases, mergedAttributes, planActorMerge } from '../../../renderer/src/domain/actorMerge'
import type { Actor, Claim, Mention } from '../../../renderer/src/domain/model'
import { actor, claim, mention, SUDANI } from './fixtures'

const NOW = '2025-01-01T00:00:00.000Z'
const DUP = actor('dup', 'al-Sudani', ['Sudani', 'Iraqi PM'], { notes: 'Created by mistake from an alias.' })
const DUP2 = actor('dup2', 'Mohammad Shia Al Sudani', [])

describe('planActorMerge', () => {
  it('unites aliases: absorbed names and aliases, without doubles or the survivor’s name', () => {
    expect(mergedAliases(SUDANI, [DUP, DUP2])).toEqual(['al-Sudani', 'Prime Minister al-Sudani', 'Sudani', 'Iraqi PM', 'Mohammad Shia Al Sudani'])
  })

  it('moves claims (as claimant and as addressee) and mentions to the survivor and deletes the absorbed', () => {
    const claims: Claim[] = [claim('c1', 'dup', 'i1'), claim('c2', 'other', 'i1', { addresseeId: 'dup2' }), claim('c3', 'dup2', 'i2', { addresseeId: 'dup' })]
    const mentions: Mention[] = [mention('m1', 'dup', 0, 5), mention('m2', 'dup2', 10, 20)]
    const plan = planActorMerge({ survivor: SUDANI, absorbed: [DUP, DUP2], claims, mentions, now: NOW })
    const puts = new Map(plan.edits.filter((edit) => edit.after).map((edit) => [edit.id, edit.after as Claim & Mention & Actor]))
    expect(puts.get('c1')).toMatchObject({ actorId: 'sudani', updatedAt: NOW })
    expect(puts.get('c2')).toMatchObject({ actorId: 'other', addresseeId: 'sudani' })
    expect(puts.get('c3')).toMatchObject({ actorId: 'sudani', addresseeId: 'sudani' })
    expect(puts.get('m1')?.actorId).toBe('sudani')
    expect(puts.get('m2')?.actorId).toBe('sudani')
    expect(plan.edits.filter((edit) => edit.after === null).map((edit) => edit.id).sort()).toEqual(['dup', 'dup2'])
    expect(plan.survivor).toMatchObject({ name: SUDANI.name, kind: 'person', updatedAt: NOW })
    expect(plan.survivor.notes).toContain('Created by mistake')
    expect(plan).toMatchObject({ movedClaims: 3, movedMentions: 2, droppedMentions: 0 })
  })

  it('drops a mention that would double one of the survivor’s', () => {
    const mentions = [mention('mine', 'sudani', 0, 5), mention('theirs', 'dup', 0, 5)]
    const plan = planActorMerge({ survivor: SUDANI, absorbed: [DUP], claims: [], mentions, now: NOW })
    expect(plan.droppedMentions).toBe(1)
    expect(plan.edits).toContainEqual({ table: 'mentions', id: 'theirs', after: null })
  })

  it('unites attributes, keys matched without regard to case, values without doubles', () => {
    const survivor = { ...SUDANI, attributes: { Party: ['Dawa'], country: ['Iraq'] } }
    const absorbed = [actor('dup', 'al-Sudani', [], { attributes: { party: ['Dawa', 'Coordination Framework'], role: ['PM'] } })]
    expect(mergedAttributes(survivor, absorbed)).toEqual({ Party: ['Dawa', 'Coordination Framework'], country: ['Iraq'], role: ['PM'] })
    const plan = planActorMerge({ survivor, absorbed, claims: [], mentions: [], now: 'NOW', by: 'coder-a' })
    expect(plan.survivor).toMatchObject({ attributes: { Party: ['Dawa', 'Coordination Framework'], country: ['Iraq'], role: ['PM'] }, updatedBy: 'coder-a' })
    // An attribute named like an Object property is an attribute like any other.
    const odd = mergedAttributes(actor('x', 'X', [], { attributes: JSON.parse('{"__proto__":["a"]}') as Record<string, string[]> }), [])
    expect(Object.hasOwn(odd, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype)
  })

  it('refuses a merge with nobody to absorb', () => {
    expect(() => planActorMerge({ survivor: SUDANI, absorbed: [SUDANI], claims: [], mentions: [], now: NOW })).toThrow(/at least one/)
  })
})
