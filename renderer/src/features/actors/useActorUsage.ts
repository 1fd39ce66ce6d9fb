import { followActorUsage } from '../../db/queries/actorUsage'
import type { ActorUsage } from '../../db/repositories/actors'
import type { Id } from '../../domain/model'
import { useFollowed } from '../../shared/useFollowed'

/**
 * Claims and mentions per actor, live while the screen shows (undefined until first read), and
 * why they could not be counted (null while they could).
 */
export function useActorUsage(): { usage: Map<Id, ActorUsage> | undefined; failed: string | null } {
  const { value, failed } = useFollowed(followActorUsage, '[actors] usage')
  return { usage: value, failed }
}
