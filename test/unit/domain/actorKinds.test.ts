import { describe, expect, it } from 'vitest'
import { actorKindKey, listActorKinds } from '../../../renderer/src/domain/actorKinds'
import { DEFAULT_ACTOR_KINDS } from '../../../renderer/src/domain/model'

describe('actor kinds', () => {
  it('offers the defaults until the workspace has a list of its own, then every kind in use after it', () => {
    expect(listActorKinds(null, [])).toEqual([...DEFAULT_ACTOR_KINDS])
    expect(listActorKinds(null, ['person', 'movement', 'Coalition'])).toEqual([...DEFAULT_ACTOR_KINDS, 'Coalition', 'movement'])
    expect(listActorKinds(['party', 'person', 'NGO'], ['state', 'party'])).toEqual(['party', 'person', 'NGO', 'state'])
  })

  it('counts a kind once whatever its case and spaces, blank kinds not at all', () => {
    expect(listActorKinds(['Party', ' party ', ''], ['PARTY', '  '])).toEqual(['Party'])
    expect(actorKindKey(' Armed Group ')).toBe('armed group')
  })
})
