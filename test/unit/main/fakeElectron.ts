import type { ElectronMain } from '../../../main/startApp'

// Stand-ins for the Electron objects main wires up (app, session, webContents, BrowserWindow,
// ipcMain, protocol, Menu, dialog, screen). They keep what main registers and let a test fire
// the events Electron would: a navigation, a permission request, an IPC call from some frame.
// The electron package cannot even be imported here (it throws without its binary).

/** A listener of any shape, as Electron's emitters take (method syntax keeps it bivariant). */
type Listener = { bivarianceHack(...args: unknown[]): unknown }['bivarianceHack']

export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>()

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped)
      return listener(...args)
    }
    return this.on(event, wrapped)
  }

  off(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener))
    return this
  }

  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? []
    for (const listener of listeners) listener(...args)
    return listeners.length > 0
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }
}

export interface FakeFrame {
  url: string
  parent: FakeFrame | null
}

export class FakeWebContents extends FakeEmitter {
  readonly mainFrame: FakeFrame
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  readonly sent: unknown[][] = []

  constructor(url = 'about:blank') {
    super()
    this.mainFrame = { url, parent: null }
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args])
  }

  /** What window.open(url) in the page would get: Electron asks the handler, default allow. */
  openWindow(url: string): string {
    return this.windowOpenHandler?.({ url }).action ?? 'allow'
  }

  /** Fires a navigation-type event as Electron would; true when a listener prevented it. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = ''): boolean {
    let prevented = false
    this.emit(event, { preventDefault: () => (prevented = true) }, url)
    return prevented
  }

  subframe(url: string): FakeFrame {
    return { url, parent: this.mainFrame }
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean
type BeforeRequestHandler = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined
  permissionCheckHandler: PermissionCheckHandler | undefined
  devicePermissionHandler: ((details: unknown) => boolean) | undefined
  beforeRequestHandler: BeforeRequestHandler | undefined
  readonly webRequest = {
    onBeforeRequest: (handler: BeforeRequestHandler): void => {
      this.beforeRequestHandler = handler
    },
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler
  }

  setDevicePermissionHandler(handler: (details: unknown) => boolean): void {
    this.devicePermissionHandler = handler
  }

  /** A page asking for a permission; Electron grants it when nobody set a handler. */
  requestPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise((resolve) => handler({}, permission, resolve, { requestingUrl: 'app://standpoint/index.html' }))
  }

  checkPermission(permission: string): boolean {
    return this.permissionCheckHandler?.({}, permission, 'app://standpoint', {}) ?? true
  }

  /** A request leaving the page: true when the session lets it through. */
  request(url: string): boolean {
    let cancelled = false
    this.beforeRequestHandler?.({ url }, (response) => (cancelled = response.cancel === true))
    return !cancelled
  }
}

export interface FakeInvokeEvent {
  sender: FakeWebContents
  senderFrame: FakeFrame | null
}

type InvokeHandler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>()

  handle(channel: string, handler: InvokeHandler): void {
    // Electron refuses a second handler on one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  }

  /** ipcRenderer.invoke from `sender` (its main frame unless another frame is given). */
  async invoke(channel: string, sender: FakeWebContents, payload?: unknown, frame: FakeFrame | null = sender.mainFrame): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler({ sender, senderFrame: frame }, payload)
  }
}

export class FakeApp extends FakeEmitter {
  isPackaged = true
  singleInstance = true
  quitCalls = 0
  /** What main did, in order (so "before ready" can be checked). */
  readonly calls: string[] = []
  private readonly paths = new Map<string, string>()
  private markReady: () => void = () => undefined
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve))

  constructor(userData: string) {
    super()
    this.paths.set('userData', userData)
  }

  enableSandbox(): void {
    this.calls.push('enableSandbox')
  }

  requestSingleInstanceLock(): boolean {
    return this.singleInstance
  }

  quit(): void {
    this.quitCalls++
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path)
  }

  getPath(name: string): string {
    const path = this.paths.get(name)
    if (!path) throw new Error(`no path ${name}`)
    return path
  }

  getName(): string {
    return 'Standpoint'
  }

  getVersion(): string {
    return '0.1.0'
  }

  whenReady(): Promise<void> {
    return this.ready
  }

  /** What Electron does once it has initialised: whenReady() resolves. */
  becomeReady(): void {
    this.calls.push('ready')
    this.markReady()
  }
}

export interface FakeWindow extends FakeEmitter {
  options: Record<string, unknown> & { webPreferences: Record<string, unknown> }
  webContents: FakeWebContents
  loadedUrl: string | undefined
  shown: boolean
  focused: number
  minimized: boolean
  isDestroyed(): boolean
  close(): void
}

export class FakeProtocol {
  readonly privileged: unknown[] = []
  readonly handlers = new Map<string, (request: { url: string }) => Promise<Response> | Response>()

