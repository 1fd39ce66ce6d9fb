import type { CsvCell } from '../csv/writeCsv'
import type { Actor, Id } from '../model'
import { compareText } from '../text/compare'

export const ACTORS_COLUMNS = ['name', 'kind', 'aliases', 'notes', 'claim_count', 'actor_id', 'created_at', 'updated_at'] as const

/** Aliases share one cell; a pipe rarely appears in a name, unlike commas and semicolons. */
export const ALIAS_SEPARATOR = ' | '

export function actorRow(actor: Actor, claimCounts: ReadonlyMap<Id, number>): CsvCell[] {
  return [
    actor.name,
    actor.kind,
    actor.aliases.join(ALIAS_SEPARATOR),
    actor.notes,
    claimCounts.get(actor.id) ?? 0,
    actor.id,
    actor.createdAt,
    actor.updatedAt,
  ]
}

export function sortActorsForExport(actors: Actor[]): Actor[] {
  return [...actors].sort((a, b) => compareText(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function* actorRows(actors: Iterable<Actor>, claimCounts: ReadonlyMap<Id, number>): Generator<CsvCell[]> {
  for (const actor of actors) yield actorRow(actor, claimCounts)
}
