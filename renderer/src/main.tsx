// First: the page's connect policy must be in force before any other module can run.
import './platform/contentPolicy'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { ErrorBoundary } from './app/ErrorBoundary'
import { NoticeArea, notify } from './shared/notices'
import { describeStorageError, isStorageError } from './db/storageErrors'
import { openWorkspace } from './db/database'
import { db } from './db/instance'
import { readStoredFirstRowsEarly } from './db/queries/storedFirstRows'
import { prepareLibrary, startLibrary } from './features/library'
import { restorePositionsView } from './features/positions'
import { restoreClaimsView } from './features/claims'
import { parseHash } from './shared/routing'
import { noteActivity } from './domain/timeSlices'
import { errorText } from './domain/errorText'
import './app/styles.css'

// Failures outside React's render (a rejected save, a worker error) still reach the user.
window.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason
  console.error('[standpoint] unhandled rejection', reason)
  notify('error', isStorageError(reason) ? describeStorageError(reason) : `Unexpected error: ${errorText(reason)}`)
})
window.addEventListener('error', (event) => {
  console.error('[standpoint] uncaught error', event.error)
})

// Background work (start-up counts, the library's rows) waits while anything scrolls.
for (const type of ['scroll', 'wheel', 'touchmove'] as const) document.addEventListener(type, () => noteActivity(), { capture: true, passive: true })

db.on('versionchange', () => {
  // Another window opened a newer schema: close so its upgrade can run, and say why.
  db.close()
  notify('error', 'Standpoint was updated in another window. Reload this window to keep working; nothing was lost.')
  return false
})
db.on('blocked', () => {
  notify('warning', 'Another Standpoint window or tab is using an older version of the workspace. Close it so this one can open.')
})
const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')
const reactRoot = createRoot(root)
// Shown while the workspace opens; an upgrade blocked by another window shows its notice here.
reactRoot.render(
  <div className="opening-workspace">
    <p>Opening your workspace…</p>
    <NoticeArea />
  </div>,
)

const libraryFirst = parseHash(location.hash).screen === 'library'
if (libraryFirst) prepareLibrary()

// Open (and upgrade) the workspace before any screen queries it, so a refused or failed open
// is one clear message instead of a screen of broken panels.
openWorkspace(db).then(
  () => {
    // Ahead of the first screen's reads: Positions' stored first screen is a few kilobytes.
    readStoredFirstRowsEarly(db)
    // The tables' saved setups (a setting each) beside it: a first render is then the analyst's.
    restorePositionsView()
    restoreClaimsView()
    // When the library is the first screen, its worker reads the saved rows while the shell
    // renders. Another first screen's reads go first (IndexedDB serves one origin's requests in
    // turn, and the library's saved index is the biggest read at start): the library starts
    // two seconds in, when the page is idle (its reads and rows competed with a screen opened
    // just after the start: Positions' first rows came 120 ms later), or when a screen asks.
    if (libraryFirst) startLibrary()
    else setTimeout(() => requestIdleCallback(() => startLibrary(), { timeout: 3_000 }), 2_000)
    reactRoot.render(
      <StrictMode>
        <ErrorBoundary area="Standpoint">
          <App />
        </ErrorBoundary>
      </StrictMode>,
    )
  },
  (error: unknown) => reactRoot.render(<StartupError message={describeStorageError(error, 'open the workspace')} />),
)

function StartupError({ message }: { message: string }) {
  return (
    <section className="error-panel" role="alert" aria-labelledby="startup-error-title">
      <h2 id="startup-error-title">Standpoint could not open your workspace</h2>
      <p>{message}</p>
      <p>Your data has not been changed.</p>
      <button type="button" onClick={() => location.reload()}>
        Try again
      </button>
    </section>
  )
}
