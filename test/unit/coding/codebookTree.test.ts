import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ancestorsOf, buildCodebookTree, depthOf, descendantsOf, issueWithDescendants, pathLabel, topLevelOf } from '../../../renderer/src/domain/codebook/tree'
import type { Issue } from '../../../renderer/src/domain/model'
import { issue } from '../tagging/fixtures'

// A two-level codebook like the migration-debate corpus's: "General" under two parents.
const CODEBOOK: Issue[] = [
  issue('mig', 'Controlling migration'),
  issue('ceil', 'Ceiling/upper limit', { parentId: 'mig' }),
  issue('gen1', 'General', { parentId: 'mig' }),
  issue('int', 'Integration'),
  issue('gen2', 'General', { parentId: 'int' }),
  issue('lang', 'Language courses', { parentId: 'int' }),
  issue('lang-a', 'Courses for adults', { parentId: 'lang' }),
  issue('orphan', 'Parent deleted', { parentId: 'gone' }),
]

describe('the codebook tree', () => {
  const tree = buildCodebookTree(CODEBOOK)

  it('lists children by label under their parents, and top-level issues (orphans among them) at the root', () => {
    expect(tree.childrenOf.get(null)).toEqual(['mig', 'int', 'orphan'])
    expect(tree.childrenOf.get('int')).toEqual(['gen2', 'lang'])
    expect(tree.childrenOf.get('mig')).toEqual(['ceil', 'gen1'])
    expect(tree.parentOf.get('orphan')).toBeNull()
  })

  it('finds top-level issues, ancestors, depth and descendants', () => {
    expect(topLevelOf(tree, 'lang-a')).toBe('int')
    expect(topLevelOf(tree, 'mig')).toBe('mig')
    expect(topLevelOf(tree, 'not-in-codebook')).toBe('not-in-codebook')
    expect(ancestorsOf(tree, 'lang-a')).toEqual(['lang', 'int'])
    expect(depthOf(tree, 'lang-a')).toBe(2)
    expect(descendantsOf(tree, 'int')).toEqual(['gen2', 'lang', 'lang-a'])
    expect(descendantsOf(tree, 'ceil')).toEqual([])
    expect([...issueWithDescendants(tree, 'lang')]).toEqual(['lang', 'lang-a'])
  })

  it('labels an issue with its path, so the two “General” tell apart', () => {
    expect(pathLabel(tree, 'gen1')).toBe('Controlling migration › General')
    expect(pathLabel(tree, 'gen2')).toBe('Integration › General')
    expect(pathLabel(tree, 'lang-a')).toBe('Integration › Language courses › Courses for adults')
    expect(pathLabel(tree, 'gone')).toBe('(unknown issue)')
  })

  it('cuts a cycle at its smallest id, and an issue that is its own parent, so every walk ends', () => {
    const cyclic = buildCodebookTree([issue('b', 'B', { parentId: 'c' }), issue('c', 'C', { parentId: 'a' }), issue('a', 'A', { parentId: 'b' }), issue('x', 'X', { parentId: 'x' }), issue('d', 'D', { parentId: 'b' })])
    expect(cyclic.parentOf.get('a')).toBeNull()
    expect(cyclic.childrenOf.get(null)).toEqual(['a', 'x'])
    expect(topLevelOf(cyclic, 'd')).toBe('a')
    expect(pathLabel(cyclic, 'd')).toBe('A › C › B › D')
    expect(descendantsOf(cyclic, 'a')).toEqual(['c', 'b', 'd'])
  })

  it('is a forest for any parent pointers at all: every issue reached once from the top, tops agreeing with ancestors', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...ids, 'gone'), { nil: null }), { minLength: ids.length, maxLength: ids.length }), (parents) => {
        const built = buildCodebookTree(ids.map((id, index) => issue(id, id.toUpperCase(), { parentId: parents[index]! })))
        const reached = (built.childrenOf.get(null) ?? []).flatMap((root) => [root, ...descendantsOf(built, root)])
        expect(reached.sort()).toEqual(ids)
        for (const id of ids) {
          const ancestors = ancestorsOf(built, id)
          expect(topLevelOf(built, id)).toBe(ancestors.length === 0 ? id : ancestors[ancestors.length - 1])
          expect(new Set(ancestors).size).toBe(ancestors.length)
        }
      }),
    )
  })
})
