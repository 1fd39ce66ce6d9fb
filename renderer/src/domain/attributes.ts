import type { Attributes } from './model'
import { compareText } from './text/compare'

// Free attributes on actors and claims: party, country, coalition… each with one or more
// values. Keys keep the spelling they were first given and compare without regard to case
// ("Party" and "party" are one attribute); values compare trimmed and without regard to case
// too, so "CDU" met twice, once as "cdu", is one value.

/** Several values in one cell (exports, the Actors screen's editor): "CDU | CSU". */
export const VALUE_SEPARATOR = ' | '

const keyOf = (key: string): string => key.trim().toLowerCase()
const valueOf = (value: string): string => value.trim().replace(/\s+/g, ' ').toLowerCase()

/** The key under which `attributes` holds `key` (its first spelling), or undefined. */
export function findAttributeKey(attributes: Attributes, key: string): string | undefined {
  const wanted = keyOf(key)
  return Object.keys(attributes).find((existing) => keyOf(existing) === wanted)
}

/** The values of an attribute, whatever the case of its key; [] when it has none. */
export function attributeValues(attributes: Attributes | undefined, key: string): string[] {
  if (!attributes) return []
  const found = findAttributeKey(attributes, key)
  return found === undefined ? [] : (attributes[found] ?? [])
}

/** Trimmed, non-empty values without repeats (first spelling kept). */
export function cleanValues(values: Iterable<string>): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const raw of values) {
    const value = raw.trim().replace(/\s+/g, ' ')
    const folded = valueOf(value)
    if (folded === '' || seen.has(folded)) continue
    seen.add(folded)
    result.push(value)
  }
  return result
}

/** Splits a cell of several values written with `|` (as exports write them). */
export function parseValues(text: string): string[] {
  return cleanValues(text.split('|'))
}

export function formatValues(values: readonly string[]): string {
  return values.join(VALUE_SEPARATOR)
}

/**
 * The attributes with `values` added to `key` (created under this spelling when new). Returns
 * the same object when nothing is new, so callers can tell whether a record changed.
 */
export function addAttributeValues(attributes: Attributes, key: string, values: readonly string[]): Attributes {
  const name = key.trim()
  if (name === '') return attributes
  const existingKey = findAttributeKey(attributes, name)
  const current = existingKey === undefined ? [] : (attributes[existingKey] ?? [])
  const merged = cleanValues([...current, ...values])
  if (merged.length === current.length && existingKey !== undefined) return attributes
  if (merged.length === 0) return attributes
  return { ...attributes, [existingKey ?? name]: merged }
}

/** Every attribute of `extra` added to `attributes` (see addAttributeValues). */
export function mergeAttributes(attributes: Attributes, extra: Attributes): Attributes {
  let result = attributes
  for (const [key, values] of Object.entries(extra)) result = addAttributeValues(result, key, values)
  return result
}

/** The attributes with `key` holding exactly `values`; no values removes the attribute. */
export function setAttribute(attributes: Attributes, key: string, values: readonly string[]): Attributes {
  const name = key.trim()
  if (name === '') return attributes
  const existingKey = findAttributeKey(attributes, name)
  const next: Attributes = {}
  for (const [other, otherValues] of Object.entries(attributes)) if (other !== existingKey) next[other] = otherValues
  const clean = cleanValues(values)
  if (clean.length > 0) next[existingKey ?? name] = clean
  return next
}

/** The attributes with `values` taken out of `key` (the attribute goes when none is left). */
export function removeAttributeValues(attributes: Attributes, key: string, values: readonly string[]): Attributes {
  const existingKey = findAttributeKey(attributes, key)
  if (existingKey === undefined) return attributes
  const drop = new Set(values.map(valueOf))
  return setAttribute(attributes, existingKey, (attributes[existingKey] ?? []).filter((value) => !drop.has(valueOf(value))))
}

/** Do two attribute sets say the same (keys and values compared as above, order aside)? */
export function sameAttributes(a: Attributes, b: Attributes): boolean {
  return attributesKey(a) === attributesKey(b)
}

/** A canonical text of a set of attributes, for comparisons and duplicate keys. */
export function attributesKey(attributes: Attributes): string {
  return Object.entries(attributes)
    .map(([key, values]) => [keyOf(key), cleanValues(values).map(valueOf).sort()] as const)
    .filter(([, values]) => values.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, values]) => `${key}=${values.join('\u0001')}`)
    .join('\u0000')
}

/** Every attribute key the records use, first spelling kept, alphabetically. */
export function attributeKeysOf(records: Iterable<{ attributes?: Attributes }>): string[] {
  const keys = new Map<string, string>()
  for (const record of records) {
    for (const [key, values] of Object.entries(record.attributes ?? {})) {
      if (values.length > 0 && !keys.has(keyOf(key))) keys.set(keyOf(key), key)
    }
  }
  return [...keys.values()].sort(compareText)
}

/** Each value of an attribute with how many records carry it, most used first. */
export function attributeValueCounts(records: Iterable<{ attributes?: Attributes }>, key: string): { value: string; count: number }[] {
  const counts = new Map<string, { value: string; count: number }>()
  for (const record of records) {
    for (const value of attributeValues(record.attributes, key)) {
      const folded = valueOf(value)
      const entry = counts.get(folded)
      if (entry) entry.count++
      else counts.set(folded, { value, count: 1 })
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || compareText(a.value, b.value))
}
