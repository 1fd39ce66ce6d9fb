import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { applyInteropPlan, readInteropExisting } from '../../../renderer/src/db/interop/interopImport'
import { contentHash } from '../../../renderer/src/domain/contentHash'
import {
  codeRoles,
  planQdaImport,
  previewQdaImport,
  qdaExistingQuery,
  qdaOverview,
  suggestQdaMapping,
  type QdaMapping,
} from '../../../renderer/src/domain/interop/mapping/fromQda'
import { EMPTY_EXISTING, groupReasons, type ExistingWorkspace } from '../../../renderer/src/domain/interop/mapping/interopPlan'
import { parseDescription, stanceFromCodeName } from '../../../renderer/src/domain/interop/mapping/qdaConventions'
import { qdaCodeSystem, workspaceToQda, type QdaExportInput } from '../../../renderer/src/domain/interop/mapping/toQda'
import { readQdc, readQdpx } from '../../../renderer/src/domain/interop/refiqda/readQdpx'
import type { QdaCode, QdaProject } from '../../../renderer/src/domain/interop/refiqda/types'
import { codebookXml, projectXml } from '../../../renderer/src/domain/interop/refiqda/writeQde'
import { writeQdpx } from '../../../renderer/src/domain/interop/refiqda/writeQdpx'
import { guidKey } from '../../../renderer/src/domain/interop/refiqda/xmlValues'
import { ActorSchema, ArticleSchema, ClaimSchema, IssueSchema, MentionSchema } from '../../../renderer/src/domain/model'
import * as v from 'valibot'
import { IDS, interopExportInput, interopWorkspace, T } from '../../support/interopWorkspace'
import { sampleProject } from '../../support/qdaSamples'

const NOW = '2025-02-01T10:00:00.000Z'

const exportInput = (): QdaExportInput => interopExportInput()

function readBack(bytes: Uint8Array): { project: QdaProject; report: Parameters<typeof qdaOverview>[1] } {
  const result = readQdpx(bytes)
  if (!result.ok) throw new Error(result.reason)
  return { project: result.project, report: result.report }
}

async function hashes(project: QdaProject): Promise<Map<string, string>> {
  return new Map(await Promise.all(project.sources.map(async (source) => [guidKey(source.guid), await contentHash(source.text)] as const)))
}

function tree(codes: readonly QdaCode[]): unknown[] {
  return codes.map((code) => [code.name, code.isCodable, ...(code.children.length > 0 ? [tree(code.children)] : [])])
}

describe('workspaceToQda', () => {
  it('writes issues (tree kept), actors under "Actors" and stance codes, and a selection per claim and mention', () => {
    const { project, counts, leftOut } = workspaceToQda(exportInput())
    expect(tree(project.codes)).toEqual([
      ['Issues', false, [['Attacks on Israel', true, [['Attacks on US forces', true]]], ['Weapons belong to the state', true]]],
      ['Actors', false, [['Al-Nujaba Movement', true], ['Government of Iraq', true], ['Kataib Hezbollah', true], ['Mohammed Shia al-Sudani', true]]],
      ['Stance', false, [['−2 strongly against', true], ['−1 against', true], ['0 neutral', true], ['+1 for', true], ['+2 strongly for', true]]],
    ])
    expect(counts).toEqual({ sources: 2, claims: 3, mentions: 1, issues: 3, actors: 4, users: 2 })
    expect(leftOut).toEqual([
      { what: 'claims', reason: 'whose quote is no longer found in its article (orphaned)', count: 1 },
      { what: 'articles', reason: 'without text (REFI-QDA sources are texts)', count: 1 },
      { what: 'claims', reason: 'on an article without text', count: 1 },
    ])
    const english = project.sources.find((source) => source.guid === IDS.english)!
    const halt = english.selections.find((selection) => selection.guid === IDS.halt)!
    expect(english.text.slice(halt.start, halt.end)).toBe('will stop military operations against Israel')
    // Actor, issue, stance; the note as a memo.
    expect(halt.codings.map((coding) => coding.codeGuid)).toEqual([IDS.nujaba, IDS.attacks, '5374616e-6470-4f00-8000-000000000011'])
    expect(project.notes.find((note) => note.guid === halt.noteGuids[0])!.text).toBe('Stance −1: the group halts attacks.\nCheck against the Arabic original.')
    const weapons = english.selections.find((selection) => selection.guid === IDS.weaponsClaim)!
    expect(weapons.description).toBe('Date: 2024-12-22\nAddressee: Kataib Hezbollah\nExternal ID: dna:statement:7\nframe: sovereignty | security\nperson: al-Sudani')
    expect(weapons.creatingUser).toBe(IDS.bilal)
    expect(weapons.modifyingUser).toBe(IDS.alice)
    expect(project.users).toEqual([
      { guid: IDS.alice, name: 'Alice Haddad' },
      { guid: IDS.bilal, name: 'Bilal Karim' },
    ])
    // What is written is what the writer accepts as valid REFI-QDA.
    expect(() => projectXml(project)).not.toThrow()
  })

  it('gives ids that are not GUIDs a GUID of their own', () => {
    const input = exportInput()
    input.articles = input.articles.map((article) => (article.id === IDS.arabic ? { ...article, id: 'art-ar' } : article))
    input.claims = input.claims.map((claim) => (claim.articleId === IDS.arabic ? { ...claim, articleId: 'art-ar' } : claim))
    const { project } = workspaceToQda(input)
    expect(() => projectXml(project)).not.toThrow()
    expect(project.sources.find((source) => source.name === 'النجباء توقف العمليات')!.guid).toMatch(/^[0-9a-f]{8}-/)
  })
})

