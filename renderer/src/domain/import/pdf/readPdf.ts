import { parseDate, parsePdfDate } from '../dates'
import type { DocumentText } from '../documentArticle'
import { normaliseLanguageTag } from '../language'
import { normaliseLine } from '../normaliseText'
import { ImportRejection } from '../types'
import type * as PdfJsModule from 'pdfjs-dist'
import { layoutPages, type PdfPage, type PdfRun } from './pdfLayout'
import { errorText } from '../../errorText'

// PDF through Mozilla's pdf.js. It runs inside the import worker, and pdf.js's own worker code
// runs in the same thread ("fake worker": its handler module is handed over on
// globalThis.pdfjsWorker), so no second worker is started and nothing is fetched. Text
// extraction never evaluates code (isEvalSupported: false keeps the font compiler off), needs
// no fonts and no WebAssembly; the only extra data it may want is a CMap for CJK fonts, which
// the caller supplies from the bundle.

type PdfJs = typeof PdfJsModule

let loading: Promise<PdfJs> | null = null

function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const handler: unknown = await import('pdfjs-dist/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = handler
    return import('pdfjs-dist')
  })()
  return loading
}

/** Bundled data files pdf.js may ask for ("UniJIS-UCS2-H.bcmap"); null when not bundled. */
export type PdfResourceLoader = (kind: 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl', filename: string) => Promise<Uint8Array | null>

export interface PdfReadOptions {
  resources?: PdfResourceLoader
  /** Called after each page, for progress. */
  onPage?: (done: number, total: number) => void
}

export interface PdfText {
  document: DocumentText
  pages: number
  notices: string[]
}

function binaryDataFactory(resources: PdfResourceLoader | undefined) {
  return class BundledData {
    async fetch({ kind, filename }: { kind: 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl'; filename: string }): Promise<Uint8Array> {
      const data = resources ? await resources(kind, filename) : null
      if (!data) throw new Error(`${filename} is not bundled`)
      return data
    }
  }
}

function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('; ')
  return typeof value === 'string' ? normaliseLine(value) : ''
}

interface Metadata {
  title: string
  author: string
  date: string
  language: string
}

/** Title, author and date: XMP (dc:, xmp:, prism:) first, as pdf.js's viewer does, then the Info dictionary. */
function readMetadata(info: Record<string, unknown>, xmp: { get(name: string): unknown } | null): Metadata {
  const fromXmp = (...names: string[]): string => {
    for (const name of names) {
      const value = textOf(xmp?.get(name) ?? xmp?.get(name.toLowerCase()))
      if (value !== '') return value
    }
    return ''
  }
  const xmpDate = parseDate(fromXmp('prism:publicationDate', 'prism:coverDate', 'xmp:CreateDate', 'dc:date'))
  return {
    title: fromXmp('dc:title') || textOf(info.Title),
    author: fromXmp('dc:creator') || textOf(info.Author),
    date: xmpDate || parsePdfDate(textOf(info.CreationDate)),
    language: normaliseLanguageTag(textOf(info.Language)),
  }
}

function rejectionFor(error: unknown): ImportRejection {
  const name = (error as { name?: string } | null)?.name ?? ''
  const message = errorText(error)
  if (name === 'PasswordException') {
    return new ImportRejection('This PDF is protected with a password. Open it in a PDF reader, save or print a copy without the password, and import that.')
  }
  if (name === 'InvalidPDFException') return new ImportRejection(`This file is damaged or is not a PDF (${message}). Open it in a PDF reader and save it again.`)
  return new ImportRejection(`This PDF could not be read (${message}). Open it in a PDF reader and save or print it to a new PDF, then import that.`)
}

/** Reads a PDF's text and metadata. Throws ImportRejection with the user's reason. */
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfText> {
  const pdfjs = await loadPdfJs()
  // pdf.js takes ownership of the buffer it is given; keep the caller's bytes intact.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    BinaryDataFactory: binaryDataFactory(options.resources),
  })
  let pdf: Awaited<typeof task.promise>
  try {
    pdf = await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    throw rejectionFor(error)
  }
  try {
    const pages: PdfPage[] = []
    let rotated = 0
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number)
      const viewport = page.getViewport({ scale: 1 })
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false })
      const runs: PdfRun[] = []
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue
        const [a, b, c, d, x, y] = pdfjs.Util.transform(viewport.transform, item.transform as number[]) as number[]
        // Text at an angle (a margin note, a "Downloaded from" strip) is not the article.
        if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!)) {
          rotated++
          continue
        }
        runs.push({ str: item.str, x: x!, y: y!, width: item.width, fontSize: Math.hypot(c!, d!), rtl: item.dir === 'rtl' })
      }
      pages.push({ width: viewport.width, height: viewport.height, runs })
      page.cleanup()
      options.onPage?.(number, pdf.numPages)
    }
    const layout = layoutPages(pages)
    if (layout.textChars === 0) {
      throw new ImportRejection(
        `This PDF has no text layer: its ${pages.length === 1 ? 'page is an image' : `${pages.length} pages are images`} (a scan or a photo), so there is no text to import. Run OCR on it first (for example OCRmyPDF, "Recognize Text" in Adobe Acrobat, or ABBYY FineReader), then import the PDF it makes.`,
      )
    }
    if (layout.textChars < 20 * pages.length && pages.length >= 3) {
      throw new ImportRejection(
        `This PDF has almost no text (${layout.textChars} characters on ${pages.length} pages): it is a scan or made of images. Run OCR on it first (for example OCRmyPDF or "Recognize Text" in Adobe Acrobat), then import the PDF it makes.`,
      )
    }
    const { info, metadata } = await pdf.getMetadata().catch(() => ({ info: {}, metadata: null }))
    const notices: string[] = []
    if (layout.removedLines > 0) notices.push(`${layout.removedLines} running header, footer and page-number line${layout.removedLines === 1 ? ' was' : 's were'} left out.`)
    if (rotated > 0) notices.push(`${rotated} piece${rotated === 1 ? '' : 's'} of text set at an angle (margin notes, stamps) ${rotated === 1 ? 'was' : 'were'} left out.`)
    return {
      document: { paragraphs: layout.paragraphs, headingHint: layout.headingHint, ...readMetadata(info as Record<string, unknown>, metadata) },
      pages: pages.length,
      notices,
    }
  } catch (error) {
    // A page pdf.js cannot parse (a damaged object, a broken stream) refuses the file, saying so.
    throw error instanceof ImportRejection ? error : rejectionFor(error)
  } finally {
    await pdf.destroy().catch(() => undefined)
  }
}
