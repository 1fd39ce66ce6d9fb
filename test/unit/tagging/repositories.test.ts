import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StandpointDB } from '../../../renderer/src/db/database'
import { createActor, deleteActor, mergeActors, updateActor } from '../../../renderer/src/db/repositories/actors'
import { followActorUsage } from '../../../renderer/src/db/queries/actorUsage'
import { adjacentArticleId } from '../../../renderer/src/db/repositories/articleOrder'
import { deleteClaim, reattachClaim, saveClaimDraft } from '../../../renderer/src/db/repositories/claims'
import { createIssue, deleteIssue, issueClaimCounts, updateIssue } from '../../../renderer/src/db/repositories/issues'
import { acceptSuggestions, dismissedSuggestions, saveMentionDraft, setDismissedSuggestions } from '../../../renderer/src/db/repositories/mentions'
import { applyChangeSet, ChangeConflictError, MissingReferenceError } from '../../../renderer/src/db/repositories/recordChanges'
import { createAnchor } from '../../../renderer/src/domain/anchoring'
import { invertChangeSet } from '../../../renderer/src/domain/changeHistory'
import type { ClaimDraft } from '../../../renderer/src/domain/claimDraft'
import type { Article } from '../../../renderer/src/domain/model'
import { actor, claim, issue, mention, NUJABA, SUDANI } from './fixtures'

const BODY = 'The resistance will stop military operations against Israel, said the Al-Nujaba Movement.'
const article = (id: string, publishedAt: string, title: string): Article => ({
  id,
  title,
  source: 'WIN',
  author: '',
  publishedAt,
  url: '',
  language: 'en',
  direction: 'ltr',
  body: BODY,
  contentHash: id,
  importedAt: '2025-01-01T00:00:00.000Z',
  origin: 'test',
  meta: {},
  updatedAt: '2025-01-01T00:00:00.000Z',
  externalId: '',
})
const ARTICLE = article('article-1', '2024-12-23', 'Militias halt attacks')
const QUOTE_SPAN = { start: BODY.indexOf('will'), end: BODY.indexOf(',') }

let db: StandpointDB
let counter = 0

beforeEach(async () => {
  db = new StandpointDB(`tagging-repo-${++counter}-${Date.now()}`)
  await db.open()
  await db.articles.add(ARTICLE)
})

afterEach(async () => {
  await db.delete()
})

const newClaimDraft = (): ClaimDraft => ({
  span: QUOTE_SPAN,
  actor: { kind: 'new', name: 'Al-Nujaba Movement', actorKind: 'armed group', aliases: 'Nujaba' },
  issue: { kind: 'new', label: 'Attacks on Israel' },
  stance: -1,
  date: '2024-12-23',
  addressee: null,
  note: '',
})

describe('claims', () => {
  it('saves a claim with its new actor and new issue in one transaction, and undoes all of it', async () => {
    const { set, claim: saved } = await saveClaimDraft(db, newClaimDraft(), ARTICLE)
    expect(set.changes.map((change) => change.table)).toEqual(['actors', 'issues', 'claims'])
    expect(await db.actors.count()).toBe(1)
    expect(await db.issues.count()).toBe(1)
    expect((await db.claims.get(saved.id))?.anchor.exact).toBe('will stop military operations against Israel')

    const undo = invertChangeSet(set, new Date().toISOString())
    await applyChangeSet(db, undo)
    expect(await db.actors.count()).toBe(0)
    expect(await db.issues.count()).toBe(0)
    expect(await db.claims.count()).toBe(0)

    await applyChangeSet(db, invertChangeSet(undo, new Date().toISOString()))
    expect(await db.claims.count()).toBe(1)
    expect(await db.actors.count()).toBe(1)
  })

  it('writes nothing when the claim cannot be saved (article gone)', async () => {
    await expect(saveClaimDraft(db, newClaimDraft(), article('missing', '', 'x'))).rejects.toBeInstanceOf(MissingReferenceError)
    expect(await db.actors.count()).toBe(0)
    expect(await db.issues.count()).toBe(0)
    expect(await db.claims.count()).toBe(0)
  })

  it('edits in place, deletes, and re-attaches an orphan to new words', async () => {
    const { claim: saved } = await saveClaimDraft(db, newClaimDraft(), ARTICLE)
    const { set } = await saveClaimDraft(db, { ...newClaimDraft(), actor: { kind: 'existing', id: saved.actorId }, issue: { kind: 'existing', id: saved.issueIds[0]! }, stance: 2 }, ARTICLE, saved.id)
    expect(set.changes).toHaveLength(1)
    expect((await db.claims.get(saved.id))?.stance).toBe(2)
    const span = { start: BODY.indexOf('Al-Nujaba'), end: BODY.length - 1 }
    await reattachClaim(db, (await db.claims.get(saved.id))!, BODY, span)
    expect((await db.claims.get(saved.id))?.anchor.exact).toBe('Al-Nujaba Movement')
    await deleteClaim(db, saved.id)
    expect(await db.claims.count()).toBe(0)
  })

  it('refuses to undo over a record edited elsewhere since', async () => {
    const { set, claim: saved } = await saveClaimDraft(db, newClaimDraft(), ARTICLE)
    await db.claims.update(saved.id, { note: 'edited elsewhere', updatedAt: '2099-01-01T00:00:00.000Z' })
    await expect(applyChangeSet(db, invertChangeSet(set, new Date().toISOString()))).rejects.toBeInstanceOf(ChangeConflictError)
    expect(await db.claims.count()).toBe(1)
    expect(await db.actors.count()).toBe(1)
  })
})

