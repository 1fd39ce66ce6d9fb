import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { percentAgreement } from '../../../renderer/src/domain/agreement/alpha'
import { computeAgreement } from '../../../renderer/src/domain/agreement/report'
import { AGREEMENT_TABLE_HEADER, agreementCsv, agreementTable } from '../../../renderer/src/domain/agreement/table'
import type { CodedClaim } from '../../../renderer/src/domain/agreement/units'
import { coded } from './fixtures'
import { COHEN_1960_P45, KRIPPENDORFF_2004_P254, KRIPPENDORFF_2011_MISSING } from './published'

// The published datasets again, this time typed in as claims, so the whole path from claims to
// report is checked against the published values rather than against the coefficients alone.

const CODERS = ['A', 'B', 'C', 'D']

/**
 * Krippendorff (2011)'s 4 × 12 matrix as claims on one article: unit u is the text at
 * [100u, 100u + 50); a coder with a value there has a claim with that value as actor, as issue
 * and (value − 3, so 1..5 becomes −2..2) as stance.
 */
function krippendorff2011Claims(): CodedClaim[] {
  return KRIPPENDORFF_2011_MISSING.flatMap((unit, u) =>
    unit.flatMap((value, coder) =>
      value === null
        ? []
        : [coded({ id: `u${u}-${CODERS[coder]}`, coderId: CODERS[coder]!, start: 100 * u, end: 100 * u + 50, actorId: `actor-${value}`, issueIds: [`issue-${value}`], stance: value - 3 })],
    ),
  )
}

describe('the report from claims, against Krippendorff (2011)', () => {
  const report = computeAgreement({ coderIds: CODERS, claims: krippendorff2011Claims(), articles: [{ id: 'art', length: 1200 }] })

  it('pairs the 11 units with two or more coders and leaves the single claim of unit 12 unpaired', () => {
    expect(report.units).toHaveLength(11)
    expect(report.unpaired.map((list) => list.map((entry) => entry.claim.id))).toEqual([[], ['u11-B'], [], []])
    expect(report.overall.units).toBe(11)
  })

  it('actor and issue set: nominal α .743, percent agreement .800; stance: interval α .849', () => {
    const { actor, issues, stance } = report.overall.fields
    expect(actor.alpha.value).toBeCloseTo(0.743, 3)
    expect(issues.alpha.value).toBeCloseTo(0.743, 3)
    expect(stance.alpha.value).toBeCloseTo(0.849, 3)
    expect(actor.percent.value).toBeCloseTo(0.8, 3)
    expect(stance.alpha).toMatchObject({ level: 'interval', pairableUnits: 11, pairableValues: 40 })
    // Four coders: no kappa overall.
    expect(actor.kappa).toBeNull()
  })

  it('counts units whose claims agree on everything: 8 of 11', () => {
    // Read off the published matrix: units 2, 6 and 8 differ; 1, 3, 4, 5, 7, 9, 10 and 11 agree.
    expect(report.overall.fullAgreement).toMatchObject({ count: 8, of: 11 })
    expect(report.overall.fullAgreement.value).toBeCloseTo(8 / 11, 12)
  })

  it('breaks down by coder pair over the units both coded, with kappa', () => {
    expect(report.byPair.map((pair) => pair.coderIds.join('-'))).toEqual(['A-B', 'A-C', 'A-D', 'B-C', 'B-D', 'C-D'])
    const ab = report.byPair[0]!.figures
    // A and B both coded units 1–9, and agree on all but unit 6 (1 vs 2).
    expect(ab.units).toBe(9)
    expect(ab.fields.actor.percent.value).toBeCloseTo(8 / 9, 12)
    expect(ab.fields.actor.kappa?.units).toBe(9)
  })

  it('breaks down by issue over the units in which any claim has that issue', () => {
    const issue1 = report.byIssue.find((entry) => entry.issueId === 'issue-1')!.figures
    // Value 1 occurs in units 1, 6, 8 and 11 of the matrix.
    expect(issue1.units).toBe(4)
    // Those units' actor values, typed from the matrix: percent agreement recomputed on them alone.
    const rows = [[1, 1, null, 1], [1, 2, 3, 4], [1, 1, 2, 1], [null, null, 1, 1]]
    expect(issue1.fields.actor.percent.value).toBeCloseTo(percentAgreement(rows).value!, 12)
    expect(report.byIssue.map((entry) => entry.issueId)).toEqual(['issue-1', 'issue-2', 'issue-3', 'issue-4', 'issue-5'])
  })
})

describe('the report from claims, against Cohen (1960: 45)', () => {
  it("two coders: Cohen's kappa .492 for a field coded as the published table", () => {
    const claims = COHEN_1960_P45.flatMap(([a, b], u) => [
      coded({ id: `u${u}a`, coderId: 'A', start: 20 * u, end: 20 * u + 10, actorId: `x${a}`, stance: a - 2 }),
      coded({ id: `u${u}b`, coderId: 'B', start: 20 * u, end: 20 * u + 10, actorId: `x${b}`, stance: b - 2 }),
    ])
    const report = computeAgreement({ coderIds: ['A', 'B'], claims })
    expect(report.overall.fields.actor.kappa?.value).toBeCloseTo(0.492, 3)
    expect(report.overall.fields.stance.kappa?.value).toBeCloseTo(0.492, 3)
    expect(report.overall.fields.actor.percent.value).toBeCloseTo(0.7, 3)
    expect(report.byPair[0]!.figures.fields.actor.kappa?.value).toBe(report.overall.fields.actor.kappa?.value)
    // Same issue everywhere: no variation, so issue alpha is undefined, not 1.
    expect(report.overall.fields.issues.alpha.reason).toBe('no-variation')
    expect(report.overall.fields.issues.percent.value).toBe(1)
    // No article lengths given: no u-alpha, and the report says why.
    expect(report.unitizing.reason).toBe('no-article-lengths')
  })
})

