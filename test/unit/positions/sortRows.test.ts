import fc from 'fast-check'
import { constructTable, createSortedRowModel, rowSortingFeature, tableFeatures, type ColumnDef, type Row } from '@tanstack/table-core'
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings'
import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../renderer/src/domain/model'
import { positionsColumns } from '../../../renderer/src/domain/positions/columns'
import { computePositions, DEFAULT_OPTIONS } from '../../../renderer/src/domain/positions/engine'
import { claimFact } from '../../../renderer/src/domain/positions/facts'
import { buildPositionsView, type PositionRow } from '../../../renderer/src/domain/positions/rows'
import { orderByRanks, ranksOf, sortPositionRows, type SortableColumn, type SortEntry } from '../../../renderer/src/domain/positions/sortRows'
import { compareText } from '../../../renderer/src/domain/text/compare'
import { actor, child, claim, issue } from './fixtures'

// The reference: TanStack Table's own sorted row model, with the column definitions the
// Positions screen gave it before (features/positions/sortedPositions.ts).
const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel(), coreReactivityFeature: storeReactivityBindings() })
type Features = typeof features

function tanstackOrder(rows: readonly PositionRow[], columns: readonly SortableColumn[], sorting: SortEntry[]): string[] {
  const compareValues = (rowA: Row<Features, PositionRow>, rowB: Row<Features, PositionRow>, id: string): number => {
    const a = rowA.getValue<string | number>(id)
    const b = rowB.getValue<string | number>(id)
    return a < b ? -1 : a > b ? 1 : 0
  }
  const compareTextValues = (rowA: Row<Features, PositionRow>, rowB: Row<Features, PositionRow>, id: string): number =>
    compareText(String(rowA.getValue(id)), String(rowB.getValue(id)))
  const defs: ColumnDef<Features, PositionRow>[] = columns.map((column) => ({
    id: column.id,
    accessorFn: (row: PositionRow) => column.sortValue(row),
    sortFn: column.sortType === 'text' ? compareTextValues : compareValues,
    sortUndefined: 'last',
    sortDescFirst: column.sortType !== 'text',
  }))
  const table = constructTable({ features, columns: defs, data: [...rows], getRowId: (row: PositionRow) => row.id, state: { sorting } })
  return table.getRowModel().rows.map((row) => row.original.id)
}

const ids = (rows: readonly PositionRow[]): string[] => rows.map((row) => row.id)

const TEXTS = ['Issue 2', 'Issue 10', 'issue 2', 'AfD', 'AFD', 'Åland', 'aland', 'Zeta', '', ' b', 'B', 'ü', 'u', '10', '9']

