import { Suspense, useEffect, useState, type ReactElement } from 'react'
import { ActorsScreen } from '../features/actors'
import { ClaimsScreen } from '../features/claims'
import { CodebookScreen } from '../features/codebook'
import { ImportController } from '../features/import'
import { ReaderScreen } from '../features/reader'
import { LibraryScreen } from '../features/library'
import { PositionsScreen } from '../features/positions'
import { AgreementScreen } from '../features/agreement'
import { CoderPrompt } from '../features/team'
import { useTaggingUndoCommands } from '../shared/undo/history'
import { db } from '../db/instance'
import { readSetting, writeSetting } from '../db/repositories/settings'
import { PERSISTENCE_WARNING_SHOWN } from '../domain/settings'
import { platform } from '../platform'
import { requestPersistentStorage, type PersistenceState } from '../platform/storagePersistence'
import { AboutDialog } from './AboutDialog'
import { dispatchCommand, useCommand } from '../shared/commands'
import type { LazyScreen } from '../shared/lazyScreen'
import { ErrorBoundary } from './ErrorBoundary'
import { HelpDialog } from './HelpDialog'
import { NoticeArea, notify } from '../shared/notices'
import { navigate, SCREEN_LABELS, SCREENS, useRoute, type Route, type Screen } from '../shared/routing'
import { isTypingTarget } from '../shared/shortcuts'
import { StatusBar } from './StatusBar'
import { Sidebar } from './Sidebar'

function routeKey(route: Route): string {
  return `${route.screen}/${route.rest.join('/')}?${route.params.toString()}`
}

/** What a route shows: the screen's element, and its code when that loads apart (every screen but the library). */
function screenFor(route: Route): { element: ReactElement; code: LazyScreen | null } {
  switch (route.screen) {
    case 'library':
      // #/library/article/<id> opens the article in the reader.
      return route.rest[0] === 'article' && route.rest[1] ? { element: <ReaderScreen articleId={route.rest[1]} />, code: ReaderScreen } : { element: <LibraryScreen />, code: null }
    case 'claims':
      return { element: <ClaimsScreen />, code: ClaimsScreen }
    case 'positions':
      return { element: <PositionsScreen />, code: PositionsScreen }
    case 'actors':
      return { element: <ActorsScreen />, code: ActorsScreen }
    case 'codebook':
      return { element: <CodebookScreen />, code: CodebookScreen }
    case 'agreement':
      return { element: <AgreementScreen />, code: AgreementScreen }
  }
}

/**
 * The route to show: the current one once its screen's code is in; until then the one shown
 * before (nothing at the start), while the sidebar already marks the new one. Switching
 * through Suspense instead showed an empty screen and then held the new one back: React
 * reveals a suspended boundary no sooner than 300 ms after it hid it.
 */
