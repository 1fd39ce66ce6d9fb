import { useEffect, useMemo, useState } from 'react'
import { db } from '../../db/instance'
import { articleBodies } from '../../db/queries/library'
import { searchSnippet, type Snippet } from '../../domain/search/snippet'
import type { LibraryRow } from './search/libraryTypes'
import { errorText } from '../../domain/errorText'

// Snippets for the search hits in view. The index keeps no bodies, so the rows the table shows
// have theirs read (one bulkGet per scroll pause), cut into a snippet and let go: only the
// snippets of this query are kept, never the text.
//
// Each snippet remembers the row it was cut for. The library replaces an article's row with a
// new one whenever the article is written again, so an article edited while the search is
// shown has its snippet cut again from the new text (the old one stays until then).

/** Scrolling settles for this long before the rows in view are read. */
const SETTLE_MS = 80

interface Cut {
  row: LibraryRow
  snippet: Snippet
}

/** The rows whose snippet is missing or was cut for an earlier version of the article. */
export function staleRows(cuts: ReadonlyMap<string, { row: LibraryRow }> | null, rows: readonly LibraryRow[]): LibraryRow[] {
  return rows.filter((row) => cuts?.get(row.id)?.row !== row)
}

export function useSnippets(query: string, visibleRows: readonly LibraryRow[]): ReadonlyMap<string, Snippet> {
  const [snippets, setSnippets] = useState<{ query: string; byId: Map<string, Cut> }>({ query: '', byId: new Map() })
  const current = snippets.query === query ? snippets.byId : null

  useEffect(() => {
    if (query === '') return
    const missing = staleRows(current, visibleRows)
    if (missing.length === 0) return
    let stale = false
    const timer = setTimeout(() => {
      articleBodies(
        db,
        missing.map((row) => row.id),
      ).then(
        (bodies) => {
          if (stale) return
          setSnippets((previous) => {
            const byId = new Map(previous.query === query ? previous.byId : [])
            for (const row of missing) byId.set(row.id, { row, snippet: searchSnippet(bodies.get(row.id) ?? '', query) })
            return { query, byId }
          })
        },
        // A snippet is a convenience: the row still shows its title.
        (error: unknown) => console.warn(`[library] could not read snippets: ${errorText(error)}`),
      )
    }, SETTLE_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [query, visibleRows, current])

  return useMemo(() => (current ? new Map(Array.from(current, ([id, cut]) => [id, cut.snippet])) : NONE), [current])
}

const NONE: ReadonlyMap<string, Snippet> = new Map()
