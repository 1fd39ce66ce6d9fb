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
  isValid,
  setISOWeek,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from 'date-fns'

// Time buckets for the positions table. A bucket's key is also its column label, chosen so
// that keys sort in time order as plain strings: 2024-12-23, 2025-W01 (ISO week-numbering
// year), 2024-12, 2024-Q4, 2024. Dates are calendar dates ('YYYY-MM-DD'); inside this module they
// become UTCDate objects, so date-fns does its arithmetic in UTC: no time zone, daylight saving
// change or skipped day (Samoa, 30 December 2011) can move a claim into the neighbouring bucket.

export const BUCKET_SIZES = ['day', 'week', 'month', 'quarter', 'year'] as const
export type BucketSize = (typeof BUCKET_SIZES)[number]

export const BUCKET_SIZE_LABELS: Readonly<Record<BucketSize, string>> = {
  day: 'Day',
  week: 'Week (ISO)',
  month: 'Month',
  quarter: 'Quarter',
  year: 'Year',
}

/** Plural nouns for counts in sentences ("120 months"). */
export const BUCKET_SIZE_NOUNS: Readonly<Record<BucketSize, [string, string]>> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  year: ['year', 'years'],
}

export function isBucketSize(value: unknown): value is BucketSize {
  return typeof value === 'string' && (BUCKET_SIZES as readonly string[]).includes(value)
}

export interface Bucket {
  /** Sortable key and column label: '2024-12-23', '2025-W01', '2024-12', '2024-Q4', '2024'. */
  key: string
  /** First calendar day in the bucket, 'YYYY-MM-DD'. */
  start: string
  /** Last calendar day in the bucket, 'YYYY-MM-DD'. */
  end: string
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})/

/** A 'YYYY-MM-DD' (or longer ISO) string as midnight UTC; null when it is not a real date. */
export function parseCalendarDate(value: string): Date | null {
  const match = DATE_PATTERN.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2]) - 1
  const day = Number(match[3])
  const date: Date = new UTCDate(year, month, day)
  // The constructor maps years 0-99 to 1900-1999; setFullYear does not.
  date.setFullYear(year, month, day)
  if (!isValid(date) || date.getMonth() !== month || date.getDate() !== day) return null
  return date
}

