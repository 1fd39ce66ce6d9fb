import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { mergeCodingFiles, readCodingPackage } from '../../../renderer/src/db/team/codingPackages'
import { findDuplicateProposals, keepApart, mergeProposal } from '../../../renderer/src/db/team/duplicates'
import { CODING_PACKAGE_VERSION, CodingPackageError, codingPackageText, parseCodingPackage } from '../../../renderer/src/domain/team/codingPackage'
import { LATEST_SCHEMA_VERSION } from '../../../renderer/src/db/schema'
import { ALI, BEA, LEAD, actor, claim, machine, mention, shared } from './fixtures'

// Exchange without a server: one coder's package merged into another workspace. The rules under
// test (issue 13): nothing is lost; a deletion on one side stays deleted; the newer edit wins
// and the summary names every record both sides changed; merging twice changes nothing; a
// package from a newer Standpoint, or a malformed one, is refused with nothing written.

const T1 = '2025-03-02T10:00:00.000Z'
const T2 = '2025-03-03T10:00:00.000Z'
const LATER = '2099-01-01T00:00:00.000Z'
const APP = '0.1.0'

async function exportText(db: Parameters<typeof readCodingPackage>[0], coderId: string): Promise<string> {
  return codingPackageText(await readCodingPackage(db, coderId, APP))
}

describe('Export my coding…', () => {
  it('holds the coder’s claims and mentions, what they point at, the actors and issues they edited, and their deletions', async () => {
    const ali = await machine(ALI)
    await ali.claims.bulkAdd([claim('c-ali', ALI.id, { addresseeId: 'act-minister' }), claim('c-bea', BEA.id, { articleId: 'art-2' })])
    await ali.mentions.add(mention('m-ali', ALI.id))
    await ali.actors.add(actor('act-new', 'New Group', { updatedBy: ALI.id }))
    await ali.issues.put({ ...(await ali.issues.get('iss-talks'))!, description: 'edited by Ali', updatedBy: ALI.id, updatedAt: T1 })
    await ali.claims.add(claim('c-gone', ALI.id))
    await ali.claims.delete('c-gone')
    const pkg = parseCodingPackage(await exportText(ali, ALI.id), { appVersion: APP, schemaVersion: LATEST_SCHEMA_VERSION })
    expect(pkg).toMatchObject({ format: 'standpoint-coding', formatVersion: CODING_PACKAGE_VERSION, coderId: ALI.id, schemaVersion: LATEST_SCHEMA_VERSION })
    expect(pkg.claims.map((record) => record.id)).toEqual(['c-ali'])
    expect(pkg.mentions.map((record) => record.id)).toEqual(['m-ali'])
    expect(pkg.articles.map((record) => record.id)).toEqual(['art-1'])
    expect(pkg.actors.map((record) => record.id).sort()).toEqual(['act-militia', 'act-minister', 'act-new'])
    // The claim's issue comes with its parent, so the codebook tree arrives whole.
    expect(pkg.issues.map((record) => record.id).sort()).toEqual(['iss-attacks', 'iss-talks', 'iss-war'])
    expect(pkg.tombstones).toEqual([expect.objectContaining({ id: 'c-gone', table: 'claims', deletedBy: ALI.id })])
    expect(pkg.coders.map((coder) => coder.id)).toEqual([ALI.id])
  })
})

