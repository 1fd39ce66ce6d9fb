import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  IPC,
  MENU_COMMANDS,
  type MenuCommand,
  type OpenFilesRequest,
  type SaveFileRequest,
  type SaveStreamBeginRequest,
  type SaveStreamChunk,
  type StandpointApi,
  type SyncConnectionRequest,
} from './api'

// Each method forwards one named operation; ipcRenderer itself never crosses the bridge, so
// the page cannot send on arbitrary channels or listen to arbitrary events.
const api: StandpointApi = {
  appInfo: () => ipcRenderer.invoke(IPC.appInfo),
  openFiles: (request?: OpenFilesRequest) => ipcRenderer.invoke(IPC.openFiles, request ?? {}),
  saveFile: (request: SaveFileRequest) => ipcRenderer.invoke(IPC.saveFile, request),
  beginSave: (request: SaveStreamBeginRequest) => ipcRenderer.invoke(IPC.saveBegin, request),
  appendSave: (request: SaveStreamChunk) => ipcRenderer.invoke(IPC.saveAppend, request),
  finishSave: (streamId: string) => ipcRenderer.invoke(IPC.saveFinish, streamId),
  abortSave: (streamId: string) => ipcRenderer.invoke(IPC.saveAbort, streamId),
  syncConnection: () => ipcRenderer.invoke(IPC.syncConnection),
  setSyncConnection: (request: SyncConnectionRequest) => ipcRenderer.invoke(IPC.setSyncConnection, request),
  clearSyncConnection: () => ipcRenderer.invoke(IPC.clearSyncConnection),
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    const handler = (_event: IpcRendererEvent, command: unknown): void => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) {
        listener(command as MenuCommand)
      }
    }
    ipcRenderer.on(IPC.menuCommand, handler)
    return () => {
      ipcRenderer.removeListener(IPC.menuCommand, handler)
    }
  },
}

contextBridge.exposeInMainWorld('standpoint', api)
