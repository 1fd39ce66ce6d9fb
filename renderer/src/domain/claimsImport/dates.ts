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

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ,]+\d{1,2}:\d{2}(?::\d{2})?)?$/

function valid(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > days) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * 'YYYY-MM-DD' for a date cell, '' for a blank one, null when it cannot be read in that order.
 * A time of day, if present, is dropped: claims are dated to the day.
 */
export function parseDate(value: string, order: DateOrder): string | null {
  const text = value.trim()
  if (text === '') return ''
  const yearFirst = YEAR_FIRST.exec(text)
  if (yearFirst) return valid(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]))
  const yearLast = YEAR_LAST.exec(text)
  if (!yearLast || order === 'iso') return null
  const a = Number(yearLast[1])
  const b = Number(yearLast[2])
  return order === 'dmy' ? valid(Number(yearLast[3]), b, a) : valid(Number(yearLast[3]), a, b)
}

/** The order that reads every value, preferring ISO, then day-first (the world's majority). */
export function detectDateOrder(values: Iterable<string>): DateOrder {
  let dayFirstImpossible = false
  let monthFirstImpossible = false
  let anyYearLast = false
  for (const value of values) {
    const match = YEAR_LAST.exec(value.trim())
    if (!match) continue
    anyYearLast = true
    if (Number(match[1]) > 12) monthFirstImpossible = true
    if (Number(match[2]) > 12) dayFirstImpossible = true
  }
  if (!anyYearLast) return 'iso'
  if (dayFirstImpossible && !monthFirstImpossible) return 'mdy'
  return 'dmy'
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
