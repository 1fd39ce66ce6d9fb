import type { PdfResourceLoader } from '../../../domain/import/pdf/readPdf'

// The CMaps pdf.js needs to read text in fonts that use Adobe's predefined CJK encodings,
// bundled as assets of the app (served from its own origin, as the CSP allows) and fetched
// only when a PDF asks for one. Standard fonts and WebAssembly decoders are for drawing pages
// and decoding images, which text extraction never does, so they are not bundled.

const CMAPS = import.meta.glob<string>('../../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default' })

const byName = new Map(Object.entries(CMAPS).map(([path, load]) => [path.slice(path.lastIndexOf('/') + 1), load]))

export const bundledPdfResources: PdfResourceLoader = async (kind, filename) => {
  const load = kind === 'cMapUrl' ? byName.get(filename) : undefined
  if (!load) return null
  const response = await fetch(await load())
  if (!response.ok) return null
  return new Uint8Array(await response.arrayBuffer())
}
