import 'fake-indexeddb/auto'
import type { SqlJsStatic } from 'sql.js'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { applyInteropPlan, readInteropExisting } from '../../../renderer/src/db/interop/interopImport'
import { suggestClaimChoice } from '../../../renderer/src/domain/interop/dna/dnaClaims'
import type { DnaProject } from '../../../renderer/src/domain/interop/dna/types'
import {
  defaultDnaStanceMap,
  dnaExistingQuery,
  dnaOverview,
  planDnaImport,
  previewDnaImport,
} from '../../../renderer/src/domain/interop/mapping/dnaImport'
import { EMPTY_EXISTING } from '../../../renderer/src/domain/interop/mapping/interopPlan'
import { ClaimSchema, type Claim } from '../../../renderer/src/domain/model'
import * as v from 'valibot'
import { buildDna2Fixture, buildDna3Fixture, DNA2_STATEMENTS, DNA3_DOCUMENTS, DNA3_STATEMENTS, REJECTED_STATEMENT_IDS } from '../../support/dnaFixtures'
import { dnaDocumentHashes, dnaImportOptions, readDnaOrThrow } from '../../support/dnaPlanning'
import { loadSqlJsForTests } from '../../support/sqlJs'

const NOW = '2025-02-01T10:00:00.000Z'
let SQL: SqlJsStatic
let dna: DnaProject

const read = (bytes: Uint8Array): DnaProject => readDnaOrThrow(bytes, SQL)
const hashesOf = dnaDocumentHashes
const options = dnaImportOptions

beforeAll(async () => {
  SQL = await loadSqlJsForTests()
  dna = read(buildDna3Fixture(SQL))
})

