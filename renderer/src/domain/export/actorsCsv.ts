import type { CsvCell } from '../csv/writeCsv'
import type { Actor, Id } from '../model'
import { compareText } from '../text/compare'
import { ACTOR_PREFIX, AttributeColumns } from './attributeColumns'

// The actors export: the fixed columns, then one `actor.<key>` column per attribute any
// exported actor has (multi-valued ones joined with " | ").

export const ACTORS_COLUMNS = ['name', 'kind', 'aliases', 'notes', 'claim_count', 'actor_id', 'created_at', 'updated_at'] as const

export interface ActorsShape {
  header: string[]
  attributes: AttributeColumns
  columns: string[]
}

/** The columns an actors export of these actors has. */
export function actorsShape(actors: Iterable<Actor>): ActorsShape {
  const attributes = new AttributeColumns(ACTOR_PREFIX)
  for (const actor of actors) attributes.add(actor.attributes)
  return { header: [...ACTORS_COLUMNS, ...attributes.header], attributes, columns: attributes.columns }
}

/** Aliases share one cell; a pipe rarely appears in a name, unlike commas and semicolons. */
export const ALIAS_SEPARATOR = ' | '

/** One actor as a row; with a shape, its attribute cells follow the fixed ones. */
export function actorRow(actor: Actor, claimCounts: ReadonlyMap<Id, number>, shape?: ActorsShape): CsvCell[] {
  const fixed: CsvCell[] = [
    actor.name,
    actor.kind,
    actor.aliases.join(ALIAS_SEPARATOR),
    actor.notes,
    claimCounts.get(actor.id) ?? 0,
    actor.id,
    actor.createdAt,
    actor.updatedAt,
  ]
  return shape ? [...fixed, ...shape.attributes.cells(actor.attributes, shape.columns)] : fixed
}

export function sortActorsForExport(actors: Actor[]): Actor[] {
  return [...actors].sort((a, b) => compareText(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function* actorRows(actors: Iterable<Actor>, claimCounts: ReadonlyMap<Id, number>, shape?: ActorsShape): Generator<CsvCell[]> {
  for (const actor of actors) yield actorRow(actor, claimCounts, shape)
}