describe('mentions', () => {
  it('tags an actor (new or existing), accepts suggestions in one step, remembers dismissals', async () => {
    const span = { start: BODY.indexOf('Al-Nujaba'), end: BODY.length - 1 }
    const { mention: saved } = await saveMentionDraft(db, { span, actor: { kind: 'new', name: 'Al-Nujaba Movement', actorKind: 'armed group', aliases: '' } }, ARTICLE)
    expect(saved.anchor.exact).toBe('Al-Nujaba Movement')
    const set = await acceptSuggestions(db, ARTICLE, [
      { actorId: saved.actorId, start: 4, end: 14 },
      { actorId: saved.actorId, start: 15, end: 19 },
    ])
    expect(set.changes).toHaveLength(2)
    expect(await db.mentions.count()).toBe(3)
    await setDismissedSuggestions(db, ARTICLE.id, ['a@1-2', 'a@1-2', 'b@3-4'])
    expect(await dismissedSuggestions(db, ARTICLE.id)).toEqual(['a@1-2', 'b@3-4'])
  })
})

describe('actors', () => {
  beforeEach(async () => {
    await db.actors.bulkAdd([SUDANI, actor('dup', 'al-Sudani PM', ['Sudani']), NUJABA])
    await db.issues.add(issue('i1', 'Attacks on Israel'))
    await db.claims.bulkAdd([
      claim('c1', 'dup', 'i1', { anchor: createAnchor(BODY, 0, 3) }),
      claim('c2', 'sudani', 'i1', { anchor: createAnchor(BODY, 4, 8) }),
      claim('c3', 'nujaba', 'i1', { addresseeId: 'dup' }),
    ])
    await db.mentions.bulkAdd([mention('m1', 'dup', 0, 3), mention('m2', 'sudani', 10, 14)])
  })

  it('counts claims and mentions per actor', async () => {
    const usage = await new Promise<Map<string, { claims: number; mentions: number }>>((resolve, reject) => {
      const stop = followActorUsage(db, (found) => {
        stop()
        resolve(found)
      }, reject)
    })
    expect(usage.get('dup')).toEqual({ claims: 1, mentions: 1 })
    expect(usage.get('sudani')).toEqual({ claims: 1, mentions: 1 })
  })

  it('merges duplicates in one transaction: claims, addressees and mentions move, aliases unite', async () => {
    const { set, plan } = await mergeActors(db, 'sudani', ['dup'])
    expect(plan).toMatchObject({ movedClaims: 2, movedMentions: 1 })
    expect(await db.actors.get('dup')).toBeUndefined()
    expect((await db.actors.get('sudani'))?.aliases).toEqual(['al-Sudani', 'Prime Minister al-Sudani', 'al-Sudani PM', 'Sudani'])
    expect((await db.claims.get('c1'))?.actorId).toBe('sudani')
    expect((await db.claims.get('c3'))?.addresseeId).toBe('sudani')
    expect((await db.mentions.get('m1'))?.actorId).toBe('sudani')
    // One undo restores everything.
    await applyChangeSet(db, invertChangeSet(set, new Date().toISOString()))
    expect((await db.actors.get('dup'))?.name).toBe('al-Sudani PM')
    expect((await db.claims.get('c1'))?.actorId).toBe('dup')
    expect((await db.claims.get('c3'))?.addresseeId).toBe('dup')
  })

  it('deletes an actor with claims: reassigning them, or deleting them', async () => {
    await deleteActor(db, 'dup', { kind: 'reassign', to: 'sudani' })
    expect((await db.claims.get('c1'))?.actorId).toBe('sudani')
    expect((await db.claims.get('c3'))?.addresseeId).toBe('sudani')
    expect((await db.mentions.get('m1'))?.actorId).toBe('sudani')

    await deleteActor(db, 'sudani', { kind: 'delete' })
    expect(await db.claims.where('actorId').equals('sudani').count()).toBe(0)
    expect((await db.claims.get('c3'))?.addresseeId).toBeNull()
    expect(await db.mentions.count()).toBe(0)
  })

  it('renames, keeping the old name as an alias when asked, and stamps updatedAt', async () => {
    const before = await db.actors.get('nujaba')
    await updateActor(db, { ...before!, name: 'Harakat al-Nujaba' }, { keepOldNameAsAlias: true })
    const after = await db.actors.get('nujaba')
    expect(after?.aliases).toContain('Al-Nujaba Movement')
    expect(after?.updatedAt).not.toBe(before?.updatedAt)
    await expect(createActor(db, actor('blank', '   '))).rejects.toThrow(/name/)
  })
})

