import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { validateRecord } from '../../../renderer/src/db/backup/validate'
import { applyClaimsImport } from '../../../renderer/src/db/claimsImport/applyClaimsImport'
import { StandpointDB } from '../../../renderer/src/db/database'
import { guessMapping } from '../../../renderer/src/domain/claimsImport/mapping'
import { actorKindFrom } from '../../../renderer/src/domain/claimsImport/names'
import { parseTable } from '../../../renderer/src/domain/claimsImport/parseTable'
import { planClaimsImport } from '../../../renderer/src/domain/claimsImport/plan'
import { distinctStanceValues, readStance, stanceMapFor, type StanceScheme } from '../../../renderer/src/domain/claimsImport/stanceValues'
import { analyseFile } from '../../../renderer/src/domain/import/analyseFile'
import { preflight } from '../../../renderer/src/domain/import/fileKinds'
import { decodeEntities } from '../../../renderer/src/domain/import/htmlText'
import { ImportRejection } from '../../../renderer/src/domain/import/types'
import { ImportSession } from '../../../renderer/src/features/import/worker/importSession'

// Inputs the importer fuzzers (test/unit/fuzz) found breaking an importer, kept as plain
// regression tests. Most are names Object.prototype answers to ("__proto__", "constructor")
// arriving as a column, key, extension, entity or cell value.

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
let counter = 0

async function importCollection(name: string, text: string) {
  const db = new StandpointDB(`findings-${++counter}-${Date.now()}`)
  await db.open()
  const session = new ImportSession(db, '2025-01-01T00:00:00.000Z')
  const step = await session.inspectFile('f', name, bytes(text), null)
  if (step.inspect?.type !== 'needs-mapping') throw new Error(`expected a collection, got ${JSON.stringify(step.inspect)}`)
  const { outcomes } = await session.importCollection('f', { mapping: step.inspect.preview.proposed, defaultSource: '', dateOrder: 'dmy' })
  return { preview: step.inspect.preview, outcome: outcomes.find((outcome) => outcome.fileId === 'f')!, articles: await db.articles.toArray() }
}

describe('collections whose columns are named like Object’s properties', () => {
  it('a CSV column "__proto__" is an ordinary column (it used to stop the whole import with a TypeError)', async () => {
    const { preview, outcome, articles } = await importCollection('odd.csv', 'title,__proto__,constructor,body\nT,kept,also kept,The body of the article.\n')
    expect(preview.columns).toEqual(['title', '__proto__', 'constructor', 'body'])
    expect(preview.sample[0]).toEqual(JSON.parse('{"title":"T","__proto__":"kept","constructor":"also kept","body":"The body of the article."}'))
    expect(outcome).toMatchObject({ status: 'imported', imported: 1 })
    expect(Object.entries(articles[0]!.meta)).toEqual([['__proto__', 'kept'], ['constructor', 'also kept']])
  })

  it('a JSON key "__proto__" is kept as a column, not silently dropped', async () => {
    const { preview, articles } = await importCollection('odd.json', '[{"title":"T","__proto__":"kept","body":"The body."},{"title":"U","body":"Another body."}]')
    expect(preview.columns).toContain('__proto__')
    expect(articles.map((article) => Object.entries(article.meta))).toEqual(expect.arrayContaining([[['__proto__', 'kept']], []]))
  })

  it('a JSON key "" becomes a column the mapping step can offer', async () => {
    const { preview } = await importCollection('blank.json', '[{"a":"1","":"x","body":"The body."}]')
    expect(preview.columns).toEqual(['a', '(blank key)', 'body'])
  })
})

