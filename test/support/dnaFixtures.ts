import type { Database, SqlJsStatic } from 'sql.js'

// Builds Discourse Network Analyzer projects (.dna, SQLite) for tests, from DNA's published
// schema (leifeld/dna: DNA 3's sql/Sql.java createTables, DNA 2.0's dna/SqlConnection.java),
// written out here in our own words with only the tables and columns DNA itself creates.
// Nothing binary is committed: unit tests and e2e specs call these builders, and
// `buildDna3Fixture(SQL)` returns the bytes of a .dna file DNA 3 itself would open.
//
// Offsets are computed the way DNA's coding window counts them: UTF-16 positions in the text
// as its Swing text pane shows it, where '\r\n' is one '\n'. Documents may still be stored
// with '\r\n' (the CRLF document below), as DNA stores what it was given.

export interface FixtureStatement {
  id: number
  documentId: number
  statementTypeId: number
  /** The words the statement covers, found in the document (first occurrence after `after`). */
  quote: string
  after?: string
  coderId: number
  /** Variable ID → value: a string names an entity (short text), a number, a boolean, or { long } text. */
  values: Record<number, string | number | boolean | { long: string }>
  /** Overrides for hostile cases: offsets as stored, whatever the quote. */
  start?: number
  stop?: number
}

export interface FixtureEntity {
  id: number
  variableId: number
  value: string
  color?: [number, number, number]
  parentId?: number
  attributes?: Record<string, string>
}

export const CODERS = [
  { id: 1, name: 'Admin', color: [255, 255, 0] },
  { id: 2, name: 'Alice Haddad', color: [51, 153, 255] },
  { id: 3, name: 'Bilal Karim', color: [255, 102, 102] },
] as const

const DOC1_TEXT = [
  'Al-Nujaba Movement says it will stop military operations against Israel.',
  'The secretary-general Akram al-Kaabi said the group "will stop military operations against Israel" now that a ceasefire holds in Lebanon.',
  'Prime Minister Mohammed Shia al-Sudani said that "all weapons must be in the hands of the state".',
  'A month earlier the largest pro-Iranian militias rejected the government\'s call to stop attacking Israel.',
].join('\n\n')

// Stored with Windows line endings, as a document pasted on Windows can be.
const DOC2_TEXT = [
  'Kataib Hezbollah vows to continue.',
  'A spokesman for Kataib Hezbollah said: "Operations against the occupation will go on until the aggression stops."',
  'He also threatened US forces in the region.',
].join('\r\n')

// Characters outside the Basic Multilingual Plane take two UTF-16 units each.
const DOC3_TEXT = [
  '🇮🇶 Iraq round-up 𝟐𝟎𝟐𝟒',
  'Nujaba fighters "will keep the pressure on Israel" according to a post on its channel 📢.',
].join('\n')

const DOC4_TEXT = 'A short wire note with no coded statements.'

export const DNA3_DOCUMENTS = [
  {
    id: 1,
    title: 'Nujaba halts attacks on Israel',
    text: DOC1_TEXT,
    coder: 2,
    author: 'Staff reporter',
    source: 'The New Arab',
    section: 'Middle East',
    notes: 'Seed article.',
    type: 'news',
    date: '2024-12-23T00:00:00Z',
  },
  { id: 2, title: 'Kataib Hezbollah vows to continue', text: DOC2_TEXT, coder: 3, author: '', source: 'Shafaq News', section: '', notes: '', type: 'news', date: '2024-11-20T09:30:00Z' },
  { id: 3, title: 'Iraq round-up', text: DOC3_TEXT, coder: 2, author: 'Desk', source: 'Channel digest', section: 'Digest', notes: '', type: 'digest', date: '2024-12-01T00:00:00Z' },
  { id: 4, title: 'Wire note', text: DOC4_TEXT, coder: null, author: '', source: 'Wire', section: '', notes: '', type: 'wire', date: '2024-12-02T00:00:00Z' },
] as const

