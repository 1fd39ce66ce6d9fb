import Papa from 'papaparse'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { writeCsv } from '../../../renderer/src/domain/csv/writeCsv'
import type { Actor, Claim, Issue } from '../../../renderer/src/domain/model'
import { positionsColumns, positionsTable } from '../../../renderer/src/domain/positions/columns'
import { NO_VALUE } from '../../../renderer/src/domain/positions/grouping'
import { computePositions, DEFAULT_OPTIONS, type PositionsOptions } from '../../../renderer/src/domain/positions/engine'
import { claimFact } from '../../../renderer/src/domain/positions/facts'
import { cellAccessibleName, cellAccessibleText, describeCell, formatMean, formatSigned, stanceTone } from '../../../renderer/src/domain/positions/format'
import { packResult, unpackResult } from '../../../renderer/src/domain/positions/resultPack'
import { buildPositionsView, createPositionsViewBuilder, rowsWithIds, sortRows, type PositionRow, type PositionsView, type ViewOptions } from '../../../renderer/src/domain/positions/rows'
import { compareText } from '../../../renderer/src/domain/text/compare'
import { foldText } from '../../../renderer/src/domain/text/folding'
import { actor, child, claim, issue } from './fixtures'

const actors = [
  actor('nujaba', 'Al-Nujaba Movement', 'armed group', ['Nujaba', 'al-Nujaba'], { coalition: ['Resistance Axis'] }),
  actor('sudani', 'Mohammed Shia al-Sudani', 'person', [], { coalition: ['Coordination Framework'] }),
  actor('iran', 'Iran', 'state', [], { coalition: ['Resistance Axis'] }),
  actor('jubeir', 'عادل الجُبَيْر', 'person'),
]
const issues = [issue('israel', 'Attacks on Israel'), issue('us', 'US forces in Iraq'), child('bases', 'Bases', 'us')]
const claims = [
  claim({ id: 'n-nov', actorId: 'nujaba', issueId: 'israel', stance: 1, date: '2024-11-20' }),
  claim({ id: 'n-dec', actorId: 'nujaba', issueId: 'israel', stance: -1, date: '2024-12-23' }),
  claim({ id: 'n-us', actorId: 'nujaba', issueId: 'us', stance: -2, date: '2024-12-23' }),
  claim({ id: 's-dec', actorId: 'sudani', issueId: 'israel', stance: -1, date: '2024-12-02' }),
  claim({ id: 'ghost', actorId: 'deleted-actor', issueId: 'israel', stance: 1, date: '2024-10-02' }),
]
const all: ViewOptions = { mode: 'actor-issue', text: '', showAll: false, onlyWithClaims: false }

function viewOf(options: Partial<PositionsOptions> = {}, view: Partial<ViewOptions> = {}, data: { claims?: Claim[]; actors?: Actor[]; issues?: Issue[] } = {}) {
  const actorList = data.actors ?? actors
  const actorMap = new Map(actorList.map((entry) => [entry.id, entry]))
  const result = computePositions((data.claims ?? claims).map(claimFact), [], { actors: actorMap, issues: data.issues ?? issues, coders: [], assignments: [], viewerId: null }, { ...DEFAULT_OPTIONS, ...options })
  return { result, view: buildPositionsView(result, actorMap, data.issues ?? issues, { ...all, ...view }) }
}

