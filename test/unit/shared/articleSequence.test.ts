import { describe, expect, it } from 'vitest'
import { adjacentInSequence, rememberArticleSequence, rememberedSequence } from '../../../renderer/src/shared/articleSequence'

// The reader's Next / Previous after an article was opened from a library search: the search's
// results in the order the library showed them.

describe('the article sequence of a search', () => {
  it('is remembered for the search it was listed for only', () => {
    rememberArticleSequence('obergrenze', ['c', 'a', 'b'])
    expect(rememberedSequence('obergrenze')).toEqual(['c', 'a', 'b'])
    expect(rememberedSequence('merkel')).toBeNull()
    rememberArticleSequence('merkel', ['a'])
    expect(rememberedSequence('obergrenze')).toBeNull()
  })

  it('gives the neighbour, null at either end, undefined for an article not in it', () => {
    const ids = ['c', 'a', 'b']
    expect(adjacentInSequence(ids, 'c', 1)).toBe('a')
    expect(adjacentInSequence(ids, 'a', 1)).toBe('b')
    expect(adjacentInSequence(ids, 'a', -1)).toBe('c')
    expect(adjacentInSequence(ids, 'b', 1)).toBeNull()
    expect(adjacentInSequence(ids, 'c', -1)).toBeNull()
    expect(adjacentInSequence(ids, 'x', 1)).toBeUndefined()
    expect(adjacentInSequence([], 'x', -1)).toBeUndefined()
  })
})