/** The text as DNA's coding window shows it (and the reader returns it). */
export function shownText(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

export const STATEMENT_TYPES = [
  { id: 1, label: 'DNA Statement', color: [239, 208, 51] },
  { id: 2, label: 'Annotation', color: [211, 211, 211] },
  { id: 3, label: 'Threat', color: [200, 60, 60] },
] as const

export const VARIABLES = [
  { id: 1, name: 'person', dataType: 'short text', typeId: 1 },
  { id: 2, name: 'organization', dataType: 'short text', typeId: 1 },
  { id: 3, name: 'concept', dataType: 'short text', typeId: 1 },
  { id: 4, name: 'agreement', dataType: 'boolean', typeId: 1 },
  { id: 5, name: 'note', dataType: 'long text', typeId: 2 },
  { id: 6, name: 'actor', dataType: 'short text', typeId: 3 },
  { id: 7, name: 'target', dataType: 'short text', typeId: 3 },
  { id: 8, name: 'severity', dataType: 'integer', typeId: 3 },
  { id: 9, name: 'public', dataType: 'boolean', typeId: 3 },
] as const

/** Attribute variables per short-text variable: DNA's three defaults, and 'Country' for organisations. */
export const ATTRIBUTE_VARIABLES: Record<number, string[]> = {
  1: ['Type', 'Alias', 'Notes'],
  2: ['Type', 'Alias', 'Notes', 'Country'],
  3: ['Type', 'Alias', 'Notes'],
  6: ['Type', 'Alias', 'Notes'],
  7: ['Type', 'Alias', 'Notes'],
}

export const DNA3_ENTITIES: FixtureEntity[] = [
  // DNA starts each short-text variable with an empty entity.
  { id: 1, variableId: 1, value: '', color: [0, 0, 0] },
  { id: 2, variableId: 2, value: '', color: [0, 0, 0] },
  { id: 3, variableId: 3, value: '', color: [0, 0, 0] },
  { id: 10, variableId: 1, value: 'Akram al-Kaabi', color: [255, 153, 0], attributes: { Type: 'militia leader', Alias: 'al-Kaabi; Sheikh Akram', Notes: 'Secretary-general of al-Nujaba.' } },
  { id: 11, variableId: 1, value: 'Mohammed Shia al-Sudani', color: [0, 102, 204], attributes: { Type: 'head of government', Alias: 'al-Sudani' } },
  { id: 12, variableId: 1, value: 'Kataib Hezbollah spokesman', attributes: { Type: 'spokesperson' } },
  { id: 20, variableId: 2, value: 'Islamic Resistance in Iraq', color: [120, 0, 0], attributes: { Type: 'coalition', Country: 'Iraq' } },
  { id: 21, variableId: 2, value: 'Al-Nujaba Movement', color: [153, 0, 0], parentId: 20, attributes: { Type: 'armed group', Alias: 'Nujaba; al-Nujaba', Notes: 'Harakat Hezbollah al-Nujaba.', Country: 'Iraq' } },
  { id: 22, variableId: 2, value: 'Government of Iraq', color: [0, 102, 0], attributes: { Type: 'government', Country: 'Iraq' } },
  { id: 23, variableId: 2, value: 'Kataib Hezbollah', color: [102, 0, 0], parentId: 20, attributes: { Type: 'armed group', Alias: 'KH', Country: 'Iraq' } },
  { id: 30, variableId: 3, value: 'Attacks on Israel should continue', attributes: { Type: 'security' } },
  { id: 31, variableId: 3, value: 'Weapons belong to the state alone', attributes: { Type: 'governance', Notes: 'Disarmament of armed groups.' } },
  { id: 40, variableId: 6, value: 'Kataib Hezbollah' },
  { id: 41, variableId: 7, value: 'US forces', attributes: { Type: 'foreign military' } },
]

/** Statements DNA would have; the last three are broken on purpose and must be rejected. */
export const DNA3_STATEMENTS: FixtureStatement[] = [
  { id: 1, documentId: 1, statementTypeId: 1, quote: 'will stop military operations against Israel', after: 'said the group', coderId: 2, values: { 1: 'Akram al-Kaabi', 2: 'Al-Nujaba Movement', 3: 'Attacks on Israel should continue', 4: false } },
  // The same words coded by the second coder, for agreement.
  { id: 2, documentId: 1, statementTypeId: 1, quote: 'will stop military operations against Israel', after: 'said the group', coderId: 3, values: { 1: 'Akram al-Kaabi', 2: 'Al-Nujaba Movement', 3: 'Attacks on Israel should continue', 4: false } },
  { id: 3, documentId: 1, statementTypeId: 1, quote: 'all weapons must be in the hands of the state', coderId: 2, values: { 1: 'Mohammed Shia al-Sudani', 2: 'Government of Iraq', 3: 'Weapons belong to the state alone', 4: true } },
  { id: 4, documentId: 1, statementTypeId: 1, quote: 'rejected the government\'s call to stop attacking Israel', coderId: 3, values: { 1: '', 2: 'Islamic Resistance in Iraq', 3: 'Attacks on Israel should continue', 4: true } },
  { id: 5, documentId: 2, statementTypeId: 1, quote: 'Operations against the occupation will go on until the aggression stops.', coderId: 3, values: { 1: 'Kataib Hezbollah spokesman', 2: 'Kataib Hezbollah', 3: 'Attacks on Israel should continue', 4: true } },
  { id: 6, documentId: 3, statementTypeId: 1, quote: 'will keep the pressure on Israel', coderId: 2, values: { 1: '', 2: 'Al-Nujaba Movement', 3: 'Attacks on Israel should continue', 4: true } },
  { id: 7, documentId: 1, statementTypeId: 2, quote: 'now that a ceasefire holds in Lebanon', coderId: 2, values: { 5: { long: 'Check the ceasefire date\r\nagainst the Arabic original.' } } },
  { id: 8, documentId: 2, statementTypeId: 3, quote: 'He also threatened US forces in the region.', coderId: 3, values: { 6: 'Kataib Hezbollah', 7: 'US forces', 8: 3, 9: true } },
  // Broken: the stop offset runs past the end of the document.
  { id: 9, documentId: 4, statementTypeId: 1, quote: 'no coded statements.', coderId: 2, values: { 1: '', 2: 'Government of Iraq', 3: 'Weapons belong to the state alone', 4: true }, stop: 9999 },
  // Broken: the document was deleted with foreign keys off.
  { id: 10, documentId: 99, statementTypeId: 1, quote: '', coderId: 2, values: { 1: '', 2: 'Government of Iraq', 3: 'Weapons belong to the state alone', 4: true }, start: 0, stop: 5 },
  // Broken: the concept entity was deleted.
  { id: 11, documentId: 1, statementTypeId: 1, quote: 'Al-Nujaba Movement says', coderId: 3, values: { 1: '', 2: 'Al-Nujaba Movement', 3: '#entity:999', 4: true } },
]

export const REJECTED_STATEMENT_IDS = [9, 10, 11] as const

export interface Dna3Options {
  version?: string
  /** Tables to leave out, to test refusals. */
  omitTables?: string[]
}

/** A DNA 3 project with three coders, four documents, three statement types and eleven statements. */
export function buildDna3Fixture(SQL: SqlJsStatic, options: Dna3Options = {}): Uint8Array {
  const db = new SQL.Database()
  try {
    const omit = new Set((options.omitTables ?? []).map((name) => name.toUpperCase()))
    for (const [name, ddl] of Object.entries(DNA3_TABLES)) if (!omit.has(name)) db.run(ddl)
    const run = (sql: string, params: (string | number | null)[]) => {
      if (!omit.has(/INSERT INTO (\w+)/.exec(sql)![1]!)) db.run(sql, params)
    }
    run('INSERT INTO SETTINGS (Property, Value) VALUES (?, ?)', ['version', options.version ?? '3.0.11.5'])
    run('INSERT INTO SETTINGS (Property, Value) VALUES (?, ?)', ['date', '2025-02-05'])
    for (const coder of CODERS) {
      run('INSERT INTO CODERS (ID, Name, Red, Green, Blue, Password) VALUES (?, ?, ?, ?, ?, ?)', [coder.id, coder.name, ...coder.color, '$2a$10$not-a-real-hash'])
    }
    for (const document of DNA3_DOCUMENTS) {
      run('INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        document.id, document.title, document.text, document.coder, document.author, document.source, document.section, document.notes, document.type,
        Date.parse(document.date) / 1000,
      ])
    }
    insertTypesAndVariables(run)
    let attributeVariableId = 1
    const attributeIds = new Map<string, number>()
    for (const [variableId, names] of Object.entries(ATTRIBUTE_VARIABLES)) {
      for (const name of names) {
        attributeIds.set(`${variableId}:${name}`, attributeVariableId)
        run('INSERT INTO ATTRIBUTEVARIABLES (ID, VariableId, AttributeVariable) VALUES (?, ?, ?)', [attributeVariableId++, Number(variableId), name])
      }
    }
    for (const entity of DNA3_ENTITIES) {
      const [red, green, blue] = entity.color ?? [0, 0, 0]
      run('INSERT INTO ENTITIES (ID, VariableId, Value, Red, Green, Blue, ChildOf) VALUES (?, ?, ?, ?, ?, ?, ?)', [entity.id, entity.variableId, entity.value, red, green, blue, entity.parentId ?? null])
      // DNA writes a value row for every attribute of every entity, empty when unset.
      for (const name of ATTRIBUTE_VARIABLES[entity.variableId] ?? []) {
        run('INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) VALUES (?, ?, ?)', [entity.id, attributeIds.get(`${entity.variableId}:${name}`)!, entity.attributes?.[name] ?? ''])
      }
    }
    const entityId = (variableId: number, value: string): number => {
      const explicit = /^#entity:(\d+)$/.exec(value)
      if (explicit) return Number(explicit[1])
      const entity = DNA3_ENTITIES.find((candidate) => candidate.variableId === variableId && candidate.value === value)
      if (!entity) throw new Error(`fixture: no entity ${value} for variable ${variableId}`)
      return entity.id
    }
    for (const statement of DNA3_STATEMENTS) {
      const document = DNA3_DOCUMENTS.find((candidate) => candidate.id === statement.documentId)
      const [start, stop] = offsets(document ? shownText(document.text) : '', statement)
      run('INSERT INTO STATEMENTS (ID, StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (?, ?, ?, ?, ?, ?)', [statement.id, statement.statementTypeId, statement.documentId, start, stop, statement.coderId])
      for (const [variableKey, value] of Object.entries(statement.values)) {
        const variableId = Number(variableKey)
        if (typeof value === 'string') run('INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?, ?, ?)', [statement.id, variableId, entityId(variableId, value)])
        else if (typeof value === 'boolean') run('INSERT INTO DATABOOLEAN (StatementId, VariableId, Value) VALUES (?, ?, ?)', [statement.id, variableId, value ? 1 : 0])
        else if (typeof value === 'number') run('INSERT INTO DATAINTEGER (StatementId, VariableId, Value) VALUES (?, ?, ?)', [statement.id, variableId, value])
        else run('INSERT INTO DATALONGTEXT (StatementId, VariableId, Value) VALUES (?, ?, ?)', [statement.id, variableId, value.long])
      }
    }
    return db.export()
  } finally {
    db.close()
  }
}

