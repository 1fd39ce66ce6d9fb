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
import { ALL_CLAIMS, type ClaimSet } from '../../../renderer/src/domain/coding/claimSet'
import { writeSetting } from '../../../renderer/src/db/repositories/settings'
import { CURRENT_CODER } from '../../../renderer/src/domain/settings'

function claimsCsv(claims: Parameters<typeof claimsExportTable>[0], lookups: Parameters<typeof claimsExportTable>[1]): string {
  const table = claimsExportTable(claims, lookups)
  return writeCsv(table.header, table.rows)
}

async function seeded(): Promise<StandpointDB> {
  const db = new StandpointDB(`export-kinds-${Date.now()}-${Math.random()}`)
  await db.open()
  const workspace = trickyWorkspace()
  await db.transaction('rw', db.tables, async () => {
    await db.articles.bulkAdd(workspace.articles)
    await db.actors.bulkAdd(workspace.actors)
    await db.issues.bulkAdd(workspace.issues)
    await db.claims.bulkAdd(workspace.claims)
    await db.coders.bulkAdd(workspace.coders)
    await db.assignments.bulkAdd(workspace.assignments)
  })
  return db
}

async function collect(db: StandpointDB, kind: (typeof EXPORT_KINDS)[number], bom = false, includeBody = false, claimSet: ClaimSet = ALL_CLAIMS) {
  const prepared = await prepareExport(db, kind, { bom, includeBody, claimSet })
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

  it('the claim set: adjudicated only, or one coder’s claims; every kind built from the same claims', async () => {
    const db = await seeded()
    const workspace = trickyWorkspace()
    const lookups = buildLookups(workspace)
    const expectClaims = async (set: ClaimSet, expected: typeof workspace.claims) => {
      const { text, prepared } = await collect(db, 'claims', false, false, set)
      expect(text).toBe(claimsCsv(expected, lookups))
      expect(prepared.count).toBe(expected.length)
    }
    const adjudicated = workspace.claims.filter((claim) => claim.adjudicatedFrom.length > 0)
    const byCod1 = workspace.claims.filter((claim) => claim.coderId === 'cod-1' && claim.adjudicatedFrom.length === 0)
    expect(adjudicated.length).toBeGreaterThan(0)
    expect(byCod1.length).toBeGreaterThan(0)
    await expectClaims({ kind: 'adjudicated' }, adjudicated)
    await expectClaims({ kind: 'coder', coderId: 'cod-1' }, byCod1)
    const actors = await collect(db, 'actors', false, false, { kind: 'coder', coderId: 'cod-1' })
    const shape = actorsShape(workspace.actors)
    expect(actors.text).toBe(writeCsv(shape.header, actorRows(sortActorsForExport(workspace.actors), countClaimsBy(byCod1, 'actorId'), shape)))
    const graphml = await collect(db, 'graphml', false, false, { kind: 'adjudicated' })
    expect(graphml.text).toBe(graphmlText(buildNetwork(adjudicated, workspace.actors, workspace.issues)))
  })

  it('blind coding: a coder of a blind assignment exports only their own claims on its articles; the lead exports all', async () => {
    const db = await seeded()
    const workspace = trickyWorkspace()
    const lookups = buildLookups(workspace)
    // cod-2 is a coder in the blind assignment over both articles.
    await writeSetting(db, CURRENT_CODER, 'cod-2')
    const own = workspace.claims.filter((claim) => claim.coderId === 'cod-2')
    expect(own.length).toBeLessThan(workspace.claims.length)
    expect((await collect(db, 'claims')).text).toBe(claimsCsv(own, lookups))
    // Another coder's claims stay hidden even when asked for by name.
    expect((await collect(db, 'claims', false, false, { kind: 'coder', coderId: 'cod-1' })).prepared.count).toBe(0)
    await writeSetting(db, CURRENT_CODER, 'cod-1')
    expect((await collect(db, 'claims')).prepared.count).toBe(workspace.claims.length)
  })
})
