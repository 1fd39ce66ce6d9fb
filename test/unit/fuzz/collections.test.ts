import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { it } from 'vitest'
import { describeWithFixtures } from '../import/fixtures'
import { freshDatabase, importAndCheck, mappingChoiceArbitrary } from './articleImport'
import { csvSeeds, jsonSeeds } from './corpus'
import { fuzz, fuzzRuns, fuzzTimeout, tally } from './harness'
import { fuzzFiles } from './mutations'

// News collections (CSV and JSON exports), mutated and random, through the mapping step (the
// proposed mapping, or one with fields moved or cleared) into IndexedDB. Every row must end
// imported, duplicate or refused with a reason; see articleImport.ts for the properties.

describeWithFixtures('fuzzing the collection importers', () => {
  it('CSV collections: every row imported whole, duplicate, or refused with a reason', async () => {
    const db = await freshDatabase('csv')
    const importer = 'CSV collections'
    await fuzz(
      importer,
      fc.tuple(fuzzFiles(csvSeeds(), ['news.csv', 'export.tsv', 'untitled', 'news.__proto__']), mappingChoiceArbitrary),
      async ([input, choice]) => tally.note(importer, await importAndCheck(db, input, choice)),
      fuzzRuns(1000),
    )
  }, fuzzTimeout(fuzzRuns(1000)))

  it('JSON collections: every record imported whole, duplicate, or refused with a reason', async () => {
    const db = await freshDatabase('json')
    const importer = 'JSON collections'
    await fuzz(
      importer,
      fc.tuple(fuzzFiles(jsonSeeds(), ['news.json', 'feed.jsonl', 'items.ndjson', 'untitled', 'feed.constructor']), mappingChoiceArbitrary),
      async ([input, choice]) => tally.note(importer, await importAndCheck(db, input, choice)),
      fuzzRuns(1000),
    )
  }, fuzzTimeout(fuzzRuns(1000)))
})
