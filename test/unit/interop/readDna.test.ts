import { beforeAll, describe, expect, it } from 'vitest'
import type { SqlJsStatic } from 'sql.js'
import { readDnaProject } from '../../../renderer/src/domain/interop/dna/readDna'
import type { DnaProject, DnaReadResult } from '../../../renderer/src/domain/interop/dna/types'
import {
  buildDna2Fixture,
  buildDna3Fixture,
  DNA2_DOCUMENTS,
  DNA2_STATEMENTS,
  DNA3_DOCUMENTS,
  DNA3_STATEMENTS,
  REJECTED_STATEMENT_IDS,
  shownText,
} from '../../support/dnaFixtures'
import { loadSqlJsForTests } from '../../support/sqlJs'

let SQL: SqlJsStatic
beforeAll(async () => {
  SQL = await loadSqlJsForTests()
})

function project(result: DnaReadResult): DnaProject {
  if (!result.ok) throw new Error(`refused: ${result.reason}`)
  return result.project
}

function refusal(result: DnaReadResult): string {
  if (result.ok) throw new Error('expected a refusal')
  return result.reason
}

describe('readDnaProject on a DNA 3 project', () => {
  let dna: DnaProject
  beforeAll(() => {
    dna = project(readDnaProject(buildDna3Fixture(SQL), SQL))
  })

  it('knows the format and version', () => {
    expect(dna.format).toBe('dna3')
    expect(dna.version).toBe('3.0.11.5')
  })

  it('reads coders with their colours and never their passwords', () => {
    expect(dna.coders).toEqual([
      { id: 1, name: 'Admin', color: '#ffff00' },
      { id: 2, name: 'Alice Haddad', color: '#3399ff' },
      { id: 3, name: 'Bilal Karim', color: '#ff6666' },
    ])
    expect(JSON.stringify(dna)).not.toContain('not-a-real-hash')
  })

  it('reads documents with their metadata, dates in UTC and line endings as DNA shows them', () => {
    expect(dna.documents).toHaveLength(4)
    const [first, crlf, astral, wire] = dna.documents
    expect(first).toMatchObject({
      id: 1,
      title: 'Nujaba halts attacks on Israel',
      author: 'Staff reporter',
      source: 'The New Arab',
      section: 'Middle East',
      type: 'news',
      notes: 'Seed article.',
      coderId: 2,
      date: '2024-12-23T00:00:00Z',
    })
    expect(crlf!.text).toBe(shownText(DNA3_DOCUMENTS[1].text))
    expect(crlf!.text).not.toContain('\r')
    expect(crlf!.date).toBe('2024-11-20T09:30:00Z')
    expect(astral!.text).toBe(DNA3_DOCUMENTS[2].text)
    expect(wire!.coderId).toBeNull()
    expect(dna.warnings).toContainEqual(expect.objectContaining({ code: 'line-endings-normalised', count: 1 }))
  })

  it('reads statement types with their variables, the DNA Statement type and others', () => {
    expect(dna.statementTypes.map((type) => type.label)).toEqual(['DNA Statement', 'Annotation', 'Threat'])
    expect(dna.statementTypes[0]!.variables.map((variable) => `${variable.name}:${variable.dataType}`)).toEqual([
      'person:short text',
      'organization:short text',
      'concept:short text',
      'agreement:boolean',
    ])
    expect(dna.statementTypes[2]!.variables.map((variable) => variable.dataType)).toEqual(['short text', 'short text', 'integer', 'boolean'])
    expect(dna.statementTypes[0]!.color).toBe('#efd033')
  })

  it('reads entities with DNA attributes, custom attributes, colours and parents', () => {
    const nujaba = dna.entities.find((entity) => entity.value === 'Al-Nujaba Movement')!
    const coalition = dna.entities.find((entity) => entity.value === 'Islamic Resistance in Iraq')!
    expect(nujaba).toEqual({
      id: 21,
      variableId: 2,
      value: 'Al-Nujaba Movement',
      color: '#990000',
      parentId: coalition.id,
      attributes: { Type: 'armed group', Alias: 'Nujaba; al-Nujaba', Notes: 'Harakat Hezbollah al-Nujaba.', Country: 'Iraq' },
    })
    const sudani = dna.entities.find((entity) => entity.value === 'Mohammed Shia al-Sudani')!
    expect(sudani.attributes).toEqual({ Type: 'head of government', Alias: 'al-Sudani', Notes: '' })
  })

  it('anchors every good statement at its words, through CRLF text and characters outside the BMP', () => {
    const good = DNA3_STATEMENTS.filter((statement) => !(REJECTED_STATEMENT_IDS as readonly number[]).includes(statement.id))
    expect(dna.statements.map((statement) => statement.id)).toEqual(good.map((statement) => statement.id))
    for (const expected of good) {
      const statement = dna.statements.find((candidate) => candidate.id === expected.id)!
      const document = dna.documents.find((candidate) => candidate.id === statement.documentId)!
      expect(statement.quote, `statement ${expected.id}`).toBe(expected.quote)
      expect(document.text.slice(statement.start, statement.stop)).toBe(expected.quote)
    }
    // 🇮🇶 and 𝟐𝟎𝟐𝟒 sit before statement 6: UTF-16 offsets count each as two units, like Java's.
    const astral = dna.statements.find((statement) => statement.id === 6)!
    expect(astral.start).toBe(DNA3_DOCUMENTS[2].text.indexOf('will keep'))
    expect([...DNA3_DOCUMENTS[2].text.slice(0, astral.start)].length).toBeLessThan(astral.start)
  })

  it('gives each statement its values: entity with text, agreement, integer, long text', () => {
    const byId = new Map(dna.statements.map((statement) => [statement.id, statement]))
    expect(byId.get(1)!.values).toEqual({
      1: { dataType: 'short text', entityId: 10, text: 'Akram al-Kaabi' },
      2: { dataType: 'short text', entityId: 21, text: 'Al-Nujaba Movement' },
      3: { dataType: 'short text', entityId: 30, text: 'Attacks on Israel should continue' },
      4: { dataType: 'boolean', value: false },
    })
    expect(byId.get(3)!.values[4]).toEqual({ dataType: 'boolean', value: true })
    expect(byId.get(4)!.values[1]).toEqual({ dataType: 'short text', entityId: 1, text: '' })
    expect(byId.get(7)!.values[5]).toEqual({ dataType: 'long text', text: 'Check the ceasefire date\nagainst the Arabic original.' })
    expect(byId.get(8)!.values).toMatchObject({
      6: { text: 'Kataib Hezbollah' },
      7: { text: 'US forces' },
      8: { dataType: 'integer', value: 3 },
      9: { dataType: 'boolean', value: true },
    })
    expect(byId.get(1)!.coderId).toBe(2)
    expect(byId.get(2)!.coderId).toBe(3)
  })

  it('rejects each broken statement with its reason, so every statement is accounted for', () => {
    expect(dna.statements.length + dna.rejected.length).toBe(DNA3_STATEMENTS.length)
    const reasons = Object.fromEntries(dna.rejected.map((rejection) => [rejection.id, rejection.reason]))
    expect(Object.keys(reasons).map(Number)).toEqual([...REJECTED_STATEMENT_IDS])
    expect(reasons[9]).toMatch(/offsets \d+–9999 lie outside document 4 \("Wire note"\), which has 43 characters/)
    expect(reasons[10]).toBe('It points to document 99, which is not in the project.')
    expect(reasons[11]).toBe('Its concept refers to entity 999, which is not in the project.')
  })
})

