import { describe, expect, it } from 'vitest'
import { findDuplicatePairs, findLikelyDuplicates } from '../../../renderer/src/domain/duplicateActors'
import { ACTORS, actor, IRAN, NUJABA, SUDANI } from './fixtures'

describe('findLikelyDuplicates', () => {
  it('warns when the new name is an existing alias', () => {
    const [first] = findLikelyDuplicates(ACTORS, { name: 'Al Nujaba', aliases: [] })
    expect(first?.actor.id).toBe(NUJABA.id)
    expect(first?.strength).toBe(3)
    expect(first?.reason).toContain('al-Nujaba')
  })

  it('warns when the new name is part of an existing one ("al-Sudani" in "Mohammed Shia al-Sudani")', () => {
    const found = findLikelyDuplicates([actor('s', 'Mohammed Shia al-Sudani')], { name: 'Sudani', aliases: [] })
    expect(found[0]?.actor.name).toBe('Mohammed Shia al-Sudani')
    expect(found[0]?.reason).toMatch(/part of/)
  })

  it('warns about a near spelling', () => {
    expect(findLikelyDuplicates(ACTORS, { name: 'Al-Nujabaa Movement', aliases: [] })[0]?.actor.id).toBe(NUJABA.id)
  })

  it('compares the new aliases too, and ignores diacritics', () => {
    expect(findLikelyDuplicates(ACTORS, { name: 'PM of Iraq', aliases: ['al-Sūdānī'] })[0]?.actor.id).toBe(SUDANI.id)
  })

  it('stays quiet for unrelated names and short shared words', () => {
    expect(findLikelyDuplicates(ACTORS, { name: 'Badr Organization', aliases: [] })).toEqual([])
    expect(findLikelyDuplicates([actor('x', 'Al Qaeda')], { name: 'Al Shabaab', aliases: [] })).toEqual([])
  })

  it('does not report the actor being edited as its own duplicate', () => {
    expect(findLikelyDuplicates(ACTORS, { name: IRAN.name, aliases: IRAN.aliases }, IRAN.id)).toEqual([])
  })
})

describe('findDuplicatePairs', () => {
  it('lists pairs of existing actors that look like one', () => {
    const pairs = findDuplicatePairs([...ACTORS, actor('dup', 'Nujaba Movement'), actor('s2', 'Sudani', [], { kind: 'person' })])
    const keys = pairs.map((pair) => [pair.first.id, pair.second.id].sort().join('+'))
    expect(keys).toContain('dup+nujaba')
    expect(keys).toContain('s2+sudani')
    expect(keys).not.toContain('iran+trump')
  })
})
