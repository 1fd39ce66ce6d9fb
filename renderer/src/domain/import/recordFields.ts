// Records read from CSV and JSON files are keyed by the file's own column names, which can be
// anything, "__proto__" and "constructor" included. These keep every such column an ordinary
// own field: assigning "__proto__" would set the record's prototype instead (the value lost),
// and reading a name the record lacks would find Object.prototype or one of its methods.

/** Sets a field as an own property, whatever its name. */
export function setField(record: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true })
  else record[key] = value
}

/** A field the record itself holds, or undefined; never an inherited property. */
export function fieldOf(record: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/** A lookup in a fixed table of names (header keys, synonyms) that ignores Object's own names. */
export function lookUp<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
