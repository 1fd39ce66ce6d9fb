import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindow } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IPC, type OpenFilesResult, type SaveStreamBeginResult } from '../../../preload/api'
import { registerIpcHandlers, type IpcWiring } from '../../../main/ipc'
import { SaveStreams } from '../../../main/saveStreams'
import { SyncConnectionStore } from '../../../main/syncConnection'
import { FakeApp, FakeDialog, FakeEmitter, FakeIpcMain, FakeSafeStorage, FakeWebContents } from './fakeElectron'

// The IPC handlers as the renderer meets them: registered on a fake ipcMain, invoked with the
// events Electron would build (sender webContents, sender frame), writing real files.

class Window extends FakeEmitter {
  readonly webContents = new FakeWebContents('app://standpoint/index.html')
  destroyed = false
  isDestroyed(): boolean {
    return this.destroyed
  }
}

let dir: string
let ipcMain: FakeIpcMain
let dialog: FakeDialog
let window: Window
let current: Window | null
let streams: SaveStreams

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'standpoint-ipc-'))
  ipcMain = new FakeIpcMain()
  dialog = new FakeDialog()
  window = new Window()
  current = window
  streams = new SaveStreams()
  const wiring: IpcWiring = {
    ipcMain: ipcMain as unknown as IpcWiring['ipcMain'],
    dialog: dialog as unknown as IpcWiring['dialog'],
    app: new FakeApp(join(dir, 'profile')),
    getWindow: () => current as unknown as BrowserWindow | null,
    streams,
    syncConnection: new SyncConnectionStore(join(dir, 'profile'), new FakeSafeStorage()),
  }
  registerIpcHandlers(wiring)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const invoke = (channel: string, payload?: unknown): Promise<unknown> => ipcMain.invoke(channel, window.webContents, payload)