describe('rows of the table', () => {
  it('has one row per actor and issue with claims, sorted by actor then issue', () => {
    const { view } = viewOf()
    expect(view.rows.map((row) => `${row.label} / ${row.issueLabel}`)).toEqual([
      '(unknown actor) / Attacks on Israel',
      'Al-Nujaba Movement / Attacks on Israel',
      'Al-Nujaba Movement / US forces in Iraq',
      'Mohammed Shia al-Sudani / Attacks on Israel',
    ])
    expect(view.buckets.map((entry) => entry.bucket.key)).toEqual(['2024-10', '2024-11', '2024-12'])
    expect([view.claims, view.groups]).toEqual([5, 3])
  })

  it('filters by actor text (name or alias, folded as tagging folds names), and the counts follow', () => {
    expect(viewOf({}, { text: 'NUJABA' }).view.rows).toHaveLength(2)
    expect(viewOf({}, { text: 'al nujaba' }).view).toMatchObject({ claims: 3, groups: 1 })
    expect(viewOf({}, { text: 'sudani' }).view.rows.map((row) => row.actorId)).toEqual(['sudani'])
    expect(viewOf({ actorKind: 'person' }).view).toMatchObject({ claims: 1, groups: 1 })
    expect(foldText('عادل الجُبَيْر')).toBe('عادل الجبير')
  })

  it('shows an issue below another with its parent', () => {
    const { view } = viewOf({}, {}, { claims: [claim({ id: 'b', actorId: 'iran', issueIds: ['bases'], stance: -2, date: '2024-01-01' })] })
    expect(view.rows.map((row) => row.issueLabel)).toEqual(['US forces in Iraq › Bases'])
    expect(viewOf({ level: 'top' }, {}, { claims: [claim({ id: 'b', actorId: 'iran', issueIds: ['bases'], stance: -2, date: '2024-01-01' })] }).view.rows.map((row) => row.issueLabel)).toEqual([
      'US forces in Iraq',
    ])
  })

  it('trims the bucket columns to the rows shown, and keeps every bucket of a chosen date range', () => {
    expect(viewOf({ actorKind: 'person' }).view.buckets.map((entry) => entry.bucket.key)).toEqual(['2024-12'])
    const ranged = viewOf({ actorKind: 'person', from: '2024-09-01', to: '2025-01-31' }).view
    expect(ranged.buckets.map((entry) => entry.bucket.key)).toEqual(['2024-09', '2024-10', '2024-11', '2024-12', '2025-01'])
  })

  it('hides empty periods when asked, and by itself when more than 40 would show', () => {
    const spread = [claim({ id: 'a', actorId: 'iran', issueId: 'us', stance: 1, date: '2020-01-05' }), claim({ id: 'b', actorId: 'iran', issueId: 'us', stance: -1, date: '2024-12-05' })]
    expect(viewOf({}, {}, { claims: spread }).view.buckets).toHaveLength(60)
    const auto = viewOf({}, { onlyWithClaims: null }, { claims: spread }).view
    expect([auto.onlyWithClaims, auto.spanBuckets, auto.buckets.map((entry) => entry.bucket.key)]).toEqual([true, 60, ['2020-01', '2024-12']])
    expect(viewOf({ bucketSize: 'year' }, { onlyWithClaims: null }, { claims: spread }).view).toMatchObject({ onlyWithClaims: false, spanBuckets: 5 })
    expect(viewOf({ bucketSize: 'year' }, { onlyWithClaims: true }, { claims: spread }).view.buckets.map((entry) => entry.bucket.key)).toEqual(['2020', '2024'])
  })

  it('for one issue lists the actors with claims on it, or every actor when asked', () => {
    const { view } = viewOf({ issueId: 'israel', oneIssue: true }, { mode: 'actor' })
    expect(view.rows.map((row) => [row.label, row.series?.count ?? 0])).toEqual([
      ['(unknown actor)', 1],
      ['Al-Nujaba Movement', 2],
      ['Mohammed Shia al-Sudani', 1],
    ])
    const everyone = viewOf({ issueId: 'israel', oneIssue: true }, { mode: 'actor', showAll: true }).view
    expect(everyone.rows.map((row) => [row.label, row.series?.count ?? 0])).toEqual([
      ['(unknown actor)', 1],
      ['Al-Nujaba Movement', 2],
      ['Iran', 0],
      ['Mohammed Shia al-Sudani', 1],
      ['عادل الجُبَيْر', 0],
    ])
    expect(viewOf({ issueId: 'israel', oneIssue: true, actorKind: 'state' }, { mode: 'actor', showAll: true }).view.rows.map((row) => row.id)).toEqual(['iran|israel'])
  })

  it('labels group rows by their value, with the actors without one last', () => {
    const { view } = viewOf({ groupBy: { kind: 'attribute', name: 'Coalition' } })
    expect(view.rows.map((row) => [row.label, row.issueLabel, row.series!.count, row.series!.actorCount])).toEqual([
      ['Coordination Framework', 'Attacks on Israel', 1, 1],
      ['Resistance Axis', 'Attacks on Israel', 2, 1],
      ['Resistance Axis', 'US forces in Iraq', 1, 1],
      ['(no Coalition)', 'Attacks on Israel', 1, 1],
    ])
    expect(viewOf({ groupBy: { kind: 'attribute', name: 'Coalition' } }, { text: 'axis' }).view).toMatchObject({ claims: 3, groups: 1 })
  })
})

