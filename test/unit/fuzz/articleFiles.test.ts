import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { it } from 'vitest'
import { describeWithFixtures } from '../import/fixtures'
import { freshDatabase, importAndCheck, mappingChoiceArbitrary } from './articleImport'
import { htmlSeeds, textSeeds } from './corpus'
import { fuzz, fuzzRuns, fuzzTimeout, tally } from './harness'
import { fuzzFiles } from './mutations'

// Article files (plain text, Markdown, saved web pages), mutated and random, through the
// import worker's session into IndexedDB. See articleImport.ts for the properties.

describeWithFixtures('fuzzing the article file importers', () => {
  it('plain text and Markdown files: imported whole or rejected with a reason, never half-written', async () => {
    const db = await freshDatabase('text')
    const importer = 'text and Markdown files'
    await fuzz(
      importer,
      fc.tuple(fuzzFiles(textSeeds(), ['article.txt', 'note.md', 'untitled', 'report.markdown', 'x.text', 'notes.constructor', 'draft.__proto__']), mappingChoiceArbitrary),
      async ([input, choice]) => tally.note(importer, await importAndCheck(db, input, choice)),
      fuzzRuns(1000),
    )
  }, fuzzTimeout(fuzzRuns(1000)))

  it('saved HTML pages: imported whole or rejected with a reason, never half-written', async () => {
    const db = await freshDatabase('html')
    const importer = 'saved HTML pages'
    await fuzz(
      importer,
      fc.tuple(fuzzFiles(htmlSeeds(), ['page.html', 'saved.htm', 'untitled', 'page.toString']), mappingChoiceArbitrary),
      async ([input, choice]) => tally.note(importer, await importAndCheck(db, input, choice)),
      fuzzRuns(1000),
    )
  }, fuzzTimeout(fuzzRuns(1000)))
})
