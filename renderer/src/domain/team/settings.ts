import * as v from 'valibot'
import type { SettingDefinition } from '../settings'

// Team coding's preferences. Those marked local belong to this machine and this person: a
// backup restored elsewhere must not carry them over (db/backup keeps the machine's own).

function setting<Schema extends v.GenericSchema>(key: string, schema: Schema, fallback: v.InferOutput<Schema>): SettingDefinition<Schema> {
  return { key, schema, fallback }
}

/** Local: the person at this machine said who they are (the first-start question is answered). */
export const CODER_CONFIRMED = setting('team.coderConfirmed', v.boolean(), false)

/** Pairs of actors or issues the analyst decided are not duplicates: "<table>:<id>|<id>" with ids sorted. */
export const KEPT_APART = setting('team.keptApart', v.array(v.string()), [])

/** Adjudications that rejected every version of a disagreement: the unit keys (source claim ids, sorted, joined by '+'). */
export const REJECTED_UNITS = setting(
  'team.rejectedUnits',
  v.array(v.object({ key: v.string(), by: v.string(), at: v.string() })),
  [],
)

/** Coding packages merged into this workspace, so merging one again says so. */
export const MERGED_PACKAGES = setting(
  'team.mergedPackages',
  v.array(v.object({ packageId: v.string(), coderId: v.string(), mergedAt: v.string() })),
  [],
)

/**
 * Local: the team server this workspace syncs with, kept beside the copy in localStorage (which
 * the page's CSP is written from before the app starts). A browser commits localStorage lazily:
 * one closed soon after Connect can lose the connection, one closed soon after Disconnect can
 * keep it; this copy, committed with the workspace, says which is true. 'disconnected' after a
 * Disconnect; null when none was kept (never connected, or connected before this copy existed).
 * Never the password.
 */
export const SYNC_CONNECTION = setting(
  'team.syncConnection',
  v.nullable(
    v.union([
      v.object({ serverUrl: v.string(), database: v.string(), userName: v.string(), origin: v.string(), paused: v.boolean() }),
      v.literal('disconnected'),
    ]),
  ),
  null,
)