describe('planDnaImport', () => {
  it('turns documents into articles, statements of the chosen type into anchored claims, and accounts for every statement', async () => {
    const plan = planDnaImport(dna, options(dna), EMPTY_EXISTING, await hashesOf(dna))
    expect(plan.articles.map((article) => [article.externalId, article.title, article.source, article.publishedAt, article.meta])).toEqual([
      ['dna:document:1', 'Nujaba halts attacks on Israel', 'The New Arab', '2024-12-23', { section: 'Middle East', type: 'news', notes: 'Seed article.', coder: 'Alice Haddad' }],
      ['dna:document:2', 'Kataib Hezbollah vows to continue', 'Shafaq News', '2024-11-20T09:30:00', { type: 'news', coder: 'Bilal Karim' }],
      ['dna:document:3', 'Iraq round-up', 'Channel digest', '2024-12-01', { section: 'Digest', type: 'digest', coder: 'Alice Haddad' }],
      ['dna:document:4', 'Wire note', 'Wire', '2024-12-02', { type: 'wire' }],
    ])
    // Windows line endings are read as DNA's coding window shows them, so offsets still fit.
    expect(plan.articles[1]!.body).toBe(DNA3_DOCUMENTS[1].text.replace(/\r\n/g, '\n'))

    const byStatement = new Map(plan.claims.map((claim) => [claim.externalId, claim]))
    expect([...byStatement.keys()]).toEqual([1, 2, 3, 4, 5, 6].map((id) => `dna:statement:${id}`))
    for (const claim of plan.claims) {
      const statement = DNA3_STATEMENTS.find((candidate) => `dna:statement:${candidate.id}` === claim.externalId)!
      const article = plan.articles.find((candidate) => candidate.id === claim.articleId)!
      expect(article.externalId).toBe(`dna:document:${statement.documentId}`)
      expect(claim.anchor.exact).toBe(statement.quote)
      expect(article.body.slice(claim.anchor.start, claim.anchor.end)).toBe(statement.quote)
      expect(claim.date).toBe(article.publishedAt.slice(0, 10))
      // Every record is what the model's own schema accepts.
      expect(v.safeParse(ClaimSchema, claim).success).toBe(true)
    }
    // Agreement 0 → −1, 1 → +1.
    expect(plan.claims.map((claim) => claim.stance)).toEqual([-1, -1, 1, 1, 1, 1])

    const outcomes = plan.outcomes.map((outcome) => [outcome.item, outcome.status])
    expect(outcomes).toEqual([
      ['1', 'imported'], ['2', 'imported'], ['3', 'imported'], ['4', 'imported'], ['5', 'imported'], ['6', 'imported'],
      ['7', 'skipped'], ['8', 'skipped'], ['9', 'rejected'], ['10', 'rejected'], ['11', 'rejected'],
    ])
    expect(plan.outcomes.length).toBe(DNA3_STATEMENTS.length)
    expect(plan.outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => Number(outcome.item))).toEqual([...REJECTED_STATEMENT_IDS])
    for (const outcome of plan.outcomes.filter((item) => item.status !== 'imported')) expect(outcome.detail).not.toBe('')
    expect(plan.outcomes.find((outcome) => outcome.item === '7')!.detail).toContain('"Annotation"')
    expect(plan.notes[0]).toBe('Claims come from "DNA Statement" statements; 1 "Annotation", 1 "Threat" statements were skipped.')
    expect(plan.counts).toMatchObject({ items: 11, imported: 6, skipped: 2, rejected: 3, articlesCreated: 4, codersCreated: 2 })
  })

  it('makes persons and organisations actors with their kind, DNA attributes and aliases, and concepts issues', async () => {
    const plan = planDnaImport(dna, options(dna), EMPTY_EXISTING, await hashesOf(dna))
    const actor = (name: string) => plan.actors.find((candidate) => candidate.name === name)!
    expect(actor('Al-Nujaba Movement')).toMatchObject({
      kind: 'organization',
      aliases: ['Nujaba', 'al-Nujaba'],
      notes: 'Harakat Hezbollah al-Nujaba.',
      attributes: { Type: ['armed group'], Alias: ['Nujaba; al-Nujaba'], Notes: ['Harakat Hezbollah al-Nujaba.'], Country: ['Iraq'], Parent: ['Islamic Resistance in Iraq'] },
    })
    expect(actor('Akram al-Kaabi')).toMatchObject({ kind: 'person', aliases: ['al-Kaabi', 'Sheikh Akram'], attributes: { Type: ['militia leader'] } })
    // Every non-empty person and organisation; the Threat type's "actor" variable is not the chosen type's.
    expect(plan.actors.map((candidate) => candidate.name).sort()).toEqual(
      ['Akram al-Kaabi', 'Al-Nujaba Movement', 'Government of Iraq', 'Islamic Resistance in Iraq', 'Kataib Hezbollah', 'Kataib Hezbollah spokesman', 'Mohammed Shia al-Sudani'].sort(),
    )
    expect(plan.issues.map((issue) => [issue.label, issue.description, issue.parentId])).toEqual([
      ['Attacks on Israel should continue', 'Type: security', null],
      ['Weapons belong to the state alone', 'Disarmament of armed groups.\nType: governance', null],
    ])
    expect(plan.coders.map((coder) => [coder.name, coder.color, coder.role])).toEqual([
      ['Alice Haddad', '#3399ff', 'coder'],
      ['Bilal Karim', '#ff6666', 'coder'],
    ])
    const first = plan.claims[0]!
    expect(plan.coders.find((coder) => coder.id === first.coderId)!.name).toBe('Alice Haddad')
    // The unchosen person is kept on the claim.
    expect(first.attributes).toEqual({ person: ['Akram al-Kaabi'] })
    expect(plan.claims[3]!.attributes).toEqual({})
  })

  it('follows an edited stance mapping, rejecting the values the analyst rejects', async () => {
    const plan = planDnaImport(dna, options(dna, {}, { '0': -2, '1': null }), EMPTY_EXISTING, await hashesOf(dna))
    expect(plan.claims.map((claim) => [claim.externalId, claim.stance])).toEqual([
      ['dna:statement:1', -2],
      ['dna:statement:2', -2],
    ])
    expect(plan.outcomes.find((outcome) => outcome.item === '3')).toMatchObject({ status: 'rejected', detail: 'Its agreement is 1, which you chose to reject.' })
  })

  it('with persons as claimants, rejects the statements that name no person and keeps the organisation as an attribute', async () => {
    const plan = planDnaImport(dna, options(dna, { claimantVariableId: 1 }), EMPTY_EXISTING, await hashesOf(dna))
    expect(plan.claims.map((claim) => claim.externalId)).toEqual(['dna:statement:1', 'dna:statement:2', 'dna:statement:3', 'dna:statement:5'])
    expect(plan.outcomes.find((outcome) => outcome.item === '4')).toMatchObject({ status: 'rejected', detail: 'It names no person, the claimant.' })
    expect(plan.claims[0]!.attributes).toEqual({ organization: ['Al-Nujaba Movement'] })
  })

  it('previews the counts the confirmation step shows', () => {
    const preview = previewDnaImport(dna, options(dna).choice, defaultDnaStanceMap('boolean', []))
    expect(preview).toMatchObject({ claims: 6, skipped: 2, rejected: 3, attributeVariables: ['person'], issueEntities: 2 })
    // Each kind of reason once, counted, with a real example rather than a template.
    expect(preview.reasons.map((group) => [group.count, group.varied, group.example])).toEqual([
      [1, false, 'It is a "Annotation" statement; claims come from "DNA Statement".'],
      [1, false, 'It is a "Threat" statement; claims come from "DNA Statement".'],
      [1, false, expect.stringMatching(/^Its offsets \d+–9999 lie outside document 4 \("Wire note"\)/)],
      [1, false, 'It points to document 99, which is not in the project.'],
      [1, false, 'Its concept refers to entity 999, which is not in the project.'],
    ])
    expect(preview.actorVariables).toEqual([
      { name: 'person', kind: 'person', entities: 3 },
      { name: 'organization', kind: 'organization', entities: 4 },
    ])
    const overview = dnaOverview(dna, suggestClaimChoice(dna))
    expect(overview).toMatchObject({ documents: 4, statements: 8, unreadable: 3 })
    expect(overview.stanceValues[4]).toEqual([
      { key: '0', label: '0 (no)', count: 2 },
      { key: '1', label: '1 (yes)', count: 4 },
    ])
    expect(overview.stanceValues[8]).toEqual([{ key: '3', label: '3', count: 1 }])
    // An integer scale keeps −2…+2 and rejects the rest.
    expect(defaultDnaStanceMap('integer', overview.stanceValues[8]!)).toEqual({ '3': null })
  })

  it('reads DNA 2 projects the same way', async () => {
    const dna2 = read(buildDna2Fixture(SQL))
    const plan = planDnaImport(dna2, options(dna2), EMPTY_EXISTING, await hashesOf(dna2))
    expect(plan.claims.length).toBe(DNA2_STATEMENTS.length)
    expect(plan.actors.find((actor) => actor.name === 'Kataib Hezbollah')).toMatchObject({ kind: 'organization', aliases: ['KH'], attributes: { Type: ['armed group'], Alias: ['KH'], Notes: ['Brigades of Hezbollah.'] } })
    expect(plan.claims.map((claim) => claim.anchor.exact)).toEqual(DNA2_STATEMENTS.map((statement) => statement.quote))
  })
})

