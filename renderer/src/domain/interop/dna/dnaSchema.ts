import type { DnaFormat } from './types'

// The tables and columns this reader needs from each DNA generation, as DNA's own source
// creates them (DNA 3: sql/Sql.java createTables; DNA 2.0: dna/SqlConnection.java). Required
// columns refuse the file when absent; optional ones read as empty. Columns the reader never
// needs (coder passwords and permissions, regexes, coder relations, variable links) are not
// listed, and coder passwords in particular are never read.

export interface TableSpec {
  required: readonly string[]
  optional?: readonly string[]
}

const COMMON: Record<string, TableSpec> = {
  SETTINGS: { required: ['Property', 'Value'] },
  CODERS: { required: ['ID', 'Name'], optional: ['Red', 'Green', 'Blue'] },
  DOCUMENTS: {
    required: ['ID', 'Title', 'Text', 'Date'],
    optional: ['Coder', 'Author', 'Source', 'Section', 'Notes', 'Type'],
  },
  STATEMENTTYPES: { required: ['ID', 'Label'], optional: ['Red', 'Green', 'Blue'] },
  VARIABLES: { required: ['ID', 'Variable', 'DataType', 'StatementTypeId'] },
  STATEMENTS: { required: ['ID', 'StatementTypeId', 'DocumentId', 'Start', 'Stop'], optional: ['Coder'] },
  DATABOOLEAN: { required: ['StatementId', 'VariableId', 'Value'] },
  DATAINTEGER: { required: ['StatementId', 'VariableId', 'Value'] },
  DATALONGTEXT: { required: ['StatementId', 'VariableId', 'Value'] },
}

export const DNA_TABLES: Record<DnaFormat, Record<string, TableSpec>> = {
  dna3: {
    ...COMMON,
    // Short-text values point to an entity; entities carry the attributes.
    DATASHORTTEXT: { required: ['StatementId', 'VariableId', 'Entity'] },
    ENTITIES: { required: ['ID', 'VariableId', 'Value'], optional: ['Red', 'Green', 'Blue', 'ChildOf'] },
    ATTRIBUTEVARIABLES: { required: ['ID', 'VariableId', 'AttributeVariable'] },
    ATTRIBUTEVALUES: { required: ['EntityId', 'AttributeVariableId', 'AttributeValue'] },
  },
  dna2: {
    ...COMMON,
    // Short-text values are stored as text; ATTRIBUTES holds type, alias and notes per value.
    DATASHORTTEXT: { required: ['StatementId', 'VariableId', 'Value'] },
    ATTRIBUTES: {
      required: ['ID', 'VariableId', 'Value'],
      optional: ['Red', 'Green', 'Blue', 'Type', 'Alias', 'Notes', 'ChildOf'],
    },
  },
}

/** DNA 2 had three fixed attribute fields; DNA 3 starts every project with the same three. */
export const DNA2_ATTRIBUTES = ['Type', 'Alias', 'Notes'] as const

export const KNOWN_DATA_TYPES = ['short text', 'long text', 'integer', 'boolean'] as const