/** Where a fixture statement sits in the shown text, unless it overrides its offsets. */
export function offsets(shown: string, statement: Pick<FixtureStatement, 'quote' | 'after' | 'start' | 'stop'>): [number, number] {
  const from = statement.after ? shown.indexOf(statement.after) : 0
  const found = shown.indexOf(statement.quote, Math.max(0, from))
  const start = statement.start ?? found
  const stop = statement.stop ?? found + statement.quote.length
  if (statement.start === undefined && found < 0) throw new Error(`fixture: quote not found: ${statement.quote}`)
  return [start, stop]
}

function insertTypesAndVariables(
  run: (sql: string, params: (string | number | null)[]) => void,
  types: readonly (typeof STATEMENT_TYPES)[number][] = STATEMENT_TYPES,
  variables: readonly (typeof VARIABLES)[number][] = VARIABLES,
): void {
  for (const type of types) run('INSERT INTO STATEMENTTYPES (ID, Label, Red, Green, Blue) VALUES (?, ?, ?, ?, ?)', [type.id, type.label, ...type.color])
  for (const variable of variables) run('INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) VALUES (?, ?, ?, ?)', [variable.id, variable.name, variable.dataType, variable.typeId])
}

// DNA 3's SQLite tables (the columns DNA creates, constraints trimmed to what keeps data sane).
const DNA3_TABLES: Record<string, string> = {
  SETTINGS: 'CREATE TABLE SETTINGS (Property TEXT PRIMARY KEY, Value TEXT NOT NULL)',
  CODERS: `CREATE TABLE CODERS (ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL, Red INTEGER NOT NULL DEFAULT 0,
    Green INTEGER NOT NULL DEFAULT 0, Blue INTEGER NOT NULL DEFAULT 0, Refresh INTEGER NOT NULL DEFAULT 0,
    FontSize INTEGER NOT NULL DEFAULT 14, Password TEXT NOT NULL, PopupWidth INTEGER DEFAULT 300,
    ColorByCoder INTEGER NOT NULL DEFAULT 0, PopupDecoration INTEGER NOT NULL DEFAULT 0, PopupAutoComplete INTEGER NOT NULL DEFAULT 1,
    PermissionAddDocuments INTEGER NOT NULL DEFAULT 1, PermissionEditDocuments INTEGER NOT NULL DEFAULT 1,
    PermissionDeleteDocuments INTEGER NOT NULL DEFAULT 1, PermissionImportDocuments INTEGER NOT NULL DEFAULT 1,
    PermissionAddStatements INTEGER NOT NULL DEFAULT 1, PermissionEditStatements INTEGER NOT NULL DEFAULT 1,
    PermissionDeleteStatements INTEGER NOT NULL DEFAULT 1, PermissionEditAttributes INTEGER NOT NULL DEFAULT 1,
    PermissionEditRegex INTEGER NOT NULL DEFAULT 1, PermissionEditStatementTypes INTEGER NOT NULL DEFAULT 1,
    PermissionEditCoders INTEGER NOT NULL DEFAULT 1, PermissionEditCoderRelations INTEGER NOT NULL DEFAULT 1,
    PermissionViewOthersDocuments INTEGER NOT NULL DEFAULT 1, PermissionEditOthersDocuments INTEGER NOT NULL DEFAULT 1,
    PermissionViewOthersStatements INTEGER NOT NULL DEFAULT 1, PermissionEditOthersStatements INTEGER NOT NULL DEFAULT 1)`,
  DOCUMENTS: `CREATE TABLE DOCUMENTS (ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL, Text TEXT NOT NULL, Coder INTEGER,
    Author TEXT NOT NULL DEFAULT '', Source TEXT NOT NULL DEFAULT '', Section TEXT NOT NULL DEFAULT '',
    Notes TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL DEFAULT '', Date INTEGER NOT NULL)`,
  STATEMENTTYPES: `CREATE TABLE STATEMENTTYPES (ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL,
    Red INTEGER NOT NULL DEFAULT 0, Green INTEGER NOT NULL DEFAULT 0, Blue INTEGER NOT NULL DEFAULT 0)`,
  VARIABLES: `CREATE TABLE VARIABLES (ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL,
    DataType TEXT NOT NULL DEFAULT 'short text', StatementTypeId INTEGER, UNIQUE (Variable, StatementTypeId))`,
  VARIABLELINKS: 'CREATE TABLE VARIABLELINKS (ID INTEGER NOT NULL PRIMARY KEY, SourceVariableId INTEGER, TargetVariableId INTEGER)',
  REGEXES: 'CREATE TABLE REGEXES (Label TEXT PRIMARY KEY, Red INTEGER NOT NULL DEFAULT 0, Green INTEGER NOT NULL DEFAULT 0, Blue INTEGER NOT NULL DEFAULT 0)',
  CODERRELATIONS: `CREATE TABLE CODERRELATIONS (ID INTEGER NOT NULL PRIMARY KEY, Coder INTEGER, OtherCoder INTEGER,
    viewStatements INTEGER NOT NULL DEFAULT 1, editStatements INTEGER NOT NULL DEFAULT 1,
    viewDocuments INTEGER NOT NULL DEFAULT 1, editDocuments INTEGER NOT NULL DEFAULT 1)`,
  STATEMENTS: `CREATE TABLE STATEMENTS (ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER,
    Start INTEGER NOT NULL, Stop INTEGER NOT NULL, Coder INTEGER)`,
  DATABOOLEAN: `CREATE TABLE DATABOOLEAN (ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
    Value INTEGER NOT NULL DEFAULT 1, UNIQUE (StatementId, VariableId))`,
  DATAINTEGER: `CREATE TABLE DATAINTEGER (ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
    Value INTEGER NOT NULL DEFAULT 0, UNIQUE (StatementId, VariableId))`,
  ENTITIES: `CREATE TABLE ENTITIES (ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL, Value TEXT NOT NULL DEFAULT '',
    Red INTEGER, Green INTEGER, Blue INTEGER, ChildOf INTEGER, UNIQUE (VariableId, Value))`,
  DATASHORTTEXT: `CREATE TABLE DATASHORTTEXT (ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
    Entity INTEGER NOT NULL, UNIQUE (StatementId, VariableId))`,
  DATALONGTEXT: `CREATE TABLE DATALONGTEXT (ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
    Value TEXT DEFAULT '', UNIQUE (StatementId, VariableId))`,
  ATTRIBUTEVARIABLES: `CREATE TABLE ATTRIBUTEVARIABLES (ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL,
    AttributeVariable TEXT NOT NULL, UNIQUE (VariableId, AttributeVariable))`,
  ATTRIBUTEVALUES: `CREATE TABLE ATTRIBUTEVALUES (ID INTEGER PRIMARY KEY NOT NULL, EntityId INTEGER NOT NULL,
    AttributeVariableId INTEGER NOT NULL, AttributeValue TEXT NOT NULL DEFAULT '', UNIQUE (EntityId, AttributeVariableId))`,
}

