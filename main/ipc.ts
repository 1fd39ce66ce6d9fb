import type { App, BrowserWindow, Dialog, IpcMain } from 'electron'
import { IPC, type AppInfo, type OpenFilesResult, type SaveFileResult, type SaveStreamBeginResult, type SyncConnection, type SyncPasswordStorage } from '../preload/api'
import { readChosenPaths, writeFileAtomically } from './fileAccess'
import { assertTrustedSender } from './ipcSender'
import { parseOpenFilesRequest, parseSaveFileRequest, parseSaveStreamBegin, parseSaveStreamChunk, parseStreamId, parseSyncConnectionRequest } from './ipcValidation'
import type { SyncConnectionStore } from './syncConnection'
import { SaveStreams } from './saveStreams'

/** What the handlers need from Electron, passed in so a unit test can hand over fakes. */
export interface IpcWiring {
  ipcMain: Pick<IpcMain, 'handle'>
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>
  app: Pick<App, 'getName' | 'getVersion' | 'getPath'>
  getWindow: () => BrowserWindow | null
  devUrl?: string | undefined
  streams?: SaveStreams
  /** The team workspace's connection (server, user, password through safeStorage). */
  syncConnection: Pick<SyncConnectionStore, 'read' | 'save' | 'clear'>
}

/** One handler per bridge method; each checks its sender, then rebuilds its payload. */
export function registerIpcHandlers({ ipcMain, dialog, app, getWindow, devUrl, streams = new SaveStreams(), syncConnection }: IpcWiring): void {
  const handle = <T>(channel: string, handler: (window: BrowserWindow, payload: unknown) => Promise<T> | T): void => {
    ipcMain.handle(channel, async (event, payload: unknown) => handler(assertTrustedSender(event, getWindow(), devUrl), payload))
  }

  handle(IPC.appInfo, (): AppInfo => ({
    name: app.getName(),
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    platform: process.platform,
    userDataPath: app.getPath('userData'),
  }))

  handle(IPC.openFiles, async (window, payload): Promise<OpenFilesResult> => {
    const request = parseOpenFilesRequest(payload)
    const picked = await dialog.showOpenDialog(window, {
      title: request.title ?? 'Import',
      properties: [request.folders ? 'openDirectory' : 'openFile', 'multiSelections'],
      ...(request.filters ? { filters: request.filters } : {}),
    })
    if (picked.canceled || picked.filePaths.length === 0) return { canceled: true, files: [], rejected: [] }
    return { canceled: false, ...(await readChosenPaths(picked.filePaths, request.folders === true)) }
  })

  handle(IPC.saveFile, async (window, payload): Promise<SaveFileResult> => {
    const request = parseSaveFileRequest(payload)
    const picked = await dialog.showSaveDialog(window, {
      defaultPath: request.suggestedName,
      ...(request.filters ? { filters: request.filters } : {}),
    })
    if (picked.canceled || !picked.filePath) return { canceled: true }
    await writeFileAtomically(picked.filePath, request.content)
    return { canceled: false, path: picked.filePath }
  })

  const hooked = new WeakSet<BrowserWindow>()
  handle(IPC.saveBegin, async (window, payload): Promise<SaveStreamBeginResult> => {
    const request = parseSaveStreamBegin(payload)
    const picked = await dialog.showSaveDialog(window, {
      defaultPath: request.suggestedName,
      ...(request.filters ? { filters: request.filters } : {}),
    })
    if (picked.canceled || !picked.filePath) return { canceled: true }
    // A closed window cannot finish its saves: drop their temp files.
    if (!hooked.has(window)) {
      hooked.add(window)
      window.once('closed', () => void streams.abortAll())
    }
    return { canceled: false, streamId: await streams.begin(picked.filePath), path: picked.filePath }
  })
  handle(IPC.saveAppend, async (_window, payload): Promise<void> => {
    const request = parseSaveStreamChunk(payload)
    await streams.append(request.streamId, request.chunk)
  })
  handle(IPC.saveFinish, async (_window, payload): Promise<SaveFileResult> => ({ canceled: false, path: await streams.finish(parseStreamId(payload)) }))
  handle(IPC.saveAbort, async (_window, payload): Promise<void> => streams.abort(parseStreamId(payload)))

  handle(IPC.syncConnection, (): SyncConnection | null => syncConnection.read())
  handle(IPC.setSyncConnection, async (_window, payload): Promise<SyncPasswordStorage> => syncConnection.save(parseSyncConnectionRequest(payload)))
  handle(IPC.clearSyncConnection, (): void => syncConnection.clear())
}
