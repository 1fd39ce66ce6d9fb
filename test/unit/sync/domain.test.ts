import { describe, expect, it } from 'vitest'
import { checkConnectionForm, describeConnectionFailure, parseServerAddress } from '../../../renderer/src/domain/sync/connection'
import { choosableFields, mergeFields, type ConflictVersion } from '../../../renderer/src/domain/sync/conflicts'
import { documentId, parseDocumentId, sameState, toDocument, type RecordState } from '../../../renderer/src/domain/sync/documents'
import { decideFirstMerge, reportEntry } from '../../../renderer/src/domain/sync/firstMerge'
import { bodyHash, revised } from '../../../renderer/src/domain/sync/revisions'
import { validateDocument } from '../../../renderer/src/domain/sync/validateDocument'

// The pure parts of team sync: how records map to CouchDB documents, what a document from the
// server must be to enter the workspace, the first connection's merge rules, conflicts.

const actor = (overrides: Record<string, unknown> = {}) => ({
  id: 'a1',
  name: 'Northern Rivers Brigade',
  kind: 'armed group',
  aliases: ['NRB'],
  notes: '',
  attributes: { country: ['Calvaria'] },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  updatedBy: '',
  ...overrides,
})
const record = (overrides: Record<string, unknown> = {}): RecordState => ({ kind: 'record', table: 'actors', id: 'a1', record: actor(overrides) })
const deleted = (deletedAt = '2026-02-01T00:00:00.000Z'): RecordState => ({ kind: 'deleted', table: 'actors', id: 'a1', tombstone: { id: 'a1', table: 'actors', deletedAt, deletedBy: 'c1' } })

describe('documents', () => {
  it('names a document by table and id, and reads the name back', () => {
    expect(documentId('claims', '6f1c')).toBe('claims:6f1c')
    expect(parseDocumentId('claims:6f1c')).toEqual({ table: 'claims', id: '6f1c' })
    expect(parseDocumentId('claims:a:b')).toEqual({ table: 'claims', id: 'a:b' })
    for (const bad of ['_design/x', 'settings:x', 'claims:', 'claims', '']) expect(parseDocumentId(bad), bad).toBeNull()
  })

  it('writes a deletion as a revision of the same document, not as _deleted', () => {
    expect(toDocument(deleted(), 4)).toEqual({ _id: 'actors:a1', table: 'actors', schema: 4, tombstone: { deletedAt: '2026-02-01T00:00:00.000Z', deletedBy: 'c1' } })
    expect(toDocument(record(), 4)).toMatchObject({ _id: 'actors:a1', table: 'actors', schema: 4, record: { name: 'Northern Rivers Brigade' } })
  })

  it('compares states by value, key order ignored', () => {
    const reordered = Object.fromEntries(Object.entries(actor()).reverse()) as Record<string, unknown> & { id: string }
    expect(Object.keys(reordered)[0]).toBe('updatedBy')
    expect(sameState(record(), { kind: 'record', table: 'actors', id: 'a1', record: reordered })).toBe(true)
    expect(sameState(record(), record({ name: 'Other' }))).toBe(false)
    expect(sameState(deleted('2026-01-01'), deleted('2026-05-05'))).toBe(true)
    expect(sameState(record(), deleted())).toBe(false)
    expect(sameState(null, null)).toBe(true)
  })
})

