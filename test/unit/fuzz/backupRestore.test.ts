import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../renderer/src/db/backup/codec'
import { BackupFileError } from '../../../renderer/src/db/backup/format'
import { BackupParser, parseBackupText, type ParsedBackup } from '../../../renderer/src/db/backup/parseBackup'
import { prepareRestore, restoreBackup, type PreparedBackup, type RestoreMode, type RestoreReport } from '../../../renderer/src/db/backup/restore'
import { validateRecord } from '../../../renderer/src/db/backup/validate'
import type { StandpointDB } from '../../../renderer/src/db/database'
import { isLocalSettingKey } from '../../../renderer/src/db/journal'
import { expectReason, freshDatabase } from './articleImport'
import { backupEditArbitrary, editBackup } from './backupMutations'
import { fuzz, fuzzRuns, fuzzTimeout, tally } from './harness'
import { applyMutation, mutationArbitrary, type SeedFile } from './mutations'
import { backupSeeds, seedWorkspace } from './workspaceSeeds'

// Backup restore, fed damaged, doctored and random files through the steps of the Backup
// dialog: decode as UTF-8 (refusing anything else), parse as the file arrives in pieces,
// prepare (upgrading an older schema through the app's migrations), restore by replace or merge.
// Properties: only a reasoned refusal stops it; a refused backup changes nothing; an accepted
// one leaves exactly what replace or merge promise, every record whole, no scratch database.

type Dump = Record<string, Map<string, string>>

/** Every table a backup holds, without this machine's journal bookkeeping (which a restore keeps). */
async function dump(db: StandpointDB): Promise<Dump> {
  const out: Dump = {}
  for (const table of db.workspaceTables) {
    const key = table.schema.primKey.keyPath as string
    const records = (await table.toArray()).filter((record) => !isLocalSettingKey((record as Record<string, unknown>).key))
    out[table.name] = new Map(records.map((record) => [String((record as Record<string, unknown>)[key]), canonicalJson(record)]))
  }
  return out
}

const asObject = (value: Dump): Record<string, [string, string][]> => Object.fromEntries(Object.entries(value).map(([name, rows]) => [name, [...rows].sort()]))

/** A record's update time as merges compare them: updatedAt, or a tombstone's deletedAt. */
const updatedTime = (json: string | undefined): number => {
  const record = json === undefined ? undefined : (JSON.parse(json) as { updatedAt?: unknown; deletedAt?: unknown })
  const value = record?.updatedAt ?? record?.deletedAt
  const time = typeof value === 'string' ? Date.parse(value) : NaN
  return Number.isNaN(time) ? -Infinity : time
}

interface RestoreInput {
  file: SeedFile
  /** Where the file is cut into the pieces the reader pushes (fractions of its length). */
  cuts: number[]
  mode: RestoreMode
}

/** The Backup dialog's reading: strict UTF-8, pushed to the parser in pieces. */
function readInPieces(bytes: Uint8Array, cuts: number[]): ParsedBackup {
  const parser = new BackupParser()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const points = [...new Set(cuts.map((cut) => Math.floor(cut * bytes.byteLength)))].sort((a, b) => a - b)
  let start = 0
  for (const end of [...points, bytes.byteLength]) {
    let text: string
    try {
      text = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.byteLength })
    } catch {
      throw new TypeError('the file is not UTF-8 text, so it is not a Standpoint backup')
    }
    parser.push(text)
    start = end
  }
  return parser.finish()
}

function expectMergeResult(table: string, before: Map<string, string>, backup: Map<string, string>, after: Map<string, string>): void {
  expect([...after.keys()].sort(), `${table}: keys after a merge`).toEqual([...new Set([...before.keys(), ...backup.keys()])].sort())
  for (const [key, stored] of after) {
    const mine = before.get(key)
    const theirs = backup.get(key)
    const expected = mine === undefined ? theirs : theirs === undefined ? mine : updatedTime(theirs) > updatedTime(mine) ? theirs : mine
    expect(stored, `${table} ${key}: the newer version wins`).toBe(expected)
  }
}