describe('readDnaProject keeps odd but readable statements, with warnings', () => {
  it('an unknown coder, a value of another type, a missing value, an unreadable date', () => {
    const db = new SQL.Database(buildDna3Fixture(SQL))
    db.run('UPDATE STATEMENTS SET Coder = 9 WHERE ID = 3')
    db.run('INSERT INTO DATAINTEGER (StatementId, VariableId, Value) VALUES (1, 8, 5)')
    db.run('DELETE FROM DATABOOLEAN WHERE StatementId = 5')
    db.run("UPDATE DOCUMENTS SET Date = 'soon' WHERE ID = 4")
    const bytes = db.export()
    db.close()
    const dna = project(readDnaProject(bytes, SQL))
    const byId = new Map(dna.statements.map((statement) => [statement.id, statement]))
    expect(byId.get(3)!.coderId).toBeNull()
    expect(byId.get(1)!.values[8]).toBeUndefined()
    expect(byId.get(5)!.values[4]).toBeUndefined()
    expect(dna.documents[3]!.date).toBeNull()
    expect(dna.warnings.map((warning) => [warning.code, warning.count])).toEqual([
      ['line-endings-normalised', 1],
      ['unreadable-date', 1],
      ['unknown-variable', 1],
      ['unknown-coder', 1],
      ['missing-value', 1],
    ])
  })
})

