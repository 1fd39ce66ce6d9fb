// The backup file: UTF-8 JSON Lines, one JSON value per line, so it can be written and read in
// pieces and a truncated file is told apart from a complete one.
//
//   line 1      {"format":"standpoint-backup","formatVersion":2,"schemaVersion":4,"app":"0.1.0",
//                "createdAt":"…","tables":{"articles":{"primaryKey":"id","count":3},…}}
//   then        ["articles",{…record…}]   one line per record, tables in header order
//   last line   {"end":true,"counts":{"articles":3,…}}
//
// Records are encoded by codec.ts (plain JSON plus tagged values for what JSON lacks).
// formatVersion changes when this layout changes; schemaVersion is the workspace schema
// (db/schema.ts) the records were written in.

import * as v from 'valibot'

export const BACKUP_FORMAT = 'standpoint-backup'
/**
 * 2: workspace schema v4's tables (coders, assignments, tombstones) and no local bookkeeping.
 * Format 1 files (schema v1 to v3) restore through the schema upgrades.
 */
export const BACKUP_FORMAT_VERSION = 2
export const BACKUP_FILE_EXTENSION = 'jsonl'

/** A version number in the header: a whole number from 1. */
export const VersionNumberSchema = v.pipe(v.number(), v.integer(), v.minValue(1))

/** The header's entry for one table. */
export const BackupTableInfoSchema = v.object({ primaryKey: v.string(), count: v.pipe(v.number(), v.integer(), v.minValue(0)) })
export type BackupTableInfo = v.InferOutput<typeof BackupTableInfoSchema>

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  formatVersion: number
  schemaVersion: number
  app: string
  createdAt: string
  tables: Record<string, BackupTableInfo>
}

export interface BackupTrailer {
  end: true
  counts: Record<string, number>
}

/** Thrown for any file that must not be restored; the message is for the analyst. */
export class BackupFileError extends Error {
  override name = 'BackupFileError'
}

export function backupFileName(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`
  return `standpoint-backup-${stamp}.${BACKUP_FILE_EXTENSION}`
}