describe('IPC wiring', () => {
  it('answers on every bridge channel and on no other (the menu channel goes the other way)', async () => {
    const expected = Object.entries(IPC)
      .filter(([name]) => name !== 'menuCommand')
      .map(([, channel]) => channel)
      .sort()
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected)
    await expect(invoke('standpoint:open-external', 'https://example.com/')).rejects.toThrow(/No handler registered/)
  })

  it('answers our window showing our page, with the app facts', async () => {
    expect(await invoke(IPC.appInfo)).toMatchObject({ name: 'Standpoint', version: '0.1.0', platform: process.platform, userDataPath: join(dir, 'profile') })
  })

  it('refuses every channel from another webContents, a subframe, a page not ours, or once the window is gone', async () => {
    const foreign = new FakeWebContents('app://standpoint/index.html')
    for (const channel of ipcMain.handlers.keys()) {
      await expect(ipcMain.invoke(channel, foreign), channel).rejects.toThrow(/unknown window/)
      await expect(ipcMain.invoke(channel, window.webContents, undefined, window.webContents.subframe('app://standpoint/index.html')), channel).rejects.toThrow(/untrusted frame/)
    }
    window.webContents.mainFrame.url = 'https://evil.example/'
    await expect(invoke(IPC.appInfo)).rejects.toThrow(/untrusted frame/)
    window.webContents.mainFrame.url = 'app://standpoint/index.html'
    window.destroyed = true
    await expect(invoke(IPC.appInfo)).rejects.toThrow(/unknown window/)
    window.destroyed = false
    current = null
    await expect(invoke(IPC.appInfo)).rejects.toThrow(/unknown window/)
    // Nothing reached a dialog.
    expect(dialog.asked).toEqual([])
  })

  it('rejects a malformed payload before any dialog opens', async () => {
    await expect(invoke(IPC.openFiles, { folders: 'yes' })).rejects.toThrow(/folders must be a boolean/)
    await expect(invoke(IPC.saveFile, { suggestedName: 'x.csv', content: 42 })).rejects.toThrow(/content must be text or bytes/)
    await expect(invoke(IPC.saveAppend, { streamId: '../../etc', chunk: 'x' })).rejects.toThrow(/not a save stream id/)
    expect(dialog.asked).toEqual([])
  })

  it('reads the files picked in the dialog, with the request cleaned', async () => {
    writeFileSync(join(dir, 'a.txt'), 'date 2024-12-23 Headline')
    mkdirSync(join(dir, 'folder'))
    writeFileSync(join(dir, 'folder', 'b.md'), '# B')
    writeFileSync(join(dir, 'folder', '.hidden'), 'secret')
    dialog.answers.open = { canceled: false, filePaths: [join(dir, 'folder')] }
    const result = (await invoke(IPC.openFiles, { folders: true, title: 'Import', extra: 1 })) as OpenFilesResult
    expect(dialog.asked[0]).toMatchObject({ kind: 'open', window, options: { title: 'Import', properties: ['openDirectory', 'multiSelections'] } })
    expect(result.files.map((file) => [file.relativePath, new TextDecoder().decode(file.bytes)])).toEqual([[join('folder', 'b.md'), '# B']])
    dialog.answers.open = { canceled: true, filePaths: [] }
    expect(await invoke(IPC.openFiles)).toEqual({ canceled: true, files: [], rejected: [] })
  })

  it('saves a whole file under the chosen name, with the suggested name cleaned', async () => {
    const target = join(dir, 'claims.csv')
    writeFileSync(target, 'old')
    dialog.answers.save = { canceled: false, filePath: target }
    expect(await invoke(IPC.saveFile, { suggestedName: '../../claims.csv', content: 'a,b\r\n' })).toEqual({ canceled: false, path: target })
    expect(dialog.asked[0]!.options).toEqual({ defaultPath: '-..-claims.csv' })
    expect(readFileSync(target, 'utf8')).toBe('a,b\r\n')
    dialog.answers.save = { canceled: true }
    expect(await invoke(IPC.saveFile, { suggestedName: 'x.csv', content: 'new' })).toEqual({ canceled: true })
    expect(readFileSync(target, 'utf8')).toBe('a,b\r\n')
  })

  it('streams a large save through begin, append and finish, and nothing shows before finish', async () => {
    const target = join(dir, 'backup.jsonl')
    writeFileSync(target, 'previous backup')
    dialog.answers.save = { canceled: false, filePath: target }
    const begun = (await invoke(IPC.saveBegin, { suggestedName: 'backup.jsonl' })) as SaveStreamBeginResult
    if (begun.canceled) throw new Error('the save was not begun')
    expect(begun.path).toBe(target)
    await invoke(IPC.saveAppend, { streamId: begun.streamId, chunk: '{"a":1}\n' })
    await invoke(IPC.saveAppend, { streamId: begun.streamId, chunk: new TextEncoder().encode('{"b":"قال"}\n') })
    expect(readFileSync(target, 'utf8')).toBe('previous backup')
    expect(await invoke(IPC.saveFinish, begun.streamId)).toEqual({ canceled: false, path: target })
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n{"b":"قال"}\n')
    expect(readdirSync(dir).sort()).toEqual(['backup.jsonl'])
  })

  it('drops the temp files of unfinished saves when the window closes', async () => {
    const target = join(dir, 'claims.csv')
    writeFileSync(target, 'kept')
    dialog.answers.save = { canceled: false, filePath: target }
    const begun = (await invoke(IPC.saveBegin, { suggestedName: 'claims.csv' })) as SaveStreamBeginResult
    if (begun.canceled) throw new Error('the save was not begun')
    await invoke(IPC.saveAppend, { streamId: begun.streamId, chunk: 'half' })
    expect(readdirSync(dir)).toHaveLength(2)
    window.emit('closed')
    await expect.poll(() => streams.openCount).toBe(0)
    await expect.poll(() => readdirSync(dir)).toEqual(['claims.csv'])
    expect(readFileSync(target, 'utf8')).toBe('kept')
  })
})