describe('readDnaProject on a DNA 2 project', () => {
  let dna: DnaProject
  beforeAll(() => {
    dna = project(readDnaProject(buildDna2Fixture(SQL), SQL))
  })

  it('reads the DNA 2 layout: millisecond dates, values stored as text, fixed attributes', () => {
    expect(dna.format).toBe('dna2')
    expect(dna.version).toBe('2.0 beta 25')
    expect(dna.documents.map((document) => document.date)).toEqual(DNA2_DOCUMENTS.map((document) => document.date))
    const kh = dna.entities.find((entity) => entity.value === 'Kataib Hezbollah')!
    const coalition = dna.entities.find((entity) => entity.value === 'Islamic Resistance in Iraq')!
    expect(kh.attributes).toEqual({ Type: 'armed group', Alias: 'KH', Notes: 'Brigades of Hezbollah.' })
    expect(kh.parentId).toBe(coalition.id)
    expect(kh.color).toBe('#0a141e')
  })

  it('anchors statements and resolves their values to entities, creating bare ones DNA 2 left out', () => {
    expect(dna.rejected).toEqual([])
    expect(dna.statements.map((statement) => statement.quote)).toEqual(DNA2_STATEMENTS.map((statement) => statement.quote))
    const first = dna.statements[0]!
    expect(first.values[2]).toEqual({ dataType: 'short text', entityId: dna.entities.find((entity) => entity.value === 'Kataib Hezbollah')!.id, text: 'Kataib Hezbollah' })
    expect(first.values[4]).toEqual({ dataType: 'boolean', value: true })
    const bare = dna.entities.find((entity) => entity.value === 'Pro-Iranian militias')!
    expect(bare.attributes).toEqual({ Type: '', Alias: '', Notes: '' })
    expect(dna.statements[2]!.values[2]).toMatchObject({ entityId: bare.id })
    expect(new Set(dna.entities.map((entity) => entity.id)).size).toBe(dna.entities.length)
  })
})

describe('readDnaProject refuses what it cannot read, saying why', () => {
  it('an empty file', () => {
    expect(refusal(readDnaProject(new Uint8Array(), SQL))).toBe('The file is empty.')
  })

  it('a file that is not SQLite', () => {
    const bytes = new TextEncoder().encode('title,text\nOne,Two\n')
    expect(refusal(readDnaProject(bytes, SQL))).toMatch(/not a DNA project: it is not an SQLite database/)
  })

  it('a DNA 1.x XML project, with what to do', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0"?>\n<dna><documents/></dna>')
    expect(refusal(readDnaProject(bytes, SQL))).toMatch(/DNA 1\.x project \(XML\)\. Open it in DNA 2/)
  })

  it('an SQLite database that is not DNA', () => {
    const db = new SQL.Database()
    db.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    const bytes = db.export()
    db.close()
    expect(refusal(readDnaProject(bytes, SQL))).toBe("This SQLite database is not a DNA project: it has none of DNA's tables (its tables are notes).")
  })

  it('a project from a newer DNA', () => {
    expect(refusal(readDnaProject(buildDna3Fixture(SQL, { version: '4.0.1' }), SQL))).toMatch(/saved by DNA 4\.0\.1, newer than the DNA 2 and DNA 3 projects/)
  })

  it('a version it does not know', () => {
    expect(refusal(readDnaProject(buildDna3Fixture(SQL, { version: 'beta' }), SQL))).toMatch(/names its DNA version as "beta"/)
  })

  it('a DNA 3 project missing a table its statements need', () => {
    expect(refusal(readDnaProject(buildDna3Fixture(SQL, { omitTables: ['DATASHORTTEXT'] }), SQL))).toBe(
      'This DNA 3 project lacks the DATASHORTTEXT table, so its statements cannot be read.',
    )
  })

  it('a truncated file', () => {
    const whole = buildDna3Fixture(SQL)
    expect(refusal(readDnaProject(whole.subarray(0, Math.floor(whole.length / 2)), SQL))).toMatch(/damaged: it is cut short/)
    expect(refusal(readDnaProject(whole.subarray(0, 60), SQL))).toMatch(/damaged: its header is incomplete/)
  })

  it('a file whose pages are garbled', () => {
    const bytes = buildDna3Fixture(SQL).slice()
    // Overwrite the second page onwards (the schema and data) with noise.
    for (let index = 4096; index < bytes.length; index += 7) bytes[index] = (index * 31) & 0xff
    const reason = refusal(readDnaProject(bytes, SQL))
    expect(reason).toMatch(/damaged|could not be read|not a DNA project/)
  })

  it('a file over the size limit, before opening it', () => {
    expect(refusal(readDnaProject(buildDna3Fixture(SQL), SQL, { maxBytes: 1024 }))).toMatch(/projects up to 0 MB can be opened/)
  })
})
