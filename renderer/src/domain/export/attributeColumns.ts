import { formatValues } from '../attributes'
import type { Attributes } from '../model'
import { compareText } from '../text/compare'

// Attributes as export columns: one column per attribute key, named with the record's prefix
// (`actor.party`, `claim.frame`, `meta.section`), the values of a multi-valued attribute joined
// with " | ". Keys that differ only in case share a column (its first spelling). Columns come
// after the fixed ones, by prefix and then alphabetically, so adding attributes never moves a
// fixed column.

export const ACTOR_PREFIX = 'actor.'
export const CLAIM_PREFIX = 'claim.'
export const META_PREFIX = 'meta.'

/** Collects the attribute columns a set of records needs, then gives each record's cells. */
export class AttributeColumns {
  /** Lower-cased key → first spelling. */
  private readonly keys = new Map<string, string>()

  constructor(readonly prefix: string) {}

  add(attributes: Attributes | Record<string, string> | undefined): void {
    if (!attributes) return
    for (const [key, value] of Object.entries(attributes)) {
      if (Array.isArray(value) && value.length === 0) continue
      const id = key.toLowerCase()
      if (!this.keys.has(id)) this.keys.set(id, key)
    }
  }

  /** The keys, in column order. */
  get columns(): string[] {
    return [...this.keys.values()].sort((a, b) => compareText(a, b) || (a < b ? -1 : a > b ? 1 : 0))
  }

  get header(): string[] {
    return this.columns.map((key) => this.prefix + key)
  }

  /** A record's cell per column ('' where it has no value). */
  cells(attributes: Attributes | Record<string, string> | undefined, columns: readonly string[] = this.columns): string[] {
    if (!attributes || columns.length === 0) return columns.map(() => '')
    const byId = new Map<string, string>()
    for (const [key, value] of Object.entries(attributes)) {
      const id = key.toLowerCase()
      const text: string = Array.isArray(value) ? formatValues(value as readonly string[]) : (value as string)
      byId.set(id, byId.has(id) && text !== '' ? formatValues([byId.get(id)!, text].filter((part) => part !== '')) : (byId.get(id) || text))
    }
    return columns.map((key) => byId.get(key.toLowerCase()) ?? '')
  }
}