// ---- DNA 2.0 -------------------------------------------------------------------------------

export const DNA2_DOCUMENTS = [
  { id: 1, title: 'Militias reject call to stop', text: 'The largest pro-Iranian militias rejected the government\'s call to stop attacking Israel.\r\nThey said "the resistance will not stop".', coder: 2, date: '2024-11-20T00:00:00Z' },
  { id: 2, title: 'Sudani on weapons', text: 'Al-Sudani repeated that "weapons belong to the state".', coder: 3, date: '2024-12-05T12:00:00Z' },
] as const

export const DNA2_STATEMENTS: FixtureStatement[] = [
  { id: 1, documentId: 1, statementTypeId: 1, quote: 'the resistance will not stop', coderId: 2, values: { 1: 'Abu Ali al-Askari', 2: 'Kataib Hezbollah', 3: 'Attacks on Israel should continue', 4: true } },
  { id: 2, documentId: 2, statementTypeId: 1, quote: 'weapons belong to the state', coderId: 3, values: { 1: 'Mohammed Shia al-Sudani', 2: 'Government of Iraq', 3: 'Weapons belong to the state alone', 4: true } },
  // An organisation with no ATTRIBUTES row, which DNA 2 allowed.
  { id: 3, documentId: 1, statementTypeId: 1, quote: 'rejected the government\'s call', coderId: 2, values: { 1: '', 2: 'Pro-Iranian militias', 3: 'Weapons belong to the state alone', 4: false } },
]

