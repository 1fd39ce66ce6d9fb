import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { acceptAgreeingUnits, adjudicate, rejectedUnits } from '../../../renderer/src/db/team/adjudication'
import { AssignmentError, deleteAssignment, saveAssignment } from '../../../renderer/src/db/team/assignments'
import { addCoder, chooseCurrentCoder, CoderNameError, readCoderState, updateCoder } from '../../../renderer/src/db/team/coders'
import { computeAgreement } from '../../../renderer/src/domain/agreement/report'
import { inClaimSet } from '../../../renderer/src/domain/coding/claimSet'
import type { Claim } from '../../../renderer/src/domain/model'
import { adjudicationsByUnit, agreeingOpenUnits, fieldsOf, listDisagreements, unitKey } from '../../../renderer/src/domain/team/adjudication'
import { ALI, BEA, LEAD, claim, machine } from './fixtures'

// Coders, assignments and adjudication as the Team section and the Agreement screen write them.

const coded = (claims: Claim[]) =>
  claims.map((entry) => ({ id: entry.id, coderId: entry.coderId, articleId: entry.articleId, actorId: entry.actorId, issueIds: entry.issueIds, stance: entry.stance, start: entry.anchor.start, end: entry.anchor.end }))

describe('coders', () => {
  it('names are unique (case and accents folded), colours are #rrggbb, and a workspace keeps a lead', async () => {
    const db = await machine(LEAD)
    await expect(addCoder(db, { name: '  ALI ' })).rejects.toThrow(CoderNameError)
    await expect(addCoder(db, { name: 'Zoë', color: 'red' })).rejects.toThrow('#rrggbb')
    const zoe = await addCoder(db, { name: '  Zoë   K ' })
    expect(zoe).toMatchObject({ name: 'Zoë K', role: 'coder' })
    await expect(addCoder(db, { name: 'zoe k' })).rejects.toThrow('There is already a coder called “Zoë K”.')
    await expect(updateCoder(db, LEAD.id, { role: 'coder' })).rejects.toThrow('at least one lead')
    await updateCoder(db, ALI.id, { role: 'lead' })
    expect((await updateCoder(db, LEAD.id, { role: 'coder' })).role).toBe('coder')
  })

  it('only a lead gives roles, so a coder cannot lift their own blind coding', async () => {
    const db = await machine(BEA)
    await expect(updateCoder(db, BEA.id, { role: 'lead' })).rejects.toThrow('Only a lead gives roles; Bea is a coder.')
    await expect(addCoder(db, { name: 'Carl', role: 'lead' })).rejects.toThrow('Only a lead gives roles')
    expect((await updateCoder(db, BEA.id, { name: 'Beatrix' })).name).toBe('Beatrix')
  })

  it('who is coding here is asked until someone is chosen', async () => {
    const db = await machine(LEAD)
    expect((await readCoderState(db)).confirmed).toBe(false)
    await chooseCurrentCoder(db, BEA.id)
    expect(await readCoderState(db)).toMatchObject({ confirmed: true, current: { id: BEA.id } })
  })
})

describe('assignments', () => {
  it('only a lead makes, changes and deletes them; each needs a name, articles and coders', async () => {
    const db = await machine(ALI)
    const fields = { name: 'Pilot', articleIds: ['art-1', 'art-2'], coderIds: [ALI.id, BEA.id], blind: true }
    await expect(saveAssignment(db, fields)).rejects.toThrow('Only a lead makes assignments; Ali is a coder.')
    await chooseCurrentCoder(db, LEAD.id)
    await expect(saveAssignment(db, { ...fields, name: '  ' })).rejects.toThrow(AssignmentError)
    await expect(saveAssignment(db, { ...fields, articleIds: [] })).rejects.toThrow('Choose at least one article.')
    await expect(saveAssignment(db, { ...fields, articleIds: ['art-gone'] })).rejects.toThrow('no longer in the workspace')
    const saved = await saveAssignment(db, { ...fields, articleIds: ['art-1', 'art-1', 'art-2'] })
    expect(saved).toMatchObject({ name: 'Pilot', articleIds: ['art-1', 'art-2'], createdBy: LEAD.id, blind: true })
    await chooseCurrentCoder(db, ALI.id)
    await expect(deleteAssignment(db, saved.id)).rejects.toThrow(AssignmentError)
    await chooseCurrentCoder(db, LEAD.id)
    await deleteAssignment(db, saved.id)
    // The deletion leaves a tombstone, so a merge does not bring the assignment back.
    expect(await db.tombstones.get(saved.id)).toMatchObject({ table: 'assignments', deletedBy: LEAD.id })
  })
})

