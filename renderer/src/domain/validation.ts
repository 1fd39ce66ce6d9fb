import * as v from 'valibot'

// Building blocks for the record schemas (model.ts) and the one way every trust boundary
// (backup restore, settings, worker messages) turns a failed check into words an analyst can
// act on: "<field> <what it must be>", naming the field as the record spells it.

/**
 * A field's value for a message. Decoded backup values can be BigInts, dates or binary, which
 * JSON.stringify throws on or flattens; text is quoted and cut short.
 */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

export const text = (): v.StringSchema<string> => v.string('must be text')

/** What a field must be, from its schema's own message: used when the field is missing. */
function fieldMessage(schema: v.ObjectEntries[string]): string {
  const { message: own, wrapped } = schema as { message?: unknown; wrapped?: { message?: unknown } }
  const message = own ?? wrapped?.message
  return typeof message === 'string' ? message : 'is missing'
}

/**
 * An object schema whose missing fields are reported like wrong ones ("title must be text"),
 * not as valibot's generic "Invalid key". Unknown fields pass the check (a later schema may
 * have added them); the parsed output drops them, so callers that must keep them validate
 * and keep their input.
 */
export function record<const Entries extends v.ObjectEntries>(entries: Entries, message = 'is not an object') {
  return v.object(entries, (issue) => {
    const item = issue.path?.[issue.path.length - 1]
    if (item?.origin === 'key' && typeof item.key === 'string' && Object.hasOwn(entries, item.key)) return fieldMessage(entries[item.key]!)
    return message
  })
}

/**
 * The first problem as "<field> <message>". The field is the path through objects only: an
 * entry of a list or a map is reported as the list ("aliases must be a list of text").
 */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path: string[] = []
  for (const item of issue.path ?? []) {
    if (item.type !== 'object' || typeof item.key !== 'string') break
    path.push(item.key)
  }
  return path.length === 0 ? issue.message : `${path.join('.')} ${issue.message}`
}

/** The first problem with a value, in words, or null when the schema accepts it. */
export function firstProblem(schema: v.GenericSchema, value: unknown): string | null {
  const result = v.safeParse(schema, value, { abortEarly: true })
  return result.success ? null : describeIssue(result.issues[0])
}

/** Thrown where data that crosses a trust boundary is not what its schema says. */
export class InvalidDataError extends Error {
  override name = 'InvalidDataError'
}

/** The value as its schema's output, or an InvalidDataError naming the first problem and what it was. */
export function parseOrThrow<Schema extends v.GenericSchema>(schema: Schema, value: unknown, what: string): v.InferOutput<Schema> {
  const result = v.safeParse(schema, value, { abortEarly: true })
  if (!result.success) throw new InvalidDataError(`${what}: ${describeIssue(result.issues[0])}`)
  return result.output
}
