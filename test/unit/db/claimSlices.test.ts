import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { CLAIM_SLICES, readClaimsInSlices } from '../../../renderer/src/db/claimSlices'
import { StandpointDB } from '../../../renderer/src/db/database'
import type { Claim } from '../../../renderer/src/domain/model'

let counter = 0
function claim(id: string): Claim {
  return {
    id,
    articleId: 'article',
    actorId: 'actor',
    issueIds: ['issue'],
    stance: 1,
    date: '2024-12-23',
    addresseeId: null,
    note: '',
    anchor: { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 },
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    coderId: 'coder',
    updatedBy: 'coder',
    externalId: '',
    attributes: {},
    adjudicatedFrom: [],
  }
}

describe('readClaimsInSlices', () => {
  it('hands over every claim exactly once, whatever its id, in key order', async () => {
    const db = new StandpointDB(`claim-slices-${++counter}-${Date.now()}`)
    await db.open()
    // Random UUIDs, upper-case ones from another tool, the edges of every slice, and ids that
    // are not UUIDs at all.
    const ids = [
      ...Array.from({ length: 200 }, () => crypto.randomUUID()),
      'A0000000-0000-4000-8000-000000000000',
      '',
      '0',
      '1',
      '9',
      'a',
      'f',
      'ffff',
      'zzz',
      'ي',
      '~',
    ]
    await db.claims.bulkAdd(ids.map(claim))
    const slices: string[][] = []
    await readClaimsInSlices(db, (claims) => {
      slices.push(claims.map((entry) => entry.id))
    })
    expect(slices).toHaveLength(CLAIM_SLICES)
    const seen = slices.flat()
    expect(seen).toHaveLength(ids.length)
    expect(new Set(seen)).toEqual(new Set(ids))
    expect(seen).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    db.close()
  })

  it('joins the caller’s transaction, so a slice read and a lookup see the same moment', async () => {
    const db = new StandpointDB(`claim-slices-${++counter}-${Date.now()}`)
    await db.open()
    await db.claims.bulkAdd([claim('1'), claim('b')])
    let count = 0
    await db.transaction('r', [db.claims, db.actors], async (tx) => {
      await readClaimsInSlices(db, (claims) => {
        count += claims.length
        // The slices are read by the caller's IndexedDB transaction, not a new one.
        expect(Dexie.currentTransaction?.idbtrans).toBe(tx.idbtrans)
      })
    })
    expect(count).toBe(2)
    db.close()
  })
})
