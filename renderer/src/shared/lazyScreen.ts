import { createElement, lazy, useState, type ComponentType } from 'react'

/**
 * A screen whose code loads the first time it is shown (or when preload() is called), so the
 * first paint carries only the shell and the library.
 *
 * Once the code is in, the screen renders it directly rather than through React.lazy: a lazy
 * component suspends on its first render even when its promise has long resolved (React cannot
 * read a settled promise synchronously), and React holds back revealing a suspended boundary
 * for 300 ms. Every screen's first opening waited those 300 ms with nothing to do.
 */
export function lazyScreen<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loaded: ComponentType<Props> | undefined
  let loading: Promise<{ default: ComponentType<Props> }> | undefined
  const preload = (): Promise<{ default: ComponentType<Props> }> =>
    (loading ??= load().then((component) => {
      loaded = component
      return { default: component }
    }))
  const Lazy = lazy(preload)
  function Screen(props: Props) {
    // Chosen once per mount: switching between the two later would remount the screen.
    const [direct] = useState(() => loaded)
    return direct ? createElement(direct, props) : createElement(Lazy, props)
  }
  return Object.assign(Screen, { preload, isLoaded: (): boolean => loaded !== undefined })
}

/** What a caller needs of a lazy screen to wait for its code. */
export interface LazyScreen {
  preload: () => Promise<unknown>
  isLoaded: () => boolean
}
