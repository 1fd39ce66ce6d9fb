import * as v from 'valibot'
import { MAPPABLE_FIELDS, type MappableField } from './import/types'
import type { Id } from './model'
import { BUCKET_SIZES } from './positions/buckets'
import { ROW_MODES } from './positions/rows'

// Every preference the workspace keeps in its settings table, each with the schema its stored
// value must meet. A setting is read through its schema: a value written by an older release,
// edited by hand or restored from a damaged backup falls back to the default instead of
// reaching the code that trusts it.

export interface SettingDefinition<Schema extends v.GenericSchema = v.GenericSchema> {
  key: string
  schema: Schema
  /** What a missing or invalid value reads as. */
  fallback: v.InferOutput<Schema>
}

function setting<Schema extends v.GenericSchema>(key: string, schema: Schema, fallback: v.InferOutput<Schema>): SettingDefinition<Schema> {
  return { key, schema, fallback }
}

/** Whether the "storage is not persistent" warning was shown in this workspace. */
export const PERSISTENCE_WARNING_SHOWN = setting('persistenceWarningShown', v.boolean(), false)

/** Whether CSV exports start with a byte order mark (for Excel). */
export const EXPORT_BOM = setting('export.bom', v.boolean(), false)

const column = v.fallback(v.optional(v.nullable(v.string())), undefined)

/** The last column mapping confirmed in an import, so the next file from the same database maps itself. */
export const REMEMBERED_MAPPING = setting(
  'import.lastColumnMapping',
  v.nullable(
    v.object({
      // Columns that are not text (an older release, a hand edit) are forgotten one by one.
      mapping: v.pipe(
        v.object(Object.fromEntries(MAPPABLE_FIELDS.map((field) => [field, column])) as Record<MappableField, typeof column>),
        v.transform((mapping) => Object.fromEntries(Object.entries(mapping).filter(([, value]) => typeof value === 'string')) as Partial<Record<MappableField, string>>),
      ),
      defaultSource: v.string(),
      dateOrder: v.picklist(['dmy', 'mdy']),
    }),
  ),
  null,
)

/** The positions screen's time bucket and row mode; each falls back alone when unreadable. */
export const POSITIONS_VIEW = setting(
  'positions.view',
  v.nullable(
    v.object({
      bucketSize: v.fallback(v.optional(v.picklist(BUCKET_SIZES)), undefined),
      mode: v.fallback(v.optional(v.picklist(ROW_MODES)), undefined),
    }),
  ),
  null,
)

/** Suggested mentions the coder dismissed in one article (suggestion keys). */
export function dismissedSuggestionsSetting(articleId: Id): SettingDefinition<v.ArraySchema<v.StringSchema<undefined>, undefined>> {
  return setting(`dismissedSuggestions:${articleId}`, v.array(v.string()), [])
}

/** Who is coding on this machine (local: never merged or synced); null until a coder exists. */
export const CURRENT_CODER = setting('currentCoderId', v.nullable(v.string()), null)

/** The workspace's list of actor kinds, as the analyst edited it; null: the defaults (see actorKinds.ts). */
export const ACTOR_KINDS = setting('actorKinds', v.nullable(v.array(v.string())), null)