export const DNA2_ATTRIBUTES_ROWS = [
  { id: 1, variableId: 1, value: '', type: '', alias: '', notes: '', childOf: '' },
  { id: 2, variableId: 2, value: '', type: '', alias: '', notes: '', childOf: '' },
  { id: 3, variableId: 3, value: '', type: '', alias: '', notes: '', childOf: '' },
  { id: 4, variableId: 1, value: 'Abu Ali al-Askari', type: 'spokesperson', alias: 'al-Askari', notes: '', childOf: '' },
  { id: 5, variableId: 1, value: 'Mohammed Shia al-Sudani', type: 'head of government', alias: 'al-Sudani', notes: '', childOf: '' },
  { id: 6, variableId: 2, value: 'Islamic Resistance in Iraq', type: 'coalition', alias: '', notes: '', childOf: '' },
  { id: 7, variableId: 2, value: 'Kataib Hezbollah', type: 'armed group', alias: 'KH', notes: 'Brigades of Hezbollah.', childOf: 'Islamic Resistance in Iraq' },
  { id: 8, variableId: 2, value: 'Government of Iraq', type: 'government', alias: '', notes: '', childOf: '' },
  { id: 9, variableId: 3, value: 'Attacks on Israel should continue', type: '', alias: '', notes: '', childOf: '' },
  { id: 10, variableId: 3, value: 'Weapons belong to the state alone', type: '', alias: '', notes: '', childOf: '' },
] as const

