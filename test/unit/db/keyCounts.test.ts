import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { journalHead } from '../../../renderer/src/db/journal'
import { savePositionsSnapshot } from '../../../renderer/src/db/projection'
import { followKeyCounts } from '../../../renderer/src/db/queries/keyCounts'
import { claimVisibility } from '../../../renderer/src/domain/coding/visibility'
import type { Assignment, Coder } from '../../../renderer/src/domain/model'
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

  // Blind coding: Ana, on a blind assignment over a0 and a1, is counted only her own claims
  // there and everyone's elsewhere; checked against claimVisibility applied to every claim.
  // Half the runs start from a stored positions snapshot (the start seed, read column by column).
  it('counts for a blind coder only the claims she may see, write by write, from the index or from a snapshot', async () => {
    const T = '2025-03-01T00:00:00.000Z'
    const ana: Coder = { id: 'ana', name: 'Ana', color: '#0072b2', role: 'coder', createdAt: T, updatedAt: T }
    const blind: Assignment = { id: 'as', name: 'as', articleIds: ['a0', 'a1'], coderIds: ['ana', 'ben'], blind: true, createdBy: 'lead', createdAt: T, updatedAt: T, updatedBy: 'lead' }
    const visible = claimVisibility(ana, [blind])
    const coders = ['ana', 'ben', 'lead']
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ type: fc.constant('put' as const), id: fc.integer({ min: 0, max: 15 }), article: fc.integer({ min: 0, max: 3 }), coder: fc.integer({ min: 0, max: 2 }) }),
            fc.record({ type: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 15 }) }),
            fc.record({ type: fc.constant('bulk' as const), from: fc.integer({ min: 0, max: 100 }), article: fc.integer({ min: 0, max: 3 }), coder: fc.integer({ min: 0, max: 2 }) }),
          ),
          { maxLength: 20 },
        ),
        fc.boolean(),
        async (operations, fromSnapshot) => {
          const db = new StandpointDB(`key-counts-blind-${crypto.randomUUID()}`)
          await db.open()
          await db.claims.bulkAdd([claim('c0', 'x', 'i', { articleId: 'a0', coderId: 'ben' }), claim('c1', 'x', 'i', { articleId: 'a0', coderId: 'ana' }), claim('c2', 'x', 'i', { articleId: 'a2', coderId: 'ben' })])
          if (fromSnapshot) {
            await db.claims.bulkAdd(Array.from({ length: 40 }, (_, k) => claim(`s${k}`, 'x', 'i', { articleId: `a${k % 4}`, coderId: coders[k % 3]! })))
            const [facts, articles, seq] = await db.transaction('r', [db.claimFacts, db.articleFacts, db.journal, db.settings], () => Promise.all([db.claimFacts.toArray(), db.articleFacts.toArray(), journalHead(db)]))
            await savePositionsSnapshot(db, facts, articles, seq)
          }
          let latest: ReadonlyMap<string, number> = new Map()
          let total = -1
          const stop = followKeyCounts(
            db,
            'claims',
            'articleId',
            (counts, records) => {
              latest = counts
              total = records
            },
            (error) => {
              throw error
            },
            visible,
          )
          for (const op of operations) {
            if (op.type === 'put') await db.claims.put(claim(`c${op.id}`, 'x', 'i', { articleId: `a${op.article}`, coderId: coders[op.coder]! }))
            else if (op.type === 'delete') await db.claims.delete(`c${op.id}`)
            else await db.claims.bulkPut(Array.from({ length: 60 }, (_, k) => claim(`b${op.from + k}`, 'x', 'i', { articleId: `a${op.article}`, coderId: coders[op.coder]! })))
            if (Math.random() < 0.5) await settle()
          }
          const seen = (await db.claims.toArray()).filter(visible)
          const expected = new Map<string, number>()
          for (const record of seen) expected.set(record.articleId, (expected.get(record.articleId) ?? 0) + 1)
          const want = JSON.stringify([[...expected].sort(), seen.length])
          for (let wait = 0; wait < 100 && JSON.stringify([[...latest].sort(), total]) !== want; wait++) await settle()
          expect([new Map([...latest].sort()), total]).toEqual([new Map([...expected].sort()), seen.length])
          stop()
          db.close()
          await StandpointDB.delete(db.name)
        },
      ),
      { numRuns: 30 },
    )
  })
})
