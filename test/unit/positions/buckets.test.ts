import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { UTCDate } from '@date-fns/utc'
import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  differenceInCalendarDays,
  differenceInCalendarISOWeeks,
  differenceInCalendarMonths,
  differenceInCalendarQuarters,
  differenceInCalendarYears,
  format,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from 'date-fns'
import {
  BUCKET_SIZES,
  bucketAtOrdinal,
  bucketOrdinal,
  dayNumber,
  bucketKey,
  bucketOf,
  bucketRange,
  countBuckets,
  createBucketer,
  describeBucket,
  normaliseCalendarDate,
  parseBucketKey,
  parseCalendarDate,
  type Bucket,
  type BucketSize,
} from '../../../renderer/src/domain/positions/buckets'

describe('bucket keys', () => {
  it('labels each bucket size so keys sort in time order', () => {
    expect(bucketKey('2024-12-23', 'day')).toBe('2024-12-23')
    expect(bucketKey('2024-12-23', 'week')).toBe('2024-W52')
    expect(bucketKey('2024-12-23', 'month')).toBe('2024-12')
    expect(bucketKey('2024-12-23', 'quarter')).toBe('2024-Q4')
    expect(bucketKey('2024-12-23', 'year')).toBe('2024')
  })

  it('uses the ISO week-numbering year across year ends', () => {
    // 30 December 2024 is a Monday: the first day of 2025-W01.
    expect(bucketKey('2024-12-29', 'week')).toBe('2024-W52')
    expect(bucketKey('2024-12-30', 'week')).toBe('2025-W01')
    expect(bucketKey('2025-01-05', 'week')).toBe('2025-W01')
    expect(bucketKey('2025-01-06', 'week')).toBe('2025-W02')
    // 1-3 January 2021 belong to the last week of 2020, which had 53.
    expect(bucketKey('2021-01-01', 'week')).toBe('2020-W53')
    expect(bucketKey('2021-01-03', 'week')).toBe('2020-W53')
    expect(bucketKey('2021-01-04', 'week')).toBe('2021-W01')
    expect(bucketKey('2026-12-31', 'week')).toBe('2026-W53')
    expect(bucketKey('2027-01-03', 'week')).toBe('2026-W53')
    // The calendar year of a week's dates and its ISO year differ; month and year do not follow ISO.
    expect(bucketKey('2024-12-30', 'year')).toBe('2024')
    expect(bucketKey('2024-12-30', 'month')).toBe('2024-12')
  })

  it('puts each month in its quarter', () => {
    const quarters = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((month) => bucketKey(`2023-${month}-15`, 'quarter'))
    expect(quarters).toEqual(['2023-Q1', '2023-Q1', '2023-Q1', '2023-Q2', '2023-Q2', '2023-Q2', '2023-Q3', '2023-Q3', '2023-Q3', '2023-Q4', '2023-Q4', '2023-Q4'])
    expect(bucketOf('2024-03-31', 'quarter')).toEqual({ key: '2024-Q1', start: '2024-01-01', end: '2024-03-31' })
    expect(bucketOf('2024-11-02', 'quarter')).toEqual({ key: '2024-Q4', start: '2024-10-01', end: '2024-12-31' })
  })

  it('gives a bucket its first and last day', () => {
    expect(bucketOf('2024-12-31', 'week')).toEqual({ key: '2025-W01', start: '2024-12-30', end: '2025-01-05' })
    expect(bucketOf('2024-02-10', 'month')).toEqual({ key: '2024-02', start: '2024-02-01', end: '2024-02-29' })
    expect(bucketOf('2023-02-10', 'month')).toEqual({ key: '2023-02', start: '2023-02-01', end: '2023-02-28' })
    expect(bucketOf('2024-06-01', 'year')).toEqual({ key: '2024', start: '2024-01-01', end: '2024-12-31' })
    expect(bucketOf('2024-06-01', 'day')).toEqual({ key: '2024-06-01', start: '2024-06-01', end: '2024-06-01' })
  })

  it('refuses what is not a calendar date', () => {
    for (const value of ['', 'yesterday', '2024-02-30', '2024-13-01', '24-01-01', '2024/01/01']) {
      expect(bucketKey(value, 'month')).toBeNull()
      expect(normaliseCalendarDate(value)).toBe('')
    }
    expect(normaliseCalendarDate('2024-12-23T10:15:00')).toBe('2024-12-23')
    expect(parseCalendarDate('0099-05-01')?.getFullYear()).toBe(99)
  })

  it('reads its own keys back, and nothing else', () => {
    expect(parseBucketKey('2025-W01', 'week')).toEqual(parseCalendarDate('2024-12-30'))
    expect(parseBucketKey('2020-W53', 'week')).toEqual(parseCalendarDate('2020-12-28'))
    expect(parseBucketKey('2021-W53', 'week')).toBeNull()
    expect(parseBucketKey('2024-Q4', 'quarter')).toEqual(parseCalendarDate('2024-10-01'))
    expect(parseBucketKey('2024-Q5', 'quarter')).toBeNull()
    expect(parseBucketKey('2024-11', 'month')).toEqual(parseCalendarDate('2024-11-01'))
    expect(parseBucketKey('2024', 'year')).toEqual(parseCalendarDate('2024-01-01'))
    expect(parseBucketKey('2024-11', 'day')).toBeNull()
  })

  it('round-trips every date through its bucket, for every size', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1990, 0, 1), max: new Date(2060, 11, 31), noInvalidDate: true }), (date) => {
        const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
        for (const size of BUCKET_SIZES) {
          const bucket = bucketOf(day, size)!
          expect(bucket.start <= day && day <= bucket.end).toBe(true)
          expect(parseBucketKey(bucket.key, size)).toEqual(parseCalendarDate(bucket.start))
          expect(bucketKey(bucket.start, size)).toBe(bucket.key)
          expect(bucketKey(bucket.end, size)).toBe(bucket.key)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('bucket ranges', () => {
  it('lists every bucket between two dates, empty ones included', () => {
    expect(bucketRange('2024-10-15', '2025-02-01', 'month').map((bucket) => bucket.key)).toEqual(['2024-10', '2024-11', '2024-12', '2025-01', '2025-02'])
    expect(bucketRange('2024-12-20', '2025-01-10', 'week').map((bucket) => bucket.key)).toEqual(['2024-W51', '2024-W52', '2025-W01', '2025-W02'])
    expect(bucketRange('2024-02-27', '2024-03-02', 'day').map((bucket) => bucket.key)).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02'])
    expect(bucketRange('2023-11-30', '2024-04-01', 'quarter').map((bucket) => bucket.key)).toEqual(['2023-Q4', '2024-Q1', '2024-Q2'])
    expect(bucketRange('2019-06-01', '2021-01-01', 'year').map((bucket) => bucket.key)).toEqual(['2019', '2020', '2021'])
  })

  it('is one bucket for one date, and empty when the range is empty or backwards', () => {
    expect(bucketRange('2024-12-23', '2024-12-23', 'month').map((bucket) => bucket.key)).toEqual(['2024-12'])
    expect(bucketRange('2024-12-24', '2024-12-23', 'day')).toEqual([])
    expect(bucketRange('', '2024-12-23', 'day')).toEqual([])
    expect(bucketRange('2024-12-01', 'not a date', 'day')).toEqual([])
    expect(countBuckets('2024-12-24', '2024-12-23', 'day')).toBe(0)
  })

  it('does not drift at month ends', () => {
    const months = bucketRange('2024-01-31', '2024-12-31', 'month')
    expect(months).toHaveLength(12)
    expect(months.map((bucket) => bucket.end)).toEqual([
      '2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30',
      '2024-07-31', '2024-08-31', '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31',
    ])
  })

  it('keeps the latest buckets when a limit cuts the range', () => {
    const days = bucketRange('2024-01-01', '2024-12-31', 'day', 10)
    expect(days).toHaveLength(10)
    expect(days[0]!.key).toBe('2024-12-22')
    expect(days[9]!.key).toBe('2024-12-31')
  })

  it('counts buckets the way it lists them', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2000, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }),
        fc.integer({ min: 0, max: 900 }),
        fc.constantFrom(...BUCKET_SIZES),
        (start, days, size) => {
          const from = normaliseCalendarDate(`${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`)
          const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + days)
          const to = `${end.getFullYear()}-${String(end.getMonth() + 1).padStart(2, '0')}-${String(end.getDate()).padStart(2, '0')}`
          const range = bucketRange(from, to, size)
          expect(range).toHaveLength(countBuckets(from, to, size))
          expect(range[0]!.key).toBe(bucketKey(from, size))
          expect(range[range.length - 1]!.key).toBe(bucketKey(to, size))
          for (let index = 1; index < range.length; index++) {
            expect(range[index]!.key > range[index - 1]!.key).toBe(true)
            expect(range[index]!.start > range[index - 1]!.end).toBe(true)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('remembers dates it has bucketed', () => {
    const bucketer = createBucketer('week')
    expect(bucketer('2024-12-30')).toBe('2025-W01')
    expect(bucketer('2024-12-30')).toBe('2025-W01')
    expect(bucketer('nonsense')).toBeNull()
  })

  it('describes a bucket in words for tooltips', () => {
    expect(describeBucket(bucketOf('2024-12-31', 'week')!, 'week')).toBe('ISO week 1 of 2025: 30 Dec 2024 – 5 Jan 2025')
    expect(describeBucket(bucketOf('2024-11-02', 'quarter')!, 'quarter')).toBe('Q4 2024: Oct – Dec 2024')
    expect(describeBucket(bucketOf('2024-11-02', 'month')!, 'month')).toBe('November 2024')
  })
})

describe('bucket ordinals', () => {
  it('name the same bucket as its key, count consecutively, and round-trip', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1890, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true }), fc.constantFrom(...BUCKET_SIZES), (date, size) => {
        const day = date.toISOString().slice(0, 10)
        const ordinal = bucketOrdinal(day, size)!
        const bucket = bucketAtOrdinal(ordinal, size)
        expect(bucket.key).toBe(bucketKey(day, size))
        expect(day >= bucket.start && day <= bucket.end).toBe(true)
        // The next ordinal is the bucket starting the day after this one ends.
        const next = bucketAtOrdinal(ordinal + 1, size)
        expect(bucketOrdinal(next.start, size)).toBe(ordinal + 1)
        expect(next.start > bucket.end).toBe(true)
      }),
      { numRuns: 300 },
    )
    expect(bucketOrdinal('2000-01-01', 'month')).toBe(0)
    expect(bucketAtOrdinal(-1, 'year').key).toBe('1999')
    expect(bucketOrdinal('not a date', 'day')).toBeNull()
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('')).toBeNaN()
  })
})

