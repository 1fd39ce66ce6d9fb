import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { encodeValue } from '../../../renderer/src/db/backup/codec'
import { backupChunks, readWorkspaceSnapshot } from '../../../renderer/src/db/backup/writeBackup'
import type { StandpointDB } from '../../../renderer/src/db/database'
import { setJournalMode } from '../../../renderer/src/db/journal'
import { writeCsv } from '../../../renderer/src/domain/csv/writeCsv'
import { CLAIMS_COLUMNS, claimRows } from '../../../renderer/src/domain/export/claimsCsv'
import { buildLookups } from '../../../renderer/src/domain/export/lookups'
import { FIXTURES_BY_VERSION } from '../db/schemaFixtures'
import { trickyWorkspace } from '../export/trickyWorkspace'
import { FIXTURES_DIR } from '../import/fixtures'
import type { SeedFile } from './mutations'

// Seed files for the coded-claims import and backup restore fuzz suites: what Standpoint itself
// writes (a claims export, a backup of the current schema, a backup from schema v1), what other
// coding tools write, and, with the shared fixtures, a coding sheet over real articles.

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** The coder the seeded workspace's machine codes as. */
export const SEED_CODER = 'cod-1'

/** The workspace every claims and restore run starts from (a tricky one: quotes, Arabic, formulas). */
export async function seedWorkspace(db: StandpointDB): Promise<void> {
  const workspace = trickyWorkspace()
  await db.transaction('rw', db.tables, async (tx) => {
    // A fresh start, not a deletion of what the last run left: no tombstones for it.
    setJournalMode(tx, { tombstones: false })
    for (const table of db.tables) await table.clear()
    await db.articles.bulkAdd(workspace.articles)
    await db.actors.bulkAdd(workspace.actors)
    await db.issues.bulkAdd(workspace.issues)
    await db.claims.bulkAdd(workspace.claims)
    await db.mentions.bulkAdd(workspace.mentions)
    await db.coders.bulkAdd(workspace.coders)
    await db.assignments.bulkAdd(workspace.assignments)
    await db.tombstones.bulkAdd(workspace.tombstones)
    await db.settings.bulkAdd([
      { key: 'import.lastColumnMapping', value: { mapping: { body: 'body' }, when: new Date('2025-01-02T00:00:00Z'), bytes: new Uint8Array([1, 2]) } },
      { key: 'currentCoderId', value: SEED_CODER },
    ])
  })
}

export function claimsSeeds(): SeedFile[] {
  const workspace = trickyWorkspace()
  const lookups = buildLookups(workspace)
  const seeds: SeedFile[] = [
    { name: 'claims-export.csv', bytes: utf8(writeCsv([...CLAIMS_COLUMNS], claimRows(workspace.claims, lookups), { bom: true })) },
    {
      // Discourse Network Analyzer's statement export: 0/1 agreement, document by id and title.
      name: 'dna-statements.csv',
      bytes: utf8(
        [
          'statement id,document,title,organization,concept,agreement,date,text',
          '1,doc-1,Militias pause attacks,Kataib Hezbollah,Attacks on Israel,0,2024-12-23,will stop military operations',
          '2,doc-1,Militias pause attacks,Government of Iraq,Attacks on Israel,1,2024-12-23,welcomed the decision',
          '3,doc-2,"Talks, again",Nujaba,Disarmament,1,23.12.2024,"keep its ""weapons"""',
          '4,doc-2,"Talks, again",Nujaba,Disarmament,0,2024-12-24,',
        ].join('\r\n'),
      ),
    },
    {
      // A coding spreadsheet: yes/no stances, day-first dates, document text in the row.
      name: 'coding-sheet.csv',
      bytes: utf8(
        [
          'Speaker;Actor type;Topic;Supports?;Date;Quote;Article text;Note;Target',
          'Harakat al-Nujaba;armed group;Withdrawal of US forces;yes;05/01/2025;will keep attacking;The group said it will keep attacking until the troops leave.;from TV;United States',
          'Prime Minister;person;Withdrawal of US forces;no;06/01/2025;no timetable;"He said there is no timetable, yet.";;',
          'قائد الفصيل;militia;انسحاب القوات;yes;07/01/2025;سنواصل;قال: سنواصل العمليات.;;',
        ].join('\n'),
      ),
    },
  ]
  if (FIXTURES_DIR) {
    const wire = JSON.parse(readFileSync(join(FIXTURES_DIR, 'reuters-mideast-1987', 'articles.json'), 'utf8')) as { title: string; date: string; body: string }[]
    const rows = wire.slice(0, 6).map((article, index) => {
      const words = article.body.replace(/\s+/g, ' ').split(' ')
      const quote = words.slice(3, 9).join(' ')
      return [['Iran', 'Iraq', 'OPEC', 'Shultz'][index % 4]!, 'Oil supply', ['support', 'oppose', 'neutral'][index % 3]!, article.date.slice(0, 10), quote, article.title, article.body]
    })
    seeds.push({ name: 'reuters-coded.csv', bytes: utf8(writeCsv(['actor', 'issue', 'stance', 'date', 'quote', 'article_title', 'body'], rows)) })
  }
  return seeds
}

export async function backupSeeds(db: StandpointDB): Promise<SeedFile[]> {
  await seedWorkspace(db)
  const snapshot = await readWorkspaceSnapshot(db)
  const current = [...backupChunks(snapshot, '0.1.0-fuzz', '2025-02-01T00:00:00.000Z')].map((chunk) => chunk.text).join('')
  const empty = [...backupChunks({ schemaVersion: snapshot.schemaVersion, tables: snapshot.tables.map((table) => ({ ...table, rows: [] })) }, '0.1.0-fuzz', '2025-02-01T00:00:00.000Z')]
    .map((chunk) => chunk.text)
    .join('')
  // A backup written by schema v1 (the first release), restored through the migrations.
  const v1 = FIXTURES_BY_VERSION[1]!
  const v1Tables = { articles: 'id', actors: 'id', issues: 'id', claims: 'id', mentions: 'id' }
  const count = (name: string): number => v1.tables[name]?.length ?? 0
  const v1Lines = [
    JSON.stringify({
      format: 'standpoint-backup',
      formatVersion: 1,
      schemaVersion: 1,
      app: '0.0.1',
      createdAt: '2025-01-01T00:00:00.000Z',
      tables: Object.fromEntries(Object.entries(v1Tables).map(([name, primaryKey]) => [name, { primaryKey, count: count(name) }])),
    }),
    ...Object.keys(v1Tables).flatMap((name) => (v1.tables[name] ?? []).map((row) => JSON.stringify([name, encodeValue(row)]))),
    JSON.stringify({ end: true, counts: Object.fromEntries(Object.keys(v1Tables).map((name) => [name, count(name)])) }),
  ]
  return [
    { name: 'workspace.jsonl', bytes: utf8(current) },
    { name: 'empty.jsonl', bytes: utf8(empty) },
    { name: 'v1.jsonl', bytes: utf8(`${v1Lines.join('\n')}\n`) },
  ]
}
