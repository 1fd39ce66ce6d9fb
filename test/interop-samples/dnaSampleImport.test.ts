import { readFileSync } from 'node:fs'
import type { SqlJsStatic } from 'sql.js'
import { beforeAll, expect, it } from 'vitest'
import type { DnaProject } from '../../renderer/src/domain/interop/dna/types'
import { planDnaImport } from '../../renderer/src/domain/interop/mapping/dnaImport'
import { EMPTY_EXISTING } from '../../renderer/src/domain/interop/mapping/interopPlan'
import { describeWithInteropFixtures, interopFixture } from '../support/interopFixtures'
import { dnaDocumentHashes, dnaImportOptions, readDnaOrThrow } from '../support/dnaPlanning'
import { loadSqlJsForTests } from '../support/sqlJs'

// DNA's published sample projects through the whole import plan (see dnaSamples.test.ts for the reader alone).

let SQL: SqlJsStatic

beforeAll(async () => {
  SQL = await loadSqlJsForTests()
})

const read = (bytes: Uint8Array): DnaProject => readDnaOrThrow(bytes, SQL)
const hashesOf = dnaDocumentHashes
const options = (project: DnaProject) => dnaImportOptions(project)

describeWithInteropFixtures('DNA sample projects (leifeld/dna)', [['dna', 'sample-dna3.dna'], ['dna', 'sample-dna2.dna']], () => {
  for (const file of ['sample-dna3.dna', 'sample-dna2.dna']) {
    it(`${file}: every statement is imported, skipped or rejected, and every claim's quote is its offsets' text`, async () => {
      const project = read(new Uint8Array(readFileSync(interopFixture('dna', file)!)))
      const plan = planDnaImport(project, options(project), EMPTY_EXISTING, await hashesOf(project))
      expect(plan.outcomes.length).toBe(project.statements.length + project.rejected.length)
      expect(plan.claims.length).toBeGreaterThan(0)
      const bodies = new Map(plan.articles.map((article) => [article.id, article.body]))
      for (const claim of plan.claims) expect(bodies.get(claim.articleId)!.slice(claim.anchor.start, claim.anchor.end)).toBe(claim.anchor.exact)
    })
  }
})