describe('Merge coding…', () => {
  it('adds what is new, keeps deletions deleted both ways, lets the newer edit win, names what both sides changed, and changes nothing the second time', async () => {
    const lead = await machine(LEAD)
    const ali = await machine(ALI)
    // Both start from claims the two already shared.
    for (const db of [lead, ali]) await db.claims.bulkAdd([claim('c-shared-1', ALI.id, { start: 50, end: 70 }), claim('c-shared-2', ALI.id, { start: 71, end: 90 })])

    // Ali codes, edits and deletes.
    await ali.claims.bulkAdd([claim('c-a1', ALI.id), claim('c-a2', ALI.id, { articleId: 'art-2', stance: 1 })])
    await ali.mentions.add(mention('m-a1', ALI.id))
    await ali.actors.add(actor('act-hez', 'Hezbollah', { updatedBy: ALI.id, createdAt: T1, updatedAt: T1 }))
    await ali.claims.add(claim('c-a3', ALI.id, { actorId: 'act-hez', start: 21, end: 49 }))
    await ali.actors.put({ ...(await ali.actors.get('act-minister'))!, name: 'Minister (Ali)', updatedAt: T1, updatedBy: ALI.id })
    await ali.claims.delete('c-shared-1')
    await ali.claims.put({ ...(await ali.claims.get('c-shared-2'))!, stance: 2, note: 'Ali, long after', updatedAt: LATER })

    // The lead edits the same actor later, deletes the claim Ali went on editing, and creates
    // an actor with the name Ali's new one has, blind to it.
    await lead.actors.put({ ...(await lead.actors.get('act-minister'))!, name: 'Minister (Lena)', updatedAt: T2, updatedBy: LEAD.id })
    await lead.claims.delete('c-shared-2')
    await lead.actors.add(actor('act-hez-2', 'hezbollah', { updatedBy: LEAD.id, createdAt: T2, updatedAt: T2 }))

    const text = await exportText(ali, ALI.id)
    const report = await mergeCodingFiles(lead, [{ name: 'ali.json', text }], APP)
    const [merged] = report.packages
    expect(merged!.coder.name).toBe('Ali')
    expect(merged!.mergedBefore).toBeNull()

    // Nothing lost: every new claim, mention and actor of Ali's is here.
    for (const id of ['c-a1', 'c-a2', 'c-a3']) expect(await lead.claims.get(id), id).toMatchObject({ coderId: ALI.id })
    expect(await lead.mentions.get('m-a1')).toBeDefined()
    expect(await lead.actors.get('act-hez')).toMatchObject({ name: 'Hezbollah' })
    // Deleted by Ali: deleted here, with Ali's tombstone.
    expect(await lead.claims.get('c-shared-1')).toBeUndefined()
    expect(await lead.tombstones.get('c-shared-1')).toMatchObject({ table: 'claims', deletedBy: ALI.id })
    // Deleted here: Ali's later edit does not bring it back.
    expect(await lead.claims.get('c-shared-2')).toBeUndefined()
    // Both edited the minister: the newer (the lead's) wins.
    expect((await lead.actors.get('act-minister'))!.name).toBe('Minister (Lena)')
    expect(merged!.counts.claims).toMatchObject({ added: 3, deleted: 1, stayedDeleted: 1 })
    expect(merged!.counts.actors).toMatchObject({ added: 1, kept: 1 })
    expect(merged!.cases.map((entry) => [entry.kind, entry.table, entry.id, entry.kept])).toEqual(
      expect.arrayContaining([
        ['both-edited', 'actors', 'act-minister', 'workspace'],
        ['edited-and-deleted', 'claims', 'c-shared-2', 'deleted'],
      ]),
    )
    expect(merged!.cases).toHaveLength(2)
    // The two "Hezbollah" actors are proposed for merging, not silently kept twice.
    expect(report.proposals.map((proposal) => [proposal.table, proposal.records.map((record) => record.id)])).toEqual([['actors', ['act-hez', 'act-hez-2']]])

    // Twice: nothing changes, and the summary says the package was merged before.
    const before = await shared(lead)
    const again = await mergeCodingFiles(lead, [{ name: 'ali.json', text }], APP)
    expect(await shared(lead)).toEqual(before)
    expect(again.packages[0]).toMatchObject({ changedNothing: true, mergedBefore: expect.any(String) as unknown })
  })

  it('takes the package’s version when it is newer, and breaks a tie in time the same way on both machines', async () => {
    const lead = await machine(LEAD)
    const ali = await machine(ALI)
    for (const db of [lead, ali]) await db.claims.add(claim('c-1', ALI.id))
    await ali.claims.put({ ...(await ali.claims.get('c-1'))!, stance: 2, updatedAt: T2 })
    await lead.claims.put({ ...(await lead.claims.get('c-1'))!, stance: 0, updatedAt: T1, updatedBy: LEAD.id })
    const report = await mergeCodingFiles(lead, [{ name: 'ali.json', text: await exportText(ali, ALI.id) }], APP)
    expect((await lead.claims.get('c-1'))!.stance).toBe(2)
    expect(report.packages[0]!.cases).toEqual([expect.objectContaining({ kind: 'both-edited', id: 'c-1', kept: 'incoming' })])

    // Same time, different content: both machines keep the same version.
    const a = await machine(ALI)
    const b = await machine(BEA)
    await a.claims.add(claim('c-2', ALI.id, { stance: 1, updatedAt: T2, updatedBy: ALI.id }))
    await b.claims.add(claim('c-2', ALI.id, { stance: -2, updatedAt: T2, updatedBy: BEA.id }))
    const fromA = await exportText(a, ALI.id)
    await b.settings.put({ key: 'currentCoderId', value: ALI.id })
    const fromB = await exportText(b, ALI.id)
    await mergeCodingFiles(a, [{ name: 'b.json', text: fromB }], APP)
    await mergeCodingFiles(b, [{ name: 'a.json', text: fromA }], APP)
    expect((await a.claims.get('c-2'))!.stance).toBe((await b.claims.get('c-2'))!.stance)
  })

  it('keeps an actor the package deleted while claims here still use it, and brings back one deleted here that the package’s claims need', async () => {
    const lead = await machine(LEAD)
    const ali = await machine(ALI)
    // Ali deletes the minister (no claims of Ali's use it); the lead's coder Bea has a claim on it.
    await ali.actors.delete('act-minister')
    await lead.claims.add(claim('c-bea', BEA.id, { actorId: 'act-minister' }))
    // The lead deletes the militia; Ali's new claim is on it.
    await lead.actors.delete('act-militia')
    await ali.claims.add(claim('c-ali', ALI.id))
    const report = await mergeCodingFiles(lead, [{ name: 'ali.json', text: await exportText(ali, ALI.id) }], APP)
    expect(await lead.actors.get('act-minister')).toBeDefined()
    expect(await lead.tombstones.get('act-minister')).toBeUndefined()
    expect(await lead.actors.get('act-militia')).toBeDefined()
    expect(await lead.tombstones.get('act-militia')).toBeUndefined()
    expect(await lead.claims.get('c-ali')).toBeDefined()
    expect(report.packages[0]!.cases.map((entry) => [entry.kind, entry.id])).toEqual(
      expect.arrayContaining([
        ['deletion-refused', 'act-minister'],
        ['restored-for-references', 'act-militia'],
      ]),
    )
  })

  it('several packages merge in one go, and the workspaces that exchange them end up alike', async () => {
    const lead = await machine(LEAD)
    const ali = await machine(ALI)
    const bea = await machine(BEA)
    await ali.claims.bulkAdd([claim('c-a1', ALI.id), claim('c-a2', ALI.id, { start: 21, end: 49 })])
    await bea.claims.bulkAdd([claim('c-b1', BEA.id, { stance: 1 }), claim('c-b2', BEA.id, { articleId: 'art-2' })])
    await bea.issues.add({ id: 'iss-new', label: 'Ceasefire', description: '', parentId: null, createdAt: T1, updatedAt: T1, code: '', updatedBy: BEA.id })
    await bea.claims.add(claim('c-b3', BEA.id, { issueIds: ['iss-new'], start: 50, end: 70 }))
    const files = [
      { name: 'ali.json', text: await exportText(ali, ALI.id) },
      { name: 'bea.json', text: await exportText(bea, BEA.id) },
    ]
    const report = await mergeCodingFiles(lead, files, APP)
    expect(report.packages.map((entry) => entry.coder.name)).toEqual(['Ali', 'Bea'])
    expect((await lead.claims.toArray()).map((record) => record.id).sort()).toEqual(['c-a1', 'c-a2', 'c-b1', 'c-b2', 'c-b3'])
    // Ali merges Bea's package and Bea Ali's: their claims now agree with each other.
    await mergeCodingFiles(ali, [files[1]!], APP)
    await mergeCodingFiles(bea, [files[0]!], APP)
    const claimsOf = async (db: typeof ali): Promise<unknown[]> => (await shared(db)).claims!
    expect(await claimsOf(ali)).toEqual(await claimsOf(bea))
    expect(await claimsOf(ali)).toEqual(await claimsOf(lead))
  })
})

