import { useSyncExternalStore } from 'react'

export const SCREENS = ['library', 'claims', 'positions', 'actors', 'codebook', 'agreement'] as const
export type Screen = (typeof SCREENS)[number]

export const SCREEN_LABELS: Readonly<Record<Screen, string>> = {
  library: 'Library',
  claims: 'Claims',
  positions: 'Positions',
  actors: 'Actors',
  codebook: 'Codebook',
  agreement: 'Agreement',
}

export interface Route {
  screen: Screen
  /** Path segments after the screen: ['article', '<id>'] for #/library/article/<id>. */
  rest: string[]
  params: URLSearchParams
}

/** Parses '#/library/article/42?claim=7'. Unknown screens fall back to the library. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '')
  const [path = '', query = ''] = raw.split('?', 2)
  const segments = path.split('/').filter((segment) => segment !== '').map(decodeURIComponent)
  const first = segments[0] as Screen | undefined
  const screen = first && (SCREENS as readonly string[]).includes(first) ? first : 'library'
  return { screen, rest: first === screen ? segments.slice(1) : [], params: new URLSearchParams(query) }
}

export function buildHash(screen: Screen, rest: string[] = [], params?: Record<string, string>): string {
  const path = [screen, ...rest].map(encodeURIComponent).join('/')
  const query = params ? new URLSearchParams(params).toString() : ''
  return `#/${path}${query ? `?${query}` : ''}`
}

export function navigate(screen: Screen, rest: string[] = [], params?: Record<string, string>): void {
  const hash = buildHash(screen, rest, params)
  if (location.hash !== hash) location.hash = hash
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback)
  return () => window.removeEventListener('hashchange', callback)
}

const getHash = (): string => location.hash

/** The current route; re-renders on every hash change (back/forward included). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash)
  return parseHash(hash)
}
