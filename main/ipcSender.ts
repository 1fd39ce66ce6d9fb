import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { isAppUrl } from './hardening'

export class UntrustedSenderError extends Error {
  override name = 'UntrustedSenderError'
}

/** The parts of an IPC event the sender check reads (so tests can build one without Electron). */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>
export type TrustedWindow = Pick<BrowserWindow, 'isDestroyed' | 'webContents'>

/**
 * Only the top frame of our own window, showing our own page, may call main. Anything else
 * (a subframe, another webContents, a page that navigated away) is refused.
 */
export function assertTrustedSender<W extends TrustedWindow>(event: SenderEvent, window: W | null, devUrl?: string): W {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) {
    throw new UntrustedSenderError('IPC from an unknown window was refused')
  }
  const frame = event.senderFrame
  if (!frame || frame !== window.webContents.mainFrame || !isAppUrl(frame.url, devUrl)) {
    throw new UntrustedSenderError('IPC from an untrusted frame was refused')
  }
  return window
}
