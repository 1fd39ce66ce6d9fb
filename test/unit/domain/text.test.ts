import { describe, expect, it } from 'vitest'
import { compareText } from '../../../renderer/src/domain/text/compare'
import { plural } from '../../../renderer/src/domain/text/plural'

describe('compareText', () => {
  it('orders names for people: case and accents aside, numbers by value', () => {
    expect(['Issue 10', 'issue 2', 'Émile', 'emile', 'Alpha'].sort(compareText)).toEqual(['Alpha', 'Émile', 'emile', 'issue 2', 'Issue 10'])
  })
})

describe('plural', () => {
  it('counts with the noun, thousands grouped', () => {
    expect(plural(1, 'claim')).toBe('1 claim')
    expect(plural(2140, 'claim')).toBe('2,140 claims')
    expect(plural(3, 'article is', 'articles are')).toBe('3 articles are')
  })
})
