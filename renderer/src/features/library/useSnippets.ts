import { useEffect, useState } from 'react'
import { db } from '../../db/instance'
import { articleBodies } from '../../db/queries/library'
import { searchSnippet, type Snippet } from '../../domain/search/snippet'

// Snippets for the search hits in view. The index keeps no bodies, so the rows the table shows
// have theirs read (one bulkGet per scroll pause), cut into a snippet and let go: only the
// snippets of this query are kept, never the text.

/** Scrolling settles for this long before the rows in view are read. */
const SETTLE_MS = 80

export function useSnippets(query: string, visibleIds: readonly string[]): ReadonlyMap<string, Snippet> {
  const [snippets, setSnippets] = useState<{ query: string; byId: Map<string, Snippet> }>({ query: '', byId: new Map() })
  const current = snippets.query === query ? snippets.byId : null
  const key = visibleIds.join('\n')

  useEffect(() => {
    if (query === '') return
    const missing = key === '' ? [] : key.split('\n').filter((id) => !current?.has(id))
    if (missing.length === 0) return
    let stale = false
    const timer = setTimeout(() => {
      articleBodies(db, missing).then(
        (bodies) => {
          if (stale) return
          setSnippets((previous) => {
            const byId = new Map(previous.query === query ? previous.byId : [])
            for (const id of missing) byId.set(id, searchSnippet(bodies.get(id) ?? '', query))
            return { query, byId }
          })
        },
        // A snippet is a convenience: the row still shows its title.
        (error: unknown) => console.warn(`[library] could not read snippets: ${error instanceof Error ? error.message : String(error)}`),
      )
    }, SETTLE_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [query, key, current])

  return current ?? NONE
}

const NONE: ReadonlyMap<string, Snippet> = new Map()