describe('names that are not in a lookup table stay unknown', () => {
  it('file extensions ".constructor" and ".__proto__" are not "This is [object Object]."', async () => {
    expect(preflight('notes.__proto__', 10)).toBeNull()
    expect(preflight('notes.constructor', 10)).toBeNull()
    const analysis = await analyseFile('notes.constructor', bytes('A short note about the talks.\n\nIt has two paragraphs.'))
    expect(analysis).toMatchObject({ type: 'article', article: { body: 'A short note about the talks.\n\nIt has two paragraphs.' } })
  })

  it('"&constructor;" is left as written, not replaced by a function’s source', () => {
    expect(decodeEntities('A &constructor; B &amp; C')).toBe('A &constructor; B & C')
  })

  it('a header line "Constructor: …" is not swallowed as a known field', async () => {
    const analysis = await analyseFile('memo.txt', bytes('Title: Dam talks\nConstructor: BuildCo\n\nThe talks resumed.'))
    expect(analysis.type).toBe('article')
    if (analysis.type !== 'article') return
    expect(analysis.article.title).toBe('Dam talks')
    expect(analysis.article.meta).toEqual({ Constructor: 'BuildCo' })
  })

  it('a front-matter key "constructor" is kept in the metadata', async () => {
    const analysis = await analyseFile('memo.md', bytes('---\ntitle: Dam talks\nconstructor: BuildCo\n---\n\nThe talks resumed.'))
    expect(analysis.type === 'article' && analysis.article.meta).toEqual({ constructor: 'BuildCo' })
  })

  it('coded claims: actor kind "Constructor" creates an actor of kind other (it used to fail the whole import)', async () => {
    expect(actorKindFrom('Constructor')).toBeNull()
    expect(actorKindFrom('__proto__')).toBeNull()
    const table = parseTable('actor,actor kind,issue,stance,article title\nBuildCo,Constructor,Dam,1,Dam talks\n')
    const mapping = guessMapping(table.header)
    const values = distinctStanceValues(table.rows.map((row) => row[mapping.stance!]!))
    const plan = await planClaimsImport(table.rows, table.rowNumbers, { articles: [], actors: [], issues: [], claims: [] }, {
      mapping,
      stanceMap: stanceMapFor('numbers', values),
      dateOrder: 'iso',
      fileName: 'coded.csv',
      now: '2025-01-01T00:00:00.000Z',
    })
    expect(plan.actors).toEqual([expect.objectContaining({ name: 'BuildCo', kind: 'other' })])
    const db = new StandpointDB(`findings-${++counter}-${Date.now()}`)
    await db.open()
    await applyClaimsImport(db, plan)
    expect(await db.claims.count()).toBe(1)
  })

  it('coded claims: stance values "__proto__" and "constructor" are unmapped under every scheme', async () => {
    for (const scheme of ['numbers', 'agreement01', 'yesNo', 'agreeDisagree', 'supportOppose', 'labels'] as StanceScheme[]) {
      for (const value of ['__proto__', 'constructor', 'toString']) expect(readStance(scheme, value)).toBeNull()
    }
    const table = parseTable('actor,issue,stance,article title\nA,Dam,__proto__,T\nB,Dam,constructor,T\nC,Dam,for,T\n')
    const values = distinctStanceValues(table.rows.map((row) => row[2]!))
    const stanceMap = stanceMapFor('labels', values)
    expect(Object.getPrototypeOf(stanceMap)).toBe(Object.prototype)
    const plan = await planClaimsImport(table.rows, table.rowNumbers, { articles: [], actors: [], issues: [], claims: [] }, {
      mapping: guessMapping(table.header),
      stanceMap,
      dateOrder: 'iso',
      fileName: 'coded.csv',
      now: '2025-01-01T00:00:00.000Z',
    })
    expect(plan.outcomes.map((outcome) => [outcome.status, outcome.detail])).toEqual([
      ['rejected', 'stance value “__proto__” is not mapped to a stance'],
      ['rejected', 'stance value “constructor” is not mapped to a stance'],
      ['imported', expect.any(String)],
    ])
  })
})

describe('a saved page whose unclosed tags nest thousands deep', () => {
  it('imports its visible text (the text walk used to run out of call stack, and Reader mode took minutes)', async () => {
    const nested = `<!doctype html><html><body><p>Start. ${'The statement was read out again. <body><span>'.repeat(12_000)}</p></body></html>`
    const analysis = await analyseFile('nested.html', bytes(nested))
    expect(analysis.type).toBe('article')
    if (analysis.type !== 'article') return
    expect(analysis.article.body.startsWith('Start. The statement was read out again.')).toBe(true)
    expect(analysis.article.body.split('The statement').length - 1).toBe(12_000)
    expect(analysis.notices).toContain('Reader mode found no article on this page; its visible text was imported instead.')
  })
})

describe('a saved page cut off inside its <html> tag', () => {
  it('is refused with a reason (linkedom has no root element, and its body getter used to throw)', async () => {
    const cut = '<!DOCTYPE html>\n<html id="js-context" class="js-off" lang="en" data-page-path="/environment/2019/jan/03/what-is'
    await expect(analyseFile('guardian.html', bytes(cut))).rejects.toThrow(ImportRejection)
    await expect(analyseFile('guardian.html', bytes(cut))).rejects.toThrow(/cut off or damaged/)
  })
})

describe('a backup whose actor kind decodes to a value JSON cannot write', () => {
  it('is refused with a reason naming the field (the message used to throw “Do not know how to serialize a BigInt”)', () => {
    const actor = { id: 'a1', name: 'X', notes: '', aliases: [], createdAt: '2025-01-01', updatedAt: '2025-01-01', attributes: {}, updatedBy: '' }
    // Kinds are free text since schema v4: anything but text is refused, any text is a kind.
    expect(validateRecord('actors', 'id', { ...actor, kind: 12n }, true)).toBe('kind must be text')
    expect(validateRecord('actors', 'id', { ...actor, kind: new Date(0) }, true)).toBe('kind must be text')
    expect(validateRecord('actors', 'id', { ...actor, kind: 'x'.repeat(100) }, true)).toBeNull()
    // A field still checked against a list names the value it got, whatever it decoded to.
    const tombstone = { id: 't1', deletedAt: '2025-01-01', deletedBy: '' }
    expect(validateRecord('tombstones', 'id', { ...tombstone, table: 12n }, true)).toBe('table a bigint is not a table that keeps deletions')
    expect(validateRecord('tombstones', 'id', { ...tombstone, table: new Date(0) }, true)).toBe('table an object is not a table that keeps deletions')
    expect(validateRecord('tombstones', 'id', { ...tombstone, table: 'x'.repeat(100) }, true)).toBe(`table "${'x'.repeat(40)}…" is not a table that keeps deletions`)
  })
})
