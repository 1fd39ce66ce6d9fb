import { format, isValid, parse } from 'date-fns'
import type { DateOrder } from './types'

// Publication dates as they appear in news exports, to the stored form: 'YYYY-MM-DD', or
// 'YYYY-MM-DDTHH:mm:ss' when a time is given. A time stays the wall-clock time the source
// printed (its offset is dropped): an article dated 24 July in London is about 24 July, even
// if that was still 23 July in UTC. Anything we cannot read with confidence becomes '' and the
// article is flagged for review; we never substitute the import time.

const MIN_YEAR = 1800
const MAX_YEAR = 2199

const ARABIC_MONTHS: [RegExp, string][] = [
  [/كانون الثاني|يناير|جانفي/g, 'January'],
  [/شباط|فبراير|فيفري/g, 'February'],
  [/آذار|مارس/g, 'March'],
  [/نيسان|أبريل|ابريل|إبريل|أفريل/g, 'April'],
  [/أيار|ايار|مايو|ماي/g, 'May'],
  [/حزيران|يونيو|يونيه|جوان/g, 'June'],
  [/تموز|يوليو|يوليه|جويلية/g, 'July'],
  [/آب|أغسطس|اغسطس|أوت/g, 'August'],
  [/أيلول|سبتمبر/g, 'September'],
  [/تشرين الأول|تشرين الاول|أكتوبر|اكتوبر/g, 'October'],
  [/تشرين الثاني|نوفمبر/g, 'November'],
  [/كانون الأول|كانون الاول|ديسمبر/g, 'December'],
]

// German and French month names, as Nexis and LexisNexis print them in those interfaces'
// exports ("5. Juli 2019 Freitag", "1er juillet 2019"). Whole words only: "Mai" is never English.
const EUROPEAN_MONTHS: [RegExp, string][] = [
  [/\b(januar|jänner|janvier)\b/gi, 'January'],
  [/\b(februar|février|fevrier)\b/gi, 'February'],
  [/\b(märz|maerz|mars)\b/gi, 'March'],
  [/\b(avril)\b/gi, 'April'],
  [/\b(mai)\b/gi, 'May'],
  [/\b(juni|juin)\b/gi, 'June'],
  [/\b(juli|juillet)\b/gi, 'July'],
  [/\b(août|aout)\b/gi, 'August'],
  [/\b(septembre)\b/gi, 'September'],
  [/\b(oktober|octobre)\b/gi, 'October'],
  [/\b(novembre)\b/gi, 'November'],
  [/\b(dezember|décembre|decembre)\b/gi, 'December'],
]

// Weekday names anywhere in the value: exports print them after the date ("January 11, 2010
// Monday"), feeds before it. Only whole names; abbreviations are handled at the start.
const WEEKDAYS =
  /(?<![\p{L}])(monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\p{L}])[.,]?/giu

/** Arabic-Indic and Persian digits to ASCII, Arabic, German and French month names to English. */
function westernise(value: string): string {
  let result = value
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
  if (/[\u0600-\u06ff]/.test(result)) {
    for (const [pattern, month] of ARABIC_MONTHS) result = result.replace(pattern, ` ${month} `)
    result = result.replace(/[\u0600-\u06ff]+/g, ' ')
  }
  if (/[a-z]{3}/i.test(result)) {
    result = result.replace(WEEKDAYS, ' ')
    for (const [pattern, month] of EUROPEAN_MONTHS) result = result.replace(pattern, month)
    // "5. July 2019" (German order with a day's full stop), "1er juillet".
    result = result.replace(/\b(\d{1,2})(?:\.|er\b)\s*(?=[a-z])/gi, '$1 ')
  }
  return result.replace(/\s+/g, ' ').replace(/^[\s,]+|[\s,]+$/g, '').trim()
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0')
}