  constructor(private readonly calls: string[]) {}

  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.calls.push('registerSchemesAsPrivileged')
    this.privileged.push(...schemes)
  }

  handle(scheme: string, handler: (request: { url: string }) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler)
  }

  fetch(url: string): Promise<Response> | Response {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''))
    if (!handler) throw new Error(`no protocol handler for ${url}`)
    return handler({ url })
  }
}

interface MenuItem {
  label?: string
  role?: string
  click?: () => void
  submenu?: MenuItem[]
}

export class FakeMenu {
  static template: MenuItem[] = []

  static buildFromTemplate(template: MenuItem[]): { template: MenuItem[] } {
    return { template }
  }

  static setApplicationMenu(menu: { template: MenuItem[] }): void {
    FakeMenu.template = menu.template
  }

  static item(label: string): MenuItem | undefined {
    return FakeMenu.template.flatMap((top) => top.submenu ?? []).find((item) => item.label === label)
  }
}

export interface FakeDialogAnswers {
  open: { canceled: boolean; filePaths: string[] }
  save: { canceled: boolean; filePath?: string }
}

export class FakeDialog {
  readonly asked: { kind: 'open' | 'save'; window: unknown; options: Record<string, unknown> }[] = []
  answers: FakeDialogAnswers = { open: { canceled: true, filePaths: [] }, save: { canceled: true } }

  async showOpenDialog(window: unknown, options: Record<string, unknown>): Promise<FakeDialogAnswers['open']> {
    this.asked.push({ kind: 'open', window, options })
    return this.answers.open
  }

  async showSaveDialog(window: unknown, options: Record<string, unknown>): Promise<FakeDialogAnswers['save']> {
    this.asked.push({ kind: 'save', window, options })
    return this.answers.save
  }
}

export interface FakeElectron {
  /** The bag main/startApp.ts takes, made of the fakes below. */
  electron: ElectronMain
  app: FakeApp
  session: FakeSession
  ipcMain: FakeIpcMain
  protocol: FakeProtocol
  dialog: FakeDialog
  safeStorage: FakeSafeStorage
  windows: FakeWindow[]
  /** Every webContents created, windows' included, as 'web-contents-created' announced it. */
  contents: FakeWebContents[]
}

/**
 * safeStorage as the system keychain would give it: an opaque, reversible encoding (here a
 * reversed, tagged string), or none at all when `available` is false (Linux with no keyring).
 */
export class FakeSafeStorage {
  available = true
  readonly encrypted: string[] = []

  isEncryptionAvailable(): boolean {
    return this.available
  }

  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.')
    this.encrypted.push(plain)
    return Buffer.from(`enc:${[...plain].reverse().join('')}`, 'utf8')
  }

  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString('utf8')
    if (!this.available || !text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    return [...text.slice(4)].reverse().join('')
  }
}

export function fakeElectron(userData: string): FakeElectron {
  const app = new FakeApp(userData)
  const session = new FakeSession()
  const ipcMain = new FakeIpcMain()
  const protocol = new FakeProtocol(app.calls)
  const dialog = new FakeDialog()
  const safeStorage = new FakeSafeStorage()
  const windows: FakeWindow[] = []
  const contents: FakeWebContents[] = []
  app.on('web-contents-created', (_event: unknown, created: FakeWebContents) => contents.push(created))

  class BrowserWindow extends FakeEmitter implements FakeWindow {
    readonly webContents = new FakeWebContents()
    loadedUrl: string | undefined
    shown = false
    focused = 0
    minimized = false
    private destroyed = false

    constructor(readonly options: FakeWindow['options']) {
      super()
      windows.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }

    static getAllWindows(): FakeWindow[] {
      return windows.filter((window) => !window.isDestroyed())
    }

    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url
      this.webContents.mainFrame.url = url
      this.emit('ready-to-show')
    }

    show(): void {
      this.shown = true
    }

    focus(): void {
      this.focused++
    }

    restore(): void {
      this.minimized = false
    }

    maximize(): void {}

    isDestroyed(): boolean {
      return this.destroyed
    }

    isMinimized(): boolean {
      return this.minimized
    }

    isMaximized(): boolean {
      return false
    }

    isFullScreen(): boolean {
      return false
    }

    getNormalBounds(): { x: number; y: number; width: number; height: number } {
      return { x: 10, y: 20, width: 1200, height: 800 }
    }

    close(): void {
      this.emit('close')
      this.destroyed = true
      this.emit('closed')
    }
  }

  const electron = {
    app,
    BrowserWindow,
    dialog,
    ipcMain,
    Menu: FakeMenu,
    protocol,
    safeStorage,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: session },
  } as unknown as ElectronMain
  return { electron, app, session, ipcMain, protocol, dialog, safeStorage, windows, contents }
}
