import { useEffect, useState } from 'react'
import { db } from '../../db/instance'
import { followActorUsage } from '../../db/queries/actorUsage'
import type { ActorUsage } from '../../db/repositories/actors'
import type { Id } from '../../domain/model'

/** Claims and mentions per actor, live while the screen shows; undefined until first read. */
export function useActorUsage(): Map<Id, ActorUsage> | undefined {
  const [usage, setUsage] = useState<Map<Id, ActorUsage> | undefined>(undefined)
  useEffect(
    () => followActorUsage(db, setUsage, (error) => console.warn(`[actors] usage: ${error instanceof Error ? error.message : String(error)}`)),
    [],
  )
  return usage
}
