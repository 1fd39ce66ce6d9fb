import { join } from 'node:path'
import type { App, BrowserWindow, Dialog, IpcMain, Menu, Protocol, SafeStorage, Screen, Session } from 'electron'
import { registerAppScheme, serveRenderer } from './appProtocol'
import { APP_ENTRY_URL } from './hardening'
import { registerIpcHandlers } from './ipc'
import { createMainWindow } from './mainWindow'
import { installMenu } from './menu'
import { applySessionPolicy, guardEveryWebContents } from './sessionPolicy'
import { SyncConnectionStore } from './syncConnection'

/**
 * The parts of the electron module the app uses. main/index.ts passes the real module; the unit
 * tests pass fakes and drive the whole start-up (policy, protocol, IPC, menu, window) through them.
 */
export interface ElectronMain {
  app: App
  BrowserWindow: typeof BrowserWindow
  dialog: Dialog
  ipcMain: IpcMain
  Menu: typeof Menu
  protocol: Protocol
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>
  screen: Screen
  session: { readonly defaultSession: Session }
}

export interface StartOptions {
  env: NodeJS.ProcessEnv
  /** Folder of the built main script (out/main): renderer and preload sit beside it. */
  mainDir: string
}

/** Wires the app up; the promise settles once it is ready and its window has loaded. */
export function startApp(electron: ElectronMain, { env, mainDir }: StartOptions): Promise<void> {
  const { app } = electron
  // Tests and power users may point the app at another profile (IndexedDB lives there).
  if (env.STANDPOINT_USER_DATA) app.setPath('userData', env.STANDPOINT_USER_DATA)

  // The dev server is trusted only when running unpackaged under `electron-vite dev`.
  const devUrl = !app.isPackaged ? env.ELECTRON_RENDERER_URL : undefined

  app.enableSandbox()
  registerAppScheme(electron.protocol)

  if (!app.requestSingleInstanceLock()) {
    // A second instance would share (and fight over) the same IndexedDB: the first one takes focus.
    app.quit()
    return Promise.resolve()
  }

  let mainWindow: BrowserWindow | null = null
  const getWindow = (): BrowserWindow | null => mainWindow
  const createWindow = async (): Promise<void> => {
    const window = await createMainWindow({
      BrowserWindow: electron.BrowserWindow,
      screen: electron.screen,
      mainDir,
      stateFile: join(app.getPath('userData'), 'window-state.json'),
    })
    // Known before the page loads: the page calls main while it starts, and only this window may.
    mainWindow = window
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    await window.loadURL(devUrl ?? APP_ENTRY_URL)
  }

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  guardEveryWebContents(app, devUrl)
  return app.whenReady().then(async () => {
    // safeStorage can encrypt only once the app is ready (on Linux it needs the keyring).
    const syncConnection = new SyncConnectionStore(app.getPath('userData'), electron.safeStorage)
    const syncOrigin = (): string | null => syncConnection.origin()
    applySessionPolicy(electron.session.defaultSession, devUrl, syncOrigin)
    serveRenderer(electron.protocol, join(mainDir, '../renderer'), syncOrigin)
    registerIpcHandlers({ ipcMain: electron.ipcMain, dialog: electron.dialog, app, getWindow, devUrl, syncConnection })
    installMenu({ Menu: electron.Menu, app, getWindow, devTools: !app.isPackaged })
    await createWindow()
    app.on('activate', () => {
      if (electron.BrowserWindow.getAllWindows().length === 0) {
        createWindow().catch((error: unknown) => console.error('[standpoint] the window could not open:', error))
      }
    })
  })
}