describe('Merge coding… refuses', () => {
  async function refused(texts: { name: string; text: string }[]): Promise<string> {
    const lead = await machine(LEAD)
    const before = await shared(lead)
    let message = ''
    await mergeCodingFiles(lead, texts, APP).then(
      () => expect.fail('the merge should have been refused'),
      (error: unknown) => {
        expect(error).toBeInstanceOf(CodingPackageError)
        message = (error as Error).message
      },
    )
    expect(await shared(lead), 'nothing written').toEqual(before)
    return message
  }

  async function validText(): Promise<string> {
    const ali = await machine(ALI)
    await ali.claims.add(claim('c-a1', ALI.id))
    return exportText(ali, ALI.id)
  }

  it('a package from a newer Standpoint, saying which and what to do', async () => {
    const text = (await validText()).replace(`"formatVersion": ${CODING_PACKAGE_VERSION}`, `"formatVersion": ${CODING_PACKAGE_VERSION + 1}`).replace('"app": "0.1.0"', '"app": "9.0.0"')
    expect(await refused([{ name: 'future.json', text }])).toMatch(/^future\.json was not merged: it was written by a newer Standpoint \(9\.0\.0: package format 2.*Update Standpoint.*Nothing in your workspace was changed\.$/)
    const schema = (await validText()).replace(`"schemaVersion": ${LATEST_SCHEMA_VERSION}`, `"schemaVersion": ${LATEST_SCHEMA_VERSION + 1}`)
    expect(await refused([{ name: 'schema.json', text: schema }])).toMatch(new RegExp(`newer Standpoint .*workspace schema v${LATEST_SCHEMA_VERSION + 1}\\).*again\\. Nothing`))
  })

  it('malformed packages, naming what is wrong; one bad file among good ones stops them all', async () => {
    const good = await validText()
    expect(await refused([{ name: 'x.json', text: '{"format": "standpoint-coding", ' }])).toMatch(/x\.json was not merged: it is not readable JSON/)
    expect(await refused([{ name: 'x.csv', text: 'a,b\n1,2' }])).toMatch(/not readable JSON/)
    expect(await refused([{ name: 'other.json', text: '{"hello": 1}' }])).toMatch(/it is not a Standpoint coding package/)
    expect(await refused([{ name: 'b.json', text: '{"format":"standpoint-backup"}' }])).toMatch(/it is a workspace backup/)
    expect(await refused([{ name: 'h.json', text: good.replace(/"packageId": "[^"]+"/, '"packageId": 7') }])).toMatch(/its header is damaged: packageId must be text/)
    expect(await refused([{ name: 's.json', text: good.replace('"stance": -1', '"stance": 7') }])).toMatch(/a record is damaged: claims\[0\] stance must be a whole number from −2 to \+2/)
    expect(await refused([{ name: 'r.json', text: good.replace('"actorId": "act-militia"', '"actorId": "act-nobody"') }])).toMatch(/claim c-a1 names the actor act-nobody, which the package does not hold/)
    const pkg = JSON.parse(good) as { claims: unknown[] }
    pkg.claims.push(pkg.claims[0])
    expect(await refused([{ name: 'd.json', text: JSON.stringify(pkg) }])).toMatch(/claims holds the id c-a1 twice/)
    expect(await refused([{ name: 'good.json', text: good }, { name: 'bad.json', text: '[]' }])).toMatch(/^bad\.json was not merged/)
  })
})

describe('duplicate proposals', () => {
  it('Merge folds the duplicates into one actor; Keep apart stops proposing them', async () => {
    const db = await machine(LEAD)
    await db.actors.bulkAdd([actor('act-h1', 'Hezbollah', { createdAt: T1 }), actor('act-h2', 'hezbollah ', { createdAt: T2 }), actor('act-h3', 'HEZBOLLAH', { createdAt: T2 })])
    await db.claims.add(claim('c-1', ALI.id, { actorId: 'act-h2' }))
    await db.issues.bulkAdd([
      { id: 'iss-t2', label: 'talks', description: '', parentId: null, createdAt: T1, updatedAt: T1, code: '', updatedBy: '' },
      { id: 'iss-t3', label: 'Talks', description: '', parentId: 'iss-war', createdAt: T1, updatedAt: T1, code: '', updatedBy: '' },
    ])
    await db.claims.add(claim('c-2', ALI.id, { issueIds: ['iss-t2', 'iss-talks'] }))
    let proposals = await findDuplicateProposals(db)
    // Same label under another parent is a different issue: not proposed.
    expect(proposals.map((proposal) => [proposal.table, proposal.records.map((record) => record.id)])).toEqual([
      ['actors', ['act-h1', 'act-h2', 'act-h3']],
      ['issues', ['iss-talks', 'iss-t2']],
    ])
    await mergeProposal(db, proposals[0]!, 'act-h1')
    expect((await db.claims.get('c-1'))!.actorId).toBe('act-h1')
    expect(await db.actors.get('act-h2')).toBeUndefined()
    await mergeProposal(db, proposals[1]!, 'iss-talks')
    // A claim on both issues keeps the survivor once.
    expect((await db.claims.get('c-2'))!.issueIds).toEqual(['iss-talks'])
    expect(await db.issues.get('iss-t2')).toBeUndefined()
    await db.actors.bulkAdd([actor('act-x1', 'Al-Sadr'), actor('act-x2', 'al Sadr')])
    proposals = await findDuplicateProposals(db)
    expect(proposals).toHaveLength(1)
    await keepApart(db, proposals[0]!)
    expect(await findDuplicateProposals(db)).toEqual([])
  })
})