describe('issues', () => {
  beforeEach(async () => {
    await db.actors.add(NUJABA)
    await db.issues.bulkAdd([issue('i1', 'Attacks on Israel'), issue('i2', 'US forces in Iraq'), issue('i3', 'Drone attacks', { parentId: 'i1' })])
    await db.claims.bulkAdd([claim('c1', 'nujaba', 'i1'), claim('c2', 'nujaba', 'i1')])
  })

  it('counts claims, refuses duplicate labels and cycles', async () => {
    expect((await issueClaimCounts(db)).get('i1')).toBe(2)
    await expect(createIssue(db, issue('new', ' attacks ON israel '))).rejects.toThrow(/already has/)
    const parent = (await db.issues.get('i1'))!
    await expect(updateIssue(db, { ...parent, parentId: 'i3' })).rejects.toThrow(/itself/)
    await updateIssue(db, { ...parent, description: 'Rocket and drone attacks on Israel.' })
    expect((await db.issues.get('i1'))?.description).toBe('Rocket and drone attacks on Israel.')
  })

  it('deletes an issue with claims: reassigning them to another issue, sub-issues move up', async () => {
    await deleteIssue(db, 'i1', { kind: 'reassign', to: 'i2' })
    expect((await db.claims.toArray()).map((c) => c.issueIds)).toEqual([['i2'], ['i2']])
    expect((await db.issues.get('i3'))?.parentId).toBeNull()
  })

  it('deletes an issue and its claims', async () => {
    await deleteIssue(db, 'i1', { kind: 'delete' })
    expect(await db.claims.count()).toBe(0)
  })
})

describe('adjacentArticleId', () => {
  it('walks newest first, then by title, undated last', async () => {
    await db.articles.bulkAdd([article('b', '2024-12-23', 'Al-Sudani meets factions'), article('c', '2024-11-20', 'Militias reject call'), article('d', '', 'Undated'), article('e', '2025-01-05', 'Later')])
    const key = async (id: string) => (await db.articles.get(id))!
    expect(await adjacentArticleId(db, await key('b'), 1)).toBe('article-1')
    expect(await adjacentArticleId(db, await key('article-1'), 1)).toBe('c')
    expect(await adjacentArticleId(db, await key('c'), 1)).toBe('d')
    expect(await adjacentArticleId(db, await key('d'), 1)).toBeUndefined()
    expect(await adjacentArticleId(db, await key('d'), -1)).toBe('c')
    expect(await adjacentArticleId(db, await key('b'), -1)).toBe('e')
    expect(await adjacentArticleId(db, await key('e'), -1)).toBeUndefined()
  })
})
