import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { availableColumns } from '../../../renderer/src/domain/claims/columns'
import { NO_FILTERS } from '../../../renderer/src/domain/claims/filter'
import { claimArticle, claimRow, type ClaimArticle } from '../../../renderer/src/domain/claims/rows'
import { ShownOrderModel } from '../../../renderer/src/domain/claims/shownOrder'
import { applyChangedRecords, buildClaimsTableData, lookupsOf, type ClaimsTableData } from '../../../renderer/src/domain/claims/tableState'
import type { Actor, Article, Claim, Issue } from '../../../renderer/src/domain/model'
import { actor, claim, issue } from '../tagging/fixtures'
import { article } from './fixtures'

// The claims table applies each write from the records it names instead of reading everything
// again. After any sequence of writes, what it holds must be what a full read would give.

interface Workspace {
  claims: Map<string, Claim>
  actors: Map<string, Actor>
  issues: Map<string, Issue>
  articles: Map<string, Article>
}

type Op =
  | { kind: 'putClaim'; id: number; actor: number; issues: number[]; stance: -2 | -1 | 0 | 1 | 2; quote: string; date: string; article: number }
  | { kind: 'deleteClaim'; id: number }
  | { kind: 'putActor'; id: number; name: string; party: string }
  | { kind: 'putIssue'; id: number; label: string; parent: number | null }
  | { kind: 'deleteIssue'; id: number }
  | { kind: 'putArticle'; id: number; title: string; date: string }
  | { kind: 'deleteArticle'; id: number }

const text = fc.constantFrom('', 'Alpha', 'alpha', 'Beta', 'Über', 'uber', 'Issue 2', 'Issue 10', 'zeta')
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('putClaim' as const), id: fc.nat(30), actor: fc.nat(5), issues: fc.uniqueArray(fc.nat(6), { minLength: 1, maxLength: 3 }), stance: fc.constantFrom(-2 as const, -1 as const, 0 as const, 1 as const, 2 as const), quote: text, date: fc.constantFrom('', '2015-01-01', '2016-05-05'), article: fc.nat(4) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteClaim' as const), id: fc.nat(30) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('putActor' as const), id: fc.nat(5), name: text, party: text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('putIssue' as const), id: fc.nat(6), label: text, parent: fc.option(fc.nat(6), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteIssue' as const), id: fc.nat(6) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('putArticle' as const), id: fc.nat(4), title: text, date: fc.constantFrom('', '2014-12-31', '2015-06-30') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteArticle' as const), id: fc.nat(4) }) },
)

function initial(): Workspace {
  return {
    claims: new Map(),
    actors: new Map(Array.from({ length: 6 }, (_, index) => [`ac${index}`, actor(`ac${index}`, `Actor ${index}`)])),
    issues: new Map(Array.from({ length: 7 }, (_, index) => [`is${index}`, issue(`is${index}`, `Issue ${index}`)])),
    articles: new Map(Array.from({ length: 5 }, (_, index) => [`ar${index}`, article(`ar${index}`, `Article ${index}`, 'SZ', '2015-03-03')])),
  }
}

/** Applies one write to the workspace and returns what the journal would name. */
function write(workspace: Workspace, op: Op): { table: keyof Workspace; id: string } {
  switch (op.kind) {
    case 'putClaim': {
      const record = claim(`cl${op.id}`, `ac${op.actor}`, `is${op.issues[0]}`, { issueIds: op.issues.map((n) => `is${n}`), stance: op.stance, date: op.date, articleId: `ar${op.article}`, anchor: { exact: op.quote, prefix: '', suffix: '', start: 0, end: 0 } })
      workspace.claims.set(record.id, record)
      return { table: 'claims', id: record.id }
    }
    case 'deleteClaim':
      workspace.claims.delete(`cl${op.id}`)
      return { table: 'claims', id: `cl${op.id}` }
    case 'putActor':
      workspace.actors.set(`ac${op.id}`, actor(`ac${op.id}`, op.name, [], { attributes: op.party ? { party: [op.party] } : {} }))
      return { table: 'actors', id: `ac${op.id}` }
    case 'putIssue':
      workspace.issues.set(`is${op.id}`, issue(`is${op.id}`, op.label, { parentId: op.parent === null ? null : `is${op.parent}` }))
      return { table: 'issues', id: `is${op.id}` }
    case 'deleteIssue':
      workspace.issues.delete(`is${op.id}`)
      return { table: 'issues', id: `is${op.id}` }
    case 'putArticle':
      workspace.articles.set(`ar${op.id}`, article(`ar${op.id}`, op.title, 'SZ', op.date))
      return { table: 'articles', id: `ar${op.id}` }
    case 'deleteArticle':
      workspace.articles.delete(`ar${op.id}`)
      return { table: 'articles', id: `ar${op.id}` }
  }
}

