import { describe, expect, it } from 'vitest'
import { adjacentInReadingOrder, compareReadingOrder } from '../../../renderer/src/domain/readingOrder'

const a = (id: string, publishedAt: string, title: string) => ({ id, publishedAt, title })
const ARTICLES = [a('1', '2024-12-23', 'Militias halt attacks'), a('2', '2024-12-23', 'Al-Sudani meets factions'), a('3', '2024-11-20', 'Militias reject call'), a('4', '', 'Undated note'), a('5', '2025-01-05', 'Later')]

describe('reading order', () => {
  it('is newest first, then by title, undated last', () => {
    expect([...ARTICLES].sort(compareReadingOrder).map((article) => article.id)).toEqual(['5', '2', '1', '3', '4'])
  })

  it('walks to the next (older) and previous (newer) article', () => {
    expect(adjacentInReadingOrder(ARTICLES, ARTICLES[1]!, 1)?.id).toBe('1')
    expect(adjacentInReadingOrder(ARTICLES, ARTICLES[0]!, 1)?.id).toBe('3')
    expect(adjacentInReadingOrder(ARTICLES, ARTICLES[0]!, -1)?.id).toBe('2')
    expect(adjacentInReadingOrder(ARTICLES, ARTICLES[4]!, -1)).toBeUndefined()
    expect(adjacentInReadingOrder(ARTICLES, ARTICLES[3]!, 1)).toBeUndefined()
    expect(adjacentInReadingOrder(ARTICLES, ARTICLES[3]!, -1)?.id).toBe('3')
  })
})
