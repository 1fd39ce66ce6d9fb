// Guessing which column holds which field from the names in a header row, for both importers:
// article collections (title, date, body, ...) and coded claims (actor, issue, stance, ...).

/** A header name reduced to what tells it apart: "Published_At", "published at" → "publishedat". */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/**
 * The column each field's name is found in, for the fields found. `synonyms` lists the names of
 * each field to look for, best first. Each column serves one field: names are tried rank by
 * rank across fields, so one field's first choice beats another's fallback. Columns in `used`
 * are skipped, and the columns chosen are added to it. `loose` also takes a header that merely
 * contains a name of four letters or more ("article_body_html" for "body"), unless it names an id.
 */
export function matchHeaderNames<F extends string>(
  header: readonly string[],
  synonyms: Readonly<Partial<Record<F, readonly string[]>>>,
  used: Set<number> = new Set(),
  { loose = false } = {},
): Partial<Record<F, number>> {
  const keys = header.map(headerKey)
  const fields = Object.keys(synonyms) as F[]
  const found: Partial<Record<F, number>> = {}
  const matches = loose ? (key: string, name: string) => name.length >= 4 && key.includes(name) && !key.includes('id') : (key: string, name: string) => key === name
  const longest = Math.max(0, ...fields.map((field) => synonyms[field]!.length))
  for (let rank = 0; rank < longest; rank++) {
    for (const field of fields) {
      const synonym = synonyms[field]![rank]
      if (found[field] !== undefined || synonym === undefined) continue
      const name = headerKey(synonym)
      const index = keys.findIndex((key, column) => !used.has(column) && matches(key, name))
      if (index >= 0) {
        found[field] = index
        used.add(index)
      }
    }
  }
  return found
}
