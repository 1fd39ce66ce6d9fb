import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { availableColumns, cellText, type ClaimColumn } from '../../../renderer/src/domain/claims/columns'
import { claimMatcher, filterOrder, NO_FILTERS, oneOfOptions, type ClaimFilters } from '../../../renderer/src/domain/claims/filter'
import { claimRow, rowDate, type ClaimLookups, type ClaimRow } from '../../../renderer/src/domain/claims/rows'
import { ShownOrderModel } from '../../../renderer/src/domain/claims/shownOrder'
import { columnKeys, identityOrder, sortOrder, TextRanks, type SortEntry } from '../../../renderer/src/domain/claims/sort'
import type { Stance } from '../../../renderer/src/domain/model'
import { compareText } from '../../../renderer/src/domain/text/compare'
import { claim } from '../tagging/fixtures'
import { CLAIMS, corpus } from './fixtures'

const { rows, lookups } = corpus()
const COLUMNS = availableColumns({ actorAttributes: ['party'], claimAttributes: ['certainty'], severalCoders: true })
const BY_ID = new Map(COLUMNS.map((column) => [column.id, column]))
const column = (id: string): ClaimColumn => BY_ID.get(id)!

function shownIds(filters: ClaimFilters, sorting: SortEntry[] = [{ id: 'date', desc: false }]): string[] {
  const model = new ShownOrderModel()
  return [...model.shownOrder(rows, lookups, sorting, filters, BY_ID)].map((index) => rows[index]!.id)
}

/** The reference order: a comparator sort on each column's text (or number), empty cells last. */
function referenceOrder(input: readonly ClaimRow[], sorting: readonly SortEntry[], data: ClaimLookups): string[] {
  const value = (row: ClaimRow, id: string): string | number => {
    const c = column(id)
    if (c.type === 'stance') return row.stance
    if (c.type === 'date') return rowDate(row, data)
    if (c.type === 'time') return Date.parse(id === 'updatedAt' ? row.updatedAt : row.createdAt)
    return cellText(c, row, data)
  }
  return input
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      for (const { id, desc } of sorting) {
        const x = value(a.row, id)
        const y = value(b.row, id)
        const emptyX = x === '' || Number.isNaN(x)
        const emptyY = y === '' || Number.isNaN(y)
        if (emptyX || emptyY) {
          if (emptyX && emptyY) continue
          return emptyX ? 1 : -1
        }
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y))
        if (order !== 0) return desc ? -order : order
      }
      return a.index - b.index
    })
    .map((entry) => entry.row.id)
}

