import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import type { Article } from '../../../renderer/src/domain/model'
import { countUndated, filterRows, NO_FILTERS, sourceCounts } from '../../../renderer/src/features/library/filterRows'
import { LibraryIndex } from '../../../renderer/src/features/library/search/libraryIndex'
import type { LibraryRow, RowsEvent } from '../../../renderer/src/features/library/search/libraryTypes'
import { startLibrarySync } from '../../../renderer/src/features/library/search/librarySync'
import { foldSearchTerm } from '../../../renderer/src/domain/text/folding'
import { indexTerms, queryTerm } from '../../../renderer/src/domain/search/searchTerms'

function article(id: string, fields: Partial<Article> = {}): Article {
  return {
    id,
    title: `Title ${id}`,
    source: 'Reuters',
    author: '',
    publishedAt: '2024-12-23',
    url: '',
    language: 'en',
    direction: 'ltr',
    body: '',
    contentHash: `h-${id}`,
    importedAt: '2025-01-01T00:00:00.000Z',
    origin: 'test',
    meta: {},
    updatedAt: '2025-01-01T00:00:00.000Z',
    externalId: '',
    ...fields,
  }
}

describe('search terms', () => {
  it('folds case, accents, Arabic vowels and letter variants', () => {
    expect(foldSearchTerm('Pérez')).toBe('perez')
    expect(foldSearchTerm('أَحْمَد')).toBe('احمد')
    expect(foldSearchTerm('إيران')).toBe('ايران')
    expect(foldSearchTerm('مدرسة')).toBe('مدرسه')
    expect(foldSearchTerm('علـــى')).toBe('علي')
  })

  it('indexes Arabic words with and without their article; drops stop words', () => {
    expect(indexTerms('والحوثي')).toEqual(['والحوثي', 'حوثي'])
    expect(indexTerms('الرياض')).toEqual(['الرياض', 'رياض'])
    expect(indexTerms('Tanker')).toBe('tanker')
    expect(indexTerms('The')).toBeNull()
    expect(indexTerms('في')).toBeNull()
    expect(queryTerm('الحوثي')).toBe('حوثي')
  })
})

describe('LibraryIndex', () => {
  const index = new LibraryIndex()
  index.upsert([
    article('a', { title: 'Iran warns Gulf shipping', body: 'Tehran radio said tankers in the Gulf were safe.' }),
    article('b', { title: 'OPEC output', body: 'Saudi Arabia kept its oil output steady, ministers said.' }),
    article('c', { title: 'مقتل القيادي ابو يحي الحوثي', body: 'قتل اليوم القيادي الحوثي في منطقة العلم بعدن', language: 'ar', direction: 'rtl' }),
  ])

  it('finds articles by a word of the body or title, with the last word as a prefix', () => {
    expect(index.search('tankers').ids).toEqual(['a'])
    expect(index.search('tank').ids).toEqual(['a'])
    expect(index.search('saudi oil').ids).toEqual(['b'])
    expect(index.search('iran').ids).toEqual(['a'])
    expect(index.search('saudi tankers').ids).toEqual([])
  })

  it('finds Arabic words with or without the article, and ignores diacritics', () => {
    expect(index.search('حوثي').ids).toEqual(['c'])
    expect(index.search('الحوثي').ids).toEqual(['c'])
    expect(index.search('بِعَدن').ids).toEqual(['c'])
  })

  it('says when a query has nothing searchable', () => {
    expect(index.search('the of').searchable).toBe(false)
  })

  it('updates and removes articles', () => {
    index.upsert([article('a', { title: 'Iran warns', body: 'A pipeline story now.', updatedAt: '2025-02-01T00:00:00.000Z' })])
    expect(index.search('tankers').ids).toEqual([])
    expect(index.search('pipeline').ids).toEqual(['a'])
    expect(index.diff(new Map([['a', '2025-02-01T00:00:00.000Z'], ['b', 'changed'], ['d', 'x']]))).toEqual({ changed: ['b', 'd'], removed: ['c'] })
    index.remove(['c'])
    expect(index.search('حوثي').ids).toEqual([])
    expect(index.rows.has('c')).toBe(false)
  })
})

