import type { Table } from 'dexie'
import { buildCodingPackage, CodingPackageError, parseCodingPackage, type CodingPackage } from '../../domain/team/codingPackage'
import { tombstoneKey, type MergeCase } from '../../domain/team/mergeRules'
import { MERGED_TABLES, planChangesNothing, planPackageMerge, type MergedRecords, type MergedTable, type ReferenceHolder, type TableCounts } from '../../domain/team/packageMerge'
import { MERGED_PACKAGES } from '../../domain/team/settings'
import { newId, nowIso, type Coder, type Id, type Tombstone } from '../../domain/model'
import type { StandpointDB } from '../database'
import { setJournalMode } from '../journal/modes'
import { readSetting, writeSetting } from '../repositories/settings'
import { LATEST_SCHEMA_VERSION } from '../schema'
import { findDuplicateProposals, type DuplicateProposal } from './duplicates'

// Export my coding… and Merge coding…: reading one coder's work into a package, and merging
// packages into the workspace in one transaction (all of them land, or none).

/** The package of `coderId`'s work, read in one transaction. */
export async function readCodingPackage(db: StandpointDB, coderId: Id, app: string): Promise<CodingPackage> {
  return db.transaction('r', [db.coders, db.articles, db.actors, db.issues, db.claims, db.mentions, db.tombstones], async () => {
    const coder = await db.coders.get(coderId)
    if (!coder) throw new Error('The current coder is no longer in the workspace.')
    const [coders, actors, issues, claims, mentions, tombstones] = await Promise.all([
      db.coders.toArray(),
      db.actors.toArray(),
      db.issues.toArray(),
      db.claims.where('coderId').equals(coderId).toArray(),
      db.mentions.where('coderId').equals(coderId).toArray(),
      db.tombstones.toArray(),
    ])
    const articleIds = [...new Set([...claims, ...mentions].map((record) => record.articleId))]
    const articles = (await db.articles.bulkGet(articleIds)).filter((article) => article !== undefined)
    return buildCodingPackage(coderId, { coders, articles, actors, issues, claims, mentions, tombstones }, { packageId: newId(), app, schemaVersion: LATEST_SCHEMA_VERSION, createdAt: nowIso() })
  })
}

export interface PackageMergeReport {
  packageId: Id
  coder: Coder
  createdAt: string
  /** The package was merged here before (it then changes nothing). */
  mergedBefore: string | null
  counts: Record<MergedTable, TableCounts>
  /** Tombstones written for records this workspace never had. */
  deletionsRecorded: number
  cases: MergeCase[]
  changedNothing: boolean
}

export interface MergeReport {
  packages: PackageMergeReport[]
  /** Actors and issues that now look like duplicates of each other and involve a merged record. */
  proposals: DuplicateProposal[]
}

function tableOf<T extends MergedTable>(db: StandpointDB, table: T): Table<MergedRecords[T], Id> {
  return db.table<MergedRecords[T], Id>(table)
}

async function referencesTo(db: StandpointDB, tombstones: readonly Tombstone[]): Promise<Map<string, ReferenceHolder[]>> {
  const references = new Map<string, ReferenceHolder[]>()
  for (const tombstone of tombstones) {
    const holders: ReferenceHolder[] = []
    const add = (table: ReferenceHolder['table'], ids: Id[]): void => {
      for (const id of ids) holders.push({ table, id })
    }
    if (tombstone.table === 'actors') {
      add('claims', await db.claims.where('actorId').equals(tombstone.id).primaryKeys())
      add('claims', await db.claims.where('addresseeId').equals(tombstone.id).primaryKeys())
      add('mentions', await db.mentions.where('actorId').equals(tombstone.id).primaryKeys())
    } else if (tombstone.table === 'issues') {
      add('claims', await db.claims.where('issueIds').equals(tombstone.id).primaryKeys())
      add('issues', await db.issues.where('parentId').equals(tombstone.id).primaryKeys())
    } else if (tombstone.table === 'articles') {
      add('claims', await db.claims.where('articleId').equals(tombstone.id).primaryKeys())
      add('mentions', await db.mentions.where('articleId').equals(tombstone.id).primaryKeys())
    } else continue
    if (holders.length > 0) references.set(tombstoneKey(tombstone.table, tombstone.id), holders)
  }
  return references
}

