import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { writeCsv } from '../../../renderer/src/domain/csv/writeCsv'
import { aggregatePositions, preparePositionClaims } from '../../../renderer/src/domain/positions/aggregate'
import { positionsColumns, positionsTable } from '../../../renderer/src/domain/positions/columns'
import { cellAccessibleName, cellAccessibleText, describeCell, formatMean, formatSigned, stanceTone } from '../../../renderer/src/domain/positions/format'
import { buildPositionsView, type RowFilters } from '../../../renderer/src/domain/positions/rows'
import { foldText } from '../../../renderer/src/domain/text/folding'
import { actor, claim, issue } from './fixtures'

const actors = [
  actor('nujaba', 'Al-Nujaba Movement', 'armed group', ['Nujaba', 'al-Nujaba']),
  actor('sudani', 'Mohammed Shia al-Sudani', 'person'),
  actor('iran', 'Iran', 'state'),
  actor('jubeir', 'عادل الجُبَيْر', 'person'),
]
const issues = [issue('israel', 'Attacks on Israel'), issue('us', 'US forces in Iraq')]
const claims = preparePositionClaims([
  claim({ id: 'n-nov', actorId: 'nujaba', issueId: 'israel', stance: 1, date: '2024-11-20' }),
  claim({ id: 'n-dec', actorId: 'nujaba', issueId: 'israel', stance: -1, date: '2024-12-23' }),
  claim({ id: 'n-us', actorId: 'nujaba', issueId: 'us', stance: -2, date: '2024-12-23' }),
  claim({ id: 's-dec', actorId: 'sudani', issueId: 'israel', stance: -1, date: '2024-12-02' }),
  claim({ id: 'ghost', actorId: 'deleted-actor', issueId: 'israel', stance: 1, date: '2024-10-02' }),
]).claims
const all: RowFilters = { mode: 'actor-issue', issueId: null, actorKind: null, actorText: '' }

describe('rows of the table', () => {
  const aggregation = aggregatePositions(claims, { bucketSize: 'month' })

  it('has one row per actor and issue with claims, sorted by actor then issue', () => {
    const view = buildPositionsView(aggregation, actors, issues, all)
    expect(view.rows.map((row) => `${row.actorName} / ${row.issueLabel}`)).toEqual([
      '(unknown actor) / Attacks on Israel',
      'Al-Nujaba Movement / Attacks on Israel',
      'Al-Nujaba Movement / US forces in Iraq',
      'Mohammed Shia al-Sudani / Attacks on Israel',
    ])
    expect(view.buckets.map((bucket) => bucket.key)).toEqual(['2024-10', '2024-11', '2024-12'])
  })

  it('filters by issue, actor kind and actor text (name or alias, folded as tagging folds names)', () => {
    expect(buildPositionsView(aggregation, actors, issues, { ...all, issueId: 'us' }).rows.map((row) => row.id)).toEqual(['nujaba|us'])
    expect(buildPositionsView(aggregation, actors, issues, { ...all, actorKind: 'person' }).rows.map((row) => row.id)).toEqual(['sudani|israel'])
    expect(buildPositionsView(aggregation, actors, issues, { ...all, actorText: 'NUJABA' }).rows).toHaveLength(2)
    expect(buildPositionsView(aggregation, actors, issues, { ...all, actorText: 'sudani' }).rows.map((row) => row.actorId)).toEqual(['sudani'])
    expect(buildPositionsView(aggregation, actors, issues, { ...all, actorText: 'al nujaba' }).rows).toHaveLength(2)
    expect(foldText('عادل الجُبَيْر')).toBe('عادل الجبير')
    expect(foldText('Śāmī')).toBe('sami')
  })

  it('trims the bucket columns to the rows shown', () => {
    const view = buildPositionsView(aggregation, actors, issues, { ...all, actorKind: 'person' })
    expect(view.buckets.map((bucket) => bucket.key)).toEqual(['2024-12'])
    expect(view.bucketOffset).toBe(2)
  })

  it('keeps every bucket of a chosen date range, even empty ones at the edges', () => {
    const ranged = aggregatePositions(claims, { bucketSize: 'month', from: '2024-09-01', to: '2025-01-31' })
    const view = buildPositionsView(ranged, actors, issues, { ...all, actorKind: 'person' })
    expect(view.buckets.map((bucket) => bucket.key)).toEqual(['2024-09', '2024-10', '2024-11', '2024-12', '2025-01'])
  })

  it('lists every actor for one chosen issue, silent ones included', () => {
    const view = buildPositionsView(aggregation, actors, issues, { ...all, mode: 'actor', issueId: 'israel' })
    expect(view.rows.map((row) => [row.actorName, row.series?.count ?? 0])).toEqual([
      ['(unknown actor)', 1],
      ['Al-Nujaba Movement', 2],
      ['Iran', 0],
      ['Mohammed Shia al-Sudani', 1],
      ['عادل الجُبَيْر', 0],
    ])
    expect(buildPositionsView(aggregation, actors, issues, { ...all, mode: 'actor', issueId: 'israel', actorKind: 'state' }).rows.map((row) => row.id)).toEqual(['iran|israel'])
  })
})

