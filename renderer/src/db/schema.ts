import type { Transaction } from 'dexie'
import { defaultCoder } from '../domain/coding/coders'

// Every schema the workspace has had, oldest first. A change to the stored shape is a new
// entry here with an upgrade, never an edit of an old one: users' databases were written by
// those old entries. test/unit/db/migrations.test.ts opens a database written by each earlier
// version and checks that its data arrives intact.
//
// To add a version: append an entry with the full store specs (copy the last one and change
// it: Dexie compares each table's spec with the previous version's, adding and dropping
// indexes to match), an upgrade when records change shape, and a summary; add what the
// previous version wrote to test/unit/db/schemaFixtures.ts. An index belongs here only if a
// db/ query uses it: every index costs time on every write.

export interface SchemaVersion {
  version: number
  /** Dexie store specs: primary key first, then indexes. null deletes a table. */
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void>
  /** What the version changed, for the migration log and the tests. */
  summary: string
}

const nowIso = (): string => new Date().toISOString()

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    summary: 'Articles, actors, issues, claims and mentions (DESIGN.md model).',
    stores: {
      articles: 'id, contentHash, publishedAt, source, importedAt',
      actors: 'id, name, kind',
      issues: 'id, label',
      claims: 'id, articleId, actorId, issueId, date',
      mentions: 'id, articleId, actorId',
    },
  },
  {
    version: 2,
    summary:
      'updatedAt on every record (merging workspaces: newer wins), article meta and direction defaults, ' +
      'an (actor, issue) index for positions, and a settings table.',
    stores: {
      articles: 'id, contentHash, publishedAt, source, importedAt, updatedAt',
      actors: 'id, name, kind, updatedAt',
      issues: 'id, label, parentId, updatedAt',
      claims: 'id, articleId, actorId, issueId, date, [actorId+issueId], updatedAt',
      mentions: 'id, articleId, actorId, updatedAt',
      settings: 'key',
    },
    upgrade: async (tx) => {
      const stamp = nowIso()
      await tx
        .table('articles')
        .toCollection()
        .modify((article: Record<string, unknown>) => {
          article.updatedAt ??= article.importedAt ?? stamp
          article.meta ??= {}
          article.direction ??= 'ltr'
          article.language ??= ''
          article.author ??= ''
          article.url ??= ''
        })
      for (const table of ['actors', 'issues', 'claims', 'mentions']) {
        await tx
          .table(table)
          .toCollection()
          .modify((record: Record<string, unknown>) => {
            record.createdAt ??= stamp
            record.updatedAt ??= record.createdAt
            if (table === 'actors') {
              record.aliases ??= []
              record.notes ??= ''
            }
            if (table === 'issues') {
              record.description ??= ''
              record.parentId ??= null
            }
            if (table === 'claims') {
              record.addresseeId ??= null
              record.note ??= ''
            }
          })
      }
    },
  },
  {
    version: 3,
    summary:
      'Indexes the queries use and no others: claims by addressee (deleting or merging an actor no longer scans every ' +
      'claim); no more claims by date or by (actor, issue), actors by kind, or updatedAt outside articles, which nothing queried.',
    stores: {
      articles: 'id, contentHash, publishedAt, source, importedAt, updatedAt',
      actors: 'id, name',
      issues: 'id, label, parentId',
      claims: 'id, articleId, actorId, issueId, addresseeId',
      mentions: 'id, articleId, actorId',
      settings: 'key',
    },
  },
  {
    version: 4,
    summary:
      'Real coded data and teams: claims on several issues (issueIds), coders, assignments, tombstones for deletions, ' +
      'a change journal; external ids, attributes, issue codes, who coded and who last edited each record.',
    stores: {
      articles: 'id, contentHash, publishedAt, source, importedAt, updatedAt, externalId',
      actors: 'id, name',
      issues: 'id, label, parentId, code',
      claims: 'id, articleId, actorId, *issueIds, addresseeId, coderId, externalId',
      mentions: 'id, articleId, actorId, coderId',
      coders: 'id, name',
      assignments: 'id',
      tombstones: 'id, table, deletedAt',
      settings: 'key',
      journal: '++seq, total',
    },
    upgrade: async (tx) => {
      const stamp = nowIso()
      // Work already coded belongs to someone: one default coder, made the current one. A
      // workspace with nothing coded gets its coder when someone first codes.
      let coderId = ''
      if ((await tx.table('claims').count()) > 0 || (await tx.table('mentions').count()) > 0) {
        const coder = defaultCoder(stamp)
        coderId = coder.id
        await tx.table('coders').add(coder)
        await tx.table('settings').put({ key: 'currentCoderId', value: coder.id })
      }
      await tx
        .table('articles')
        .toCollection()
        .modify((article: Record<string, unknown>) => {
          article.externalId ??= ''
        })
      await tx
        .table('actors')
        .toCollection()
        .modify((actor: Record<string, unknown>) => {
          actor.attributes ??= {}
          actor.updatedBy ??= ''
        })
      await tx
        .table('issues')
        .toCollection()
        .modify((issue: Record<string, unknown>) => {
          issue.code ??= ''
          issue.updatedBy ??= ''
        })
      await tx
        .table('claims')
        .toCollection()
        .modify((claim: Record<string, unknown>) => {
          if (!Array.isArray(claim.issueIds)) claim.issueIds = typeof claim.issueId === 'string' ? [claim.issueId] : []
          delete claim.issueId
          claim.externalId ??= ''
          claim.attributes ??= {}
          claim.adjudicatedFrom ??= []
          claim.coderId ??= coderId
          claim.updatedBy ??= coderId
        })
      await tx
        .table('mentions')
        .toCollection()
        .modify((mention: Record<string, unknown>) => {
          mention.coderId ??= coderId
          mention.updatedBy ??= coderId
        })
    },
  },
]

/** Tables that hold this machine's bookkeeping, not workspace data: never backed up or merged. */
export const LOCAL_TABLES: ReadonlySet<string> = new Set(['journal'])

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version
