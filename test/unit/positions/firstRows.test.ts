import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { positionsColumns } from '../../../renderer/src/domain/positions/columns'
import { computePositions, DEFAULT_OPTIONS, type PositionSeries } from '../../../renderer/src/domain/positions/engine'
import { claimFact } from '../../../renderer/src/domain/positions/facts'
import { FIRST_ROWS, packFirstRows, unpackFirstRows } from '../../../renderer/src/domain/positions/firstRows'
import { buildPositionsView, type PositionRow } from '../../../renderer/src/domain/positions/rows'
import { actor, child, claim, issue } from './fixtures'

// The first screen stored for a cold open must draw exactly what the whole table draws in its
// first rows: the same labels, figures and cells, the same bucket columns and counts.

const issues = [issue('israel', 'Attacks on Israel'), issue('us', 'US forces in Iraq'), child('bases', 'Bases', 'us')]
const actorIds = Array.from({ length: 40 }, (_, index) => `a${index}`)
const actors = actorIds.map((id, index) => actor(id, `Actor ${String(index).padStart(2, '0')}`, index % 3 === 0 ? 'person' : 'armed group', [], { party: [index % 2 ? 'Left' : 'Right'] }))
const actorMap = new Map(actors.map((entry) => [entry.id, entry]))

/** What a row shows, cell by cell, in the order the grid's columns read it. */
function shown(rows: readonly PositionRow[], columns: ReturnType<typeof positionsColumns>): string[][] {
  return rows.map((row) => [row.id, row.groupKey, row.label, String(row.actorId), row.actorKind, row.issueId, row.issueLabel, ...columns.map((column) => String(column.sortValue(row)) + '|' + column.text(row))])
}

function seriesFigures(series: PositionSeries | null) {
  if (!series) return null
  return { count: series.count, mean: series.mean, shift: series.shift, first: series.firstStance, last: series.lastStance, cells: series.cells.map((cell) => ({ ordinal: cell.ordinal, counts: [...cell.counts], mean: cell.mean, latest: cell.latest })) }
}

const claimsArbitrary = fc.array(
  fc.record({
    actor: fc.constantFrom(...actorIds, 'gone'),
    issue: fc.constantFrom('israel', 'us', 'bases'),
    stance: fc.constantFrom(-2 as const, -1 as const, 0 as const, 1 as const, 2 as const),
    day: fc.integer({ min: 0, max: 900 }),
  }),
  { maxLength: 400 },
)

describe('the stored first screen', () => {
  it('unpacks to the first rows of the whole table, figures, cells and counts included, whatever the grouping and bucket', () => {
    fc.assert(
      fc.property(claimsArbitrary, fc.constantFrom('month' as const, 'week' as const, 'year' as const), fc.constantFrom('actor', 'party'), fc.boolean(), (drawn, bucketSize, grouping, reversed) => {
        const claims = drawn.map((entry, index) =>
          claimFact(claim({ id: `c${index}`, actorId: entry.actor, issueId: entry.issue, stance: entry.stance, date: new Date(Date.UTC(2023, 0, 1 + entry.day)).toISOString().slice(0, 10) })),
        )
        const groupBy = grouping === 'actor' ? ({ kind: 'actor' } as const) : ({ kind: 'attribute', name: 'party' } as const)
        const result = computePositions(claims, [], { actors: actorMap, issues, coders: [], assignments: [], viewerId: null }, { ...DEFAULT_OPTIONS, bucketSize, groupBy })
        const view = buildPositionsView(result, actorMap, issues, { mode: 'actor-issue', text: '', showAll: false, onlyWithClaims: null })
        // The grid's order may be another sort than the view's own.
        const sorted = reversed ? [...view.rows].reverse() : view.rows
        const first = unpackFirstRows(structuredClone(packFirstRows(result, view, sorted, 30)))
        expect(first).not.toBeNull()
        const columns = positionsColumns(view, groupBy)
        expect(first!.rowCount).toBe(view.rows.length)
        expect(shown(first!.view.rows, positionsColumns(first!.view, groupBy))).toEqual(shown(sorted.slice(0, 30), columns))
        expect(first!.view.rows.map((row) => seriesFigures(row.series))).toEqual(sorted.slice(0, 30).map((row) => seriesFigures(row.series)))
        expect({ ...first!.view, rows: [] }).toEqual({ ...view, rows: [] })
        expect([first!.result.counted, first!.result.undated, first!.result.truncated, first!.result.claimsBehind]).toEqual([result.counted, result.undated, result.truncated, false])
      }),
      { numRuns: 60 },
    )
  })

  it('keeps a listed group with no claim, and stores no more than the first screen', () => {
    const claims = [claimFact(claim({ id: 'c1', actorId: 'a1', issueId: 'israel', stance: 1, date: '2024-01-02' }))]
    const options = { ...DEFAULT_OPTIONS, issueId: 'israel', oneIssue: true }
    const result = computePositions(claims, [], { actors: actorMap, issues, coders: [], assignments: [], viewerId: null }, options)
    const view = buildPositionsView(result, actorMap, issues, { mode: 'actor', text: '', showAll: true, onlyWithClaims: null })
    expect(view.rows.length).toBe(actors.length)
    const packed = packFirstRows(result, view, view.rows)
    expect(packed.labels.length).toBe(Math.min(FIRST_ROWS, actors.length))
    const first = unpackFirstRows(structuredClone(packed))!
    expect(first.view.rows.filter((row) => row.series === null)).toHaveLength(actors.length - 1)
    expect(first.view.rows.map((row) => row.label)).toEqual(view.rows.map((row) => row.label))
  })

  it('is ignored whole when damaged', () => {
    const claims = [claimFact(claim({ id: 'c1', actorId: 'a1', issueId: 'israel', stance: 1, date: '2024-01-02' }))]
    const result = computePositions(claims, [], { actors: actorMap, issues, coders: [], assignments: [], viewerId: null }, DEFAULT_OPTIONS)
    const view = buildPositionsView(result, actorMap, issues, { mode: 'actor-issue', text: '', showAll: false, onlyWithClaims: null })
    const packed = packFirstRows(result, view, view.rows)
    expect(unpackFirstRows(packed)).not.toBeNull()
    for (const damaged of [
      null,
      'rows',
      { ...packed, seriesIndex: [5] },
      { ...packed, labels: [['only', 'three', 'labels']] },
      { ...packed, rowCount: -1 },
      { ...packed, packed: { ...packed.packed, format: 99 } },
      { ...packed, ordinals: ['2024-01'] },
      { ...packed, labels: [...packed.labels, ...packed.labels], seriesIndex: [0, 0] },
    ]) {
      expect(unpackFirstRows(damaged)).toBeNull()
    }
  })
})