describe('columns and CSV', () => {
  const aggregation = aggregatePositions(claims, { bucketSize: 'month' })
  const view = buildPositionsView(aggregation, actors, issues, { ...all, actorText: 'nujaba' })
  const columns = positionsColumns(view)

  it('shows labels, one column per bucket, then the summary', () => {
    expect(columns.map((column) => column.header)).toEqual([
      'Actor', 'Kind', 'Issue', '2024-11', '2024-12', 'Claims', 'First stance', 'Last stance', 'Shift', 'Reversals', 'Last seen',
    ])
    const row = view.rows.find((entry) => entry.issueId === 'israel')!
    expect(columns.map((column) => column.text(row))).toEqual([
      'Al-Nujaba Movement', 'armed group', 'Attacks on Israel', '+1.0', '-1.0', '2', '+1', '-1', '-2', '1', '2024-12-23',
    ])
    const other = view.rows.find((entry) => entry.issueId === 'us')!
    expect(columns.map((column) => column.text(other)).slice(3, 5)).toEqual(['', '-2.0'])
    expect(columns.find((column) => column.header === '2024-11')!.sortValue(other)).toBeUndefined()
  })

  it('writes the rows in the order given, with the same text, as RFC 4180', () => {
    const reversed = [...view.rows].reverse()
    const { header, rows } = positionsTable(columns, reversed)
    const csv = writeCsv(header, rows)
    expect(csv.startsWith('Actor,Kind,Issue,2024-11,2024-12,Claims')).toBe(true)
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data
    expect(parsed).toEqual([columns.map((column) => column.header), ...reversed.map((row) => columns.map((column) => column.text(row)))])
  })

  it('neutralises actor names a spreadsheet would run, but keeps signed numbers numeric', () => {
    const evil = [actor('evil', '=HYPERLINK("http://x")', 'other')]
    const evilClaims = preparePositionClaims([claim({ actorId: 'evil', issueId: 'israel', stance: -1, date: '2024-01-01' })]).claims
    const evilView = buildPositionsView(aggregatePositions(evilClaims, { bucketSize: 'year' }), evil, issues, all)
    const { header, rows } = positionsTable(positionsColumns(evilView), evilView.rows)
    const line = writeCsv(header, rows).split('\r\n')[1]!
    expect(line).toBe(`"'=HYPERLINK(""http://x"")",other,Attacks on Israel,-1.0,1,-1,-1,0,0,2024-01-01`)
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
    const view = buildPositionsView(aggregation(), actors, issues, all)
    const row = view.rows.find((entry) => entry.id === 'nujaba|israel')!
    const cell = row.series!.cells[1]!
    const text = describeCell(cell, view.buckets[cell.bucket - view.bucketOffset]!, 'month', view.buckets[cell.previous!.bucket - view.bucketOffset])
    expect(text).toContain('2024-12 (December 2024)')
    expect(text).toContain('Mean stance -1.0 from 1 claim')
    expect(text).toContain('-1 (against): 1')
    expect(text).toContain('Shift: the stance changed sign since 2024-11 (mean +1.0)')
    expect(cellAccessibleText(cell)).toBe('mean -1.0, 1 claim, shift')
    expect(cellAccessibleName(row.actorName, row.issueLabel, 'December 2024', cell)).toBe(`${row.actorName} on ${row.issueLabel}, December 2024: mean -1.0, 1 claim, shift`)
  })
})

function aggregation() {
  return aggregatePositions(claims, { bucketSize: 'month' })
}