/** A DNA 2.0 project: SQLite too, but dates in milliseconds and short-text values stored as text. */
export function buildDna2Fixture(SQL: SqlJsStatic): Uint8Array {
  const db: Database = new SQL.Database()
  try {
    for (const ddl of Object.values(DNA2_TABLES)) db.run(ddl)
    const run = (sql: string, params: (string | number | null)[]) => db.run(sql, params)
    run('INSERT INTO SETTINGS (Property, Value) VALUES (?, ?)', ['version', '2.0 beta 25'])
    run('INSERT INTO SETTINGS (Property, Value) VALUES (?, ?)', ['date', '2019-09-08'])
    for (const coder of CODERS) run('INSERT INTO CODERS (ID, Name, Red, Green, Blue, Password) VALUES (?, ?, ?, ?, ?, ?)', [coder.id, coder.name, ...coder.color, ''])
    for (const document of DNA2_DOCUMENTS) {
      run('INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        document.id, document.title, document.text, document.coder, '', 'Wire', '', '', 'news', Date.parse(document.date),
      ])
    }
    const types = STATEMENT_TYPES.slice(0, 1)
    const variables = VARIABLES.filter((variable) => variable.typeId === 1)
    insertTypesAndVariables(run, types, variables)
    for (const row of DNA2_ATTRIBUTES_ROWS) {
      run('INSERT INTO ATTRIBUTES (ID, VariableId, Value, Red, Green, Blue, Type, Alias, Notes, ChildOf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [row.id, row.variableId, row.value, 10, 20, 30, row.type, row.alias, row.notes, row.childOf])
    }
    for (const statement of DNA2_STATEMENTS) {
      const document = DNA2_DOCUMENTS.find((candidate) => candidate.id === statement.documentId)!
      const [start, stop] = offsets(shownText(document.text), statement)
      run('INSERT INTO STATEMENTS (ID, StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (?, ?, ?, ?, ?, ?)', [statement.id, 1, statement.documentId, start, stop, statement.coderId])
      for (const [variableKey, value] of Object.entries(statement.values)) {
        const variableId = Number(variableKey)
        if (typeof value === 'string') run('INSERT INTO DATASHORTTEXT (StatementId, VariableId, StatementTypeId, Value) VALUES (?, ?, 1, ?)', [statement.id, variableId, value])
        else if (typeof value === 'boolean') run('INSERT INTO DATABOOLEAN (StatementId, VariableId, StatementTypeId, Value) VALUES (?, ?, 1, ?)', [statement.id, variableId, value ? 1 : 0])
      }
    }
    return db.export()
  } finally {
    db.close()
  }
}

