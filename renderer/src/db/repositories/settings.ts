import * as v from 'valibot'
import type { SettingDefinition } from '../../domain/settings'
import { parseOrThrow } from '../../domain/validation'
import type { StandpointDB } from '../database'

// Settings are read and written through their definitions (domain/settings.ts): what comes
// out has been checked against the setting's schema, and nothing unfit goes in.

/** The stored value, or the setting's fallback when it is missing or does not fit its schema. */
export async function readSetting<Schema extends v.GenericSchema>(db: StandpointDB, setting: SettingDefinition<Schema>): Promise<v.InferOutput<Schema>> {
  const row = await db.settings.get(setting.key)
  if (row === undefined) return setting.fallback
  const parsed = v.safeParse(setting.schema, row.value)
  return parsed.success ? parsed.output : setting.fallback
}

export async function writeSetting<Schema extends v.GenericSchema>(db: StandpointDB, setting: SettingDefinition<Schema>, value: v.InferInput<Schema>): Promise<void> {
  await db.settings.put({ key: setting.key, value: parseOrThrow(setting.schema, value, `The setting “${setting.key}”`) })
}

/** Reads the setting and writes what `update` makes of it, in one transaction (a write between cannot be lost). */
export async function updateSetting<Schema extends v.GenericSchema>(
  db: StandpointDB,
  setting: SettingDefinition<Schema>,
  update: (current: v.InferOutput<Schema>) => v.InferInput<Schema> | undefined,
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const next = update(await readSetting(db, setting))
    if (next !== undefined) await writeSetting(db, setting, next)
  })
}
