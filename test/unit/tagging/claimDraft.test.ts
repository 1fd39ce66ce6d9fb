import { describe, expect, it } from 'vitest'
import { buildClaimEdits, buildMentionEdits, isValidClaimDate, validateClaimDraft, type ClaimDraft } from '../../../renderer/src/domain/claimDraft'
import type { Actor, Article, Claim, Issue } from '../../../renderer/src/domain/model'

const BODY = 'The resistance will stop military operations against Israel as part of its support for Gaza.'
const ARTICLE: Article = {
  id: 'art',
  title: 'Militias halt',
  source: 'WIN',
  author: '',
  publishedAt: '2024-12-23',
  url: '',
  language: 'en',
  direction: 'ltr',
  body: BODY,
  contentHash: '',
  importedAt: '',
  origin: 'test',
  meta: {},
  updatedAt: '',
  externalId: '',
}
const SPAN = { start: BODY.indexOf('will'), end: BODY.indexOf(' as part') }

const draft = (extra: Partial<ClaimDraft> = {}): ClaimDraft => ({
  span: SPAN,
  actor: { kind: 'existing', id: 'nujaba' },
  issue: { kind: 'existing', id: 'attacks' },
  stance: -1,
  date: '2024-12-23',
  addressee: null,
  note: '',
  ...extra,
})

describe('claim drafts', () => {
  it('validates every field with a message saying what to do', () => {
    const problems = validateClaimDraft(draft({ actor: null, issue: null, stance: null, date: '2024-02-30', span: { start: 3, end: 3 } }))
    expect(problems.map((problem) => problem.field).sort()).toEqual(['actor', 'date', 'issue', 'quote', 'stance'])
    expect(validateClaimDraft(draft())).toEqual([])
    expect(validateClaimDraft(draft({ date: '' }))).toEqual([])
  })

  it('accepts only real calendar dates', () => {
    expect(isValidClaimDate('2024-02-29')).toBe(true)
    expect(isValidClaimDate('2023-02-29')).toBe(false)
    expect(isValidClaimDate('23/12/2024')).toBe(false)
  })

  it('builds the claim with its anchor, and a new actor and issue in the same edits', () => {
    const { claim, edits } = buildClaimEdits(
      draft({
        actor: { kind: 'new', name: ' Al-Nujaba  Movement ', actorKind: 'armed group', aliases: 'Nujaba, al-nujaba movement' },
        issue: { kind: 'new', label: 'Attacks on Israel' },
        addressee: { kind: 'new', name: 'al-nujaba movement', actorKind: 'armed group', aliases: '' },
        note: '  Reported by Al-Akhbar ',
      }),
      { article: ARTICLE, now: 'NOW', coderId: 'coder-a' },
    )
    const actors = edits.filter((edit) => edit.table === 'actors').map((edit) => edit.after as Actor)
    const issues = edits.filter((edit) => edit.table === 'issues').map((edit) => edit.after as Issue)
    expect(actors).toHaveLength(1)
    expect(actors[0]).toMatchObject({ name: 'Al-Nujaba Movement', kind: 'armed group', aliases: ['Nujaba'], attributes: {}, updatedBy: 'coder-a' })
    expect(issues[0]).toMatchObject({ label: 'Attacks on Israel', code: '', updatedBy: 'coder-a' })
    expect(claim).toMatchObject({ actorId: actors[0]!.id, addresseeId: actors[0]!.id, issueIds: [issues[0]!.id], stance: -1, note: 'Reported by Al-Akhbar', updatedAt: 'NOW' })
    expect(claim).toMatchObject({ coderId: 'coder-a', updatedBy: 'coder-a', externalId: '', attributes: {}, adjudicatedFrom: [] })
    expect(claim.anchor.exact).toBe('will stop military operations against Israel')
    expect(edits[edits.length - 1]!.after).toBe(claim)
  })

  it('keeps id, createdAt, its coder and what the form does not edit when editing an existing claim', () => {
    const existing = { id: 'c1', createdAt: 'THEN', issueIds: ['attacks', 'drones'], coderId: 'coder-a', externalId: 'S-1', attributes: { frame: ['security'] }, adjudicatedFrom: ['c0'] } as Partial<Claim> as Claim
    const { claim } = buildClaimEdits(draft({ stance: 2 }), { article: ARTICLE, existing, now: 'NOW', coderId: 'coder-b' })
    expect(claim).toMatchObject({ id: 'c1', createdAt: 'THEN', updatedAt: 'NOW', stance: 2 })
    expect(claim).toMatchObject({ coderId: 'coder-a', updatedBy: 'coder-b', externalId: 'S-1', attributes: { frame: ['security'] }, adjudicatedFrom: ['c0'] })
    // The form picks one issue, the claim's first; the others stay, without doubles.
    expect(claim.issueIds).toEqual(['attacks', 'drones'])
    expect(buildClaimEdits(draft({ issue: { kind: 'existing', id: 'drones' } }), { article: ARTICLE, existing, now: 'NOW', coderId: 'coder-b' }).claim.issueIds).toEqual(['drones'])
    expect(buildClaimEdits(draft({ issue: { kind: 'existing', id: 'talks' } }), { article: ARTICLE, existing, now: 'NOW', coderId: 'coder-b' }).claim.issueIds).toEqual(['talks', 'drones'])
  })

  it('refuses to build an invalid draft', () => {
    expect(() => buildClaimEdits(draft({ stance: null }), { article: ARTICLE, now: 'NOW', coderId: 'coder-a' })).toThrow(/stance/)
  })
})

describe('mention drafts', () => {
  const span = { start: BODY.indexOf('resistance'), end: BODY.indexOf(' will') }
  const nujaba: Actor = { id: 'nujaba', name: 'Al-Nujaba Movement', kind: 'armed group', aliases: ['Nujaba'], notes: '', createdAt: 'THEN', updatedAt: 'THEN', attributes: {}, updatedBy: '' }

  it('adds the tagged words to an existing actor’s aliases when asked', () => {
    const { mention, edits } = buildMentionEdits({ span, actor: { kind: 'existing', id: 'nujaba' }, addAlias: 'resistance' }, { article: ARTICLE, now: 'NOW', actor: nujaba, coderId: 'coder-a' })
    expect(mention.anchor.exact).toBe('resistance')
    expect(mention).toMatchObject({ coderId: 'coder-a', updatedBy: 'coder-a' })
    expect(edits.map((edit) => edit.table)).toEqual(['actors', 'mentions'])
    expect(edits[0]!.after).toMatchObject({ aliases: ['Nujaba', 'resistance'], updatedAt: 'NOW', updatedBy: 'coder-a' })
  })

  it('does not add an alias the actor already answers to', () => {
    const { edits } = buildMentionEdits({ span, actor: { kind: 'existing', id: 'nujaba' }, addAlias: 'NUJABA' }, { article: ARTICLE, now: 'NOW', actor: nujaba, coderId: 'coder-a' })
    expect(edits.map((edit) => edit.table)).toEqual(['mentions'])
  })

  it('gives a new actor the tagged words as an alias', () => {
    const { edits } = buildMentionEdits({ span, actor: { kind: 'new', name: 'Islamic Resistance in Iraq', actorKind: 'armed group', aliases: '' }, addAlias: 'resistance' }, { article: ARTICLE, now: 'NOW', coderId: 'coder-a' })
    expect(edits[0]!.after).toMatchObject({ name: 'Islamic Resistance in Iraq', aliases: ['resistance'] })
  })
})
