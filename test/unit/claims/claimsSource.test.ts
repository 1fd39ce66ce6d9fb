import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { bulkEditClaims } from '../../../renderer/src/db/repositories/claimBulkEdit'
import { applyChangeSet } from '../../../renderer/src/db/repositories/recordChanges'
import { invertChangeSet } from '../../../renderer/src/domain/changeHistory'
import { claimArticle, claimRow } from '../../../renderer/src/domain/claims/rows'
import { buildClaimsTableData } from '../../../renderer/src/domain/claims/tableState'
import { ClaimsSource } from '../../../renderer/src/features/claims/claimsSource'
import { claim } from '../tagging/fixtures'
import { ACTORS, ARTICLES, CLAIMS, CODERS, ISSUES } from './fixtures'

// The claims table's data source against a real (fake-indexeddb) workspace: one full read,
// then every write applied from the change journal, whichever path made it.

let counter = 0
const open: StandpointDB[] = []

async function workspace(tuning?: { tail: number; pruneEvery: number }): Promise<StandpointDB> {
  const db = new StandpointDB(`claims-source-${++counter}-${Date.now()}`, undefined, tuning)
  open.push(db)
  await db.open()
  await db.transaction('rw', [db.articles, db.actors, db.issues, db.claims, db.coders, db.settings], async () => {
    await db.articles.bulkPut(ARTICLES)
    await db.actors.bulkPut(ACTORS)
    await db.issues.bulkPut(ISSUES)
    await db.coders.bulkPut(CODERS)
    await db.claims.bulkPut(CLAIMS)
    await db.settings.put({ key: 'currentCoderId', value: 'ben' })
  })
  return db
}

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close()
    await StandpointDB.delete(db.name)
  }
})

async function started(db: StandpointDB): Promise<ClaimsSource> {
  const source = new ClaimsSource(db, () => undefined)
  await source.start()
  return source
}

/** What a fresh full read would hold, order aside. */
async function freshRows(db: StandpointDB) {
  const data = buildClaimsTableData({ rows: (await db.claims.toArray()).map(claimRow), actors: await db.actors.toArray(), issues: await db.issues.toArray(), articles: (await db.articles.toArray()).map(claimArticle) })
  return new Map(data.rows.map((row) => [row.id, row]))
}

const rowsOf = (source: ClaimsSource) => new Map(source.state.data!.rows.map((row) => [row.id, row]))

describe('the claims table’s data source', () => {
  it('reads everything once, then applies each write from the journal', async () => {
    const db = await workspace()
    const source = await started(db)
    expect(source.state.data!.rows).toHaveLength(CLAIMS.length)
    expect(source.state.reads).toBe(1)

    await db.claims.put(claim('c6', 'afd', 'int-lang', { articleId: 'a3' }))
    await expect.poll(() => source.state.data!.rows.length).toBe(CLAIMS.length + 1)
    await db.actors.update('afd', { name: 'Alternative für Deutschland' })
    await expect.poll(() => source.state.data!.actors.get('afd')?.name).toBe('Alternative für Deutschland')
    await db.issues.update('int-lang', { parentId: 'mig' })
    await expect.poll(() => source.state.data!.issuePaths.get('int-lang')).toBe('Controlling migration › Language courses')
    await db.claims.delete('c1')
    await expect.poll(() => source.state.data!.indexOf.has('c1')).toBe(false)

    await source.settled()
    expect(rowsOf(source)).toEqual(await freshRows(db))
    expect(source.state.reads).toBe(1)
    source.stop()
  })

  it('follows a bulk edit and its undo, without reading everything again', async () => {
    const db = await workspace()
    const source = await started(db)
    const names = { issue: (id: string) => id, actor: (id: string) => id }
    const { set, plan } = await bulkEditClaims(db, ['c1', 'c3', 'c4'], { stance: 1, issue: { mode: 'add', issueId: 'int-gen' } }, 'Edit 3 claims', names)
    expect(plan.updated).toHaveLength(3)
    await expect.poll(() => ['c1', 'c3', 'c4'].map((id) => rowsOf(source).get(id)!.stance)).toEqual([1, 1, 1])
    expect(rowsOf(source).get('c4')!.issueIds).toEqual(['int-lang', 'mig-gen', 'int-gen'])
    // Stamped with the current coder; one change per claim, one transaction.
    expect((await db.claims.get('c1'))!.updatedBy).toBe('ben')
    expect(set.changes.map((change) => change.id)).toEqual(['c1', 'c3', 'c4'])

    await applyChangeSet(db, invertChangeSet(set, new Date().toISOString()))
    await expect.poll(() => ['c1', 'c3', 'c4'].map((id) => rowsOf(source).get(id)!.stance)).toEqual([2, -2, 1])
    await source.settled()
    const original = new Map(CLAIMS.map((record) => [record.id, record]))
    for (const id of ['c1', 'c3', 'c4']) {
      const { updatedAt: _stamp, ...restored } = (await db.claims.get(id))!
      const { updatedAt: _before, ...before } = original.get(id)!
      expect(restored).toEqual(before)
    }
    expect(rowsOf(source)).toEqual(await freshRows(db))
    expect(source.state.reads).toBe(1)
    source.stop()
  })

  it('refuses a bulk edit naming an issue or actor that is gone, and writes nothing', async () => {
    const db = await workspace()
    const names = { issue: (id: string) => id, actor: (id: string) => id }
    await expect(bulkEditClaims(db, ['c1'], { issue: { mode: 'replace', issueId: 'nope' } }, 'Edit', names)).rejects.toThrow(/no longer in the codebook/)
    await expect(bulkEditClaims(db, ['c1'], { actorId: 'nobody', stance: -2 }, 'Edit', names)).rejects.toThrow(/no longer in the workspace/)
    expect((await db.claims.get('c1'))!.stance).toBe(2)
  })

  it('reads everything again when the journal was pruned past what it had seen', async () => {
    const db = await workspace({ tail: 3, pruneEvery: 3 })
    const source = await started(db)
    // Twenty separate writes in one transaction (one bulkPut would be one journal write, never
    // split by pruning): the journal prunes as it goes, past what the source has seen.
    await db.transaction('rw', db.claims, async () => {
      for (let index = 0; index < 20; index++) await db.claims.put(claim(`n${index}`, 'merkel', 'mig-gen', { articleId: 'a1' }))
    })
    await expect.poll(() => source.state.data!.rows.length).toBe(CLAIMS.length + 20)
    await source.settled()
    expect(source.state.reads).toBe(2)
    expect(rowsOf(source)).toEqual(await freshRows(db))
    source.stop()
  })

  it('reads an article when a claim first names it, not when it is imported', async () => {
    const db = await workspace()
    const source = await started(db)
    await db.articles.put({ ...ARTICLES[0]!, id: 'a9', title: 'Later' })
    await db.claims.put(claim('c9', 'merkel', 'mig-gen', { articleId: 'a9' }))
    await expect.poll(() => source.state.data!.articles.get('a9')?.title).toBe('Later')
    source.stop()
  })
})
