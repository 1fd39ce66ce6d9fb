import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { journalHead } from '../../../renderer/src/db/journal'
import { readPositionsSnapshot, savePositionsSnapshot } from '../../../renderer/src/db/projection'
import { storeSnapshotFromTables } from '../../../renderer/src/db/projection/snapshotFromTables'
import { readFactsSeed } from '../../../renderer/src/db/projection/startSeed'
import { DEFAULT_OPTIONS, PositionsEngine } from '../../../renderer/src/domain/positions/engine'
import { articleFact, claimFact } from '../../../renderer/src/domain/positions/facts'
import { unpackFacts } from '../../../renderer/src/domain/positions/snapshot'
import { random, randomWorkspace } from '../positions/randomWorkspace'

// A workspace with claims and no positions snapshot (imported, never looked at in Positions)
// gets one made from the fact tables, so the next start counts from it instead of walking
// the claims' indexes.

const open: StandpointDB[] = []
let counter = 0

async function workspace(claimCount: number, seed = 7): Promise<StandpointDB> {
  const db = new StandpointDB(`snapshot-from-tables-${++counter}-${Date.now()}`)
  open.push(db)
  await db.open()
  const made = randomWorkspace(random(seed), claimCount)
  await db.transaction('rw', [db.articles, db.actors, db.issues, db.claims], async () => {
    await db.articles.bulkPut([...made.articles.values()])
    await db.actors.bulkPut([...made.actors.values()])
    await db.issues.bulkPut(made.issues)
    // Shuffled, so the table's key order is not the time order.
    await db.claims.bulkPut([...made.claims.values()].reverse())
  })
  return db
}

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close()
    await StandpointDB.delete(db.name)
  }
})

describe('a positions snapshot made from the fact tables', () => {
  it('holds every fact at the journal head, the claims in the engine’s time order', async () => {
    const db = await workspace(300)
    expect(await storeSnapshotFromTables(db, 100)).toBe(true)
    const stored = (await readPositionsSnapshot(db))!
    expect(stored.seq).toBe(await journalHead(db))
    const unpacked = unpackFacts(stored.packed)!
    const claims = (await db.claims.toArray()).map(claimFact)
    const articles = (await db.articles.toArray()).map(articleFact)
    const world = { actors: new Map(), issues: [], coders: [], assignments: [], viewerId: null }
    expect(unpacked.claims).toEqual(new PositionsEngine(claims, articles, world, DEFAULT_OPTIONS).allFacts().claims)
    expect([...unpacked.articles].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...articles].sort((a, b) => a.id.localeCompare(b.id)))
    // The start then counts from it.
    const seed = (await readFactsSeed(db))!
    expect([seed.seq, seed.columns.claimCount]).toEqual([stored.seq, 300])
  })

  it('is not made for a few claims, nor from facts out of step with the records, nor over a later snapshot', async () => {
    const few = await workspace(50)
    expect(await storeSnapshotFromTables(few, 100)).toBe(false)
    expect(await readPositionsSnapshot(few)).toBeUndefined()

    const around = await workspace(300, 8)
    // A claim written around Dexie has no fact: Positions rebuilds the facts when it opens.
    const some = (await around.claims.toCollection().first())!
    const raw = around.backendDB().transaction('claims', 'readwrite')
    raw.objectStore('claims').put({ ...some, id: 'raw-claim' })
    await new Promise((resolve) => (raw.oncomplete = resolve))
    expect(await storeSnapshotFromTables(around, 100)).toBe(false)
    expect(await readPositionsSnapshot(around)).toBeUndefined()

    const later = await workspace(300, 9)
    await savePositionsSnapshot(later, [], [], (await journalHead(later)) + 5)
    expect(await storeSnapshotFromTables(later, 100)).toBe(false)
    expect((await readPositionsSnapshot(later))!.packed.claimCount).toBe(0)
  })
})
