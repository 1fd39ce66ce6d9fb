import { useMemo } from 'react'
import type { ActorUsage } from '../../db/repositories/actors'
import { actorKindKey } from '../../domain/actorKinds'
import type { buildActorIndex } from '../../domain/actorMatching'
import { attributeValues, formatValues } from '../../domain/attributes'
import type { Actor, Id } from '../../domain/model'
import { compareText } from '../../domain/text/compare'

export type SortKey = 'name' | 'kind' | 'claims' | 'mentions' | `attr:${string}`

/** An attribute filter: actors with this value, or (value null) actors without the attribute. */
export interface AttributeFilter {
  key: string
  value: string | null
}

export interface ShownActor {
  actor: Actor
  /** The name or alias the search matched; the name itself when not searching. */
  matched: string
}

interface ShownActorsInput {
  list: Actor[]
  usage: Map<Id, ActorUsage> | undefined
  query: string
  sort: { key: SortKey; descending: boolean }
  index: ReturnType<typeof buildActorIndex>
  kindFilter: string | null
  attributeFilter: AttributeFilter | null
}

/** The actors the table shows: filtered by kind and attribute, then ranked by the search or sorted by the chosen column. */
export function useShownActors({ list, usage, query, sort, index, kindFilter, attributeFilter }: ShownActorsInput): ShownActor[] {
  return useMemo(() => {
    const passes = (actor: Actor): boolean => {
      if (kindFilter !== null && actorKindKey(actor.kind) !== kindFilter) return false
      if (attributeFilter) {
        const values = attributeValues(actor.attributes, attributeFilter.key)
        if (attributeFilter.value === null ? values.length > 0 : !values.some((value) => value.toLowerCase() === attributeFilter.value!.toLowerCase())) return false
      }
      return true
    }
    if (query.trim() !== '') {
      return index
        .search(query, list.length)
        .filter((match) => passes(match.actor))
        .map((match) => ({ actor: match.actor, matched: match.matched }))
    }
    const count = (actor: Actor, key: 'claims' | 'mentions'): number => usage?.get(actor.id)?.[key] ?? 0
    const attribute = (actor: Actor, key: string): string => formatValues(attributeValues(actor.attributes, key))
    const sorted = list.filter(passes).sort((a, b) => {
      let order: number
      if (sort.key === 'name') order = compareText(a.name, b.name)
      else if (sort.key === 'kind') order = compareText(a.kind, b.kind) || compareText(a.name, b.name)
      else if (sort.key === 'claims' || sort.key === 'mentions') order = count(a, sort.key) - count(b, sort.key) || compareText(a.name, b.name)
      else {
        const key = sort.key.slice(5)
        const [x, y] = [attribute(a, key), attribute(b, key)]
        // Actors without the attribute sort last either way.
        order = x === '' && y !== '' ? 1 : y === '' && x !== '' ? -1 : compareText(x, y) || compareText(a.name, b.name)
        if (x === '' || y === '') return order
      }
      return sort.descending ? -order : order
    })
    return sorted.map((actor) => ({ actor, matched: actor.name }))
  }, [list, usage, query, sort, index, kindFilter, attributeFilter])
}
