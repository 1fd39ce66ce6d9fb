import { detectDateOrder as detectNumericOrder, isDayMonthDate, parseDate as parseAnyDate } from '../import/dates'

// Claim dates as spreadsheets write them. ISO is unambiguous; day-first and month-first
// slashed dates are not, so the order is detected over the whole column and shown to the
// analyst, who can change it.

export const DATE_ORDERS = ['iso', 'dmy', 'mdy'] as const
export type DateOrder = (typeof DATE_ORDERS)[number]

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  iso: 'Year first (2024-12-23, 2024/12/23)',
  dmy: 'Day first (23.12.2024, 23/12/2024)',
  mdy: 'Month first (12/23/2024)',
}

/**
 * 'YYYY-MM-DD' for a date cell, '' for a blank one, null when it cannot be read in that order.
 * Read by the article importer's parser, but strictly: numeric dates follow the column's order
 * even when a value alone would settle it. A time of day is dropped: claims are dated to the day.
 */
export function parseDate(value: string, order: DateOrder): string | null {
  if (value.trim() === '') return ''
  const parsed = order === 'iso' ? parseAnyDate(value, 'dmy', 'refuse') : parseAnyDate(value, order, 'strict')
  return parsed === '' ? null : parsed.slice(0, 10)
}

/**
 * The order that reads the column: the one its values settle (the majority, if they disagree),
 * else day-first (the world's majority) when it has numeric dates with the year last, else ISO.
 */
export function detectDateOrder(values: Iterable<string>): DateOrder {
  const list = [...values]
  return detectNumericOrder(list) ?? (list.some(isDayMonthDate) ? 'dmy' : 'iso')
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * A document's date as articles store it: 'YYYY-MM-DD', or 'YYYY-MM-DDTHH:mm:ss' when the
 * cell gives a local time of day in ISO form (as our articles export writes it).
 */
export function parseDocumentDate(value: string, order: DateOrder): string | null {
  const text = value.trim()
  const withTime = LOCAL_DATE_TIME.exec(text)
  if (withTime && parseDate(withTime[1]!, 'iso') !== null && Number(withTime[2]) < 24 && Number(withTime[3]) < 60 && Number(withTime[4] ?? 0) < 60) {
    return `${withTime[1]}T${withTime[2]}:${withTime[3]}:${withTime[4] ?? '00'}`
  }
  return parseDate(text, order)
}