describe('filterRows', () => {
  const rows: LibraryRow[] = [
    { id: '1', title: 'A', source: 'Reuters', author: '', publishedAt: '1987-03-01T10:00:00', language: 'en', direction: 'ltr', importedAt: '', origin: '', hasText: true },
    { id: '2', title: 'B', source: 'alriyadh', author: '', publishedAt: '2015-07-23', language: 'ar', direction: 'rtl', importedAt: '', origin: '', hasText: true },
    { id: '3', title: 'C', source: '', author: '', publishedAt: '', language: '', direction: 'ltr', importedAt: '', origin: '', hasText: true },
  ]

  it('filters by source, date range and the no-date flag', () => {
    expect(filterRows(rows, { ...NO_FILTERS, source: 'Reuters' }, null).map((row) => row.id)).toEqual(['1'])
    expect(filterRows(rows, { ...NO_FILTERS, source: '' }, null).map((row) => row.id)).toEqual(['3'])
    expect(filterRows(rows, { ...NO_FILTERS, from: '1987-03-01', to: '1987-03-01' }, null).map((row) => row.id)).toEqual(['1'])
    expect(filterRows(rows, { ...NO_FILTERS, from: '2000-01-01' }, null).map((row) => row.id)).toEqual(['2'])
    expect(filterRows(rows, { ...NO_FILTERS, undatedOnly: true }, null).map((row) => row.id)).toEqual(['3'])
    expect(countUndated(rows)).toBe(1)
  })

  it('keeps search hits in their ranked order', () => {
    expect(filterRows(rows, { ...NO_FILTERS, query: 'x' }, ['3', '1', 'gone']).map((row) => row.id)).toEqual(['3', '1'])
  })

  it('lists sources with counts, no source last', () => {
    expect(sourceCounts(rows)).toEqual([
      { source: 'alriyadh', count: 1 },
      { source: 'Reuters', count: 1 },
      { source: '', count: 1 },
    ])
  })
})

describe('startLibrarySync', () => {
  it('follows the workspace: initial rows, then additions, edits and deletions', async () => {
    const db = new StandpointDB(`library-sync-${Date.now()}`)
    await db.open()
    await db.articles.bulkAdd([article('x', { body: 'first tanker story' }), article('y', { body: 'second story' })])
    const events: RowsEvent[] = []
    let waiting: (() => void) | null = null
    const sync = startLibrarySync(
      db,
      (event) => {
        events.push(event)
        waiting?.()
      },
      (message) => {
        throw new Error(message)
      },
    )
    const next = (test: () => boolean): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => {
          if (test()) {
            waiting = null
            resolve()
          }
        }
        waiting = check
        check()
      })
    const rows = (): Map<string, LibraryRow> => {
      const map = new Map<string, LibraryRow>()
      for (const event of events) {
        for (const id of event.removed) map.delete(id)
        for (const row of event.upserts) map.set(row.id, row)
      }
      return map
    }
    await next(() => events.some((event) => event.status.ready))
    expect([...rows().keys()].sort()).toEqual(['x', 'y'])
    expect(sync.search('tanker').ids).toEqual(['x'])

    await db.articles.add(article('z', { body: 'a third tanker story' }))
    await next(() => rows().has('z'))
    expect(sync.search('tanker').ids.sort()).toEqual(['x', 'z'])

    await db.articles.update('x', { title: 'Renamed', body: 'no longer about ships', updatedAt: '2025-03-01T00:00:00.000Z' })
    await next(() => rows().get('x')?.title === 'Renamed')
    expect(sync.search('tanker').ids).toEqual(['z'])

    // A restore or merge may write a record back with an older timestamp: still picked up.
    await db.articles.put(article('z', { title: 'Restored', body: 'a restored tanker story', updatedAt: '2020-01-01T00:00:00.000Z' }))
    await next(() => rows().get('z')?.title === 'Restored')

    await db.articles.delete('y')
    await next(() => !rows().has('y'))
    expect(sync.snapshot().status.indexed).toBe(2)
    sync.stop()
    db.close()
  })
})