describe('sorting the claims table', () => {
  it('sorts by date with the article’s date standing in for a claim without one, empty last either way', () => {
    // c3 has no date of its own: its article's (2015-10-10) sorts it.
    expect(shownIds(NO_FILTERS, [{ id: 'date', desc: false }])).toEqual(['c1', 'c2', 'c3', 'c4', 'c5'])
    expect(shownIds(NO_FILTERS, [{ id: 'date', desc: true }])).toEqual(['c5', 'c4', 'c2', 'c3', 'c1'])
    expect(shownIds(NO_FILTERS, [{ id: 'note', desc: true }]).slice(-3)).toEqual(['c2', 'c3', 'c5'])
    expect(shownIds(NO_FILTERS, [{ id: 'note', desc: false }]).slice(-3)).toEqual(['c2', 'c3', 'c5'])
  })

  it('sorts by several columns, the first deciding', () => {
    expect(shownIds(NO_FILTERS, [{ id: 'stance', desc: false }, { id: 'actor', desc: false }])).toEqual(['c3', 'c2', 'c5', 'c4', 'c1'])
    expect(shownIds(NO_FILTERS, [{ id: 'actor', desc: false }, { id: 'date', desc: true }])).toEqual(['c3', 'c5', 'c1', 'c2', 'c4'])
  })

  it('sorts issues by their paths in the codebook, several issues as one text', () => {
    const order = shownIds(NO_FILTERS, [{ id: 'issues', desc: false }])
    expect(order.map((id) => cellText(column('issues'), rows.find((row) => row.id === id)!, lookups))).toEqual([
      'Controlling migration › Ceiling',
      'Controlling migration › Ceiling | Integration › General',
      'Controlling migration › General',
      'Integration › General',
      'Integration › Language courses | Controlling migration › General',
    ])
  })

  it('gives the same order as a comparator sort on the values, for random rows and sorts', () => {
    const names = ['Ärger', 'arger', 'Issue 10', 'Issue 2', 'zed', '', 'Zed', 'b', 'ä', 'Über', 'uber']
    const rowArb = fc.record({
      stance: fc.constantFrom<Stance>(-2, -1, 0, 1, 2),
      date: fc.constantFrom('', '2015-01-02', '2015-01-10', '2016-03-01'),
      quote: fc.constantFrom(...names),
      note: fc.constantFrom(...names),
      actor: fc.constantFrom('merkel', 'seehofer', 'afd', 'pro-asyl'),
      created: fc.integer({ min: 0, max: 5 }),
    })
    const sortArb = fc.array(fc.record({ id: fc.constantFrom('date', 'stance', 'quote', 'note', 'actor', 'issues', 'createdAt', 'actor.party', 'source'), desc: fc.boolean() }), { minLength: 1, maxLength: 3 })
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), sortArb, (specs, sorting) => {
        const unique = sorting.filter((entry, index) => sorting.findIndex((other) => other.id === entry.id) === index)
        const input = specs.map((spec, index) =>
          claimRow(
            claim(`r${index}`, spec.actor, 'mig-gen', {
              articleId: index % 2 ? 'a1' : 'a3',
              stance: spec.stance,
              date: spec.date,
              note: spec.note,
              anchor: { exact: spec.quote, prefix: '', suffix: '', start: 0, end: 0 },
              createdAt: `2025-01-0${spec.created + 1}T00:00:00.000Z`,
            }),
          ),
        )
        const model = new ShownOrderModel()
        const ours = [...model.sortedOrder(input, lookups, unique, BY_ID)].map((index) => input[index]!.id)
        expect(ours).toEqual(referenceOrder(input, unique, lookups))
      }),
      { numRuns: 300 },
    )
  })

  it('ranks new text values into the ranks it keeps, as a fresh ranking would', () => {
    const kept = new TextRanks()
    kept.rankAll(['b', 'd', 'Issue 10'])
    const later = ['a', 'Issue 2', 'd', 'c', 'B']
    const fresh = new TextRanks().rankAll(later)
    const incremental = kept.rankAll(later)
    const orderOf = (keys: Float64Array): number[] => [...sortOrder(identityOrder(keys.length), [{ keys, desc: false }])]
    expect(orderOf(incremental)).toEqual(orderOf(fresh))
    expect(orderOf(fresh).map((index) => later[index])).toEqual(['a', 'B', 'c', 'd', 'Issue 2'])
  })

  it('keeps the order given for rows whose keys tie', () => {
    const keys = columnKeys(column('stance'), rows, lookups, new TextRanks())
    const order = sortOrder(Uint32Array.from([4, 3, 2, 1, 0]), [{ keys, desc: false }])
    expect([...order].map((index) => rows[index]!.id)).toEqual(['c3', 'c2', 'c5', 'c4', 'c1'])
  })
})