describe('row order', () => {
  // Names the collator finds equal or orders by number, so ties and ranks are exercised.
  const names = ['Merkel', 'merkel', 'Mérkel', 'Issue 2', 'Issue 10', 'AfD', 'AFD', 'Zeta', 'alpha']
  const labels = ['Ceiling', 'ceiling', 'Borders', 'Issue 2', 'Issue 10']
  const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

  it('is the groups with a value, then by label, issue and id, in compareText order, whatever the ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.constantFrom(...names), party: fc.option(fc.constantFrom('SPD', 'spd', 'CDU', 'Party 10', 'Party 9'), { nil: null }) }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.record({ actor: fc.nat(11), issue: fc.nat(4), stance: fc.constantFrom(-2, -1, 0, 1, 2) }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (actorSpecs, claimSpecs, byParty) => {
          const actorList = actorSpecs.map((spec, index) => actor(`a${index}`, spec.name, 'person', [], spec.party ? { party: [spec.party] } : {}))
          const issueList = labels.map((label, index) => issue(`i${index}`, label))
          const claimList = claimSpecs.map((spec, index) =>
            claim({ id: `k${index}`, actorId: actorList[spec.actor % actorList.length]!.id, issueId: issueList[spec.issue]!.id, stance: spec.stance, date: '2024-01-01' }),
          )
          const { view } = viewOf(byParty ? { groupBy: { kind: 'attribute', name: 'party' } } : {}, {}, { claims: claimList, actors: actorList, issues: issueList })
          const none = (label: string): number => (byParty && label.startsWith('(no ') ? 1 : 0)
          const expected = [...view.rows].sort((a, b) => none(a.label) - none(b.label) || compareText(a.label, b.label) || compareText(a.issueLabel, b.issueLabel) || compareIds(a.id, b.id))
          expect(view.rows.map((row) => row.id)).toEqual(expected.map((row) => row.id))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('is one order whether the rows are packed into numbers or compared', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ id: fc.string({ maxLength: 3 }), label: fc.constantFrom(...names, 'Merkel', 'merkel', ''), issueLabel: fc.constantFrom(...labels, 'a', 'A'), none: fc.boolean() }),
          { selector: (spec) => spec.id, maxLength: 60 },
        ),
        (specs) => {
          const rows = specs.map((spec) => ({ id: spec.id, label: spec.label, issueLabel: spec.issueLabel, groupKey: spec.none ? NO_VALUE : spec.label }) as PositionRow)
          const none = (row: PositionRow): number => (row.groupKey === NO_VALUE ? 1 : 0)
          const expected = [...rows].sort((a, b) => none(a) - none(b) || compareText(a.label, b.label) || compareText(a.issueLabel, b.issueLabel) || compareIds(a.id, b.id))
          const packed = [...rows]
          sortRows(packed)
          const compared = [...rows]
          sortRows(compared, 0)
          expect(packed.map((row) => row.id)).toEqual(expected.map((row) => row.id))
          expect(compared.map((row) => row.id)).toEqual(expected.map((row) => row.id))
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('rows picked by id (the timeline)', () => {
  it('are the rows with those ids, in the order asked, without the ids no row has', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 3 }), { maxLength: 30 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 10 }), (ids, asked) => {
        const rows = ids.map((id) => ({ id }) as PositionRow)
        expect(rowsWithIds(rows, asked)).toEqual(asked.filter((id) => ids.includes(id)).map((id) => rows[ids.indexOf(id)]))
      }),
    )
  })
})

