import * as v from 'valibot'
import type { SettingDefinition } from '../settings'
import type { ClaimColumn } from './columns'
import type { SortEntry } from './sort'

// What the claims table remembers between sessions (workspace settings): which columns show,
// how wide they are, and the sort. Read through its schema: an unreadable value falls back
// piece by piece, never reaching the table.

const size = v.pipe(v.number(), v.integer(), v.minValue(40), v.maxValue(2000))

const ViewSchema = v.object({
  /** Columns switched on or off against their default, by id. */
  visibility: v.fallback(v.record(v.string(), v.boolean()), {}),
  /** Widths the analyst dragged, by column id. */
  widths: v.fallback(v.record(v.string(), size), {}),
  sorting: v.fallback(v.array(v.object({ id: v.string(), desc: v.boolean() })), []),
})

export type ClaimsTableView = v.InferOutput<typeof ViewSchema>

export const DEFAULT_SORTING: SortEntry[] = [{ id: 'date', desc: false }]

export const DEFAULT_TABLE_VIEW: ClaimsTableView = { visibility: {}, widths: {}, sorting: DEFAULT_SORTING }

export const CLAIMS_TABLE_VIEW: SettingDefinition<v.NullableSchema<typeof ViewSchema, undefined>> = {
  key: 'claims.tableView',
  schema: v.nullable(ViewSchema),
  fallback: null,
}

/** Whether a column shows: the analyst's choice, else its default. */
export function columnShown(view: ClaimsTableView, column: ClaimColumn): boolean {
  return view.visibility[column.id] ?? column.standard
}

/** The sort as it applies to these columns: entries for columns no longer offered drop out. */
export function applicableSorting(sorting: readonly SortEntry[], columns: ReadonlyMap<string, ClaimColumn>): SortEntry[] {
  return sorting.filter((entry) => columns.has(entry.id))
}
