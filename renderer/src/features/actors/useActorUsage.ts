import { useEffect, useState } from 'react'
import { db } from '../../db/instance'
import { followActorUsage } from '../../db/queries/actorUsage'
import type { ActorUsage } from '../../db/repositories/actors'
import type { Id } from '../../domain/model'

/**
 * Claims and mentions per actor, live while the screen shows (undefined until first read), and
 * why they could not be counted (null while they could).
 */
export function useActorUsage(): { usage: Map<Id, ActorUsage> | undefined; failed: string | null } {
  const [usage, setUsage] = useState<Map<Id, ActorUsage> | undefined>(undefined)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(
    () =>
      followActorUsage(db, setUsage, (error) => {
        const message = error instanceof Error ? error.message : String(error)
        console.warn(`[actors] usage: ${message}`)
        setFailed(message)
      }),
    [],
  )
  return { usage, failed }
}