describe('disagreements and adjudication', () => {
  // Ali and Bea on one article: a unit that agrees, one that differs in stance, one claim of Bea's alone.
  const CLAIMS = [
    claim('a-1', ALI.id, { start: 0, end: 30 }),
    claim('b-1', BEA.id, { start: 4, end: 30 }),
    claim('a-2', ALI.id, { start: 50, end: 90, actorId: 'act-minister', issueIds: ['iss-talks'], stance: 1 }),
    claim('b-2', BEA.id, { start: 50, end: 92, actorId: 'act-minister', issueIds: ['iss-talks'], stance: -2 }),
    claim('b-3', BEA.id, { start: 95, end: 108, actorId: 'act-minister', issueIds: ['iss-talks'], stance: 0 }),
  ]

  it('lists the differing unit and the unpaired claim, and offers the agreeing unit for acceptance', () => {
    const report = computeAgreement({ coderIds: [ALI.id, BEA.id], claims: coded(CLAIMS) })
    const list = listDisagreements(report, new Map(), new Set())
    expect(list.map((entry) => [entry.kind, entry.key, entry.differing])).toEqual([
      ['differs', unitKey(['a-2', 'b-2']), ['stance']],
      ['unpaired', 'b-3', []],
    ])
    expect(list[1]!.claims.map((entry) => entry?.id ?? null)).toEqual([null, 'b-3'])
    expect(agreeingOpenUnits(report, new Map(), new Set())).toEqual([{ key: unitKey(['a-1', 'b-1']), claimIds: ['a-1', 'b-1'] }])
  })

  it('an accepted version becomes an adjudicated claim linked to its sources; deciding again replaces it; a rejection is remembered', async () => {
    const db = await machine(LEAD)
    await db.claims.bulkAdd(CLAIMS)
    const first = await adjudicate(db, { sourceIds: ['b-2', 'a-2'], fields: fieldsOf(CLAIMS[2]!) })
    expect(first.claim).toMatchObject({ stance: 1, coderId: LEAD.id, updatedBy: LEAD.id, adjudicatedFrom: ['a-2', 'b-2'], articleId: 'art-1' })
    const second = await adjudicate(db, { sourceIds: ['a-2', 'b-2'], fields: { ...fieldsOf(CLAIMS[3]!), stance: 0 } })
    const adjudicated = (await db.claims.toArray()).filter(inClaimSet({ kind: 'adjudicated' }))
    expect(adjudicated.map((entry) => [entry.id, entry.stance])).toEqual([[second.claim!.id, 0]])
    expect(await db.tombstones.get(first.claim!.id)).toBeDefined()
    // The coders' claims are untouched, and each coder's set still holds only their own.
    expect((await db.claims.toArray()).filter(inClaimSet({ kind: 'coder', coderId: ALI.id })).map((entry) => entry.id).sort()).toEqual(['a-1', 'a-2'])

    await adjudicate(db, { sourceIds: ['b-3'], fields: null })
    expect(await rejectedUnits(db)).toEqual(new Set(['b-3']))
    const report = computeAgreement({ coderIds: [ALI.id, BEA.id], claims: coded(CLAIMS) })
    const list = listDisagreements(report, adjudicationsByUnit(adjudicated), await rejectedUnits(db))
    expect(list.map((entry) => entry.status.kind)).toEqual(['adjudicated', 'rejected'])

    const accepted = await acceptAgreeingUnits(db, agreeingOpenUnits(report, adjudicationsByUnit(adjudicated), await rejectedUnits(db)))
    expect(accepted.count).toBe(1)
    // Accepting again finds the unit decided already.
    expect((await acceptAgreeingUnits(db, [{ claimIds: ['a-1', 'b-1'] }])).count).toBe(0)
    await expect(adjudicate(db, { sourceIds: ['a-2', 'gone'], fields: fieldsOf(CLAIMS[2]!) })).rejects.toThrow('no longer in the workspace')
  })
})
