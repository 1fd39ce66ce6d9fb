import { useSyncExternalStore } from 'react'

/** The dialogs of the Team section; one is open at a time. */
export type TeamDialog = 'coders' | 'assignments' | 'mergeCoding' | 'duplicates'

let open: TeamDialog | null = null
const subscribers = new Set<() => void>()

export function openTeamDialog(dialog: TeamDialog | null): void {
  open = dialog
  for (const subscriber of subscribers) subscriber()
}

export function useOpenTeamDialog(): TeamDialog | null {
  return useSyncExternalStore(
    (callback) => {
      subscribers.add(callback)
      return () => subscribers.delete(callback)
    },
    () => open,
  )
}
