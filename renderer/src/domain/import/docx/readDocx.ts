import JSZip from 'jszip'
import { DOMParser, parseHTML } from 'linkedom'
import mammoth from 'mammoth'
import { parseDate } from '../dates'
import { textFromNode } from '../htmlText'
import { normaliseLanguageTag } from '../language'
import { ImportRejection } from '../types'
import type { DocumentText } from '../documentArticle'
import { errorText } from '../../errorText'

// Word .docx through mammoth: it turns the document's paragraphs, headings, lists and tables
// into plain HTML (no styles, no images here), which we walk into paragraphs. The title,
// author and date come from docProps/core.xml, which mammoth does not read.

/** An OLE compound file: a Word 97-2003 .doc, or a .docx locked with a password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP_MAGIC = [0x50, 0x4b]

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((byte, index) => bytes[index] === byte)

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'blockquote', 'pre'])

/** The top-level blocks of mammoth's HTML, in order, one paragraph each (empty ones kept). */
function paragraphsOfHtml(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  // Footnote back-links ("↑") are navigation, not text.
  for (const link of Array.from(document.querySelectorAll('a[href^="#footnote-ref"], a[href^="#endnote-ref"], a[href^="#comment-ref"]'))) link.remove()
  const out: string[] = []
  const stack = Array.from(document.body.children).reverse()
  while (stack.length > 0) {
    const element = stack.pop()!
    const name = element.localName
    if (BLOCKS.has(name)) {
      out.push(textFromNode(element))
      continue
    }
    // Lists, tables and their wrappers: descend to the blocks inside.
    const children = Array.from(element.children)
    if (children.length === 0) out.push(textFromNode(element))
    else for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
  }
  return out
}

/** What we read of an XML document (linkedom's parser is typed loosely). */
export interface XmlDocument {
  getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }>
}

interface CoreProperties {
  title: string
  author: string
  date: string
  language: string
}

async function coreProperties(zip: JSZip): Promise<CoreProperties> {
  const none: CoreProperties = { title: '', author: '', date: '', language: '' }
  const file = zip.file('docProps/core.xml')
  if (!file) return none
  try {
    const xml = new DOMParser().parseFromString(await file.async('string'), 'text/xml') as XmlDocument
    const text = (name: string): string => xml.getElementsByTagName(name)[0]?.textContent?.trim() ?? ''
    return {
      title: text('dc:title'),
      author: text('dc:creator'),
      date: parseDate(text('dcterms:created')),
      language: normaliseLanguageTag(text('dc:language')),
    }
  } catch {
    // Unreadable metadata costs the title, not the document.
    return none
  }
}

/** Reads a .docx into paragraphs and metadata. Throws ImportRejection with the user's reason. */
export async function readDocx(bytes: Uint8Array): Promise<DocumentText> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new ImportRejection('This is a password-protected Word file or an old Word 97-2003 document. Remove the password or save it as .docx (Word: File › Save As), then import it again.')
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new ImportRejection('This is not a Word .docx file (a .docx is a ZIP package, and this file is not one). If it is a Word document, open it in Word and save it as .docx.')
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(buffer)
  } catch (error) {
    throw new ImportRejection(`The .docx file is damaged (${errorText(error)}). Open it in Word and save it again.`)
  }
  if (!zip.file('word/document.xml')) throw new ImportRejection('This ZIP package has no Word document inside (word/document.xml is missing); it is not a .docx.')
  let html: string
  try {
    const result = await mammoth.convertToHtml({ arrayBuffer: buffer, buffer } as unknown as { arrayBuffer: ArrayBuffer }, {
      // Images are not text; skipping them also avoids reading their bytes at all.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      ignoreEmptyParagraphs: false,
    })
    html = result.value
  } catch (error) {
    throw new ImportRejection(`Word could not be read from this .docx (${errorText(error)}). Open it in Word and save it again.`)
  }
  return { paragraphs: paragraphsOfHtml(html), ...(await coreProperties(zip)) }
}
