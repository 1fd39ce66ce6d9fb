import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { writeCsv } from '../../../renderer/src/domain/csv/writeCsv'
import { ACTORS_COLUMNS, actorRows, actorsShape, sortActorsForExport } from '../../../renderer/src/domain/export/actorsCsv'
import { CLAIMS_COLUMNS, claimsExportTable } from '../../../renderer/src/domain/export/claimsCsv'
import { buildLookups, countClaimsBy } from '../../../renderer/src/domain/export/lookups'
import { buildNetwork } from '../../../renderer/src/domain/network/edges'
import { graphmlText } from '../../../renderer/src/domain/network/graphml'
import { EXPORT_KINDS, prepareExport } from '../../../renderer/src/features/export/exportKinds'
import { trickyWorkspace } from './trickyWorkspace'

async function seeded(): Promise<StandpointDB> {
  const db = new StandpointDB(`export-kinds-${Date.now()}-${Math.random()}`)
  await db.open()
  const workspace = trickyWorkspace()
  await db.transaction('rw', db.tables, async () => {
    await db.articles.bulkAdd(workspace.articles)
    await db.actors.bulkAdd(workspace.actors)
    await db.issues.bulkAdd(workspace.issues)
    await db.claims.bulkAdd(workspace.claims)
  })
  return db
}

async function collect(db: StandpointDB, kind: (typeof EXPORT_KINDS)[number], bom = false, includeBody = false) {
  const prepared = await prepareExport(db, kind, { bom, includeBody })
  const chunks = [...prepared.chunks]
  return { prepared, text: chunks.map((chunk) => chunk.text).join(''), progress: chunks.map((chunk) => chunk.progress) }
}

describe('what the Export dialog writes', () => {
  it('claims and actors: the workspace read in one go, written by the shared CSV writer', async () => {
    const db = await seeded()
    const workspace = trickyWorkspace()
    const claims = await collect(db, 'claims', true)
    const table = claimsExportTable(workspace.claims, buildLookups(workspace))
    expect(table.header.slice(CLAIMS_COLUMNS.length)).toEqual(['actor.Coalition, "axis"', 'actor.country', 'claim.frame', 'meta.dateline', 'meta.section'])
    expect(claims.text).toBe(writeCsv(table.header, table.rows, { bom: true }))
    expect(claims.prepared).toMatchObject({ count: workspace.claims.length, noun: 'claims' })
    expect(claims.progress.at(-1)).toBe(1)
    const actors = await collect(db, 'actors')
    const shape = actorsShape(workspace.actors)
    expect(shape.header.slice(ACTORS_COLUMNS.length)).toEqual(['actor.Coalition, "axis"', 'actor.country'])
    expect(actors.text).toBe(writeCsv(shape.header, actorRows(sortActorsForExport(workspace.actors), countClaimsBy(workspace.claims, 'actorId'), shape)))
  })

  it('GraphML arrives whole, and every kind reports progress up to 1', async () => {
    const db = await seeded()
    const workspace = trickyWorkspace()
    const graphml = await collect(db, 'graphml')
    expect(graphml.text).toBe(graphmlText(buildNetwork(workspace.claims, workspace.actors, workspace.issues)))
    for (const kind of EXPORT_KINDS) {
      const { progress } = await collect(db, kind, false, true)
      expect(progress.at(-1), kind).toBe(1)
      expect([...progress].sort((a, b) => a - b), kind).toEqual(progress)
    }
  })

  it('an empty workspace exports headers only', async () => {
    const db = new StandpointDB(`export-kinds-empty-${Date.now()}`)
    await db.open()
    expect((await collect(db, 'claims')).text).toBe(`${CLAIMS_COLUMNS.join(',')}\r\n`)
    expect((await collect(db, 'graphml')).text).toContain('</graphml>')
  })
})
