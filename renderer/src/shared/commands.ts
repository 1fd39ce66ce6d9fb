import { useEffect, useRef } from 'react'
import type { MenuCommand } from '../../../preload/api'

/**
 * App-wide commands, whether they come from the native menu, a keyboard shortcut or a button.
 * Features subscribe to the ones they own (the import dialog to 'import', the undo history to 'undo').
 */
export type AppCommand = MenuCommand

type Listener = (command: AppCommand) => boolean | void

const listeners: Listener[] = []

/** Runs the newest listener first; one that returns true stops the command there. */
export function dispatchCommand(command: AppCommand): void {
  for (const listener of [...listeners].reverse()) {
    if (listener(command) === true) return
  }
}

export function useCommand(command: AppCommand, handler: () => boolean | void): void {
  const ref = useRef(handler)
  useEffect(() => {
    ref.current = handler
  })
  useEffect(() => {
    const listener: Listener = (received) => (received === command ? ref.current() : undefined)
    listeners.push(listener)
    return () => {
      const index = listeners.indexOf(listener)
      if (index >= 0) listeners.splice(index, 1)
    }
  }, [command])
}
