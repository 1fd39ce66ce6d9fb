import { describe, expect, it } from 'vitest'
import { ALL_CLAIMS, inClaimSet, isAdjudicated } from '../../../renderer/src/domain/coding/claimSet'
import { CODER_COLORS, coderColor, defaultCoder } from '../../../renderer/src/domain/coding/coders'
import { claimVisibility, visibilityKey } from '../../../renderer/src/domain/coding/visibility'
import { CoderSchema, type Assignment, type Coder } from '../../../renderer/src/domain/model'
import { firstProblem } from '../../../renderer/src/domain/validation'

const T = '2025-03-01T00:00:00.000Z'
const coder = (id: string, role: Coder['role'] = 'coder'): Coder => ({ id, name: id, color: '#0072b2', role, createdAt: T, updatedAt: T })
const assignment = (id: string, articleIds: string[], coderIds: string[], blind: boolean): Assignment => ({
  id,
  name: id,
  articleIds,
  coderIds,
  blind,
  createdBy: 'lead',
  createdAt: T,
  updatedAt: T,
  updatedBy: 'lead',
})

const LEAD = coder('lead', 'lead')
const ANA = coder('ana')
const BEN = coder('ben')
const CARL = coder('carl')
const ASSIGNMENTS = [assignment('blind', ['a1', 'a2'], ['ana', 'ben'], true), assignment('open', ['a3'], ['ana', 'carl'], false)]

/** Every record of the example: each coder's (and an unknown coder's) claim on each article. */
const RECORDS = ['a1', 'a2', 'a3', 'a4'].flatMap((articleId) => ['lead', 'ana', 'ben', 'carl', ''].map((coderId) => ({ articleId, coderId })))
const seen = (viewer: Coder | null): string[] =>
  RECORDS.filter(claimVisibility(viewer, ASSIGNMENTS)).map((record) => `${record.articleId}:${record.coderId || '?'}`)

describe('claim visibility', () => {
  it('shows a lead, and a workspace with no coder yet, everything', () => {
    expect(seen(LEAD)).toHaveLength(RECORDS.length)
    expect(seen(null)).toHaveLength(RECORDS.length)
  })

  it('hides from a coder in a blind assignment everyone else’s work on its articles, and only there', () => {
    expect(seen(ANA)).toEqual(['a1:ana', 'a2:ana', 'a3:lead', 'a3:ana', 'a3:ben', 'a3:carl', 'a3:?', 'a4:lead', 'a4:ana', 'a4:ben', 'a4:carl', 'a4:?'])
    expect(seen(BEN).filter((key) => key.startsWith('a1:') || key.startsWith('a2:'))).toEqual(['a1:ben', 'a2:ben'])
  })

  it('lets a coder outside the blind assignment (or in an open one) see everything', () => {
    expect(seen(CARL)).toHaveLength(RECORDS.length)
    expect(RECORDS.every(claimVisibility(ANA, [assignment('open', ['a1'], ['ana', 'ben'], false)]))).toBe(true)
  })
})

describe('claim sets', () => {
  const claims = [
    { id: 'c1', coderId: 'ana', adjudicatedFrom: [] },
    { id: 'c2', coderId: 'ben', adjudicatedFrom: [] },
    { id: 'c3', coderId: 'lead', adjudicatedFrom: ['c1', 'c2'] },
    { id: 'c4', coderId: 'lead', adjudicatedFrom: [] },
  ]
  const ids = (predicate: (claim: (typeof claims)[number]) => boolean): string[] => claims.filter(predicate).map((claim) => claim.id)

  it('all, adjudicated only, or one coder’s own coding', () => {
    expect(ids(inClaimSet(ALL_CLAIMS))).toEqual(['c1', 'c2', 'c3', 'c4'])
    expect(ids(inClaimSet({ kind: 'adjudicated' }))).toEqual(['c3'])
    expect(ids(inClaimSet({ kind: 'coder', coderId: 'ana' }))).toEqual(['c1'])
    // The adjudicator's decisions are results, not their coding.
    expect(ids(inClaimSet({ kind: 'coder', coderId: 'lead' }))).toEqual(['c4'])
    expect(isAdjudicated(claims[2]!)).toBe(true)
  })
})

describe('coders', () => {
  it('the default coder is “Coder 1”, lead, in the palette’s first colour, and a valid record', () => {
    const first = defaultCoder(T, 'c-1')
    expect(first).toEqual({ id: 'c-1', name: 'Coder 1', color: CODER_COLORS[0], role: 'lead', createdAt: T, updatedAt: T })
    expect(firstProblem(CoderSchema, first)).toBeNull()
    expect(firstProblem(CoderSchema, { ...first, color: 'blue' })).toBe('color must be a colour written #rrggbb')
    expect(coderColor(CODER_COLORS.length + 1)).toBe(CODER_COLORS[1])
  })

  it('keys what is hidden, so counts restart only when that changes', () => {
    expect(visibilityKey(LEAD, ASSIGNMENTS)).toBe('')
    expect(visibilityKey(null, ASSIGNMENTS)).toBe('')
    expect(visibilityKey(CARL, ASSIGNMENTS)).toBe('')
    expect(visibilityKey(ANA, ASSIGNMENTS)).toBe(visibilityKey(ANA, [...ASSIGNMENTS].reverse()))
    expect(visibilityKey(ANA, ASSIGNMENTS)).not.toBe(visibilityKey(BEN, ASSIGNMENTS))
    expect(visibilityKey(ANA, ASSIGNMENTS)).not.toBe(visibilityKey(ANA, [...ASSIGNMENTS, assignment('more', ['a4'], ['ana'], true)]))
    expect(visibilityKey(ANA, [{ ...ASSIGNMENTS[0]!, blind: false }])).toBe('')
  })
})
