import { describe, expect, it } from 'vitest'
import { planActorBulkEdit } from '../../../renderer/src/domain/actorBulkEdit'
import { proposeChoices } from '../../../renderer/src/domain/claimsImport/choices'
import { guessSeparator, splitCell } from '../../../renderer/src/domain/claimsImport/options'
import { parseTable } from '../../../renderer/src/domain/claimsImport/parseTable'
import { planClaimsImport, type ImportSettings } from '../../../renderer/src/domain/claimsImport/plan'
import { distinctStanceValues, stanceMapFor } from '../../../renderer/src/domain/claimsImport/stanceValues'
import { claimCountsInTree } from '../../../renderer/src/domain/codebook/counts'
import { guessCodebookMapping, planCodebookImport } from '../../../renderer/src/domain/codebook/importCodebook'
import { buildCodebookTree } from '../../../renderer/src/domain/codebook/tree'
import type { Actor, Issue } from '../../../renderer/src/domain/model'

// The coded-claims import's choices beyond the column mapping (issue separator, kept columns,
// coder column, folded names, shared source IDs), the codebook import, the tree's counts and
// the Actors bulk edit. Expectations are written out from the small files below.

const NOW = '2025-02-01T09:00:00.000Z'

const CODEBOOK = ['code,label,parent', '1,Controlling Migration,', '1.1,Ceiling,1', '1.2,General,1', '2,Integration,', '2.1,General,2', '2.2,Language courses,2'].join('\n')

function codebook(): Issue[] {
  const table = parseTable(CODEBOOK)
  const plan = planCodebookImport(table.rows, table.rowNumbers, [], { mapping: guessCodebookMapping(table.header), parentBy: 'auto', now: NOW })
  expect(plan.counts).toMatchObject({ created: 6, rejected: 0 })
  return plan.created
}

const CLAIMS = [
  'id,actor,party,categories,agreement,coder,doc,page',
  'S1,AfD,AfD,Controlling Migration|Ceiling,0,Anna,D1,3',
  'S1,Angela Merkel,CDU,Controlling Migration|Ceiling,1,Anna,D1,3',
  'S2,AFD,AfD,Integration|General,0,anna,D1,3',
  'S3,CDU/CSU,CDU|CSU,Controlling Migration|General|Integration|General,1,Ben,D2,5',
  'S4,AfD,AfD,Integration,1,Ben,D2,5',
].join('\n')

async function plan(keepApart: ReadonlySet<string> = new Set(), issues: Issue[] = codebook()) {
  const table = parseTable(CLAIMS)
  const proposed = proposeChoices(table)
  const column = (name: string): number => table.header.indexOf(name)
  const settings: ImportSettings = {
    mapping: { ...proposed.mapping, actor: column('actor'), issue: column('categories'), stance: column('agreement'), coder: column('coder'), claimId: column('id'), documentId: column('doc') },
    stanceMap: stanceMapFor('agreement01', distinctStanceValues(table.rows.map((row) => row[column('agreement')]!))),
    dateOrder: 'iso',
    fileName: 'claims.csv',
    now: NOW,
    issueSeparator: '|',
    header: table.header,
    keep: { [column('party')]: 'actor', [column('page')]: 'document' },
    keepApart,
  }
  return { issues, plan: await planClaimsImport(table.rows, table.rowNumbers, { articles: [], actors: [], issues, claims: [] }, settings) }
}

describe('splitting cells', () => {
  it('splits at the separator, trims, drops blanks, and keeps repeats only when asked', () => {
    expect(splitCell(' A | B ||A', '|')).toEqual(['A', 'B'])
    expect(splitCell('A|General|B|General', '|', true)).toEqual(['A', 'General', 'B', 'General'])
    expect(splitCell('Migration; ceiling', '')).toEqual(['Migration; ceiling'])
  })

  it('guesses | or ; from the cells, never a comma', () => {
    expect(guessSeparator(['A|B', 'C', 'D|E'])).toBe('|')
    expect(guessSeparator(['A;B', 'C;D'])).toBe(';')
    expect(guessSeparator(['Peace, now', 'War, later'])).toBe('')
  })
})

