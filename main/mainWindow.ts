import { join } from 'node:path'
import type { BrowserWindow as ElectronWindow, BrowserWindowConstructorOptions, Screen } from 'electron'
import { fitToDisplays, loadWindowState, MIN_SIZE, saveWindowState, type WindowState } from './windowState'

export interface MainWindowWiring {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => ElectronWindow
  screen: Pick<Screen, 'getAllDisplays'>
  /** Folder of the built main script: the preload sits at ../preload/index.js from it. */
  mainDir: string
  /** Where the window's size, position and maximized state are remembered. */
  stateFile: string
}

/**
 * The one window, not yet loaded: hardened, at its remembered place, remembering it again as it
 * moves. The caller loads the page once it knows the window (IPC checks senders against it).
 */
export async function createMainWindow({ BrowserWindow, screen, mainDir, stateFile }: MainWindowWiring): Promise<ElectronWindow> {
  const state = fitToDisplays(
    await loadWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  )
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Standpoint',
    backgroundColor: '#f6f7f9',
    // Written out literally (not spread from a constant) so static scanners such as
    // Electronegativity see every option; test/unit/main/hardening.test.ts parses this literal
    // and checks, against a fake BrowserWindow, that the window really gets it.
    webPreferences: {
      preload: join(mainDir, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  let saveTimer: NodeJS.Timeout | undefined
  const rememberBounds = (): void => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return
    const next: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() }
    clearTimeout(saveTimer)
    saveTimer = setTimeout(() => void saveWindowState(stateFile, next).catch(() => undefined), 400)
  }
  window.on('resize', rememberBounds)
  window.on('move', rememberBounds)
  window.on('maximize', rememberBounds)
  window.on('unmaximize', rememberBounds)
  window.on('close', () => {
    clearTimeout(saveTimer)
    if (!window.isMinimized()) {
      void saveWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }).catch(() => undefined)
    }
  })
  return window
}
