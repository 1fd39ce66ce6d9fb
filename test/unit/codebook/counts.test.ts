import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { claimCountsInTree } from '../../../renderer/src/domain/codebook/counts'
import { buildCodebookTree } from '../../../renderer/src/domain/codebook/tree'
import type { Issue } from '../../../renderer/src/domain/model'

// The Codebook's claim counts per issue, against a plain count: a claim counts once on each
// issue it carries, and once on every issue at or above those, however many it carries below.

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
const issueOf = (id: string, parentId: string | null): Issue => ({ id, label: id.toUpperCase(), code: '', description: '', parentId, createdAt: '', updatedAt: '', updatedBy: '' })

describe('claim counts in the codebook tree', () => {
  it('match a plain count for any tree and any claims, one issue or several', () => {
    fc.assert(
      fc.property(
        // Each issue's parent is an issue before it (or none): a tree, never a cycle.
        fc.tuple(...ids.map((_, index) => fc.integer({ min: -1, max: index - 1 }))),
        fc.array(fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 4 }), { maxLength: 200 }),
        (parents, claims) => {
          const issues = ids.map((id, index) => issueOf(id, parents[index]! < 0 ? null : ids[parents[index]!]!))
          const parentOf = new Map(issues.map((entry) => [entry.id, entry.parentId]))
          const lineOf = (id: string): string[] => {
            const line = [id]
            for (let up = parentOf.get(id) ?? null; up !== null; up = parentOf.get(up) ?? null) line.push(up)
            return line
          }
          // Claims on one issue share one list, as the positions snapshot gives them.
          const shared = new Map(ids.map((id) => [id, [id]]))
          const counts = claimCountsInTree(
            buildCodebookTree(issues),
            claims.map((list, index) => (list.length === 1 && index % 2 === 0 ? shared.get(list[0]!)! : list)),
          )
          for (const id of ids) {
            expect(counts.own.get(id) ?? 0).toBe(claims.filter((list) => list.includes(id)).length)
            expect(counts.total.get(id) ?? 0).toBe(claims.filter((list) => list.some((carried) => lineOf(carried).includes(id))).length)
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