// DNA 2.0's SQLite tables, as its SqlConnection creates them.
const DNA2_TABLES: Record<string, string> = {
  SETTINGS: 'CREATE TABLE SETTINGS (Property TEXT PRIMARY KEY, Value TEXT)',
  CODERS: 'CREATE TABLE CODERS (ID INTEGER NOT NULL PRIMARY KEY, Name TEXT, Red INTEGER, Green INTEGER, Blue INTEGER, Password TEXT)',
  DOCUMENTS: `CREATE TABLE DOCUMENTS (ID INTEGER NOT NULL PRIMARY KEY, Title TEXT, Text TEXT, Coder INTEGER, Author TEXT,
    Source TEXT, Section TEXT, Notes TEXT, Type TEXT, Date INTEGER)`,
  STATEMENTTYPES: 'CREATE TABLE STATEMENTTYPES (ID INTEGER NOT NULL PRIMARY KEY, Label TEXT, Red INTEGER, Green INTEGER, Blue INTEGER)',
  VARIABLES: 'CREATE TABLE VARIABLES (ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT, DataType TEXT, StatementTypeId INTEGER, UNIQUE (Variable, StatementTypeId))',
  REGEXES: 'CREATE TABLE REGEXES (Label TEXT PRIMARY KEY, Red INTEGER, Green INTEGER, Blue INTEGER)',
  CODERPERMISSIONS: 'CREATE TABLE CODERPERMISSIONS (ID INTEGER NOT NULL PRIMARY KEY, Coder INTEGER, Type TEXT, Permission INTEGER, UNIQUE (Coder, Type))',
  CODERRELATIONS: `CREATE TABLE CODERRELATIONS (ID INTEGER NOT NULL PRIMARY KEY, Coder INTEGER, OtherCoder INTEGER,
    viewStatements INTEGER, editStatements INTEGER, viewDocuments INTEGER, editDocuments INTEGER)`,
  STATEMENTS: 'CREATE TABLE STATEMENTS (ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER, Start INTEGER, Stop INTEGER, Coder INTEGER)',
  STATEMENTLINKS: 'CREATE TABLE STATEMENTLINKS (ID INTEGER PRIMARY KEY NOT NULL, SourceId INTEGER NOT NULL, TargetId INTEGER NOT NULL)',
  DATABOOLEAN: 'CREATE TABLE DATABOOLEAN (ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, StatementTypeId INTEGER, Value INTEGER, UNIQUE (StatementId, VariableId))',
  DATAINTEGER: 'CREATE TABLE DATAINTEGER (ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, StatementTypeId INTEGER, Value INTEGER, UNIQUE (StatementId, VariableId))',
  DATASHORTTEXT: 'CREATE TABLE DATASHORTTEXT (ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, StatementTypeId INTEGER, Value TEXT, UNIQUE (StatementId, VariableId))',
  DATALONGTEXT: 'CREATE TABLE DATALONGTEXT (ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, StatementTypeId INTEGER, Value TEXT, UNIQUE (StatementId, VariableId))',
  ATTRIBUTES: `CREATE TABLE ATTRIBUTES (ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL, Value TEXT NOT NULL,
    Red INTEGER, Green INTEGER, Blue INTEGER, Type TEXT, Alias TEXT, Notes TEXT, ChildOf TEXT)`,
}