describe('sorting the positions rows', () => {
  it('orders rows as TanStack Table’s sorted row model does: ties, empty values, text, several columns, either direction', () => {
    const value = fc.oneof(fc.constant(undefined), fc.constantFrom(...TEXTS), fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -0, NaN))
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, value), { maxLength: 80 }),
        fc.array(fc.record({ column: fc.integer({ min: 0, max: 3 }), desc: fc.boolean() }), { maxLength: 4 }),
        fc.constantFrom<SortableColumn['sortType'][]>(['text', 'number', 'date'], ['number', 'text', 'text'], ['date', 'number', 'text']),
        (cells, picks, types) => {
          const rows = cells.map((values, index) => ({ id: `r${index}`, values }) as unknown as PositionRow & { values: unknown[] })
          const columns: SortableColumn[] = types.map((sortType, index) => ({
            id: `c${index}`,
            sortType,
            // A number column holds numbers (or nothing); a text column anything shown as text.
            sortValue: (row) => {
              const cell = (row as unknown as { values: (string | number | undefined)[] }).values[index]
              return sortType === 'text' || typeof cell !== 'string' ? cell : cell.length
            },
          }))
          // Each column once, as the grid's sorting state holds it; c3 names no column (skipped).
          const seen = new Set<string>()
          const sorting = picks.map((pick) => ({ id: `c${pick.column}`, desc: pick.desc })).filter((entry) => !seen.has(entry.id) && seen.add(entry.id))
          expect(ids(sortPositionRows(rows, columns, sorting))).toEqual(tanstackOrder(rows, columns, sorting.filter((entry) => entry.id !== 'c3')))
        },
      ),
      { numRuns: 400 },
    )
  })

  it('orders larger tables the same way when every value can be ranked (the packed sort, not the comparator)', () => {
    // No NaN and no column mixing numbers with text: each column's values have a ranking, and
    // the rows are ordered by one packed number each.
    const number = fc.oneof(fc.constant(undefined), fc.integer({ min: -40, max: 40 }), fc.constantFrom(0.25, -0, 1e-9, -1e300, 1e300))
    const text = fc.oneof(fc.constant(undefined), fc.constantFrom(...TEXTS), fc.integer({ min: 0, max: 12 }))
    const date = fc.oneof(fc.constant(undefined), fc.constantFrom('2024-01-02', '2024-01-10', '2023-12-31', '2024-1-5', ''))
    fc.assert(
      fc.property(
        fc.array(fc.tuple(number, text, date), { minLength: 2, maxLength: 400 }),
        fc.array(fc.record({ column: fc.integer({ min: 0, max: 2 }), desc: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        (cells, picks) => {
          const rows = cells.map((values, index) => ({ id: `r${index}`, values }) as unknown as PositionRow)
          const columns: SortableColumn[] = (['number', 'text', 'date'] as const).map((sortType, index) => ({
            id: `c${index}`,
            sortType,
            sortValue: (row) => (row as unknown as { values: (string | number | undefined)[] }).values[index],
          }))
          // Every column here has a ranking, so the packed sort is the one that ran.
          for (const column of columns) expect(ranksOf(rows.map(column.sortValue), column.sortType === 'text')).not.toBeNull()
          const seen = new Set<string>()
          const sorting = picks.map((pick) => ({ id: `c${pick.column}`, desc: pick.desc })).filter((entry) => !seen.has(entry.id) && seen.add(entry.id))
          expect(ids(sortPositionRows(rows, columns, sorting))).toEqual(tanstackOrder(rows, columns, sorting))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('leaves to the comparator what one packed number cannot hold exactly, in the same order', () => {
    // Six columns of 400 distinct values each (steps prime to 400): 401^6 × 400 rows is past 2^53.
    const rows = Array.from({ length: 400 }, (_, index) => ({ id: `r${index}`, values: [7, 9, 11, 13, 17, 19].map((step) => ((index * step * 7919) % 400) / 8 - 20) })) as unknown as PositionRow[]
    const columns: SortableColumn[] = Array.from({ length: 6 }, (_, column) => ({
      id: `c${column}`,
      sortType: 'number' as const,
      sortValue: (row: PositionRow) => (row as unknown as { values: number[] }).values[column],
    }))
    const ranked = columns.map((column) => ({ ...ranksOf(rows.map(column.sortValue), false)!, desc: false }))
    expect(ranked.every((key) => key.distinct === 400)).toBe(true)
    expect(orderByRanks(ranked, rows.length)).toBeNull()
    const sorting = columns.map((column, index) => ({ id: column.id, desc: index % 2 === 1 }))
    expect(ids(sortPositionRows(rows, columns, sorting))).toEqual(tanstackOrder(rows, columns, sorting))
    expect(orderByRanks(ranked.slice(0, 2), rows.length)).not.toBeNull()
  })

  it('sorts the real table’s rows by each of its columns as the row model did', () => {
    const actors: Actor[] = [actor('a', 'Al-Nujaba Movement', 'armed group'), actor('b', 'al-Sudani', 'person'), actor('c', 'Iran', 'state'), actor('d', 'Ämter', 'party')]
    const issues = [issue('i1', 'Attacks on Israel'), issue('i2', 'US forces in Iraq'), child('i3', 'Bases', 'i2')]
    const claims = Array.from({ length: 60 }, (_, index) =>
      claim({ id: `k${index}`, actorId: 'abcd'[index % 4]!, issueId: ['i1', 'i2', 'i3'][index % 3]!, stance: ([-2, -1, 0, 1, 2] as const)[(index * 7) % 5]!, date: `2024-${String((index % 9) + 1).padStart(2, '0')}-1${index % 10}` }),
    )
    const actorMap = new Map(actors.map((entry) => [entry.id, entry]))
    const result = computePositions(claims.map(claimFact), [], { actors: actorMap, issues, coders: [], assignments: [], viewerId: null }, DEFAULT_OPTIONS)
    const view = buildPositionsView(result, actorMap, issues, { mode: 'actor-issue', text: '', showAll: false, onlyWithClaims: false })
    const columns = positionsColumns(view, { kind: 'actor' })
    expect(view.rows.length).toBeGreaterThan(8)
    for (const column of columns) {
      for (const desc of [false, true]) {
        const sorting = [{ id: column.id, desc }]
        expect(ids(sortPositionRows(view.rows, columns, sorting)), `${column.id} ${desc ? 'desc' : 'asc'}`).toEqual(tanstackOrder(view.rows, columns, sorting))
      }
    }
    const several = [{ id: columns[columns.length - 1]!.id, desc: true }, { id: columns[0]!.id, desc: false }]
    expect(ids(sortPositionRows(view.rows, columns, several))).toEqual(tanstackOrder(view.rows, columns, several))
  })

  it('hands the rows back as they are when nothing sorts them', () => {
    const rows = [{ id: 'x' }, { id: 'y' }] as unknown as PositionRow[]
    expect(sortPositionRows(rows, [], [])).toBe(rows)
    expect(sortPositionRows(rows, [], [{ id: 'gone', desc: false }])).toBe(rows)
  })
})
