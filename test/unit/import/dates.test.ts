import { describe, expect, it } from 'vitest'
import { describeStoredDate, detectDateOrder, hasAmbiguousDates, parseDate } from '../../../renderer/src/domain/import/dates'

describe('parseDate', () => {
  it.each([
    ['2024-12-23', '2024-12-23'],
    ['2024-12-23T10:15:00Z', '2024-12-23T10:15:00'],
    ['2015-07-24T05:36:09+01:00', '2015-07-24T05:36:09'],
    ['2019-01-03T07:00:02.000Z', '2019-01-03T07:00:02'],
    ['2015-07-23 17:22:25', '2015-07-23T17:22:25'],
    ['2024-12-23T00:00:00', '2024-12-23'],
    ['2024/12/23', '2024-12-23'],
    ['20241223', '2024-12-23'],
    ['23 December 2024', '2024-12-23'],
    ['23rd Dec. 2024', '2024-12-23'],
    ['December 23, 2024', '2024-12-23'],
    ['Sept 3, 2024', '2024-09-03'],
    ['Monday, 23 December 2024 10:30', '2024-12-23T10:30:00'],
    ['Mon, 23 Dec 2024 10:00:00 GMT', '2024-12-23T10:00:00'],
    ['Dec 23, 2024 at 4:05 PM', '2024-12-23T16:05:00'],
    ['26-FEB-1987 15:49:44.93', '1987-02-26T15:49:44'],
    ['31-MAR-1987 605:12:19.12', '1987-03-31'],
    ['1735000000', '2024-12-24T00:26:40'],
    ['٢٣ ديسمبر ٢٠٢٤', '2024-12-23'],
    ['23 كانون الأول 2024', '2024-12-23'],
  ])('reads %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected)
  })

  it('settles day and month by the column order, unless a value settles it alone', () => {
    expect(parseDate('03/04/2024', 'dmy')).toBe('2024-04-03')
    expect(parseDate('03/04/2024', 'mdy')).toBe('2024-03-04')
    expect(parseDate('23/12/2024', 'mdy')).toBe('2024-12-23')
    expect(parseDate('12/23/2024 4:05 pm', 'dmy')).toBe('2024-12-23T16:05:00')
    expect(parseDate('23.12.2024')).toBe('2024-12-23')
  })

  it('gives no date rather than a wrong one', () => {
    for (const raw of ['', '  ', 'yesterday', '2024-02-30', '2024-13-01', '0001-01-01', 'December 2024', 'n/a', '12/2024']) {
      expect(parseDate(raw), raw).toBe('')
    }
    expect(parseDate(null)).toBe('')
  })
})

describe('date order detection', () => {
  it('reads the order from the values that settle it', () => {
    expect(detectDateOrder(['01/02/2024', '25/02/2024'])).toBe('dmy')
    expect(detectDateOrder(['01/02/2024', '02/25/2024'])).toBe('mdy')
    expect(detectDateOrder(['01/02/2024', '2024-03-01'])).toBeNull()
    expect(hasAmbiguousDates(['01/02/2024'])).toBe(true)
    expect(hasAmbiguousDates(['2024-01-02', '05/05/2024'])).toBe(false)
  })
})

describe('describeStoredDate', () => {
  it('formats stored dates for people', () => {
    expect(describeStoredDate('2024-12-23')).toBe('23 Dec 2024')
    expect(describeStoredDate('2024-12-23T10:05:00')).toBe('23 Dec 2024, 10:05')
    expect(describeStoredDate('')).toBe('no date')
  })
})
