import { fromBrowserFile, type Platform } from './platform'


function pickWithInput(options: { folders?: boolean; filters?: { extensions: string[] }[] }): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = true
    if (options.folders) input.webkitdirectory = true
    const extensions = (options.filters ?? []).flatMap((filter) => filter.extensions).filter((ext) => ext !== '*')
    if (extensions.length > 0) input.accept = extensions.map((ext) => `.${ext}`).join(',')
    input.addEventListener('change', () => resolve(input.files ? Array.from(input.files) : []))
    input.addEventListener('cancel', () => resolve(null))
    input.click()
  })
}

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    async info() {
      return {
        host: 'browser',
        version: __APP_VERSION__,
        dataLocation: `this browser's IndexedDB for ${location.origin} (clearing site data deletes it)`,
      }
    },
    async pickFiles(options = {}) {
      const files = await pickWithInput(options)
      return files === null ? null : { files: files.map(fromBrowserFile), rejected: [] }
    },
    async saveFile(request) {
      const blob = new Blob([request.content as BlobPart], { type: request.mimeType })
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = request.suggestedName
      link.rel = 'noopener'
      document.body.append(link)
      link.click()
      link.remove()
      // Revoking at once can cancel the download in some browsers; a minute is plenty.
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
      return { canceled: false }
    },
    async openExternal(url) {
      if (!/^https?:\/\//i.test(url)) return false
      window.open(url, '_blank', 'noopener,noreferrer')
      return true
    },
    onMenuCommand() {
      return () => undefined
    },
  }
}
