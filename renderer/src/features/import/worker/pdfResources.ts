import type { PdfResourceLoader } from '../../../domain/import/pdf/readPdf'

// The CMaps pdf.js needs to read text in fonts that use Adobe's predefined CJK encodings,
// bundled with the app. Vite emits each as an asset of the app's own origin (fetched only when
// a PDF asks for it, as the CSP's connect-src 'self' allows) or, for the smallest, inlines it
// as a data: URL, which is decoded here rather than fetched. Standard fonts and WebAssembly
// decoders serve drawing pages and decoding images, which text extraction never does, so
// they are not bundled.

const CMAPS = import.meta.glob<string>('../../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default', eager: true })

const byName = new Map(Object.entries(CMAPS).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]))

function decodeDataUrl(url: string): Uint8Array {
  const binary = atob(url.slice(url.indexOf(',') + 1))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

export const bundledPdfResources: PdfResourceLoader = async (kind, filename) => {
  const url = kind === 'cMapUrl' ? byName.get(filename) : undefined
  if (!url) return null
  if (url.startsWith('data:')) return decodeDataUrl(url)
  const response = await fetch(url)
  return response.ok ? new Uint8Array(await response.arrayBuffer()) : null
}