describe('dayNumber', () => {
  // The reference: the calendar date as a Date at midnight UTC, in whole days since 1970.
  const throughDate = (value: string): number => {
    const parsed = parseCalendarDate(value)
    return parsed ? Math.round(parsed.getTime() / 86_400_000) : Number.NaN
  }
  const pad = (value: number, width: number): string => String(value).padStart(width, '0')

  it('agrees with Date on every kind of date string, real or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('', 'T10:00:00Z', 'x'), (year, month, day, tail) => {
        const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${tail}`
        expect(dayNumber(value)).toBe(throughDate(value))
      }),
      { numRuns: 5_000 },
    )
  })

  it('knows leap days, century rules and the years before 100', () => {
    for (const value of ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2100-02-29', '0000-01-01', '0000-02-29', '0099-12-31', '1969-12-31', '2024-04-31', '2024-12-31', '9999-12-31', '2024-1-01', 'not a date']) {
      expect(dayNumber(value), value).toBe(throughDate(value))
    }
    expect(dayNumber('1969-12-31')).toBe(-1)
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2)
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1)
  })
})

describe('bucket ordinals against date-fns', () => {
  // The reference: the calendar arithmetic done by date-fns in UTC, as the ordinals were before
  // they became plain day arithmetic.
  const origin = new UTCDate(2000, 0, 1)
  const calendar = {
    day: { start: (date: Date) => date, add: addDays, between: differenceInCalendarDays, key: 'yyyy-MM-dd' },
    week: { start: startOfISOWeek, add: addWeeks, between: differenceInCalendarISOWeeks, key: "RRRR-'W'II" },
    month: { start: startOfMonth, add: addMonths, between: differenceInCalendarMonths, key: 'yyyy-MM' },
    quarter: { start: startOfQuarter, add: addQuarters, between: differenceInCalendarQuarters, key: "yyyy-'Q'Q" },
    year: { start: startOfYear, add: addYears, between: differenceInCalendarYears, key: 'yyyy' },
  } as const
  const day = (date: Date): string => format(date, 'yyyy-MM-dd')
  const reference = (ordinal: number, size: BucketSize): Bucket & { words: string } => {
    const { start, add, key } = calendar[size]
    const first = add(start(origin), ordinal)
    const last = addDays(add(first, 1), -1)
    const words = {
      day: () => format(first, 'EEEE d MMMM yyyy'),
      week: () => `ISO week ${format(first, 'I')} of ${format(first, 'RRRR')}: ${format(first, 'd MMM yyyy')} – ${format(last, 'd MMM yyyy')}`,
      month: () => format(first, 'MMMM yyyy'),
      quarter: () => `${format(first, 'QQQ yyyy')}: ${format(first, 'MMM')} – ${format(last, 'MMM yyyy')}`,
      year: () => format(first, 'yyyy'),
    }[size]()
    return { key: format(first, key), start: day(first), end: day(last), words }
  }
  // Ordinals reaching from the year 1000 to 9998 for each size.
  const spans: Record<BucketSize, [number, number]> = { day: [-365_000, 2_920_000], week: [-52_000, 417_000], month: [-12_000, 95_000], quarter: [-4_000, 31_000], year: [-1_000, 7_998] }

  it('name, bound and describe every bucket as date-fns does, for every size', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUCKET_SIZES), fc.double({ min: 0, max: 1, noNaN: true }), (size, where) => {
        const [low, high] = spans[size]
        const ordinal = Math.round(low + where * (high - low))
        const expected = reference(ordinal, size)
        const bucket = bucketAtOrdinal(ordinal, size)
        expect(bucket).toEqual({ key: expected.key, start: expected.start, end: expected.end })
        expect(describeBucket(bucket, size)).toBe(expected.words)
        expect(bucketOrdinal(bucket.start, size)).toBe(ordinal)
        expect(bucketOrdinal(bucket.end, size)).toBe(ordinal)
      }),
      { numRuns: 3_000 },
    )
  })

  it('agree with date-fns on every bucket of 1995-2035 and around year ends', () => {
    for (const size of BUCKET_SIZES) {
      const from = calendar[size].between(calendar[size].start(new UTCDate(1995, 0, 1)), calendar[size].start(origin))
      const to = calendar[size].between(calendar[size].start(new UTCDate(2035, 11, 31)), calendar[size].start(origin))
      for (let ordinal = from; ordinal <= to; ordinal++) {
        const expected = reference(ordinal, size)
        expect(bucketAtOrdinal(ordinal, size), `${size} ${ordinal}`).toEqual({ key: expected.key, start: expected.start, end: expected.end })
        expect(describeBucket(bucketAtOrdinal(ordinal, size), size)).toBe(expected.words)
      }
    }
  })

  it('place every date of 1890-2110 in the bucket date-fns does', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1890, 0, 1)), max: new Date(Date.UTC(2110, 11, 31)), noInvalidDate: true }), fc.constantFrom(...BUCKET_SIZES), (date, size) => {
        const value = date.toISOString().slice(0, 10)
        const { start, between } = calendar[size]
        const parsed = new UTCDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
        expect(bucketOrdinal(value, size)).toBe(between(start(parsed), start(origin)))
      }),
      { numRuns: 3_000 },
    )
    // ISO weeks whose year differs from the calendar year: 2024-12-30 is in 2025-W01, 2021-01-03 in 2020-W53.
    expect(bucketAtOrdinal(bucketOrdinal('2024-12-30', 'week')!, 'week').key).toBe('2025-W01')
    expect(bucketAtOrdinal(bucketOrdinal('2021-01-03', 'week')!, 'week').key).toBe('2020-W53')
  })
})
