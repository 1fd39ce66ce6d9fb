import { useEffect, useState } from 'react'
import type { StandpointDB } from '../db/database'
import { db } from '../db/instance'
import { errorText } from '../domain/errorText'

/** A follower of the workspace (db/queries): hands over a value now and after every change it follows; returns the function that stops it. */
export type Follow<T> = (db: StandpointDB, onValue: (value: T) => void, onError: (error: unknown) => void) => () => void

/**
 * What `follow` hands over, live while the component shows (undefined until first given), and
 * why following failed (null while it has not; the failure is logged under `label`). `follow`
 * is a module-level function: a new one would start following again.
 */
export function useFollowed<T>(follow: Follow<T>, label: string): { value: T | undefined; failed: string | null } {
  const [value, setValue] = useState<T | undefined>(undefined)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(
    () =>
      follow(db, setValue, (error) => {
        const message = errorText(error)
        console.warn(`${label}: ${message}`)
        setFailed(message)
      }),
    [follow, label],
  )
  return { value, failed }
}