describe('filtering the claims table', () => {
  const only = (filters: Partial<ClaimFilters>): string[] => shownIds({ ...NO_FILTERS, ...filters })

  it('searches quote and note, every word, case and accents aside', () => {
    expect(only({ search: 'ueber' })).toEqual([])
    expect(only({ search: 'UBER kurse' })).toEqual(['c4'])
    expect(only({ search: 'famous schaffen' })).toEqual(['c1'])
    expect(only({ search: 'limit   upper' })).toEqual(['c2'])
  })

  it('filters a column by text it contains', () => {
    expect(only({ columns: { article: { type: 'contains', text: 'ueber' } } })).toEqual([])
    expect(only({ columns: { article: { type: 'contains', text: 'uber' } } })).toEqual(['c4', 'c5'])
    expect(only({ columns: { externalId: { type: 'contains', text: 's-9' } } })).toEqual(['c4'])
  })

  it('filters issues by one of several, a parent taking in its children', () => {
    expect(only({ columns: { issues: { type: 'oneOf', keys: ['mig'] } } })).toEqual(['c1', 'c2', 'c3', 'c4'])
    expect(only({ columns: { issues: { type: 'oneOf', keys: ['int-gen'] } } })).toEqual(['c2', 'c5'])
    expect(only({ columns: { issues: { type: 'oneOf', keys: ['int-lang', 'mig-cap'] } } })).toEqual(['c2', 'c3', 'c4'])
  })

  it('filters actors, coders, sources, kinds and attributes by one of', () => {
    expect(only({ columns: { actor: { type: 'oneOf', keys: ['merkel'] } } })).toEqual(['c1', 'c5'])
    expect(only({ columns: { coder: { type: 'oneOf', keys: ['ben'] } } })).toEqual(['c2', 'c3'])
    expect(only({ columns: { source: { type: 'oneOf', keys: ['FAZ', 'taz'] } } })).toEqual(['c2', 'c3', 'c4', 'c5'])
    expect(only({ columns: { actorKind: { type: 'oneOf', keys: ['party', 'organization'] } } })).toEqual(['c3', 'c4'])
    // The attribute key is compared without case: Seehofer's is spelled "Party".
    expect(only({ columns: { 'actor.party': { type: 'oneOf', keys: ['CSU', 'AfD'] } } })).toEqual(['c2', 'c3'])
    expect(only({ columns: { 'claim.certainty': { type: 'oneOf', keys: ['high'] } } })).toEqual(['c5'])
  })

  it('filters dates and stances by range', () => {
    expect(only({ columns: { date: { type: 'dateRange', from: '2015-10-01', to: '2015-12-31' } } })).toEqual(['c2', 'c3'])
    expect(only({ columns: { date: { type: 'dateRange', from: '2016-01-05', to: '' } } })).toEqual(['c5'])
    expect(only({ columns: { stance: { type: 'stanceRange', min: -2, max: -1 } } })).toEqual(['c2', 'c3'])
    expect(only({ columns: { stance: { type: 'stanceRange', min: 0, max: 2 } }, search: 'integration' })).toEqual(['c5'])
  })

  it('ignores filters on columns not shown, and keeps the sort', () => {
    const shown = new Map([...BY_ID].filter(([id]) => id !== 'actor'))
    const matcher = claimMatcher({ ...NO_FILTERS, columns: { actor: { type: 'oneOf', keys: ['merkel'] } } }, shown, lookups)
    expect(matcher).toBeNull()
    const order = Uint32Array.from([4, 0, 2])
    expect([...filterOrder(order, rows, claimMatcher({ ...NO_FILTERS, search: 'e' }, shown, lookups))]).toEqual([4, 0, 2])
  })

  it('lists the choices of a one-of filter with counts, issues as the codebook tree counting children', () => {
    expect(oneOfOptions(column('actor'), rows, lookups).map((option) => [option.label, option.count])).toEqual([
      ['AfD', 1],
      ['Angela Merkel', 2],
      ['Horst Seehofer', 1],
      ['Pro Asyl', 1],
    ])
    expect(oneOfOptions(column('issues'), rows, lookups).map((option) => [option.label, option.depth, option.count])).toEqual([
      ['Controlling migration', 0, 4],
      ['Ceiling', 1, 2],
      ['General', 1, 2],
      ['Integration', 0, 3],
      ['General', 1, 2],
      ['Language courses', 1, 1],
    ])
  })

  it('has what it needs from every claim', () => {
    expect(rows).toHaveLength(CLAIMS.length)
  })
})
