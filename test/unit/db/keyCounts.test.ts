import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { followKeyCounts } from '../../../renderer/src/db/queries/keyCounts'
import { claim } from '../tagging/fixtures'

// Claim counts followed write by write (the library's claims column) against a count of every
// claim read afresh, after random sequences of single saves, edits, deletions and bulk writes.

async function plainCounts(db: StandpointDB): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const record of await db.claims.toArray()) counts.set(record.articleId, (counts.get(record.articleId) ?? 0) + 1)
  return counts
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5))

describe('followKeyCounts', () => {
  it('keeps claims per article equal to a full count, whatever is written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ type: fc.constant('put' as const), id: fc.integer({ min: 0, max: 15 }), article: fc.integer({ min: 0, max: 4 }) }),
            fc.record({ type: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 15 }) }),
            fc.record({ type: fc.constant('bulk' as const), from: fc.integer({ min: 0, max: 100 }), article: fc.integer({ min: 0, max: 4 }) }),
            fc.record({ type: fc.constant('clear' as const) }),
          ),
          { maxLength: 20 },
        ),
        async (operations) => {
          const db = new StandpointDB(`key-counts-${crypto.randomUUID()}`)
          await db.open()
          await db.claims.bulkAdd([claim('c0', 'x', 'i', { articleId: 'a0' }), claim('c1', 'x', 'i', { articleId: 'a1' })])
          let latest: ReadonlyMap<string, number> = new Map()
          let calls = 0
          const stop = followKeyCounts(
            db,
            'claims',
            'articleId',
            (counts) => {
              latest = counts
              calls++
            },
            (error) => {
              throw error
            },
          )
          for (const op of operations) {
            if (op.type === 'put') await db.claims.put(claim(`c${op.id}`, 'x', 'i', { articleId: `a${op.article}` }))
            else if (op.type === 'delete') await db.claims.delete(`c${op.id}`)
            else if (op.type === 'bulk') await db.claims.bulkPut(Array.from({ length: 60 }, (_, k) => claim(`b${op.from + k}`, 'x', 'i', { articleId: `a${op.article}` })))
            else await db.claims.clear()
            if (Math.random() < 0.5) await settle()
          }
          // Followed counts arrive after the writes' notices: give them time, then compare.
          const expected = new Map([...(await plainCounts(db))].sort())
          for (let wait = 0; wait < 100 && (calls === 0 || JSON.stringify([...latest].sort()) !== JSON.stringify([...expected])); wait++) await settle()
          expect(calls).toBeGreaterThan(0)
          expect(new Map([...latest].sort())).toEqual(expected)
          stop()
          db.close()
          await StandpointDB.delete(db.name)
        },
      ),
      { numRuns: 40 },
    )
  })
})
