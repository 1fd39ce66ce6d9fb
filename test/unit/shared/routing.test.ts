import { describe, expect, it } from 'vitest'
import { buildHash, parseHash } from '../../../renderer/src/shared/routing'

describe('routing', () => {
  it('parses screens, sub-paths and parameters', () => {
    expect(parseHash('')).toMatchObject({ screen: 'library', rest: [] })
    expect(parseHash('#/positions')).toMatchObject({ screen: 'positions', rest: [] })
    const route = parseHash('#/library/article/a%2Fb?claim=c1')
    expect(route.screen).toBe('library')
    expect(route.rest).toEqual(['article', 'a/b'])
    expect(route.params.get('claim')).toBe('c1')
  })

  it('falls back to the library for unknown screens', () => {
    expect(parseHash('#/nowhere/x')).toMatchObject({ screen: 'library', rest: [] })
  })

  it('round-trips built hashes', () => {
    const hash = buildHash('library', ['article', 'id with space'], { claim: 'x&y' })
    const route = parseHash(hash)
    expect(route.rest).toEqual(['article', 'id with space'])
    expect(route.params.get('claim')).toBe('x&y')
  })
})
