import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateRecord } from '../../../renderer/src/db/backup/validate'
import { applyClaimsImport, readImportSnapshot } from '../../../renderer/src/db/claimsImport/applyClaimsImport'
import type { StandpointDB } from '../../../renderer/src/db/database'
import { isLocalSettingKey } from '../../../renderer/src/db/journal'
import { DATE_ORDERS, detectDateOrder, type DateOrder } from '../../../renderer/src/domain/claimsImport/dates'
import { CLAIM_FIELDS, guessMapping, mappingProblems, type ClaimField, type ColumnMapping } from '../../../renderer/src/domain/claimsImport/mapping'
import { parseTable, TableParseError, type ParsedTable } from '../../../renderer/src/domain/claimsImport/parseTable'
import { planClaimsImport } from '../../../renderer/src/domain/claimsImport/plan'
import { decodeBytes } from '../../../renderer/src/domain/import/decode'
import { ImportRejection } from '../../../renderer/src/domain/import/types'
import { detectScheme, distinctStanceValues, STANCE_SCHEMES, stanceMapFor, type StanceScheme, type StanceValueMap } from '../../../renderer/src/domain/claimsImport/stanceValues'
import { expectReason, freshDatabase } from './articleImport'
import { fuzz, fuzzRuns, fuzzTimeout, tally } from './harness'
import { fuzzFiles, type FuzzFile } from './mutations'
import { claimsSeeds, SEED_CODER, seedWorkspace } from './workspaceSeeds'

// The coded-claims CSV import, fed damaged and random files, through the same steps as its
// dialog (decode, parse, guess the mapping and stance reading, plan against the workspace,
// write in one transaction). Properties: only a TableParseError may stop it (with a reason);
// every row ends imported, duplicate or rejected with a reason; the database gains exactly the
// planned records; no claim points at a missing article, actor, issue or addressee.

interface ClaimsChoice {
  /** Per field: clear it, or take the column at this index (modulo the header). */
  changes: Partial<Record<ClaimField, 'clear' | number>>
  scheme: StanceScheme | 'detected'
  dateOrder: DateOrder | 'detected'
}

const choiceArbitrary: fc.Arbitrary<ClaimsChoice> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<ClaimsChoice>({ changes: {}, scheme: 'detected', dateOrder: 'detected' }) },
  {
    weight: 2,
    arbitrary: fc.record({
      changes: fc.dictionary(fc.constantFrom(...CLAIM_FIELDS), fc.oneof(fc.constant('clear' as const), fc.nat({ max: 40 })), { maxKeys: 4 }),
      scheme: fc.constantFrom('detected' as const, ...STANCE_SCHEMES),
      dateOrder: fc.constantFrom('detected' as const, ...DATE_ORDERS),
    }),
  },
)

/** The mapping step as the dialog sets it up, then changed the way the analyst could. */
function settingsFor(table: ParsedTable, choice: ClaimsChoice): { mapping: ColumnMapping; stanceMap: StanceValueMap; dateOrder: DateOrder } {
  const mapping = guessMapping(table.header)
  for (const [field, change] of Object.entries(choice.changes) as [ClaimField, 'clear' | number][]) {
    mapping[field] = change === 'clear' || table.header.length === 0 ? null : change % table.header.length
  }
  const column = (index: number | null): string[] => (index === null ? [] : table.rows.map((row) => row[index]!))
  const values = distinctStanceValues(column(mapping.stance))
  const scheme = choice.scheme === 'detected' ? detectScheme(values, mapping.stance === null ? '' : table.header[mapping.stance]) : choice.scheme
  return { mapping, stanceMap: stanceMapFor(scheme, values), dateOrder: choice.dateOrder === 'detected' ? detectDateOrder(column(mapping.date)) : choice.dateOrder }
}

async function counts(db: StandpointDB): Promise<Record<string, number>> {
  // Without the journal's own bookkeeping (it prunes itself now and then).
  return Object.fromEntries(
    await Promise.all(db.workspaceTables.map(async (table) => [table.name, (await table.toArray()).filter((record) => !isLocalSettingKey((record as { key?: unknown }).key)).length] as const)),
  )
}

async function expectNoOrphans(db: StandpointDB): Promise<void> {
  const ids = async (table: 'articles' | 'actors' | 'issues'): Promise<Set<string>> => new Set((await db.table(table).toCollection().primaryKeys()) as string[])
  const [articles, actors, issues] = await Promise.all([ids('articles'), ids('actors'), ids('issues')])
  for (const claim of await db.claims.toArray()) {
    expect(articles.has(claim.articleId), `claim ${claim.id}: its article exists`).toBe(true)
    expect(actors.has(claim.actorId), `claim ${claim.id}: its actor exists`).toBe(true)
    expect(claim.issueIds.length > 0 && claim.issueIds.every((id) => issues.has(id)), `claim ${claim.id}: its issues exist`).toBe(true)
    expect(claim.addresseeId === null || actors.has(claim.addresseeId), `claim ${claim.id}: its addressee exists`).toBe(true)
  }
}