describe('rows made in steps', () => {
  // More rows than one step makes (a thousand), from stored positions and then the engine's, as a cold open hands over.
  const manyActors = Array.from({ length: 700 }, (_, index) => actor(`a${index}`, `Actor ${String(index).padStart(3, '0')}`, 'person', [`alias ${index}`]))
  const manyIssues = [issue('i0', 'Alpha'), issue('i1', 'Beta'), child('i2', 'Gamma', 'i1')]
  const manyClaims = manyActors.flatMap((entry, index) =>
    manyIssues.map((target, at) => claim({ id: `${entry.id}-${target.id}`, actorId: entry.id, issueId: target.id, stance: (((index + at) % 5) - 2) as Claim['stance'], date: `202${index % 4}-0${1 + (at % 9)}-1${index % 9}` })),
  )
  const actorMap = new Map(manyActors.map((entry) => [entry.id, entry]))
  const engineResult = computePositions(manyClaims.map(claimFact), [], { actors: actorMap, issues: manyIssues, coders: [], assignments: [], viewerId: null }, DEFAULT_OPTIONS)
  const storedResult = unpackResult(structuredClone(packResult(engineResult)))!
  const strip = (view: PositionsView) => ({ ...view, rows: view.rows.map((row) => ({ ...row, series: row.series?.key ?? null })) })

  it('gives the rows of a whole build, pausing between steps, and the call after finds them made', () => {
    for (const view of [all, { ...all, text: 'actor 01' }, { ...all, onlyWithClaims: null }]) {
      const builder = createPositionsViewBuilder()
      for (const result of [storedResult, engineResult]) {
        const steps = builder.steps(result, actorMap, manyIssues, view)
        let pauses = 0
        let step = steps.next()
        for (; !step.done; step = steps.next()) pauses++
        expect(pauses).toBeGreaterThan(1)
        expect(strip(step.value)).toEqual(strip(buildPositionsView(result, actorMap, manyIssues, view)))
        expect(builder(result, actorMap, manyIssues, view)).toBe(step.value)
      }
    }
  })

  it('from positions stored in the order of the rows shown, are the same rows', () => {
    const shown = buildPositionsView(engineResult, actorMap, manyIssues, all)
    const reversed = shown.rows.map((row) => row.id).reverse()
    for (const firstKeys of [shown.rows.map((row) => row.id), reversed, ['no such row', ...reversed.slice(0, 40)]]) {
      const packed = packResult(engineResult, firstKeys)
      const read = unpackResult(structuredClone(packed))!
      const known = firstKeys.filter((key) => key !== 'no such row')
      expect(read.series.slice(0, known.length).map((entry) => entry.key)).toEqual(known)
      expect(new Set(read.series.map((entry) => entry.key))).toEqual(new Set(engineResult.series.map((entry) => entry.key)))
      expect(strip(buildPositionsView(read, actorMap, manyIssues, all))).toEqual(strip(shown))
    }
  })

  it('is not disturbed by a build of another view between its steps', () => {
    const builder = createPositionsViewBuilder()
    builder(storedResult, actorMap, manyIssues, all)
    const steps = builder.steps(engineResult, actorMap, manyIssues, all)
    steps.next()
    const other = builder(engineResult, actorMap, manyIssues, { ...all, text: 'actor 1' })
    let step = steps.next()
    while (!step.done) step = steps.next()
    expect(strip(step.value)).toEqual(strip(buildPositionsView(engineResult, actorMap, manyIssues, all)))
    expect(strip(other)).toEqual(strip(buildPositionsView(engineResult, actorMap, manyIssues, { ...all, text: 'actor 1' })))
    expect(builder(engineResult, actorMap, manyIssues, all)).toBe(step.value)
  })
})

