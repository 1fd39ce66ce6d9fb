import { beforeAll, expect, it } from 'vitest'
import { readDnaProject } from '../../renderer/src/domain/interop/dna/readDna'
import type { DnaProject } from '../../renderer/src/domain/interop/dna/types'
import { describeWithInteropFixtures, interopFixtureBytes } from '../support/interopFixtures'
import { loadSqlJsForTests } from '../support/sqlJs'

// DNA's own sample project, as its R package ships it, in both storage generations: the same
// 7 testimony documents and 41 statements saved by DNA 2.0 beta 19 and by DNA 3.0.7. The two
// files share no code path in the reader (millisecond vs second dates, values stored as text
// vs entity IDs, fixed vs variable attributes), so agreement between them checks both.

const DNA2 = ['dna', 'sample-dna2.dna']
const DNA3 = ['dna', 'sample-dna3.dna']

describeWithInteropFixtures("DNA's published sample project", [DNA2, DNA3], () => {
  let dna2: DnaProject
  let dna3: DnaProject
  beforeAll(async () => {
    const SQL = await loadSqlJsForTests()
    const open = (parts: string[]) => {
      const result = readDnaProject(interopFixtureBytes(...parts), SQL)
      if (!result.ok) throw new Error(result.reason)
      return result.project
    }
    dna2 = open(DNA2)
    dna3 = open(DNA3)
  })

  it('reads every statement of both versions, rejecting none', () => {
    expect([dna2.format, dna2.version]).toEqual(['dna2', '2.0 beta 19'])
    expect([dna3.format, dna3.version]).toEqual(['dna3', '3.0.7'])
    for (const dna of [dna2, dna3]) {
      expect(dna.documents).toHaveLength(7)
      expect(dna.statements).toHaveLength(41)
      expect(dna.rejected).toEqual([])
    }
  })

  it('gives the same documents, dates, quotes and values from both versions', () => {
    const summary = (dna: DnaProject) => {
      const variables = new Map(dna.statementTypes.flatMap((type) => type.variables).map((variable) => [variable.id, variable.name]))
      return {
        documents: dna.documents.map((document) => [document.title, document.date, document.text.length]),
        statements: dna.statements.map((statement) => ({
          document: statement.documentId,
          quote: statement.quote,
          coder: dna.coders.find((coder) => coder.id === statement.coderId)?.name,
          values: Object.fromEntries(
            Object.entries(statement.values).map(([id, value]): [string, string | number | boolean] => [
              variables.get(Number(id)) ?? id,
              'text' in value ? value.text : value.value,
            ]),
          ),
        }))
          // The annotation statement has a different ID in each file; compare as sets.
          .map((statement) => JSON.stringify(statement))
          .sort(),
      }
    }
    expect(summary(dna3)).toEqual(summary(dna2))
    expect(dna3.documents[0]!.date).toBe('2005-01-26T00:00:00Z')
  })

  it('keeps entity attributes: the type of each person and organisation', () => {
    const typeOf = (dna: DnaProject, value: string) => dna.entities.find((entity) => entity.value === value)?.attributes.Type
    for (const dna of [dna2, dna3]) {
      expect(typeOf(dna, 'Energy and Environmental Analysis, Inc.')).toBe('Business')
      expect(typeOf(dna, 'Christine Todd Whitman')).toBe('Government')
    }
  })
})
