// Writes the seeded coded corpus (test/support/codedCorpus.mjs) as two CSV files, to import by
// hand or in another tool. Usage: node scripts/coded-corpus.mjs [folder]
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { codebookCsv, codedClaimsCsv } from '../test/support/codedCorpus.mjs'

const folder = process.argv[2] ?? '.'
mkdirSync(folder, { recursive: true })
writeFileSync(join(folder, 'migration-codebook.csv'), codebookCsv())
writeFileSync(join(folder, 'migration-claims.csv'), codedClaimsCsv())
console.log(`Wrote migration-codebook.csv and migration-claims.csv to ${folder}`)
