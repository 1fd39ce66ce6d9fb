import { useSyncExternalStore } from 'react'

/** The dialogs of the Data section; one is open at a time. */
export type DataDialog = 'export' | 'claimsImport' | 'backup'

let open: DataDialog | null = null
const subscribers = new Set<() => void>()

export function openDataDialog(dialog: DataDialog | null): void {
  open = dialog
  for (const subscriber of subscribers) subscriber()
}

export function useOpenDataDialog(): DataDialog | null {
  return useSyncExternalStore(
    (callback) => {
      subscribers.add(callback)
      return () => subscribers.delete(callback)
    },
    () => open,
  )
}
