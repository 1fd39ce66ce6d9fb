import type { App, BrowserWindow, Menu, MenuItemConstructorOptions } from 'electron'
import { IPC, type MenuCommand } from '../preload/api'

export interface MenuWiring {
  Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>
  app: Pick<App, 'getName'>
  getWindow: () => Pick<BrowserWindow, 'webContents'> | null
  devTools: boolean
  platform?: NodeJS.Platform
}

/**
 * The native menu. Items that act on the workspace send a command to the renderer, which
 * owns the workflows; Undo and Redo go there too, so coding actions (not only text fields)
 * can be undone from the menu.
 */
export function installMenu({ Menu, app, getWindow, devTools, platform = process.platform }: MenuWiring): void {
  const send = (command: MenuCommand) => () => {
    getWindow()?.webContents.send(IPC.menuCommand, command)
  }
  const isMac = platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: send('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: send('export') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: '&Help',
      submenu: [
        { label: 'Keyboard shortcuts', accelerator: 'F1', click: send('help') },
        { label: `About ${app.getName()}`, click: send('about') },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
