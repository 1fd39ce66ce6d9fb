import { beforeAll, describe, expect, it } from 'vitest'
import { planClaims, suggestClaimChoice } from '../../../renderer/src/domain/interop/dna/dnaClaims'
import { readDnaProject } from '../../../renderer/src/domain/interop/dna/readDna'
import type { DnaProject } from '../../../renderer/src/domain/interop/dna/types'
import { buildDna3Fixture, DNA3_STATEMENTS } from '../../support/dnaFixtures'
import { loadSqlJsForTests } from '../../support/sqlJs'

let dna: DnaProject
beforeAll(async () => {
  const SQL = await loadSqlJsForTests()
  const result = readDnaProject(buildDna3Fixture(SQL), SQL)
  if (!result.ok) throw new Error(result.reason)
  dna = result.project
})

describe('suggestClaimChoice', () => {
  it("follows DNA's conventions: DNA Statement, organisation as claimant, concept, agreement 1 → +1, 0 → −1", () => {
    expect(suggestClaimChoice(dna)).toEqual({ statementTypeId: 1, claimantVariableId: 2, issueVariableId: 3, stanceVariableId: 4, stanceWhenTrue: 1, stanceWhenFalse: -1 })
  })
})

describe('planClaims', () => {
  it('turns each DNA statement into a draft claim with claimant, issue and stance', () => {
    const plan = planClaims(dna, suggestClaimChoice(dna)!)
    const rows = plan.drafts.map((draft) => [draft.statement.id, draft.claimant.value, draft.issue.value, draft.stance, draft.statement.coderId])
    expect(rows).toEqual([
      [1, 'Al-Nujaba Movement', 'Attacks on Israel should continue', -1, 2],
      [2, 'Al-Nujaba Movement', 'Attacks on Israel should continue', -1, 3],
      [3, 'Government of Iraq', 'Weapons belong to the state alone', 1, 2],
      [4, 'Islamic Resistance in Iraq', 'Attacks on Israel should continue', 1, 3],
      [5, 'Kataib Hezbollah', 'Attacks on Israel should continue', 1, 3],
      [6, 'Al-Nujaba Movement', 'Attacks on Israel should continue', 1, 2],
    ])
    expect(plan.drafts[0]!.extra).toEqual({ person: 'Akram al-Kaabi' })
    expect(plan.drafts[3]!.extra).toEqual({})
  })

  it('skips statements of other types, saying which type claims come from', () => {
    const plan = planClaims(dna, suggestClaimChoice(dna)!)
    expect(plan.skipped).toEqual([
      { statementId: 7, reason: 'It is a "Annotation" statement; claims come from "DNA Statement".' },
      { statementId: 8, reason: 'It is a "Threat" statement; claims come from "DNA Statement".' },
    ])
    // Every statement of the file is a draft, skipped, or rejected by the reader.
    expect(plan.drafts.length + plan.skipped.length + dna.rejected.length).toBe(DNA3_STATEMENTS.length)
  })

  it('with persons as claimants, skips statements that name no person', () => {
    const plan = planClaims(dna, { ...suggestClaimChoice(dna)!, claimantVariableId: 1 })
    expect(plan.drafts.map((draft) => draft.claimant.value)).toEqual(['Akram al-Kaabi', 'Akram al-Kaabi', 'Mohammed Shia al-Sudani', 'Kataib Hezbollah spokesman'])
    expect(plan.skipped.filter((skip) => skip.reason.includes('claimant'))).toEqual([
      { statementId: 4, reason: 'It names no person, the claimant.' },
      { statementId: 6, reason: 'It names no person, the claimant.' },
    ])
  })

  it('reads an integer variable as the stance itself, refusing values off the scale', () => {
    const plan = planClaims(dna, { statementTypeId: 3, claimantVariableId: 6, issueVariableId: 7, stanceVariableId: 8, stanceWhenTrue: 1, stanceWhenFalse: -1 })
    expect(plan.drafts).toEqual([])
    expect(plan.skipped).toContainEqual({ statementId: 8, reason: 'Its severity is 3, outside the stance scale −2 to +2.' })
  })
})
