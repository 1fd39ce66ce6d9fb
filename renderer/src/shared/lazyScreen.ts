import { lazy, type ComponentType } from 'react'

/**
 * A screen whose code loads the first time it is shown (or when preload() is called), so the
 * first paint carries only the shell and the library.
 */
export function lazyScreen<Props>(load: () => Promise<ComponentType<Props>>) {
  let loading: Promise<{ default: ComponentType<Props> }> | undefined
  const preload = (): Promise<{ default: ComponentType<Props> }> => (loading ??= load().then((component) => ({ default: component })))
  return Object.assign(lazy(preload), { preload })
}