/** The calendar date of a string the app stores, normalised to 'YYYY-MM-DD', or '' if none. */
export function normaliseCalendarDate(value: string): string {
  const date = parseCalendarDate(value)
  return date ? formatDay(date) : ''
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0')

/** 'YYYY-MM-DD' of a UTCDate (its getters read UTC); by hand, as ranges format thousands of days. */
function formatDay(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`
}

function formatKey(date: Date, size: BucketSize): string {
  return size === 'day' ? formatDay(date) : format(date, KEY_FORMATS[size])
}

const KEY_FORMATS: Readonly<Record<BucketSize, string>> = {
  day: 'yyyy-MM-dd',
  week: "RRRR-'W'II",
  month: 'yyyy-MM',
  quarter: "yyyy-'Q'Q",
  year: 'yyyy',
}

/** The date-fns calendar arithmetic of each bucket size: its start, stepping, and counting. */
const CALENDAR: Readonly<Record<BucketSize, { start: (date: Date) => Date; add: (date: Date, amount: number) => Date; between: (later: Date, earlier: Date) => number }>> = {
  day: { start: (date) => date, add: addDays, between: differenceInCalendarDays },
  week: { start: startOfISOWeek, add: addWeeks, between: differenceInCalendarISOWeeks },
  month: { start: startOfMonth, add: addMonths, between: differenceInCalendarMonths },
  quarter: { start: startOfQuarter, add: addQuarters, between: differenceInCalendarQuarters },
  year: { start: startOfYear, add: addYears, between: differenceInCalendarYears },
}

function startOfBucket(date: Date, size: BucketSize): Date {
  return CALENDAR[size].start(date)
}

function addBuckets(date: Date, size: BucketSize, amount: number): Date {
  return CALENDAR[size].add(date, amount)
}

function bucketsBetween(later: Date, earlier: Date, size: BucketSize): number {
  return CALENDAR[size].between(later, earlier)
}

function bucketAt(start: Date, size: BucketSize): Bucket {
  return {
    key: formatKey(start, size),
    start: formatDay(start),
    end: formatDay(addDays(addBuckets(start, size, 1), -1)),
  }
}

/** The bucket key a calendar date falls in, or null when the date is not a real date. */
export function bucketKey(date: string, size: BucketSize): string | null {
  const parsed = parseCalendarDate(date)
  return parsed ? formatKey(parsed, size) : null
}

/** The bucket a calendar date falls in, or null when the date is not a real date. */
export function bucketOf(date: string, size: BucketSize): Bucket | null {
  const parsed = parseCalendarDate(date)
  return parsed ? bucketAt(startOfBucket(parsed, size), size) : null
}

/** The first day of the bucket a key names, or null when the key is not one of this size. */
export function parseBucketKey(key: string, size: BucketSize): Date | null {
  let match: RegExpExecArray | null
  switch (size) {
    case 'day':
      return /^\d{4}-\d{2}-\d{2}$/.test(key) ? parseCalendarDate(key) : null
    case 'week': {
      match = /^(\d{4})-W(\d{2})$/.exec(key)
      if (!match) return null
      const week = Number(match[2])
      // 4 January is always in week 1 of its ISO week-numbering year.
      const anchor = parseCalendarDate(`${match[1]}-01-04`)
      if (!anchor || week < 1) return null
      const start = startOfISOWeek(setISOWeek(anchor, week))
      return format(start, KEY_FORMATS.week) === key ? start : null
    }
    case 'month':
      match = /^(\d{4})-(\d{2})$/.exec(key)
      return match ? parseCalendarDate(`${key}-01`) : null
    case 'quarter': {
      match = /^(\d{4})-Q([1-4])$/.exec(key)
      if (!match) return null
      const month = (Number(match[2]) - 1) * 3 + 1
      return parseCalendarDate(`${match[1]}-${String(month).padStart(2, '0')}-01`)
    }
    case 'year':
      return /^\d{4}$/.test(key) ? parseCalendarDate(`${key}-01-01`) : null
  }
}

/** How many buckets of this size run from the one holding `from` to the one holding `to`. */
export function countBuckets(from: string, to: string, size: BucketSize): number {
  const start = parseCalendarDate(from)
  const end = parseCalendarDate(to)
  if (!start || !end || end < start) return 0
  return bucketsBetween(startOfBucket(end, size), startOfBucket(start, size), size) + 1
}

/**
 * Every bucket from the one holding `from` to the one holding `to`, inclusive, empty ones
 * included (a column per bucket, so gaps in time show as gaps). Empty when to < from.
 * `limit` keeps the last buckets of a range that would be longer.
 */
export function bucketRange(from: string, to: string, size: BucketSize, limit = Number.POSITIVE_INFINITY): Bucket[] {
  const start = parseCalendarDate(from)
  const end = parseCalendarDate(to)
  if (!start || !end || end < start) return []
  const last = startOfBucket(end, size)
  const total = bucketsBetween(last, startOfBucket(start, size), size) + 1
  const count = Math.min(total, limit)
  const buckets: Bucket[] = []
  // Each bucket is computed from the last one rather than by repeated addition, so month ends
  // (31 January + 1 month) never drift.
  for (let index = count - 1; index >= 0; index--) buckets.push(bucketAt(addBuckets(last, size, -index), size))
  return buckets
}

/**
 * Maps calendar dates to bucket keys, remembering each date it has seen: a workspace has far
 * fewer distinct dates than claims, so the date arithmetic runs once per date.
 */
export function createBucketer(size: BucketSize): (date: string) => string | null {
  const cache = new Map<string, string | null>()
  return (date) => {
    let key = cache.get(date)
    if (key === undefined) {
      key = bucketKey(date, size)
      cache.set(date, key)
    }
    return key
  }
}

/** Words for a bucket's span, for tooltips: "30 Dec 2024 – 5 Jan 2025". */
export function describeBucket(bucket: Bucket, size: BucketSize): string {
  const first = dayNumber(bucket.start)
  const last = dayNumber(bucket.end)
  if (Number.isNaN(first) || Number.isNaN(last)) return bucket.key
  const start = civilFromDays(first)
  const end = civilFromDays(last)
  const dayMonthYear = (date: CivilDate): string => `${date.day} ${MONTH_NAMES[date.month - 1]!.slice(0, 3)} ${formatYear(date.year)}`
  switch (size) {
    case 'day':
      return `${WEEKDAY_NAMES[isoWeekday(first) - 1]} ${start.day} ${MONTH_NAMES[start.month - 1]} ${formatYear(start.year)}`
    case 'week': {
      const { weekYear, week } = isoWeekOf(first)
      return `ISO week ${week} of ${formatYear(weekYear)}: ${dayMonthYear(start)} – ${dayMonthYear(end)}`
    }
    case 'month':
      return `${MONTH_NAMES[start.month - 1]} ${formatYear(start.year)}`
    case 'quarter':
      return `Q${Math.ceil(start.month / 3)} ${formatYear(start.year)}: ${MONTH_NAMES[start.month - 1]!.slice(0, 3)} – ${MONTH_NAMES[end.month - 1]!.slice(0, 3)} ${formatYear(end.year)}`
    case 'year':
      return formatYear(start.year)
  }
}

// Buckets by ordinal: a bucket's place counted from a fixed origin, so cells keyed by it keep
// their key when the span of the data grows (an edit adds an earlier claim): positions can then
// be updated claim by claim instead of recomputed whole.

// The ordinals are plain day arithmetic (dayNumber, civilFromDays), not date-fns: a cold open
// names its 120 columns before anything has warmed up, and the date-fns path (a UTCDate, its
// arithmetic and format per column) took 13 ms of it; the unit tests hold the two to the same
// answers.

const ORIGIN_DAY = daysFromCivil(2000, 1, 1)
/** The Monday starting the ISO week that holds 2000-01-01. */
const ORIGIN_MONDAY = ORIGIN_DAY - (isoWeekday(ORIGIN_DAY) - 1)

/** The ordinal of the bucket a calendar date falls in (negative before 2000), or null when the date is not a real date. */
export function bucketOrdinal(date: string, size: BucketSize): number | null {
  const day = dayNumber(date)
  if (Number.isNaN(day)) return null
  return bucketOrdinalOfDay(day, size)
}

/** bucketOrdinal of the date with this day number (dayNumber's): positions place claims by their day, without reading the date again. */
export function bucketOrdinalOfDay(day: number, size: BucketSize): number {
  if (size === 'day') return day - ORIGIN_DAY
  if (size === 'week') return Math.floor((day - ORIGIN_MONDAY) / 7)
  const { year, month } = civilFromDays(day)
  if (size === 'month') return (year - 2000) * 12 + (month - 1)
  if (size === 'quarter') return (year - 2000) * 4 + Math.floor((month - 1) / 3)
  return year - 2000
}

const ordinalBuckets: Record<BucketSize, Map<number, Bucket>> = { day: new Map(), week: new Map(), month: new Map(), quarter: new Map(), year: new Map() }

/** The bucket with this ordinal (remembered: a table asks for the same columns again and again). */
export function bucketAtOrdinal(ordinal: number, size: BucketSize): Bucket {
  const cache = ordinalBuckets[size]
  let bucket = cache.get(ordinal)
  if (bucket === undefined) {
    bucket = bucketAtOrdinalUncached(ordinal, size)
    if (cache.size > 100_000) cache.clear()
    cache.set(ordinal, bucket)
  }
  return bucket
}

function bucketAtOrdinalUncached(ordinal: number, size: BucketSize): Bucket {
  switch (size) {
    case 'day': {
      const day = formatDayNumber(ORIGIN_DAY + ordinal)
      return { key: day, start: day, end: day }
    }
    case 'week': {
      const monday = ORIGIN_MONDAY + ordinal * 7
      const { weekYear, week } = isoWeekOf(monday)
      return { key: `${formatYear(weekYear)}-W${pad(week, 2)}`, start: formatDayNumber(monday), end: formatDayNumber(monday + 6) }
    }
    case 'month':
    case 'quarter':
    case 'year': {
      const months = size === 'month' ? 1 : size === 'quarter' ? 3 : 12
      const first = 2000 * 12 + ordinal * months
      const year = Math.floor(first / 12)
      const month = first - year * 12 + 1
      const lastMonth = month + months - 1
      const start = `${formatYear(year)}-${pad(month, 2)}-01`
      const end = `${formatYear(year)}-${pad(lastMonth, 2)}-${pad(daysInMonth(year, lastMonth), 2)}`
      const key = size === 'month' ? `${formatYear(year)}-${pad(month, 2)}` : size === 'quarter' ? `${formatYear(year)}-Q${(month + 2) / 3}` : formatYear(year)
      return { key, start, end }
    }
  }
}

/**
 * Days since 1970-01-01 of a 'YYYY-MM-DD' date (NaN when it is not one): a number to sort claims
 * by. Plain arithmetic (the proleptic Gregorian calendar, as Date's), not a Date: it runs once per
 * claim when Positions builds, and a UTCDate per claim was a fifth of that build.
 */
export function dayNumber(date: string): number {
  const match = DATE_PATTERN.exec(date)
  if (!match) return Number.NaN
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN
  return daysFromCivil(year, month, day)
}

/** Days since 1970-01-01 of a year, month (1-12) and day (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  // Years start in March, so the leap day ends one.
  const shifted = month <= 2 ? year - 1 : year
  const era = Math.floor(shifted / 400)
  const yearOfEra = shifted - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
}

interface CivilDate {
  year: number
  /** 1-12 */
  month: number
  day: number
}

/** The calendar date of a day number (dayNumber's inverse; Howard Hinnant's civil_from_days). */
function civilFromDays(days: number): CivilDate {
  const shifted = days + 719_468
  const era = Math.floor(shifted / 146_097)
  const dayOfEra = shifted - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** 1 for Monday to 7 for Sunday; day 0 (1970-01-01) was a Thursday. */
function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1
}

/** The ISO week-numbering year and week of a day: those of the Thursday in its week. */
function isoWeekOf(days: number): { weekYear: number; week: number } {
  const thursday = days - isoWeekday(days) + 4
  const weekYear = civilFromDays(thursday).year
  return { weekYear, week: Math.floor((thursday - daysFromCivil(weekYear, 1, 1)) / 7) + 1 }
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** A year as the keys write it: four digits, zero-padded (date-fns's yyyy); a sign before year 0. */
function formatYear(year: number): string {
  return year < 0 ? `-${pad(-year, 4)}` : pad(year, 4)
}

function formatDayNumber(days: number): string {
  const { year, month, day } = civilFromDays(days)
  return `${formatYear(year)}-${pad(month, 2)}-${pad(day, 2)}`
}
