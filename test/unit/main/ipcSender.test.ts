import { describe, expect, it } from 'vitest'
import { assertTrustedSender, UntrustedSenderError, type SenderEvent, type TrustedWindow } from '../../../main/ipcSender'

function fakeWindow(url = 'app://standpoint/index.html') {
  const mainFrame = { url, parent: null }
  const webContents = { mainFrame }
  const window = { isDestroyed: () => false, webContents } as unknown as TrustedWindow
  return { window, webContents, mainFrame }
}

const eventFrom = (sender: unknown, senderFrame: unknown): SenderEvent => ({ sender, senderFrame }) as unknown as SenderEvent

describe('IPC sender validation', () => {
  it('accepts the main frame of our window showing our page', () => {
    const { window, webContents, mainFrame } = fakeWindow()
    expect(assertTrustedSender(eventFrom(webContents, mainFrame), window)).toBe(window)
  })

  it('refuses another window (a foreign sender)', () => {
    const ours = fakeWindow()
    const theirs = fakeWindow()
    expect(() => assertTrustedSender(eventFrom(theirs.webContents, theirs.mainFrame), ours.window)).toThrow(UntrustedSenderError)
  })

  it('refuses a subframe of our window', () => {
    const { window, webContents, mainFrame } = fakeWindow()
    const subframe = { url: 'app://standpoint/index.html', parent: mainFrame }
    expect(() => assertTrustedSender(eventFrom(webContents, subframe), window)).toThrow(/untrusted frame/)
  })

  it('refuses our window once it shows a page that is not ours', () => {
    const { window, webContents, mainFrame } = fakeWindow('https://evil.example/')
    expect(() => assertTrustedSender(eventFrom(webContents, mainFrame), window)).toThrow(/untrusted frame/)
  })

  it('refuses when the window is gone or destroyed, or the frame is missing', () => {
    const { window, webContents, mainFrame } = fakeWindow()
    expect(() => assertTrustedSender(eventFrom(webContents, mainFrame), null)).toThrow(/unknown window/)
    const destroyed = { ...window, isDestroyed: () => true } as TrustedWindow
    expect(() => assertTrustedSender(eventFrom(webContents, mainFrame), destroyed)).toThrow(/unknown window/)
    expect(() => assertTrustedSender(eventFrom(webContents, null), window)).toThrow(/untrusted frame/)
  })

  it('trusts the dev server only when one is configured', () => {
    const { window, webContents, mainFrame } = fakeWindow('http://localhost:5173/')
    expect(() => assertTrustedSender(eventFrom(webContents, mainFrame), window)).toThrow()
    expect(assertTrustedSender(eventFrom(webContents, mainFrame), window, 'http://localhost:5173')).toBe(window)
  })
})
