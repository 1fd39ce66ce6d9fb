import type { StandpointApi } from '../../../preload/api'
import { fromBytes, type Platform } from './platform'

export function createElectronPlatform(api: StandpointApi): Platform {
  return {
    kind: 'electron',
    async info() {
      const info = await api.appInfo()
      return {
        host: 'electron',
        version: info.version,
        dataLocation: `${info.userDataPath} (IndexedDB, inside Standpoint's profile folder)`,
      }
    },
    async pickFiles(options) {
      const result = await api.openFiles(options)
      if (result.canceled) return null
      return {
        files: result.files.map((file) => fromBytes(file.name, file.relativePath, file.bytes)),
        rejected: result.rejected,
      }
    },
    saveFile: (request) =>
      api.saveFile({
        suggestedName: request.suggestedName,
        content: request.content,
        ...(request.filters ? { filters: request.filters } : {}),
      }),
    async beginSave(request) {
      const begun = await api.beginSave({ suggestedName: request.suggestedName, ...(request.filters ? { filters: request.filters } : {}) })
      if (begun.canceled) return null
      const { streamId } = begun
      return {
        write: (chunk) => api.appendSave({ streamId, chunk }),
        finish: () => api.finishSave(streamId),
        abort: () => api.abortSave(streamId),
      }
    },
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  }
}