function build(year: number, month: number, day: number, hour?: number, minute?: number, second?: number): string {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return ''
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return ''
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`
  if (hour === undefined) return date
  if (hour > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return ''
  if (hour === 0 && !minute && !second) return date
  return `${date}T${pad(hour)}:${pad(minute ?? 0)}:${pad(second ?? 0)}`
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?$/i
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/
const DAY_OR_MONTH_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const EPOCH = /^\d{10}(\d{3})?$/

// Formats with month names, tried in order on text with weekday, ordinal suffix, zone and
// "at" removed. date-fns matches month names case-insensitively ("26-FEB-1987").
const TEXT_FORMATS = [
  'd MMMM yyyy',
  'd MMM yyyy',
  'MMMM d yyyy',
  'MMM d yyyy',
  'd MMMM yyyy HH:mm:ss',
  'd MMM yyyy HH:mm:ss',
  'd MMMM yyyy HH:mm',
  'd MMM yyyy HH:mm',
  'MMMM d yyyy HH:mm',
  'MMM d yyyy HH:mm',
  'MMMM d yyyy h:mm a',
  'MMM d yyyy h:mm a',
  'MMMM d yyyy HH:mm:ss',
  'MMM d yyyy HH:mm:ss',
  'dd-MMM-yyyy HH:mm:ss.SS',
  'dd-MMM-yyyy HH:mm:ss',
  'dd-MMM-yyyy',
]

const REFERENCE = new Date(2000, 0, 1)

function parseWithMonthNames(value: string): string {
  const cleaned = value
    .replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '')
    .replace(/\b(\d{1,2})(st|nd|rd|th)\b/gi, '$1')
    .replace(/\bsept\b/gi, 'Sep')
    .replace(/\b([a-z]{3,9})\./gi, '$1')
    .replace(/\s+(at|@)\s+/gi, ' ')
    .replace(/(?<=\d)z$/i, '')
    .replace(/\s+(utc|gmt|[ecmp][sd]t|bst|cet|cest)$/i, '')
    .replace(/\s+(utc|gmt)?[+-]\d{2}:?\d{2}$/i, '')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  for (const pattern of TEXT_FORMATS) {
    const parsed = parse(cleaned, pattern, REFERENCE)
    if (!isValid(parsed)) continue
    const hasTime = /H|h/.test(pattern)
    return build(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate(), hasTime ? parsed.getHours() : undefined, parsed.getMinutes(), parsed.getSeconds())
  }
  return ''
}

/**
 * How numeric day/month dates (03/04/2024) follow `order`. 'default': the order settles only
 * the ambiguous ones, and 13/04/2024 reads day-first whatever it says (news imports, where the
 * order is a guess). 'strict': every one is read in that order, so 12/23/2024 is unreadable
 * day-first (coded-claims import, where the analyst confirmed the order for the column).
 * 'refuse': none is read (a column the analyst says is year-first).
 */
export type OrderRule = 'default' | 'strict' | 'refuse'

/**
 * Parses one date. `order` settles 03/04/2024 (the column's order, see detectDateOrder);
 * unambiguous values (13/04/2024) parse either way unless `rule` says otherwise.
 */
export function parseDate(raw: string | number | null | undefined, order: DateOrder = 'dmy', rule: OrderRule = 'default'): string {
  if (raw === null || raw === undefined) return ''
  const value = westernise(String(raw))
  if (value === '') return ''
  const exact = parseExact(value, order, rule)
  if (exact !== '') return exact
  // A readable date followed by a broken time or trailing words ("31-MAR-1987 605:12:19.12",
  // "23 December 2024 (updated)"): keep the date we can read.
  const tokens = value.split(' ')
  for (let count = Math.min(tokens.length - 1, 4); count >= 1; count--) {
    const prefix = parseExact(tokens.slice(0, count).join(' ').replace(/[,;]$/, ''), order, rule)
    if (prefix !== '') return prefix.slice(0, 10)
  }
  return ''
}

function parseExact(value: string, order: DateOrder, rule: OrderRule): string {

  if (EPOCH.test(value)) {
    const millis = value.length === 13 ? Number(value) : Number(value) * 1000
    const date = new Date(millis)
    return build(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds())
  }
  let match = ISO.exec(value) ?? YEAR_FIRST.exec(value)
  if (match) {
    const [, year, month, day, hour, minute, second] = match
    return build(Number(year), Number(month), Number(day), hour === undefined ? undefined : Number(hour), Number(minute ?? 0), Number(second ?? 0))
  }
  match = COMPACT.exec(value)
  if (match) return build(Number(match[1]), Number(match[2]), Number(match[3]))
  match = DAY_OR_MONTH_FIRST.exec(value)
  if (match) {
    if (rule === 'refuse') return ''
    const [, first, second, year, hour, minute, secs, meridiem] = match
    const a = Number(first)
    const b = Number(second)
    const dayFirst = rule === 'strict' ? order === 'dmy' : a > 12 ? true : b > 12 ? false : order === 'dmy'
    let hours = hour === undefined ? undefined : Number(hour)
    if (hours !== undefined && meridiem) hours = (hours % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0)
    return build(Number(year), dayFirst ? b : a, dayFirst ? a : b, hours, Number(minute ?? 0), Number(secs ?? 0))
  }
  if (/[a-z]/i.test(value)) return parseWithMonthNames(value)
  return ''
}

/**
 * A PDF date string (PDF 32000 7.9.4: "D:YYYYMMDDHHmmSSOHH'mm'", every part after the year
 * optional) as stored: the wall-clock time the file gives, its offset dropped like any other.
 */
export function parsePdfDate(raw: string | null | undefined): string {
  const match = /^\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(raw ?? '')
  if (!match) return ''
  const [, year, month = '01', day = '01', hour, minute, second] = match
  return build(Number(year), Number(month), Number(day), hour === undefined ? undefined : Number(hour), Number(minute ?? 0), Number(second ?? 0))
}

/**
 * Day-first or month-first for a column of numeric dates: any value with a first part over 12
 * settles day-first, any with a second part over 12 settles month-first. Null when the column
 * never says (all parts ≤ 12, or no such dates): the caller keeps its default and says so.
 */
export function detectDateOrder(values: Iterable<string>): DateOrder | null {
  let dayFirst = 0
  let monthFirst = 0
  for (const raw of values) {
    const match = DAY_OR_MONTH_FIRST.exec(westernise(raw))
    if (!match) continue
    if (Number(match[1]) > 12) dayFirst++
    else if (Number(match[2]) > 12) monthFirst++
  }
  if (dayFirst > monthFirst) return 'dmy'
  if (monthFirst > dayFirst) return 'mdy'
  return null
}

/** True for a numeric date with the year last (23/12/2024, 12.23.2024), whatever its order. */
export function isDayMonthDate(raw: string): boolean {
  return DAY_OR_MONTH_FIRST.test(westernise(raw))
}

/** True when a column has numeric dates whose order the values alone cannot settle. */
export function hasAmbiguousDates(values: Iterable<string>): boolean {
  for (const raw of values) {
    const match = DAY_OR_MONTH_FIRST.exec(westernise(raw))
    if (match && Number(match[1]) <= 12 && Number(match[2]) <= 12 && match[1] !== match[2]) return true
  }
  return false
}

/** For display next to a parsed value: "23 Dec 2024" or "23 Dec 2024, 10:00". */
export function describeStoredDate(stored: string): string {
  if (stored === '') return 'no date'
  const [date = '', time] = stored.split('T')
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number)
  const label = format(new Date(year, month - 1, day), 'd MMM yyyy')
  return time ? `${label}, ${time.slice(0, 5)}` : label
}