describe('REFI-QDA round trip: export, then import into an empty workspace', () => {
  it('gives back the same articles, codebook, actors, claims, mentions and coders, ids included', async () => {
    const workspace = interopWorkspace()
    const { project: written } = workspaceToQda(exportInput())
    const { project, report } = readBack(writeQdpx(written))
    const overview = qdaOverview(project, report)
    const mapping = suggestQdaMapping(overview.codes)
    expect(mapping).toEqual({
      actorsGuid: '5374616e-6470-4f00-8000-000000000002',
      stanceGuid: '5374616e-6470-4f00-8000-000000000003',
      issuesGuid: '5374616e-6470-4f00-8000-000000000001',
      stanceValues: {
        '5374616e-6470-4f00-8000-000000000010': -2,
        '5374616e-6470-4f00-8000-000000000011': -1,
        '5374616e-6470-4f00-8000-000000000012': 0,
        '5374616e-6470-4f00-8000-000000000013': 1,
        '5374616e-6470-4f00-8000-000000000014': 2,
      },
    })
    expect(previewQdaImport(overview, mapping)).toMatchObject({ claims: 3, mentions: 1, skipped: 0, rejected: 0, issues: 3, actors: 4 })
    const plan = planQdaImport(project, report, { mapping, fileName: 'iraq.qdpx', now: NOW }, EMPTY_EXISTING, await hashes(project))
    expect(plan.counts).toMatchObject({ items: 4, imported: 4, articlesCreated: 2, actorsCreated: 4, issuesCreated: 3, codersCreated: 2, mentionsCreated: 1 })

    const articleFields = ['id', 'title', 'source', 'author', 'publishedAt', 'url', 'language', 'direction', 'body', 'meta', 'externalId'] as const
    const pick = <T extends object, K extends keyof T>(record: T, keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, record[key]]))
    const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))
    expect(byId(plan.articles).map((article) => pick(article, articleFields))).toEqual(
      byId(workspace.articles.filter((article) => article.body !== '')).map((article) => pick(article, articleFields)),
    )
    for (const article of plan.articles) {
      expect(article.contentHash).toBe(await contentHash(article.body))
      expect(v.safeParse(ArticleSchema, article).success).toBe(true)
    }
    const issueFields = ['id', 'label', 'description', 'code', 'parentId'] as const
    expect(byId(plan.issues).map((issue) => pick(issue, issueFields))).toEqual(byId(workspace.issues).map((issue) => pick(issue, issueFields)))
    const actorFields = ['id', 'name', 'kind', 'aliases', 'notes', 'attributes'] as const
    expect(byId(plan.actors).map((actor) => pick(actor, actorFields))).toEqual(byId(workspace.actors).map((actor) => pick(actor, actorFields)))
    const claimFields = ['id', 'articleId', 'actorId', 'issueIds', 'stance', 'date', 'addresseeId', 'note', 'anchor', 'createdAt', 'updatedAt', 'coderId', 'updatedBy', 'externalId', 'attributes', 'adjudicatedFrom'] as const
    const exported = workspace.claims.filter((claim) => claim.id !== IDS.orphan && claim.id !== IDS.waiting)
    expect(byId(plan.claims).map((claim) => pick(claim, claimFields))).toEqual(byId(exported).map((claim) => pick(claim, claimFields)))
    const mentionFields = ['id', 'articleId', 'actorId', 'anchor', 'createdAt', 'coderId', 'updatedBy'] as const
    expect(plan.mentions.map((mention) => pick(mention, mentionFields))).toEqual(workspace.mentions.map((mention) => pick(mention, mentionFields)))
    // Users carry names only: coders come back with their ids and names, as coders.
    expect(plan.coders.map((coder) => [coder.id, coder.name, coder.role])).toEqual([
      [IDS.alice, 'Alice Haddad', 'coder'],
      [IDS.bilal, 'Bilal Karim', 'coder'],
    ])
    for (const record of plan.claims) expect(v.safeParse(ClaimSchema, record).success).toBe(true)
    for (const record of plan.actors) expect(v.safeParse(ActorSchema, record).success).toBe(true)
    for (const record of plan.issues) expect(v.safeParse(IssueSchema, record).success).toBe(true)
    for (const record of plan.mentions) expect(v.safeParse(MentionSchema, record).success).toBe(true)
  })

  it('the codebook alone (.qdc) reads back as the same code tree', () => {
    const workspace = interopWorkspace()
    const codes = qdaCodeSystem(workspace.issues, workspace.actors)
    const result = readQdc(new TextEncoder().encode(codebookXml(codes, { origin: 'Standpoint 0.1.0' })))
    if (!result.ok) throw new Error(result.reason)
    expect(tree(result.codes)).toEqual(tree(codes))
    expect(result.codes[1]!.children[0]!.description).toBe(
      'Kind: armed group\nAliases: Nujaba | al-Nujaba | حركة النجباء\ncountry: Iraq\ncoalition: Islamic Resistance in Iraq | Axis of Resistance\n\nHarakat Hezbollah al-Nujaba.\nPart of the Islamic Resistance in Iraq.',
    )
  })
})