function fullRead(workspace: Workspace): ClaimsTableData {
  return buildClaimsTableData({ rows: [...workspace.claims.values()].map(claimRow), actors: [...workspace.actors.values()], issues: [...workspace.issues.values()], articles: [...workspace.articles.values()].map(claimArticle) })
}

/** What the table holds, order aside. */
function content(data: ClaimsTableData) {
  return {
    rows: new Map(data.rows.map((row) => [row.id, row])),
    positions: [...data.indexOf].every(([id, index]) => data.rows[index]?.id === id) && data.indexOf.size === data.rows.length,
    actors: data.actors,
    issuePaths: data.issuePaths,
    parents: data.tree.parentOf,
    articles: data.articles,
  }
}

const COLUMNS = availableColumns({ actorAttributes: ['party'], claimAttributes: [], severalCoders: false })
const BY_ID = new Map(COLUMNS.map((column) => [column.id, column]))

describe('the claims table’s data, kept in step write by write', () => {
  it('equals a full read after any sequence of writes, and sorts as a fresh sort would', () => {
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 25 }), fc.constantFrom('quote', 'actor', 'issues', 'date', 'actor.party', 'article'), (batches, sortColumn) => {
        const workspace = initial()
        let data = fullRead(workspace)
        const kept = new ShownOrderModel()
        for (const batch of batches) {
          const named = batch.map((op) => write(workspace, op))
          const ids = (table: keyof Workspace) => [...new Set(named.filter((entry) => entry.table === table).map((entry) => entry.id))]
          const articles = new Map<string, ClaimArticle | undefined>(ids('articles').map((id) => [id, workspace.articles.get(id) && claimArticle(workspace.articles.get(id)!)]))
          data = applyChangedRecords(data, {
            claims: new Map(ids('claims').map((id) => [id, workspace.claims.get(id)])),
            actors: new Map(ids('actors').map((id) => [id, workspace.actors.get(id)])),
            issues: ids('issues').length > 0 ? [...workspace.issues.values()] : null,
            articles,
          })
          expect(content(data)).toEqual(content(fullRead(workspace)))
          // Sort keys kept from one write to the next give the order a fresh sort gives.
          const lookups = lookupsOf(data, new Map())
          const sorting = [{ id: sortColumn, desc: false }]
          expect([...kept.shownOrder(data.rows, lookups, sorting, NO_FILTERS, BY_ID)]).toEqual([...new ShownOrderModel().shownOrder(data.rows, lookups, sorting, NO_FILTERS, BY_ID)])
        }
      }),
      { numRuns: 150 },
    )
  })

  it('shares what a write did not touch', () => {
    const workspace = initial()
    const before = fullRead(workspace)
    const record = claim('new', 'ac1', 'is1')
    const after = applyChangedRecords(before, { claims: new Map([['new', record]]), actors: new Map(), issues: null, articles: new Map() })
    expect(after.actors).toBe(before.actors)
    expect(after.tree).toBe(before.tree)
    expect(after.articles).toBe(before.articles)
    expect(after.rows.map((row) => row.id)).toEqual(['new'])
  })
})