function useShownRoute(route: Route, key: string): Route | null {
  const screen = screenFor(route).code
  const ready = screen === null || screen.isLoaded()
  const [shown, setShown] = useState<{ key: string; route: Route } | null>(ready ? { key, route } : null)
  // Remembering the route last shown, as React's docs do it for state derived from a change.
  if (ready && shown?.key !== key) setShown({ key, route })
  useEffect(() => {
    if (ready || !screen) return
    let live = true
    // A failed load shows the route anyway: its screen then fails inside the error boundary, which says so.
    const show = (): void => {
      if (live) setShown({ key, route })
    }
    void screen.preload().then(show, show)
    return () => {
      live = false
    }
    // The route is parsed afresh each render; its hash (key) says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ready])
  return ready ? route : (shown?.route ?? null)
}

/**
 * Starts loading a screen's code when the analyst points at its link. Just after a reload the
 * code that loads when the page is idle may not be in yet (the start screen's reads keep the page
 * busy), and a click then waited for the download before the screen could ask for its data.
 */
function preloadScreen(screen: Screen): void {
  void screenFor({ screen, rest: [], params: new URLSearchParams() }).code?.preload()
}

export function App() {
  const route = useRoute()
  const shownRoute = useShownRoute(route, routeKey(route))
  const [persistence, setPersistence] = useState<PersistenceState | null>(null)
  const [aboutOpen, setAboutOpen] = useState(false)
  const [helpOpen, setHelpOpen] = useState(false)

  useEffect(() => {
    void requestPersistentStorage().then(async (state) => {
      setPersistence(state)
      // Said once per workspace; the status bar keeps showing it after that.
      if (state === 'best-effort' && !(await readSetting(db, PERSISTENCE_WARNING_SHOWN))) {
        notify('warning', 'The browser did not grant persistent storage: under disk pressure it may clear this workspace. Export a backup regularly, or use the desktop app.')
        await writeSetting(db, PERSISTENCE_WARNING_SHOWN, true)
      }
    })
  }, [])

  useEffect(() => platform.onMenuCommand(dispatchCommand), [])

  // Every screen's code is asked for at the start, the first screen's first, without waiting
  // for the page to be idle or for the first screen's code: just after a reload the start
  // screen's reads keep the page busy for a second or more, and a click then waited 40-70 ms for
  // the download and the module to run; asked for once the first screen's code was in, it was
  // still on its way when the first screen showed (a cold open of Positions at once waited 20-60
  // ms for it, traced). The downloads go off the window's thread; each screen is under 100 kB.
  useEffect(() => {
    void screenFor(route).code?.preload()
    for (const screen of [ReaderScreen, ClaimsScreen, PositionsScreen, ActorsScreen, CodebookScreen, AgreementScreen]) void screen.preload()
    // Once, at the start: the route the app opened on is the one whose code goes first.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useCommand('about', () => setAboutOpen(true))
  useCommand('help', () => setHelpOpen(true))

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[1-9]$/.test(event.code) && Number(event.code.slice(5)) <= SCREENS.length) {
        event.preventDefault()
        navigate(SCREENS[Number(event.code.slice(5)) - 1]!)
        return
      }
      if (event.key === 'F1' || (event.key === '?' && !isTypingTarget(event.target))) {
        event.preventDefault()
        setHelpOpen(true)
        return
      }
      // In Electron these arrive through the menu; in a browser tab we listen ourselves.
      if (platform.kind === 'browser' && (event.ctrlKey || event.metaKey) && !event.altKey) {
        const key = event.key.toLowerCase()
        if (key === 'o' && !event.shiftKey) {
          event.preventDefault()
          dispatchCommand('import')
        } else if (!isTypingTarget(event.target) && key === 'z') {
          event.preventDefault()
          dispatchCommand(event.shiftKey ? 'redo' : 'undo')
        } else if (!isTypingTarget(event.target) && key === 'y') {
          event.preventDefault()
          dispatchCommand('redo')
        }
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  // Coding actions (tagging, merges, deletions) undo from every screen, not only the reader.
  useTaggingUndoCommands()
  // Undo/redo from the menu in a text field means the field's own undo; registered after the
  // tagging history so it is asked first (newest listener first).
  useCommand('undo', () => {
    if (isTypingTarget(document.activeElement)) {
      document.execCommand('undo')
      return true
    }
  })
  useCommand('redo', () => {
    if (isTypingTarget(document.activeElement)) {
      document.execCommand('redo')
      return true
    }
  })

  return (
    <div className="app-shell">
      <Sidebar current={route.screen} onIntent={preloadScreen} />
      <main className="app-main" aria-label={SCREEN_LABELS[route.screen]}>
        <CoderPrompt />
        {shownRoute && (
          <ErrorBoundary key={shownRoute.screen} area={`the ${SCREEN_LABELS[shownRoute.screen]} screen`}>
            <Suspense fallback={null}>
              {screenFor(shownRoute).element}
            </Suspense>
          </ErrorBoundary>
        )}
      </main>
      <StatusBar persistence={persistence} host={platform.kind === 'electron' ? 'desktop app' : 'browser'} />
      <NoticeArea />
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <ImportController />
    </div>
  )
}