describe('u-alpha on the quote spans, against Krippendorff (2004: 254)', () => {
  it('category c of the published example, as two coders\' quotes on an article of 300 characters: .7286', () => {
    const claims = KRIPPENDORFF_2004_P254.segments
      .filter(([, , , category]) => category === 'c')
      .map(([coder, start, length], index) => coded({ id: `q${index}`, coderId: coder === 0 ? 'A' : 'B', start: start - KRIPPENDORFF_2004_P254.begin, end: start - KRIPPENDORFF_2004_P254.begin + length }))
    const report = computeAgreement({ coderIds: ['A', 'B'], claims, articles: [{ id: 'art', length: KRIPPENDORFF_2004_P254.length }] })
    expect(report.unitizing.value).toBeCloseTo(0.7286, 4)
    expect(report.unitizing).toMatchObject({ segments: 5, length: 300 })
    expect(report.byPair[0]!.unitizing.value).toBe(report.unitizing.value)
  })
})

describe('the report on thin data never crashes and says why a figure is missing', () => {
  it('no claims at all', () => {
    const report = computeAgreement({ coderIds: ['A', 'B'], claims: [], articles: [{ id: 'art', length: 100 }] })
    expect(report.units).toEqual([])
    expect(report.overall.fullAgreement.reason).toBe('no-units')
    expect(report.overall.fields.actor.alpha.reason).toBe('no-units')
    expect(report.overall.fields.actor.kappa?.reason).toBe('no-units')
    expect(report.unitizing.reason).toBe('no-quotes')
    expect(report.byIssue).toEqual([])
  })

  it('one coder', () => {
    const report = computeAgreement({ coderIds: ['A'], claims: [coded({ id: 'a', coderId: 'A' })], articles: [{ id: 'art', length: 100 }] })
    expect(report.overall.fields.stance.alpha.reason).toBe('too-few-coders')
    expect(report.overall.fullAgreement.reason).toBe('too-few-coders')
    expect(report.unitizing.reason).toBe('too-few-coders')
    expect(report.unpaired[0]!.map((entry) => entry.claim.id)).toEqual(['a'])
    expect(report.byPair).toEqual([])
  })

  it('a single paired unit', () => {
    const report = computeAgreement({ coderIds: ['A', 'B'], claims: [coded({ id: 'a', coderId: 'A', stance: 1 }), coded({ id: 'b', coderId: 'B', stance: 2 })] })
    expect(report.overall.fields.stance.alpha.value).toBe(0)
    expect(report.overall.fields.actor.alpha.reason).toBe('no-variation')
    expect(report.overall.fields.actor.kappa?.reason).toBe('no-variation')
  })
})

describe('the export table', () => {
  const report = computeAgreement({ coderIds: CODERS, claims: krippendorff2011Claims(), articles: [{ id: 'art', length: 1200 }] })
  const names = { coder: (id: string) => `Coder ${id}`, issue: (id: string) => id.replace('issue-', 'Issue #') }

  it('writes every figure with its definition, N and the coders, as CSV through the shared writer', () => {
    const csv = agreementCsv(report, names)
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { skipEmptyLines: true }).data
    expect(parsed[0]).toEqual([...AGREEMENT_TABLE_HEADER])
    const rows = parsed.slice(1).map((row) => Object.fromEntries(AGREEMENT_TABLE_HEADER.map((name, index) => [name, row[index]!])))
    const stance = rows.find((row) => row.Scope === 'All coders' && row.Field === 'Stance' && row.Measure === "Krippendorff's alpha (interval)")!
    expect(stance).toMatchObject({ Value: '0.8491', 'Undefined because': '', Units: '11', 'Pairable values': '40', Coders: 'Coder A; Coder B; Coder C; Coder D' })
    expect(stance.Definition).toMatch(/1 - D_o\/D_e/)
    for (const row of rows) {
      expect(row.Definition, `${row.Scope} ${row.Measure}`).not.toBe('')
      expect(row.Coders).not.toBe('')
      // A figure is either a value or undefined with a reason, never both or neither.
      if (row.Measure !== 'Paired units' && !row.Measure!.startsWith('Unpaired')) expect((row.Value === '') !== (row['Undefined because'] === '')).toBe(true)
    }
    expect(rows.filter((row) => row.Measure!.startsWith('Unpaired claims of')).map((row) => [row.Measure, row.Value])).toEqual([
      ['Unpaired claims of Coder A', '0'],
      ['Unpaired claims of Coder B', '1'],
      ['Unpaired claims of Coder C', '0'],
      ['Unpaired claims of Coder D', '0'],
    ])
    expect(rows.some((row) => row.Scope === 'Issue: Issue #3')).toBe(true)
    expect(rows.filter((row) => row.Scope === 'Coder pair: Coder A; Coder B' && row.Measure === "Cohen's kappa")).toHaveLength(3)
  })

  it('writes an undefined figure as an empty value with the reason', () => {
    const thin = computeAgreement({ coderIds: ['A', 'B'], claims: [coded({ id: 'a', coderId: 'A' }), coded({ id: 'b', coderId: 'B' })] })
    const { rows } = agreementTable(thin)
    const actorAlpha = rows.find((row) => row[1] === 'Actor' && row[2] === "Krippendorff's alpha (nominal)")!
    expect(actorAlpha[3]).toBeNull()
    expect(actorAlpha[4]).toMatch(/same value/)
    const uAlpha = rows.find((row) => row[1] === 'Quote spans')!
    expect(uAlpha[4]).toMatch(/length of at least one article is unknown/)
  })
})
