import type { ActorKind } from '../model'
import { foldText } from '../text/folding'

const KIND_WORDS: Record<string, ActorKind> = {
  person: 'person',
  individual: 'person',
  people: 'person',
  politician: 'person',
  organization: 'organization',
  organisation: 'organization',
  org: 'organization',
  ngo: 'organization',
  company: 'organization',
  institution: 'organization',
  state: 'state',
  government: 'state',
  country: 'state',
  'armed group': 'armed group',
  'armed groups': 'armed group',
  armedgroup: 'armed group',
  militia: 'armed group',
  'non state armed group': 'armed group',
  party: 'party',
  'political party': 'party',
  media: 'media',
  outlet: 'media',
  press: 'media',
  other: 'other',
}

/** An actor kind from a spreadsheet's wording; null when the value names no kind we know. */
export function actorKindFrom(value: string): ActorKind | null {
  const key = foldText(value)
  // Own entries only: a kind cell saying "Constructor" must not find Object's constructor.
  return Object.hasOwn(KIND_WORDS, key) ? KIND_WORDS[key]! : null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids from another Standpoint workspace are UUIDs and are kept; other tools' ids are not. */
export function isUuid(value: string): boolean {
  return UUID.test(value)
}