// ---- At scale -------------------------------------------------------------------------------

export interface LargeDnaSizes {
  documents: number
  organisations: number
  persons: number
  concepts: number
  statements: number
}

/**
 * The DNA 3 fixture grown to an analyst's project: `documents` of twenty sentences each, and
 * `statements` of the "DNA Statement" type, each covering one sentence and naming a person,
 * an organisation, a concept and an agreement (every third one 0). For benchmarks.
 */
export function buildLargeDna3Project(SQL: SqlJsStatic, sizes: LargeDnaSizes): Uint8Array {
  const db = new SQL.Database(buildDna3Fixture(SQL))
  try {
    const sentence = (document: number, index: number) => `Speaker ${index} of document ${document} said that matter ${index * 7} must be settled now. `
    const sentences = (document: number) => Array.from({ length: 20 }, (_, index) => sentence(document, index))
    db.run('BEGIN')
    for (let document = 0; document < sizes.documents; document++) {
      db.run('INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        1000 + document, `Dispatch ${document + 1}`, sentences(document).join(''), 2, '', `Outlet ${document % 7}`, '', '', '',
        Date.UTC(2024, document % 12, 1 + (document % 28)) / 1000,
      ])
    }
    const entity = db.prepare('INSERT INTO ENTITIES (ID, VariableId, Value) VALUES (?, ?, ?)')
    for (let index = 0; index < sizes.persons; index++) entity.run([20_000 + index, 1, `Person ${index + 1}`])
    for (let index = 0; index < sizes.organisations; index++) entity.run([10_000 + index, 2, `Organisation ${index + 1}`])
    for (let index = 0; index < sizes.concepts; index++) entity.run([30_000 + index, 3, `Concept ${index + 1}`])
    entity.free()
    const statement = db.prepare('INSERT INTO STATEMENTS (ID, StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (?, 1, ?, ?, ?, ?)')
    const shortText = db.prepare('INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?, ?, ?)')
    const agreement = db.prepare('INSERT INTO DATABOOLEAN (StatementId, VariableId, Value) VALUES (?, 4, ?)')
    for (let index = 0; index < sizes.statements; index++) {
      const document = index % sizes.documents
      const which = Math.floor(index / sizes.documents) % 20
      const start = sentences(document).slice(0, which).join('').length
      const id = 100_000 + index
      statement.run([id, 1000 + document, start, start + sentence(document, which).length - 1, 2 + (index % 2)])
      shortText.run([id, 1, 20_000 + (index % sizes.persons)])
      shortText.run([id, 2, 10_000 + (index % sizes.organisations)])
      shortText.run([id, 3, 30_000 + (index % sizes.concepts)])
      agreement.run([id, index % 3 === 0 ? 0 : 1])
    }
    for (const prepared of [statement, shortText, agreement]) prepared.free()
    db.run('COMMIT')
    return db.export()
  } finally {
    db.close()
  }
}