describe('validating a document from the server', () => {
  const doc = (body: Record<string, unknown>) => ({ _id: 'actors:a1', _rev: '1-x', table: 'actors', schema: 4, ...body })

  it('accepts a well-formed record and keeps only the fields its schema knows', () => {
    const checked = validateDocument(doc({ record: { ...actor(), extra: 'dropped' } }), 4)
    expect(checked.ok).toBe(true)
    expect(checked.ok && checked.state.kind === 'record' && 'extra' in checked.state.record).toBe(false)
    expect(validateDocument(doc({ tombstone: { deletedAt: '2026-02-01', deletedBy: '' } }), 4)).toEqual({ ok: true, state: deleted('2026-02-01') && { kind: 'deleted', table: 'actors', id: 'a1', tombstone: { id: 'a1', table: 'actors', deletedAt: '2026-02-01', deletedBy: '' } } })
  })

  it('refuses prototype keys however they arrive: as an own "__proto__" key, as a prototype a copy made, or as constructor', () => {
    const ownKey = JSON.parse(`{"_id":"actors:a1","table":"actors","schema":4,"record":${JSON.stringify(actor()).replace('"attributes":{', '"attributes":{"__proto__":{"x":["1"]},')}}`) as unknown
    expect(validateDocument(ownKey, 4)).toEqual({ ok: false, reason: 'attributes has the forbidden key "__proto__"' })
    const copied = doc({ record: { ...actor(), attributes: Object.assign(Object.create({ polluted: ['yes'] }) as object, { country: ['x'] }) } })
    expect(validateDocument(copied, 4)).toEqual({ ok: false, reason: 'attributes has the forbidden key "__proto__"' })
    expect(validateDocument(doc({ record: { ...actor(), constructor: 'x' } }), 4)).toEqual({ ok: false, reason: 'record has the forbidden key "constructor"' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses wrong types, huge fields, unknown tables, a newer schema, mismatched ids, and both or neither of record and tombstone', () => {
    const reasons: [unknown, RegExp][] = [
      [null, /not an object/],
      [[], /not an object/],
      [{ table: 'actors' }, /no document id/],
      [doc({ record: { ...actor(), aliases: 'NRB' } }), /aliases must be a list of text/],
      [doc({ record: { ...actor(), name: 42 } }), /name must be text/],
      [doc({ record: { ...actor(), notes: 'x'.repeat(100_001) } }), /notes is too large \(100,001 characters; at most 100,000\)/],
      [doc({ record: { ...actor(), aliases: Array.from({ length: 200_001 }, () => 'a') } }), /too many entries/],
      [{ _id: 'secrets:1', table: 'secrets', schema: 4, record: { id: '1' } }, /no workspace table \("secrets"\)/],
      [{ _id: 'settings:currentCoderId', table: 'settings', schema: 4, record: { key: 'x' } }, /no workspace table/],
      [doc({ schema: 5, record: actor() }), /newer Standpoint \(workspace schema v5/],
      [doc({ schema: 'four', record: actor() }), /no schema version/],
      [doc({ table: 'claims', record: actor() }), /says table "claims" but its id says actors/],
      [doc({ record: actor({ id: 'other' }) }), /record id "other" does not match/],
      [doc({}), /either a record or a tombstone/],
      [doc({ record: actor(), tombstone: { deletedAt: '', deletedBy: '' } }), /either a record or a tombstone/],
      [doc({ tombstone: { deletedAt: 5, deletedBy: '' } }), /tombstone deletedAt must be text/],
      [{ _id: 'actors:a\u0000b', table: 'actors', schema: 4, record: actor({ id: 'a\u0000b' }) }, /control characters/],
    ]
    for (const [input, reason] of reasons) {
      const checked = validateDocument(input, 4)
      expect(checked.ok, JSON.stringify(input)?.slice(0, 80)).toBe(false)
      expect(checked.ok ? '' : checked.reason).toMatch(reason)
    }
    let deep: Record<string, unknown> = {}
    const root = deep
    for (let i = 0; i < 20; i++) deep = deep.next = {}
    expect(validateDocument(doc({ record: { ...actor(), attributes: root } }), 4)).toMatchObject({ ok: false, reason: expect.stringMatching(/nested too deeply/) as unknown })
  })

  it('allows an article body up to the body limit, not a title', () => {
    const article = {
      id: 'r1', title: 'T', source: '', author: '', publishedAt: '', url: '', language: '', direction: 'ltr', body: 'x'.repeat(1_000_000), contentHash: '', importedAt: '', origin: '', meta: {}, updatedAt: '', externalId: '',
    }
    expect(validateDocument({ _id: 'articles:r1', table: 'articles', schema: 4, record: article }, 4).ok).toBe(true)
    expect(validateDocument({ _id: 'articles:r1', table: 'articles', schema: 4, record: { ...article, title: 'x'.repeat(1_000_000) } }, 4)).toMatchObject({ ok: false, reason: expect.stringMatching(/^title is too large/) as unknown })
  })
})

describe('first connection merge (team-coding rules)', () => {
  it('keeps what only one side has, and says nothing changed where both agree', () => {
    expect(decideFirstMerge(record(), null)).toEqual({ keep: 'local', bothChanged: false })
    expect(decideFirstMerge(null, record())).toEqual({ keep: 'remote', bothChanged: false })
    expect(decideFirstMerge(record(), record())).toEqual({ keep: 'same' })
    expect(decideFirstMerge(deleted('2026-01-01'), deleted('2026-03-01'))).toEqual({ keep: 'same' })
  })

  it('lets the later edit win and reports it; a tie goes to the server', () => {
    expect(decideFirstMerge(record({ name: 'Local', updatedAt: '2026-05-01' }), record({ name: 'Remote', updatedAt: '2026-04-01' }))).toEqual({ keep: 'local', bothChanged: true })
    expect(decideFirstMerge(record({ name: 'Local', updatedAt: '2026-04-01' }), record({ name: 'Remote', updatedAt: '2026-05-01' }))).toEqual({ keep: 'remote', bothChanged: true })
    expect(decideFirstMerge(record({ name: 'Local' }), record({ name: 'Remote' }))).toEqual({ keep: 'remote', bothChanged: true })
  })

  it('keeps a deletion deleted, even against a later edit', () => {
    expect(decideFirstMerge(deleted('2020-01-01'), record({ updatedAt: '2026-09-09' }))).toEqual({ keep: 'local', bothChanged: true })
    expect(decideFirstMerge(record({ updatedAt: '2026-09-09' }), deleted('2020-01-01'))).toEqual({ keep: 'remote', bothChanged: true })
    expect(reportEntry(record({ updatedAt: '2026-09-09' }), deleted(), { keep: 'remote', bothChanged: true })).toEqual({ table: 'actors', id: 'a1', label: 'Northern Rivers Brigade', kept: 'the server', why: 'deleted' })
  })
})

describe('conflicts', () => {
  const version = (state: RecordState, winner = false): ConflictVersion => ({ rev: winner ? '2-a' : '2-b', state, winner })

  it('offers the fields that differ, not the id or the bookkeeping', () => {
    const versions = [version(record({ name: 'A', notes: 'n', updatedAt: '1' }), true), version(record({ name: 'B', notes: 'n', updatedAt: '2' }))]
    expect(choosableFields(versions)).toEqual(['name'])
  })

  it('merges picked fields onto a base, stamped with the time and who', () => {
    const a = actor({ name: 'A', notes: 'from A' })
    const b = actor({ name: 'B', notes: 'from B' })
    expect(mergeFields(a, { name: b }, { at: '2026-06-01T00:00:00.000Z', by: 'c2' })).toEqual({ ...a, name: 'B', updatedAt: '2026-06-01T00:00:00.000Z', updatedBy: 'c2' })
  })
})

describe('connection form', () => {
  it('accepts an http(s) address, with a path behind a proxy, and refuses anything else', () => {
    expect(parseServerAddress(' https://couch.example.org/ ')).toEqual({ ok: true, value: { url: 'https://couch.example.org', origin: 'https://couch.example.org' } })
    expect(parseServerAddress('https://example.org/couchdb/')).toEqual({ ok: true, value: { url: 'https://example.org/couchdb', origin: 'https://example.org' } })
    for (const bad of ['', 'couch.example.org', 'ftp://x.org', 'https://u:p@x.org', 'https://x.org/?a=1', 'javascript:alert(1)']) expect(parseServerAddress(bad).ok, bad).toBe(false)
  })

  it('names the field that is wrong', () => {
    const form = { serverUrl: 'http://127.0.0.1:5984', database: 'team', userName: 'alice', password: 'pw' }
    expect(checkConnectionForm(form)).toMatchObject({ ok: true, value: { origin: 'http://127.0.0.1:5984', database: 'team' } })
    expect(checkConnectionForm({ ...form, database: 'Team' })).toMatchObject({ ok: false, field: 'Database' })
    expect(checkConnectionForm({ ...form, userName: ' ' })).toMatchObject({ ok: false, field: 'User name' })
    expect(checkConnectionForm({ ...form, password: '' })).toMatchObject({ ok: false, field: 'Password' })
  })

  it('tells a wrong password, a forbidden or missing database and an unreachable server apart', () => {
    const settings = { serverUrl: 'https://couch.example.org', database: 'team', userName: 'alice' }
    expect(describeConnectionFailure({ kind: 'http', status: 401, error: 'unauthorized', reason: 'Name or password is incorrect.' }, settings)).toMatch(/^Wrong user name or password for alice/)
    expect(describeConnectionFailure({ kind: 'http', status: 403, error: 'forbidden', reason: 'You are not allowed to access this db.' }, settings)).toMatch(/^alice may not use the database “team”/)
    expect(describeConnectionFailure({ kind: 'http', status: 404, error: 'not_found', reason: 'Database does not exist.' }, settings)).toMatch(/^The server has no database “team”/)
    expect(describeConnectionFailure({ kind: 'unreachable', detail: 'Failed to fetch' }, settings)).toMatch(/^Cannot reach the server at https:\/\/couch\.example\.org/)
    for (const failure of [{ kind: 'unreachable', detail: '' }, { kind: 'http', status: 500, error: 'x', reason: '' }] as const) expect(describeConnectionFailure(failure, settings)).toMatch(/Nothing was changed\.$/)
  })
})

describe('revisions named by their bodies (a first connection written straight to the server)', () => {
  it('names the same body the same revision, a changed body another, and a revision after a parent continues its history', async () => {
    const body = toDocument({ kind: 'record', table: 'actors', id: 'a1', record: actor() }, 4)
    const first = await revised(body)
    expect(first._rev).toMatch(/^1-[0-9a-f]{32}$/)
    expect(first._revisions).toEqual({ start: 1, ids: [first._rev.slice(2)] })
    expect((await revised(structuredClone(body)))._rev).toBe(first._rev)
    const changed = toDocument({ kind: 'record', table: 'actors', id: 'a1', record: actor({ name: 'Renamed' }) }, 4)
    expect(await bodyHash(changed)).not.toBe(await bodyHash(body))
    const next = await revised(changed, '3-abc')
    expect(next._rev).toBe(`4-${await bodyHash(changed)}`)
    expect(next._revisions).toEqual({ start: 4, ids: [await bodyHash(changed), 'abc'] })
  })
})
