// One text per value, whatever the order its object keys were written in: two copies of a record
// compare equal exactly when their contents do, and a tie between two versions of a record is
// broken the same way on every machine (see mergeRules.ts).

export function canonicalText(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const entry = (value as Record<string, unknown>)[key]
    if (entry !== undefined) out[key] = sortKeys(entry)
  }
  return out
}
