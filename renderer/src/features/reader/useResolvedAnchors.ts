import { useEffect, useMemo, useState } from 'react'
import { anchorAtPosition, anchorSpan, type AnchorMatch } from '../../domain/anchoring'
import type { TextAnchor } from '../../domain/model'

/** A match, null for an orphan (searched, not found), undefined while still searching. */
export type AnchorState = AnchorMatch | null | undefined

interface Anchored {
  id: string
  updatedAt: string
  anchor: TextAnchor
}

export interface ResolvedAnchors {
  get(id: string): AnchorState
  /** How many anchors are still being searched for. */
  pending: number
}

const SLICE_MS = 8

const keyOf = (item: Anchored): string => `${item.id}|${item.updatedAt}`

/**
 * Locates every claim and mention in the current text. Anchors still at their offsets (almost
 * all) are settled at once; drifted ones are searched in slices of a few milliseconds between
 * frames, so an article with thousands of moved claims never freezes the reader. Search results
 * are kept per record version, so saving one claim does not search again for the others.
 */
export function useResolvedAnchors(body: string, items: readonly Anchored[]): ResolvedAnchors {
  const [searched, setSearched] = useState<{ body: string; results: ReadonlyMap<string, AnchorMatch | null> }>({ body, results: new Map() })
  const known = searched.body === body ? searched.results : null

  const { queue, resolved } = useMemo(() => {
    const queue: Anchored[] = []
    const resolved = new Map<string, AnchorState>()
    for (const item of items) {
      const key = keyOf(item)
      if (known?.has(key)) {
        resolved.set(item.id, known.get(key))
        continue
      }
      const quick = anchorAtPosition(body, item.anchor)
      if (quick) resolved.set(item.id, quick)
      else queue.push(item)
    }
    return { queue, resolved }
  }, [body, items, known])

  useEffect(() => {
    if (queue.length === 0) return
    let cancelled = false
    let index = 0
    const found = new Map<string, AnchorMatch | null>()
    let timer: ReturnType<typeof setTimeout>
    const work = (): void => {
      const started = performance.now()
      while (index < queue.length && performance.now() - started < SLICE_MS) {
        const item = queue[index++]!
        found.set(keyOf(item), anchorSpan(body, item.anchor))
      }
      if (cancelled) return
      if (index < queue.length) {
        timer = setTimeout(work, 0)
        return
      }
      setSearched((current) => {
        const results = new Map(current.body === body ? current.results : [])
        for (const [key, match] of found) results.set(key, match)
        return { body, results }
      })
    }
    timer = setTimeout(work, 0)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [queue, body])

  return useMemo(() => ({ get: (id: string) => resolved.get(id), pending: queue.length }), [resolved, queue])
}
