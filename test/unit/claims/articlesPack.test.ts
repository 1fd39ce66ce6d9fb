import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { packClaimArticles, packClaimArticlesSteps, unpackClaimArticles } from '../../../renderer/src/domain/claims/articlesPack'
import type { ClaimArticle } from '../../../renderer/src/domain/claims/rows'

const articles = fc.array(
  fc.record({ id: fc.uuid(), title: fc.string(), source: fc.string(), date: fc.constantFrom('', '2015-09-05'), externalId: fc.string() }),
  { maxLength: 200 },
) as fc.Arbitrary<ClaimArticle[]>

describe('the claims table’s articles, packed', () => {
  it('unpack to what was packed, in order', () => {
    fc.assert(
      fc.property(articles, (list) => {
        expect(unpackClaimArticles(structuredClone(packClaimArticles(list)))).toEqual(list)
      }),
    )
  })

  it('pack in steps to the same record as at once, giving the thread back between steps', () => {
    const many: ClaimArticle[] = Array.from({ length: 20_000 }, (_, index) => ({ id: `a${index}`, title: `Title ${index}`, source: `Outlet ${index % 7}`, date: '2015-09-05', externalId: index % 2 ? '' : `D${index}` }))
    const steps = packClaimArticlesSteps(many)
    let pauses = 0
    let step = steps.next()
    while (!step.done) {
      pauses++
      step = steps.next()
    }
    // Two slices of 8,192 articles, then one pause per joined field.
    expect(pauses).toBe(2 + 5)
    expect(step.value).toEqual(packClaimArticles(many))
    expect(unpackClaimArticles(step.value)).toEqual(many)
  })

  it('pack a field an article lacks as empty', () => {
    const stored = { id: 'a1', title: 'Old', source: 'SZ', date: '', externalId: undefined } as unknown as ClaimArticle
    expect(unpackClaimArticles(packClaimArticles([stored]))).toEqual([{ ...stored, externalId: '' }])
  })

  it('are refused whole when damaged or of another format', () => {
    const packed = packClaimArticles([{ id: 'a1', title: 'T', source: 'S', date: '2015-09-05', externalId: 'D1' }])
    expect(unpackClaimArticles(null)).toBeNull()
    expect(unpackClaimArticles({ ...packed, format: 2 })).toBeNull()
    expect(unpackClaimArticles({ ...packed, titles: { text: '', ends: new Uint32Array(0) } })).toBeNull()
    expect(unpackClaimArticles({ ...packed, sources: { text: 'S', ends: Uint32Array.of(3) } })).toBeNull()
    expect(unpackClaimArticles({ ...packed, dates: undefined })).toBeNull()
  })
})
