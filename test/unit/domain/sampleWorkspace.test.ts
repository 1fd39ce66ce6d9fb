import { describe, expect, it } from 'vitest'
import { isActorKind, isStance } from '../../../renderer/src/domain/model'
import { buildSampleRecords } from '../../../renderer/src/domain/sampleWorkspace'

describe('sample workspace', () => {
  const records = buildSampleRecords('2025-01-01T00:00:00.000Z', 'coder-1')

  it('anchors every claim to its exact words in its article', () => {
    for (const claim of records.claims) {
      const article = records.articles.find((candidate) => candidate.id === claim.articleId)!
      expect(article.body.slice(claim.anchor.start, claim.anchor.end)).toBe(claim.anchor.exact)
      expect(article.body.slice(0, claim.anchor.start).endsWith(claim.anchor.prefix)).toBe(true)
      expect(article.body.slice(claim.anchor.end).startsWith(claim.anchor.suffix)).toBe(true)
      expect(claim.date).toBe(article.publishedAt)
    }
  })

  it('refers only to records it contains, with valid kinds and stances', () => {
    const ids = new Set([...records.actors, ...records.issues, ...records.articles].map((record) => record.id))
    for (const claim of records.claims) {
      expect(ids.has(claim.actorId) && claim.issueIds.every((id) => ids.has(id)) && ids.has(claim.articleId)).toBe(true)
      expect(claim).toMatchObject({ coderId: 'coder-1', updatedBy: 'coder-1' })
      if (claim.addresseeId) expect(ids.has(claim.addresseeId)).toBe(true)
      expect(isStance(claim.stance)).toBe(true)
    }
    for (const actor of records.actors) expect(isActorKind(actor.kind)).toBe(true)
  })

  it('shows a change of position over time (the point of the app)', () => {
    const brigade = records.actors.find((actor) => actor.name === 'Northern Rivers Brigade')!
    const ceasefire = records.issues.find((issue) => issue.label === 'Ceasefire')!
    const stances = records.claims
      .filter((claim) => claim.actorId === brigade.id && claim.issueIds.includes(ceasefire.id))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((claim) => claim.stance)
    expect(stances).toEqual([-1, 1])
  })

  it('gives new ids each time', () => {
    const again = buildSampleRecords('2025-01-01T00:00:00.000Z', 'coder-1')
    expect(again.articles[0]!.id).not.toBe(records.articles[0]!.id)
  })
})
