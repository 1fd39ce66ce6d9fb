import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { parseBackupText } from '../../../renderer/src/db/backup/parseBackup'
import { prepareRestore, restoreBackup } from '../../../renderer/src/db/backup/restore'
import { backupChunks, readWorkspaceSnapshot } from '../../../renderer/src/db/backup/writeBackup'
import type { StandpointDB } from '../../../renderer/src/db/database'
import { ALI, BEA, LEAD, claim, machine, shared } from './fixtures'

// The workspace backup's merge keeps deletions (issue 13: "today a record deleted on one side
// comes back from the other"). Two machines start alike; each deletes something; merging one's
// backup into the other leaves both deletions in place.

async function backupText(db: StandpointDB): Promise<string> {
  return [...backupChunks(await readWorkspaceSnapshot(db), '0.1.0', '2025-03-05T00:00:00.000Z')].map((chunk) => chunk.text).join('')
}

async function mergeBackup(into: StandpointDB, text: string) {
  return restoreBackup(into, await prepareRestore(parseBackupText(text), into), 'merge')
}

describe('backup merge with tombstones', () => {
  it('a record deleted on either side stays deleted, and the merge says so', async () => {
    const lead = await machine(LEAD)
    const other = await machine(ALI)
    for (const db of [lead, other]) await db.claims.bulkAdd([claim('c-1', ALI.id), claim('c-2', ALI.id, { start: 21, end: 49 }), claim('c-3', BEA.id, { start: 50, end: 70 })])
    await other.claims.delete('c-1')
    await lead.claims.delete('c-2')
    const report = await mergeBackup(lead, await backupText(other))
    expect((await lead.claims.toArray()).map((record) => record.id)).toEqual(['c-3'])
    expect((await lead.tombstones.toArray()).map((tombstone) => [tombstone.id, tombstone.deletedBy]).sort()).toEqual([
      ['c-1', ALI.id],
      ['c-2', LEAD.id],
    ])
    const claims = report.tables.find((table) => table.table === 'claims')!
    expect(claims).toMatchObject({ inBackup: 2, identical: 1, stayedDeleted: 1, deletedFromWorkspace: 1, inWorkspaceBefore: 2, inWorkspaceAfter: 1 })
    // The counts still add up: every backup record is accounted for once.
    for (const table of report.tables) {
      expect(table.added + table.updatedFromBackup + table.keptFromWorkspace + table.identical + table.stayedDeleted, table.table).toBe(table.inBackup)
      expect(table.inWorkspaceAfter, table.table).toBe(table.inWorkspaceBefore + table.added - table.deletedFromWorkspace)
    }

    // The other way round, the same result; and merging again changes nothing.
    await mergeBackup(other, await backupText(lead))
    expect((await other.claims.toArray()).map((record) => record.id)).toEqual(['c-3'])
    const settled = await shared(lead)
    await mergeBackup(lead, await backupText(other))
    expect(await shared(lead)).toEqual(settled)
  })

  it('keeps a record the backup deleted while records here still use it, and says why', async () => {
    const lead = await machine(LEAD)
    const other = await machine(ALI)
    await other.actors.delete('act-minister')
    await lead.claims.add(claim('c-here', BEA.id, { actorId: 'act-minister' }))
    const report = await mergeBackup(lead, await backupText(other))
    expect(await lead.actors.get('act-minister')).toBeDefined()
    expect(await lead.tombstones.get('act-minister')).toBeUndefined()
    expect(report.conflicts.filter((conflict) => conflict.table !== 'settings')).toEqual([expect.objectContaining({ table: 'actors', key: 'act-minister', kept: 'workspace', reason: expect.stringMatching(/still use it/) as unknown })])
    expect(report.tables.find((table) => table.table === 'actors')).toMatchObject({ keptInUse: 1, deletedFromWorkspace: 0 })
  })

  it('brings back a record deleted here when the backup’s claims need it', async () => {
    const lead = await machine(LEAD)
    const other = await machine(ALI)
    await lead.actors.delete('act-minister')
    await other.claims.add(claim('c-there', ALI.id, { actorId: 'act-minister' }))
    await mergeBackup(lead, await backupText(other))
    expect(await lead.claims.get('c-there')).toBeDefined()
    expect(await lead.actors.get('act-minister')).toBeDefined()
    expect(await lead.tombstones.get('act-minister')).toBeUndefined()
  })

  it('does not carry who is coding here to another machine', async () => {
    const lead = await machine(LEAD)
    await lead.settings.put({ key: 'team.coderConfirmed', value: true })
    const text = await backupText(lead)
    expect(text).not.toContain('team.coderConfirmed')
    const other = await machine(ALI)
    await restoreBackup(other, await prepareRestore(parseBackupText(text), other), 'replace')
    expect(await other.settings.get('team.coderConfirmed')).toBeUndefined()
  })

  it('does not carry the team server this machine syncs with, nor replace the one kept here', async () => {
    const lead = await machine(LEAD)
    await lead.settings.put({ key: 'team.syncConnection', value: { serverUrl: 'http://lead.example:5984', database: 'team', userName: 'lead', origin: 'http://lead.example:5984', paused: false } })
    const text = await backupText(lead)
    expect(text).not.toContain('lead.example')
    const other = await machine(ALI)
    const own = { serverUrl: 'http://ali.example:5984', database: 'team', userName: 'ali', origin: 'http://ali.example:5984', paused: true }
    await other.settings.put({ key: 'team.syncConnection', value: own })
    await restoreBackup(other, await prepareRestore(parseBackupText(text), other), 'replace')
    expect((await other.settings.get('team.syncConnection'))?.value).toEqual(own)
  })
})