describe('importing a REFI-QDA project from another program', () => {
  const foreign = (): QdaProject => ({ ...sampleProject(), origin: 'MAXQDA 24 (Release 24.7.0)' })
  async function planSample(overrides: Partial<QdaMapping> = {}, existing: ExistingWorkspace = EMPTY_EXISTING) {
    const { project, report } = readBack(writeQdpx(foreign()))
    const overview = qdaOverview(project, report)
    const mapping = { ...suggestQdaMapping(overview.codes), ...overrides }
    return { overview, mapping, plan: planQdaImport(project, report, { mapping, fileName: 'maxqda.qdpx', now: NOW }, existing, await hashes(project)) }
  }

  it('proposes the groups by name and reads stance codes from their names', async () => {
    const { overview, mapping } = await planSample()
    const names = new Map<string, string>()
    const walk = (codes: typeof overview.codes) => codes.forEach((code) => (names.set(code.guid, code.name), walk(code.children)))
    walk(overview.codes)
    expect([mapping.actorsGuid, mapping.stanceGuid, mapping.issuesGuid].map((guid) => names.get(guid!))).toEqual(['Actors', 'Stance', 'Issues'])
    expect(Object.entries(mapping.stanceValues).map(([guid, stance]) => [names.get(guid), stance])).toEqual([
      ['−1 against', -1],
      ['+1 in favour', 1],
    ])
    const roles = codeRoles(overview.codes, mapping)
    expect([...roles].filter(([, role]) => role === 'issue').map(([guid]) => names.get(guid))).toEqual(['Attacks on Israel', 'Attacks on US forces', 'Weapons belong to the state', 'Wire copy'])
  })

  it('makes claims of selections with an actor and an issue, and reports every other coding with its reason', async () => {
    const { plan } = await planSample()
    expect(plan.outcomes.map((outcome) => [outcome.document, outcome.status, outcome.detail])).toEqual([
      ['Nujaba halts attacks on Israel', 'imported', ''],
      ['Nujaba halts attacks on Israel', 'skipped', 'It is coded with issues but no actor code.'],
      ['Nujaba halts attacks on Israel', 'imported', ''],
      ['النجباء — Kataib Hezbollah', 'imported', ''],
      ['النجباء — Kataib Hezbollah', 'imported', ''],
      ['Wire note', 'skipped', 'It codes a whole source, not words in it.'],
    ])
    const first = plan.claims[0]!
    expect(first.anchor.exact).toBe('will stop military operations against Israel')
    expect(first.stance).toBe(-1)
    expect(first.note).toBe('Stance −1: the group halts attacks.\nCheck against the Arabic original.')
    // A claim from another program remembers where it came from.
    expect(first.externalId).toBe('qdpx:selection:00000000-0000-4000-8000-0000000000c8')
    const article = plan.articles[0]!
    expect(article).toMatchObject({ title: 'Nujaba halts attacks on Israel', source: 'The New Arab', publishedAt: '2024-12-23', externalId: 'qdpx:source:00000000-0000-4000-8000-000000000064' })
    expect(article.meta).toMatchObject({ Words: '412', 'Wire story': 'false', description: 'The New Arab, 2024-12-23' })
    expect(plan.issues.find((issue) => issue.label === 'Attacks on US forces')!.parentId).toBe(plan.issues.find((issue) => issue.label === 'Attacks on Israel')!.id)
    // The Issues group only gathers: its children are top-level issues.
    expect(plan.issues.some((issue) => issue.label === 'Issues')).toBe(false)
    expect(plan.coders.map((coder) => coder.name)).toEqual(['Alice Haddad', 'Bilal Karim'])
    expect(plan.coders.find((coder) => coder.id === first.coderId)!.name).toBe('Alice Haddad')
  })

  it('follows the mapping: a stance code set to reject rejects its selections; no actors group means no claims', async () => {
    const { mapping } = await planSample()
    const against = Object.keys(mapping.stanceValues).find((guid) => mapping.stanceValues[guid] === -1)!
    const { plan } = await planSample({ stanceValues: { ...mapping.stanceValues, [against]: null } })
    expect(plan.outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => outcome.detail)).toEqual([
      'Its stance code "−1 against" is set to be rejected.',
      'Its stance code "−1 against" is set to be rejected.',
    ])
    const none = await planSample({ actorsGuid: null })
    expect(none.plan.claims).toEqual([])
    expect(none.plan.outcomes.filter((outcome) => outcome.status === 'imported')).toEqual([])
  })

  it('importing the same project twice adds nothing the second time', async () => {
    const db = new StandpointDB(`qda-import-${Date.now()}`)
    await db.open()
    const { project, report } = readBack(writeQdpx(foreign()))
    const overview = qdaOverview(project, report)
    const mapping = suggestQdaMapping(overview.codes)
    const run = async () => {
      const sourceHashes = await hashes(project)
      const existing = await readInteropExisting(db, qdaExistingQuery(project, sourceHashes))
      const plan = planQdaImport(project, report, { mapping, fileName: 'maxqda.qdpx', now: NOW }, existing, sourceHashes)
      await applyInteropPlan(db, plan)
      return plan
    }
    const first = await run()
    expect(first.counts.imported).toBe(4)
    expect(await db.claims.count()).toBe(4)
    const second = await run()
    expect(second.counts).toMatchObject({ imported: 0, duplicates: 4, articlesCreated: 0, articlesMatched: 3, actorsCreated: 0, issuesCreated: 0, codersCreated: 0 })
    expect(await db.claims.count()).toBe(4)
    expect(await db.articles.count()).toBe(3)
  })
})