describe('columns and CSV', () => {
  const { view } = viewOf({}, { text: 'nujaba' })
  const columns = positionsColumns(view, { kind: 'actor' })

  it('shows labels, one column per bucket, then the summary', () => {
    expect(columns.map((column) => column.header)).toEqual(['Actor', 'Kind', 'Issue', '2024-11', '2024-12', 'Claims', 'Mean', 'First stance', 'Last stance', 'Shift', 'Reversals', 'Last seen'])
    const row = view.rows.find((entry) => entry.issueId === 'israel')!
    expect(columns.map((column) => column.text(row))).toEqual(['Al-Nujaba Movement', 'armed group', 'Attacks on Israel', '+1.0', '-1.0', '2', '0.0', '+1', '-1', '-2', '1', '2024-12-23'])
    const other = view.rows.find((entry) => entry.issueId === 'us')!
    expect(columns.map((column) => column.text(other)).slice(3, 5)).toEqual(['', '-2.0'])
    expect(columns.find((column) => column.header === '2024-11')!.sortValue(other)).toBeUndefined()
  })

  it('groups have their own first column and an Actors count', () => {
    const grouped = viewOf({ groupBy: { kind: 'attribute', name: 'coalition' } }).view
    expect(positionsColumns(grouped, { kind: 'attribute', name: 'coalition' }).map((column) => column.header)).toEqual([
      'Coalition', 'Issue', '2024-10', '2024-11', '2024-12', 'Claims', 'Mean', 'First stance', 'Last stance', 'Shift', 'Reversals', 'Last seen', 'Actors',
    ])
  })

  it('writes each bucket as its mean (unrounded) and its count, the rows in the order given, as RFC 4180', () => {
    const thirds = viewOf({ bucketSize: 'year' }, {}, {
      claims: [
        claim({ id: 'x', actorId: 'iran', issueId: 'us', stance: 1, date: '2024-01-01' }),
        claim({ id: 'y', actorId: 'iran', issueId: 'us', stance: 2, date: '2024-02-01' }),
        claim({ id: 'z', actorId: 'iran', issueId: 'us', stance: -2, date: '2024-03-01' }),
        claim({ id: 'w', actorId: 'nujaba', issueId: 'us', stance: 2, date: '2023-03-01' }),
      ],
    }).view
    const thirdColumns = positionsColumns(thirds, { kind: 'actor' })
    const { header, rows } = positionsTable(thirdColumns, [...thirds.rows].reverse())
    expect(header).toEqual(['Actor', 'Kind', 'Issue', '2023 mean', '2023 n', '2024 mean', '2024 n', 'Claims', 'Mean', 'First stance', 'Last stance', 'Shift', 'Reversals', 'Last seen'])
    expect(rows).toEqual([
      ['Iran', 'state', 'US forces in Iraq', '', '0', String(1 / 3), '3', '3', String(1 / 3), '+1', '-2', '-3', '0', '2024-03-01'],
      ['Al-Nujaba Movement', 'armed group', 'US forces in Iraq', '2', '1', '', '0', '1', '2', '+2', '+2', '0', '0', '2023-03-01'],
    ])
    // On screen the same mean is rounded.
    expect(thirdColumns.find((column) => column.header === '2024')!.text(thirds.rows.find((row) => row.actorId === 'iran')!)).toBe('+0.3')
    const parsed = Papa.parse<string[]>(writeCsv(header, rows), { skipEmptyLines: true }).data
    expect(parsed).toEqual([header, ...rows])
    expect(Number(parsed[1]![5])).toBe(1 / 3)
  })

  it('neutralises actor names a spreadsheet would run, but keeps signed numbers numeric', () => {
    const evil = [actor('evil', '=HYPERLINK("http://x")', 'other')]
    const { view: evilView } = viewOf({ bucketSize: 'year' }, {}, { actors: evil, claims: [claim({ actorId: 'evil', issueId: 'israel', stance: -1, date: '2024-01-01' })] })
    const { header, rows } = positionsTable(positionsColumns(evilView, { kind: 'actor' }), evilView.rows)
    const line = writeCsv(header, rows).split('\r\n')[1]!
    expect(line).toBe(`"'=HYPERLINK(""http://x"")",other,Attacks on Israel,-1,1,1,-1,-1,-1,0,0,2024-01-01`)
  })
})

describe('formatting', () => {
  it('always writes the sign', () => {
    expect([1, -1, 0.25, -0.04, 0, 2, -1.55].map(formatMean)).toEqual(['+1.0', '-1.0', '+0.3', '0.0', '0.0', '+2.0', '-1.6'])
    expect([2, -1, 0].map(formatSigned)).toEqual(['+2', '-1', '0'])
  })

  it('maps means to five colour steps, rounding half away from zero', () => {
    expect([-2, -1.5, -1, -0.5, -0.4, 0, 0.4, 0.5, 1.49, 1.5, 2].map(stanceTone)).toEqual(['m2', 'm2', 'm1', 'm1', '0', '0', '0', 'p1', 'p1', 'p2', 'p2'])
  })

  it('describes a cell with its breakdown and the shift', () => {
    const { view } = viewOf()
    const row = view.rows.find((entry) => entry.id === 'nujaba|israel')!
    const cell = row.series!.cells[1]!
    const bucketOf = (ordinal: number) => view.buckets.find((entry) => entry.ordinal === ordinal)!.bucket
    const text = describeCell(cell, bucketOf(cell.ordinal), 'month', bucketOf(cell.previous!.ordinal))
    expect(text).toContain('2024-12 (December 2024)')
    expect(text).toContain('Mean stance -1.0 from 1 claim')
    expect(text).toContain('-1 (against): 1')
    expect(text).toContain('Shift: the stance changed sign since 2024-11 (mean +1.0)')
    expect(cellAccessibleText(cell)).toBe('mean -1.0, 1 claim, shift')
    expect(cellAccessibleName(row.label, row.issueLabel, 'December 2024', cell)).toBe(`${row.label} on ${row.issueLabel}, December 2024: mean -1.0, 1 claim, shift`)
  })
})


