// Value rules of the REFI-QDA schemas (Project.xsd, Codebook.xsd) and of XML 1.0 itself,
// checked before writing so that what we write validates, and used when reading to say which
// value of someone else's file was not acceptable.

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0'
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0'

// GUIDType of both schemas: 8-4-4-4-12 hex digits, optionally in braces.
const GUID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/
// RGBType.
const RGB = /^#(?:[A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/
// xsd:dateTime (year 0001-9999), with optional fraction and time zone.
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-](0\d|1[0-4]):[0-5]\d)?$/
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export const isGuid = (value: string): boolean => GUID.test(value)
export const isRgb = (value: string): boolean => RGB.test(value)
export const isDateTime = (value: string): boolean => DATE_TIME.test(value)
export const isDate = (value: string): boolean => DATE.test(value)

/** GUIDs compare without case and braces: {ABC...} and abc... are the same object. */
export function guidKey(guid: string): string {
  return guid.replace(/^\{|\}$/g, '').toLowerCase()
}

// Characters XML 1.0 cannot carry at all, not even as character references: C0 controls other
// than tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text for an XML element: characters XML cannot hold removed, line endings made '\n'. */
export function xmlContent(text: string): string {
  return text.replace(NOT_XML, '').replace(/\r\n?/g, '\n')
}

/**
 * Text for an XML attribute. XML readers turn a line break or tab in an attribute into a
 * space, so they become spaces here and the value reads back as written.
 */
export function xmlAttribute(text: string): string {
  return text.replace(NOT_XML, '').replace(/[\t\r\n]+/g, ' ')
}

/** xsd:decimal has no exponent: 1e21 must be written out. */
export function xsdDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a decimal number`)
  const plain = String(value)
  if (!/e/i.test(plain)) return plain
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
}
