import { describe, expect, it } from 'vitest'
import { bulkEditProblem, planBulkEdit, type BulkEdit } from '../../../renderer/src/domain/claims/bulkEdit'
import { CLAIMS } from './fixtures'

const STAMP = { now: '2025-02-01T00:00:00.000Z', coderId: 'ben' }
const NAMES = { issue: (id: string) => `issue ${id}`, actor: (id: string) => `actor ${id}` }
const plan = (edit: BulkEdit, claims = CLAIMS) => planBulkEdit(claims, edit, STAMP, NAMES)
const byId = <T extends { id: string }>(claims: T[]) => new Map(claims.map((claim) => [claim.id, claim]))

describe('planning a bulk edit of selected claims', () => {
  it('replaces every issue with one', () => {
    const result = plan({ issue: { mode: 'replace', issueId: 'int-gen' } })
    expect(result.updated.map((claim) => [claim.id, claim.issueIds])).toEqual([
      ['c1', ['int-gen']],
      ['c2', ['int-gen']],
      ['c3', ['int-gen']],
      ['c4', ['int-gen']],
    ])
    expect(result.unchanged).toBe(1)
    expect(result.summary).toEqual(['Issues replaced by “issue int-gen” on 4 claims (1 claim already had only it).'])
  })

  it('adds an issue at the end, once', () => {
    const result = plan({ issue: { mode: 'add', issueId: 'mig-gen' } })
    const updated = byId(result.updated)
    expect(updated.get('c2')!.issueIds).toEqual(['mig-cap', 'int-gen', 'mig-gen'])
    expect(updated.has('c1')).toBe(false)
    expect(updated.has('c4')).toBe(false)
    expect(result.summary).toEqual(['Issue “issue mig-gen” added to 3 claims (2 claims already had it).'])
  })

  it('removes an issue, but never a claim’s only one', () => {
    const result = plan({ issue: { mode: 'remove', issueId: 'mig-gen' } })
    const updated = byId(result.updated)
    expect(updated.get('c4')!.issueIds).toEqual(['int-lang'])
    expect(updated.has('c1')).toBe(false)
    expect(result.keptOnlyIssue).toBe(1)
    expect(result.summary).toEqual(['Issue “issue mig-gen” removed from 1 claim (3 claims already without it).', '1 claim kept it: a claim needs at least one issue.'])
  })

  it('sets stance, actor and date together, stamping only what changed', () => {
    const selected = CLAIMS.slice(0, 3)
    const result = plan({ stance: -2, actorId: 'afd', date: '2015-11-01' }, selected)
    expect(result.updated.map((claim) => claim.id)).toEqual(['c1', 'c2', 'c3'])
    for (const claim of result.updated) {
      expect(claim).toMatchObject({ stance: -2, actorId: 'afd', date: '2015-11-01', updatedAt: STAMP.now, updatedBy: 'ben' })
    }
    // Everything else is the claim as it was.
    expect({ ...result.updated[1], stance: selected[1]!.stance, actorId: selected[1]!.actorId, date: selected[1]!.date, updatedAt: selected[1]!.updatedAt, updatedBy: selected[1]!.updatedBy }).toEqual(selected[1])
    expect(result.summary).toEqual(['Stance set to -2 on 1 claim.', 'Actor set to “actor afd” on 2 claims.', 'Date set to 2015-11-01 on 3 claims.'])
  })

  it('leaves a claim the edit would not change as it was (no new stamp)', () => {
    const result = plan({ stance: 2 }, [CLAIMS[0]!])
    expect(result.updated).toEqual([])
    expect(result.unchanged).toBe(1)
  })

  it('clears own dates: the claims then take their articles’', () => {
    const result = plan({ date: '' }, CLAIMS)
    expect(result.updated.map((claim) => claim.date)).toEqual(['', '', '', ''])
    expect(result.summary).toEqual(['Own date cleared on 4 claims.'])
  })

  it('refuses an empty edit and a date that is not a day', () => {
    expect(bulkEditProblem({})).toMatch(/at least one/)
    expect(bulkEditProblem({ date: '2015-02-30' })).toMatch(/real day/)
    expect(bulkEditProblem({ date: '15-02-01' })).toMatch(/real day/)
    expect(bulkEditProblem({ date: '2016-02-29' })).toBe('')
    expect(() => plan({})).toThrow(/at least one/)
  })
})