async function mergeOne(db: StandpointDB, pkg: CodingPackage): Promise<PackageMergeReport & { touched: Set<Id> }> {
  const records = {} as { [T in MergedTable]: Map<Id, MergedRecords[T]> }
  const ids = new Set<Id>(pkg.tombstones.map((tombstone) => tombstone.id))
  for (const table of MERGED_TABLES) {
    const wanted = [...new Set([...(pkg[table] as { id: Id }[]).map((record) => record.id), ...pkg.tombstones.filter((tombstone) => tombstone.table === table).map((tombstone) => tombstone.id)])]
    for (const id of wanted) ids.add(id)
    const found = await tableOf(db, table).bulkGet(wanted)
    const map = new Map<Id, MergedRecords[typeof table]>()
    found.forEach((record, index) => {
      if (record) map.set(wanted[index]!, record)
    })
    ;(records as Record<MergedTable, Map<Id, unknown>>)[table] = map
  }
  const tombstones = new Map<string, Tombstone>()
  for (const tombstone of await db.tombstones.bulkGet([...ids])) if (tombstone) tombstones.set(tombstoneKey(tombstone.table, tombstone.id), tombstone)
  const references = await referencesTo(db, pkg.tombstones)
  const plan = planPackageMerge(pkg, { records, tombstones, references })

  const touched = new Set<Id>()
  for (const table of MERGED_TABLES) {
    const puts = plan.puts[table]
    if (puts.length > 0) await (tableOf(db, table) as Table<unknown, Id>).bulkPut(puts)
    for (const record of puts) touched.add(record.id)
  }
  for (const table of [...MERGED_TABLES].reverse()) if (plan.deletes[table].length > 0) await tableOf(db, table).bulkDelete(plan.deletes[table])
  if (plan.tombstoneDeletes.length > 0) await db.tombstones.bulkDelete(plan.tombstoneDeletes.map((tombstone) => tombstone.id))
  if (plan.tombstonePuts.length > 0) await db.tombstones.bulkPut(plan.tombstonePuts)

  const merged = await readSetting(db, MERGED_PACKAGES)
  const before = merged.find((entry) => entry.packageId === pkg.packageId)
  if (!before) await writeSetting(db, MERGED_PACKAGES, [...merged, { packageId: pkg.packageId, coderId: pkg.coderId, mergedAt: nowIso() }])
  const coder = pkg.coders.find((entry) => entry.id === pkg.coderId)!
  const recorded = plan.tombstonePuts.length - MERGED_TABLES.reduce((sum, table) => sum + plan.deletes[table].length, 0)
  return {
    packageId: pkg.packageId,
    coder,
    createdAt: pkg.createdAt,
    mergedBefore: before?.mergedAt ?? null,
    counts: plan.counts,
    deletionsRecorded: recorded,
    cases: plan.cases,
    changedNothing: planChangesNothing(plan),
    touched,
  }
}

/**
 * Merges packages (already parsed and checked) in one transaction: a failure leaves the
 * workspace as it was. Tombstones are the packages' own, so the journal is told not to write
 * its own for the deletions the merge makes.
 */
export async function mergeCodingPackages(db: StandpointDB, packages: readonly CodingPackage[]): Promise<MergeReport> {
  return db.transaction('rw', [db.coders, db.articles, db.actors, db.issues, db.claims, db.mentions, db.tombstones, db.settings], async (tx) => {
    setJournalMode(tx, { tombstones: false })
    const reports: PackageMergeReport[] = []
    const touched = new Set<Id>()
    for (const pkg of packages) {
      const { touched: ids, ...report } = await mergeOne(db, pkg)
      reports.push(report)
      for (const id of ids) touched.add(id)
    }
    const proposals = touched.size === 0 ? [] : await findDuplicateProposals(db)
    return { packages: reports, proposals: proposals.filter((proposal) => proposal.records.some((record) => touched.has(record.id))) }
  })
}

/** A package file as the user chose it. */
export interface PackageFile {
  name: string
  text: string
}

/**
 * Reads every file first and merges only when all of them are whole: a malformed package, or
 * one from a newer Standpoint, is refused with its name and what is wrong, and nothing is
 * written (not even the good files: the analyst fixes the set and merges it again).
 */
export async function mergeCodingFiles(db: StandpointDB, files: readonly PackageFile[], appVersion: string): Promise<MergeReport> {
  const packages = files.map((file) => {
    try {
      return parseCodingPackage(file.text, { appVersion, schemaVersion: LATEST_SCHEMA_VERSION })
    } catch (error) {
      if (error instanceof CodingPackageError) throw new CodingPackageError(`${file.name} was not merged: ${error.message.replace(/\.$/, '')}. Nothing in your workspace was changed.`)
      throw error
    }
  })
  return mergeCodingPackages(db, packages)
}
