import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../db/instance'
import { actorKindList } from '../db/repositories/actors'
import { DEFAULT_ACTOR_KINDS, type ActorKind } from '../domain/model'

const DEFAULTS: readonly ActorKind[] = DEFAULT_ACTOR_KINDS

/** The actor kinds to offer in a picker, kept live: the workspace's list and every kind in use. */
export function useActorKinds(): readonly ActorKind[] {
  return useLiveQuery(() => actorKindList(db), [], DEFAULTS)
}

/** The kinds with `current` among them, so a picker can always show the value it holds. */
export function withKind(kinds: readonly ActorKind[], current: ActorKind): readonly ActorKind[] {
  return current.trim() === '' || kinds.some((kind) => kind.toLowerCase() === current.trim().toLowerCase()) ? kinds : [...kinds, current]
}