async function importClaimsAndCheck(db: StandpointDB, input: FuzzFile, choice: ClaimsChoice): Promise<string> {
  await seedWorkspace(db)
  const before = await counts(db)
  let table: ParsedTable
  try {
    // As the dialog reads a file: decodeBytes refuses empty, binary and damaged input.
    table = parseTable(decodeBytes(input.bytes, { name: input.name }).text)
  } catch (error) {
    if (!(error instanceof TableParseError || error instanceof ImportRejection)) throw error
    expectReason(error.message)
    expect(await counts(db)).toEqual(before)
    return 'rejected: unreadable'
  }
  if (table.rows.length === 0) return 'rejected: no data rows'
  const settings = settingsFor(table, choice)
  const problems = mappingProblems(settings.mapping)
  if (problems.length > 0) {
    for (const problem of problems) expectReason(problem)
    return 'stopped at the mapping'
  }

  const plan = await planClaimsImport(table.rows, table.rowNumbers, await readImportSnapshot(db), { ...settings, fileName: input.name, now: '2030-01-01T00:00:00.000Z' })
  await applyClaimsImport(db, plan)

  // Every row is accounted for, once, with a reason where it was not imported.
  expect(plan.outcomes.map((outcome) => outcome.row).sort((a, b) => a - b)).toEqual([...table.rowNumbers].sort((a, b) => a - b))
  for (const outcome of plan.outcomes) {
    expect(['imported', 'duplicate', 'rejected']).toContain(outcome.status)
    if (outcome.status !== 'imported') expectReason(outcome.detail)
    if (outcome.status === 'imported') expect(outcome.claimId).toBeTruthy()
  }
  const { counts: planned } = plan
  expect(planned.imported + planned.duplicates + planned.rejected).toBe(table.rows.length)
  expect(planned.imported).toBe(plan.claims.length)
  expect([planned.articlesCreated, planned.actorsCreated, planned.issuesCreated, planned.codersCreated]).toEqual([plan.articles.length, plan.actors.length, plan.issues.length, plan.coders.length])

  // The database gained exactly the planned records, each whole, none orphaned.
  const after = await counts(db)
  expect(after).toEqual({
    ...before,
    claims: before.claims! + plan.claims.length,
    articles: before.articles! + plan.articles.length,
    actors: before.actors! + plan.actors.length,
    issues: before.issues! + plan.issues.length,
    // Our own export carries a coder column, which the mapping picks up: its coders are created once each.
    coders: before.coders! + plan.coders.length,
  })
  for (const [tableName, records] of [['articles', plan.articles], ['actors', plan.actors], ['issues', plan.issues], ['claims', plan.claims]] as const) {
    for (const record of records) {
      const stored: unknown = await db.table(tableName).get(record.id)
      // What the plan left to the importing coder is the workspace's current coder's.
      const stamped = { ...record, ...('updatedBy' in record && record.updatedBy === '' ? { updatedBy: SEED_CODER } : {}), ...('coderId' in record && record.coderId === '' ? { coderId: SEED_CODER } : {}) }
      expect(stored, `${tableName} ${record.id} stored`).toEqual(stamped)
      expect(validateRecord(tableName, 'id', stored, true), `${tableName} ${record.id} is whole`).toBeNull()
    }
  }
  const outcomeByClaim = new Map(plan.outcomes.map((outcome) => [outcome.claimId, outcome]))
  for (const claim of plan.claims) {
    const article = await db.articles.get(claim.articleId)
    const anchored = article !== undefined && article.body.slice(claim.anchor.start, claim.anchor.end) === claim.anchor.exact && claim.anchor.exact !== ''
    // A quote that is not anchored in the text says so in the row report.
    if (!anchored) expect(outcomeByClaim.get(claim.id)?.detail ?? '', `claim ${claim.id} is unanchored and says why`).not.toBe('')
  }
  await expectNoOrphans(db)
  return planned.imported > 0 ? 'imported' : planned.duplicates > 0 ? 'duplicate' : 'rejected: every row'
}

describe('fuzzing the coded-claims import', () => {
  it('every row imported, duplicate or rejected with a reason; the database gains exactly the plan, no orphan claim', async () => {
    const db = await freshDatabase('claims')
    const importer = 'coded-claims CSV'
    await fuzz(
      importer,
      fc.tuple(fuzzFiles(claimsSeeds(), ['claims.csv', 'coded.tsv', 'statements.txt']), choiceArbitrary),
      async ([input, choice]) => tally.note(importer, await importClaimsAndCheck(db, input, choice)),
      fuzzRuns(1000),
    )
  }, fuzzTimeout(fuzzRuns(1000)))
})