describe('a coded-claims file with several codes per claim, a party column and coders', () => {
  it('gives one claim on several codebook issues, never a combined issue; a shared label goes under the parent the cell names', async () => {
    const { issues, plan: result } = await plan()
    const byId = new Map(issues.map((issue) => [issue.id, issue]))
    const path = (id: string): string => {
      const issue = byId.get(id)!
      return issue.parentId ? `${byId.get(issue.parentId)!.code}>${issue.code}` : issue.code
    }
    expect(result.counts).toMatchObject({ imported: 5, rejected: 0, issuesCreated: 0 })
    expect(result.claims.map((claim) => claim.issueIds.map(path))).toEqual([['1', '1>1.1'], ['1', '1>1.1'], ['2', '2>2.1'], ['1', '1>1.2', '2', '2>2.1'], ['2']])
  })

  it('keeps the party as a multi-valued actor attribute and the page as a document attribute', async () => {
    const { plan: result } = await plan()
    const byName = new Map(result.actors.map((actor) => [actor.name, actor]))
    expect(byName.get('CDU/CSU')!.attributes).toEqual({ party: ['CDU', 'CSU'] })
    expect(byName.get('Angela Merkel')!.attributes).toEqual({ party: ['CDU'] })
    expect(result.articles.map((article) => article.meta.page).sort()).toEqual(['3', '5'])
  })

  it('keeps coders apart by name (any case) and source IDs as external IDs, counting shared ones', async () => {
    const { plan: result } = await plan()
    expect(result.coders.map((coder) => coder.name)).toEqual(['Anna', 'Ben'])
    const coderOf = new Map(result.coders.map((coder) => [coder.id, coder.name]))
    expect(result.claims.map((claim) => coderOf.get(claim.coderId))).toEqual(['Anna', 'Anna', 'Anna', 'Ben', 'Ben'])
    expect(result.claims.map((claim) => claim.externalId)).toEqual(['S1', 'S1', 'S2', 'S3', 'S4'])
    expect(result.counts).toMatchObject({ sharedIds: 1, sharedIdRows: 2 })
  })

  it('reports AFD/AfD as folded together, and keeps them apart when asked', async () => {
    const merged = (await plan()).plan
    expect(merged.foldedNames.map((group) => [group.into, group.spellings.map((entry) => `${entry.name}:${entry.rows}`), group.keptApart])).toEqual([['AfD', ['AfD:2', 'AFD:1'], false]])
    expect(merged.actors.filter((actor) => actor.name.toLowerCase() === 'afd')).toHaveLength(1)
    const key = merged.foldedNames[0]!.key
    const apart = (await plan(new Set([key]))).plan
    expect(apart.foldedNames[0]!.keptApart).toBe(true)
    expect(apart.actors.filter((actor) => actor.name.toLowerCase() === 'afd').map((actor) => actor.name).sort()).toEqual(['AFD', 'AfD'])
  })
})

describe('the codebook tree', () => {
  it('counts a claim once under a parent however many of its children it carries', () => {
    const issues = codebook()
    const id = (code: string): string => issues.find((issue) => issue.code === code)!.id
    const tree = buildCodebookTree(issues)
    const counts = claimCountsInTree(tree, [[id('1'), id('1.1')], [id('1.1'), id('1.2')], [id('2.1')], [id('1.2'), id('2.2')]])
    expect(counts.own.get(id('1'))).toBe(1)
    expect(counts.total.get(id('1'))).toBe(3)
    expect(counts.total.get(id('2'))).toBe(2)
    expect(counts.own.get(id('1.2'))).toBe(2)
  })

  it('refuses a code used twice in the file, and allows a label twice under different parents', () => {
    const table = parseTable(['code,label,parent', '1,A,', '1.1,General,1', '2,B,', '2.1,General,2', '2.1,Again,2'].join('\n'))
    const result = planCodebookImport(table.rows, table.rowNumbers, [], { mapping: guessCodebookMapping(table.header), parentBy: 'auto', now: NOW })
    expect(result.counts).toMatchObject({ created: 4, rejected: 1 })
    expect(result.created.filter((issue) => issue.label === 'General')).toHaveLength(2)
  })
})

describe('editing many actors at once', () => {
  const actor = (id: string, kind: string, attributes: Actor['attributes']): Actor => ({ id, name: id, kind, aliases: [], notes: '', createdAt: 'T', updatedAt: 'T', attributes, updatedBy: '' })

  it('adds, replaces and removes attribute values and sets the kind, returning only the actors that changed', () => {
    const actors = [actor('a', 'person', { party: ['CDU'] }), actor('b', 'person', {}), actor('c', 'party', { Party: ['CSU', 'CDU'] })]
    const added = planActorBulkEdit(actors, { attributes: [{ key: 'party', mode: 'add', values: ['CDU'] }] }, NOW, 'lead')
    expect(added.map((entry) => [entry.id, entry.attributes])).toEqual([['b', { party: ['CDU'] }]])
    const kinds = planActorBulkEdit(actors, { kind: 'party' }, NOW, 'lead')
    expect(kinds.map((entry) => entry.id)).toEqual(['a', 'b'])
    expect(kinds[0]).toMatchObject({ kind: 'party', updatedAt: NOW, updatedBy: 'lead' })
    const removed = planActorBulkEdit(actors, { attributes: [{ key: 'PARTY', mode: 'remove', values: ['CDU'] }] }, NOW, 'lead')
    expect(removed.map((entry) => [entry.id, entry.attributes])).toEqual([
      ['a', {}],
      ['c', { Party: ['CSU'] }],
    ])
  })
})
