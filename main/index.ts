import { join } from 'node:path'
import { app, BrowserWindow, screen, session } from 'electron'
import { registerAppScheme, serveRenderer } from './appProtocol'
import { APP_ENTRY_URL } from './hardening'
import { registerIpcHandlers } from './ipc'
import { installMenu } from './menu'
import { applySessionPolicy } from './sessionPolicy'
import { fitToDisplays, loadWindowState, MIN_SIZE, saveWindowState, type WindowState } from './windowState'

// Tests and power users may point the app at another profile (IndexedDB lives there).
if (process.env.STANDPOINT_USER_DATA) app.setPath('userData', process.env.STANDPOINT_USER_DATA)

// The dev server is trusted only when running unpackaged under `electron-vite dev`.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined

app.enableSandbox()
registerAppScheme()

let mainWindow: BrowserWindow | null = null
const windowStateFile = (): string => join(app.getPath('userData'), 'window-state.json')

async function createWindow(): Promise<void> {
  const state = fitToDisplays(
    await loadWindowState(windowStateFile()),
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
    // Electronegativity see every option; test/unit/main/hardening.test.ts parses this literal.
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
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
  mainWindow = window
  if (state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  let saveTimer: NodeJS.Timeout | undefined
  const rememberBounds = (): void => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return
    const next: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() }
    clearTimeout(saveTimer)
    saveTimer = setTimeout(() => void saveWindowState(windowStateFile(), next).catch(() => undefined), 400)
  }
  window.on('resize', rememberBounds)
  window.on('move', rememberBounds)
  window.on('maximize', rememberBounds)
  window.on('unmaximize', rememberBounds)
  window.on('close', () => {
    clearTimeout(saveTimer)
    if (!window.isMinimized()) {
      void saveWindowState(windowStateFile(), { bounds: window.getNormalBounds(), maximized: window.isMaximized() }).catch(
        () => undefined,
      )
    }
  })
  window.on('closed', () => {
    mainWindow = null
  })

  await window.loadURL(devUrl ?? APP_ENTRY_URL)
}

if (!app.requestSingleInstanceLock()) {
  // A second instance would share (and fight over) the same IndexedDB: focus the first one.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })

  void app.whenReady().then(async () => {
    applySessionPolicy(session.defaultSession, devUrl)
    serveRenderer(join(__dirname, '../renderer'))
    registerIpcHandlers(() => mainWindow, devUrl)
    installMenu(() => mainWindow, !app.isPackaged)
    await createWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