describe('conventions', () => {
  it('reads stance code names in several spellings', () => {
    expect(['−2 strongly against', '-1', '+1 in favour', '0 neutral', '2', 'Strongly support', 'Oppose', 'Pro', 'Other'].map(stanceFromCodeName)).toEqual([-2, -1, 1, 0, 2, 2, -1, 1, null])
  })
  it('reads a description as fields only when it was written as fields', () => {
    expect(parseDescription('Kind: state\n\nNotes here', 'Kind')).toEqual({ fields: [['Kind', 'state']], text: 'Notes here' })
    expect(parseDescription('Note: check this\nwith a second line', 'Kind')).toEqual({ fields: [], text: 'Note: check this\nwith a second line' })
    expect(parseDescription('Note: check this\nand that', undefined)).toEqual({ fields: [], text: 'Note: check this\nand that' })
  })
  it('groups reasons alike but for numbers and names, keeping a real one as the example', () => {
    expect(groupReasons(['Its positions 4–90 lie outside "A".', 'No actor code.', 'Its positions 7–80 lie outside "B".', 'No actor code.'])).toEqual([
      { example: 'Its positions 4–90 lie outside "A".', count: 2, varied: true },
      { example: 'No actor code.', count: 2, varied: false },
    ])
  })
  it('stamps the audit fields only when they are ISO dates', () => {
    const input = exportInput()
    input.claims = input.claims.map((claim) => ({ ...claim, createdAt: '' }))
    const { project } = workspaceToQda(input)
    expect(project.sources[0]!.selections.every((selection) => selection.creationDateTime === undefined || selection.creationDateTime === T)).toBe(true)
    expect(() => projectXml(project)).not.toThrow()
  })
})
