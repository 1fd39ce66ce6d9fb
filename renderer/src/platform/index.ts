import type { StandpointApi } from '../../../preload/api'
import { createBrowserPlatform } from './browserPlatform'
import { createElectronPlatform } from './electronPlatform'
import type { Platform } from './platform'

declare global {
  interface Window {
    standpoint?: StandpointApi
  }
}

/** The host adapter: Electron's bridge when the preload exposed one, the browser otherwise. */
export const platform: Platform = window.standpoint ? createElectronPlatform(window.standpoint) : createBrowserPlatform()

export type { PickedFile, Platform, SaveRequest } from './platform'
