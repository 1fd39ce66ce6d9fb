import { useState } from 'react'
import { notify } from '../../shared/notices'
import { EmptyState } from '../../shared/ui/Screen'
import { db } from '../../db/instance'
import { loadSampleWorkspace } from '../../db/repositories/workspace'
import { describeStorageError } from '../../db/storageErrors'

/** Shown when the workspace is empty: a first step that needs no files. */
export function SampleWorkspaceOffer({ children }: { children?: React.ReactNode }) {
  const [busy, setBusy] = useState(false)
  const load = async (): Promise<void> => {
    setBusy(true)
    try {
      await loadSampleWorkspace(db)
      notify('success', 'Loaded the sample workspace: 3 articles, 4 actors, 3 issues and 10 claims.')
    } catch (error) {
      notify('error', describeStorageError(error, 'load the sample workspace'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <EmptyState title="Your workspace is empty">
      <p>
        Import news articles to start coding who claims what, or look around first with a small sample workspace:
        three short articles about a fictional ceasefire, already coded.
      </p>
      <div className="button-row">
        {children}
        <button type="button" onClick={() => void load()} disabled={busy}>
          {busy ? 'Loading…' : 'Load sample workspace'}
        </button>
      </div>
    </EmptyState>
  )
}