function expectReport(report: RestoreReport, before: Dump, after: Dump): void {
  for (const entry of report.tables) {
    expect(entry.inWorkspaceAfter).toBe(after[entry.table]!.size)
    expect(entry.inWorkspaceBefore).toBe(before[entry.table]!.size)
    if (report.mode === 'merge') {
      expect(entry.added + entry.updatedFromBackup + entry.keptFromWorkspace + entry.identical, `${entry.table}: every backup record counted`).toBe(entry.inBackup)
      expect(entry.inWorkspaceAfter).toBe(entry.inWorkspaceBefore + entry.added)
    } else {
      expect([entry.added, entry.removed]).toEqual([entry.inBackup, entry.inWorkspaceBefore])
    }
  }
}

async function scratchDatabases(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '').filter((name) => name.startsWith('standpoint-restore-'))
}

async function restoreAndCheck(db: StandpointDB, input: RestoreInput): Promise<string> {
  await seedWorkspace(db)
  const before = await dump(db)
  let prepared: PreparedBackup
  try {
    const parsed = readInPieces(input.file.bytes, input.cuts)
    // However the file is cut into pieces, it reads the same as in one piece.
    const whole = parseBackupText(new TextDecoder().decode(input.file.bytes))
    expect(canonicalJson([...parsed.tables])).toBe(canonicalJson([...whole.tables]))
    prepared = await prepareRestore(parsed, db)
  } catch (error) {
    // The only ways to refuse: not UTF-8, or a BackupFileError that says what is wrong.
    if (!(error instanceof BackupFileError) && !(error instanceof TypeError && /not UTF-8/.test(error.message))) throw error
    expectReason(error.message)
    expect(asObject(await dump(db)), 'a refused backup changes nothing').toEqual(asObject(before))
    expect(await scratchDatabases()).toEqual([])
    return 'refused'
  }

  const report = await restoreBackup(db, prepared, input.mode)
  const after = await dump(db)
  expect(await scratchDatabases()).toEqual([])
  for (const table of db.workspaceTables) {
    const key = table.schema.primKey.keyPath as string
    const backup = new Map((prepared.tables.get(table.name) ?? []).map((record) => [String((record as Record<string, unknown>)[key]), canonicalJson(record)]))
    if (input.mode === 'replace') expect([...after[table.name]!].sort(), `${table.name}: a replace leaves exactly the backup`).toEqual([...backup].sort())
    else expectMergeResult(table.name, before[table.name]!, backup, after[table.name]!)
    // Every record the workspace now holds is whole.
    for (const record of await table.toArray()) expect(validateRecord(table.name, key, record, true), `${table.name} record is whole`).toBeNull()
  }
  expectReport(report, before, after)
  return `restored (${input.mode}${prepared.upgradedFrom ? `, upgraded from v${prepared.upgradedFrom}` : ''})`
}

describe('fuzzing backup restore', () => {
  it('a refused backup changes nothing; an accepted one leaves exactly what replace or merge promise', async () => {
    const db = await freshDatabase('restore')
    const seeds = await backupSeeds(db)
    const seed = fc.constantFrom(...seeds)
    const file: fc.Arbitrary<SeedFile> = fc.oneof(
      { weight: 2, arbitrary: seed },
      // Doctored: records edited, counts fixed or not.
      { weight: 8, arbitrary: fc.tuple(seed, backupEditArbitrary).map(([original, edit]) => editBackup(original, edit)) },
      // Damaged: bytes flipped, cut, inserted...
      { weight: 6, arbitrary: fc.tuple(seed, fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 })).map(([original, mutations]) => ({ name: original.name, bytes: mutations.reduce(applyMutation, original.bytes) })) },
      // Doctored, then damaged.
      {
        weight: 2,
        arbitrary: fc
          .tuple(seed, backupEditArbitrary, fc.array(mutationArbitrary, { minLength: 1, maxLength: 2 }))
          .map(([original, edit, mutations]) => {
            const edited = editBackup(original, edit)
            return { name: edited.name, bytes: mutations.reduce(applyMutation, edited.bytes) }
          }),
      },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ name: 'random.jsonl', bytes })) },
    )
    const importer = 'backup restore'
    await fuzz(
      importer,
      fc.record({ file, cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }), mode: fc.constantFrom<RestoreMode>('replace', 'merge') }),
      async (input) => tally.note(importer, await restoreAndCheck(db, input)),
      fuzzRuns(1000),
    )
  }, fuzzTimeout(fuzzRuns(1000)))
})