describe('importing into a workspace', () => {
  let db: StandpointDB
  let counter = 0
  beforeEach(async () => {
    db = new StandpointDB(`dna-import-${++counter}-${Date.now()}`)
    await db.open()
  })

  async function importOnce(project: DnaProject): Promise<ReturnType<typeof planDnaImport>> {
    const hashes = await hashesOf(project)
    const existing = await readInteropExisting(db, dnaExistingQuery(project, hashes))
    const plan = planDnaImport(project, options(project), existing, hashes)
    await applyInteropPlan(db, plan)
    return plan
  }

  it('writes the plan, and opening the same project again adds nothing', async () => {
    const first = await importOnce(dna)
    expect(await db.claims.count()).toBe(6)
    expect(await db.articles.count()).toBe(4)
    const stored = await db.claims.toArray()
    // Claims keep their DNA coders; actors and issues land with them.
    expect(new Set(stored.map((claim) => claim.coderId))).toEqual(new Set(first.coders.map((coder) => coder.id)))
    expect(await db.actors.count()).toBe(first.actors.length)
    expect(await db.journal.count()).toBeGreaterThan(0)

    const again = await importOnce(dna)
    expect(again.counts).toMatchObject({ imported: 0, duplicates: 6, skipped: 2, rejected: 3, articlesCreated: 0, articlesMatched: 4, actorsCreated: 0, issuesCreated: 0, codersCreated: 0, codersMatched: 0 })
    expect(again.actors.length + again.issues.length + again.articles.length + again.claims.length + again.coders.length).toBe(0)
    expect(await db.claims.count()).toBe(6)
    expect(again.outcomes.filter((outcome) => outcome.status === 'duplicate').map((outcome) => outcome.claimId).sort()).toEqual(stored.map((claim: Claim) => claim.id).sort())
  })

  it('a write that fails half-way leaves nothing behind: coders, actors, issues, articles and claims land together or not at all', async () => {
    const hashes = await hashesOf(dna)
    const plan = planDnaImport(dna, options(dna), await readInteropExisting(db, dnaExistingQuery(dna, hashes)), hashes)
    // A claim created meanwhile under the id of the plan's last claim: its bulkAdd fails after
    // everything before it was added in the same transaction.
    const last = plan.claims[plan.claims.length - 1]!
    await db.claims.add({ ...last, articleId: 'elsewhere' })
    const before = { journal: await db.journal.count(), claims: await db.claims.count() }
    await expect(applyInteropPlan(db, plan)).rejects.toThrow()
    expect(await db.claims.count()).toBe(before.claims)
    expect(await db.claims.get(last.id)).toMatchObject({ articleId: 'elsewhere' })
    expect([await db.articles.count(), await db.actors.count(), await db.issues.count(), await db.coders.count(), await db.mentions.count()]).toEqual([0, 0, 0, 0, 0])
    expect(await db.journal.count()).toBe(before.journal)
  })

  it('matches actors and issues the workspace already has, by name, alias and label', async () => {
    await db.actors.add({ id: 'nujaba', name: 'Harakat al-Nujaba', kind: 'armed group', aliases: ['Al-Nujaba Movement'], notes: '', createdAt: NOW, updatedAt: NOW, attributes: {}, updatedBy: '' })
    await db.issues.add({ id: 'attacks', label: 'attacks on israel should continue', description: '', parentId: null, createdAt: NOW, updatedAt: NOW, code: '', updatedBy: '' })
    const plan = await importOnce(dna)
    expect(plan.actors.some((actor) => actor.name === 'Al-Nujaba Movement')).toBe(false)
    expect(plan.claims.filter((claim) => claim.actorId === 'nujaba').length).toBe(3)
    expect(plan.claims.filter((claim) => claim.issueIds[0] === 'attacks').length).toBe(5)
    expect(plan.counts).toMatchObject({ actorsMatched: 1, issuesMatched: 1, issuesCreated: 1 })
  })
})
