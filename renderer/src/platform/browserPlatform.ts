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

function download(blob: Blob, suggestedName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = suggestedName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
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
      download(new Blob([request.content as BlobPart], { type: request.mimeType }), request.suggestedName)
      return { canceled: false }
    },
    async beginSave(request) {
      // Each chunk becomes a Blob at once, so the text moves into the browser's blob storage
      // instead of piling up as one ever longer string.
      let parts: Blob[] | null = []
      return {
        async write(chunk) {
          if (!parts) throw new Error('this save was already finished or abandoned')
          parts.push(new Blob([chunk as BlobPart]))
        },
        async finish() {
          if (!parts) throw new Error('this save was already finished or abandoned')
          download(new Blob(parts, { type: request.mimeType }), request.suggestedName)
          parts = null
          return { canceled: false }
        },
        async abort() {
          parts = null
        },
      }
    },
    onMenuCommand() {
      return () => undefined
    },
  }
}
