import JSZip from 'jszip'
import { DOMParser } from 'linkedom'
import { parseDate } from '../dates'
import type { DocumentText } from '../documentArticle'
import { normaliseLanguageTag } from '../language'
import { ImportRejection } from '../types'
import { errorText } from '../../errorText'

// OpenDocument text (.odt: LibreOffice, OpenOffice, Google Docs' "Download as ODT"). No
// well-kept npm converter reads it in a browser worker (see the README's Import section), but
// the format is a ZIP with the text in content.xml and the metadata in meta.xml (OASIS
// OpenDocument 1.3, part 3), so JSZip and linkedom's XML parser read it: paragraphs (text:p)
// and headings (text:h) in document order, with their spaces (text:s), tabs and line breaks.

type XmlNode = { nodeType: number; nodeName: string; nodeValue: string | null; childNodes: ArrayLike<XmlNode>; getAttribute?(name: string): string | null }

const TEXT = 3
const ELEMENT = 1
/** Containers whose text is not part of the body: tracked deletions, notes' citations, shapes' frames. */
const SKIPPED = new Set(['text:tracked-changes', 'office:annotation', 'text:note-citation', 'text:sequence-decls', 'office:forms', 'draw:frame', 'svg:desc', 'svg:title'])
const PARAGRAPHS = new Set(['text:p', 'text:h'])

function paragraphText(paragraph: XmlNode): string {
  let text = ''
  const stack: XmlNode[] = [paragraph]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.nodeType === TEXT) {
      // ODF collapses white space in text like HTML; text:s, text:tab and text:line-break
      // carry the spaces and breaks that count.
      text += (node.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' ')
      continue
    }
    if (node.nodeType !== ELEMENT || SKIPPED.has(node.nodeName)) continue
    if (node !== paragraph && PARAGRAPHS.has(node.nodeName)) continue
    if (node.nodeName === 'text:s') text += ' '.repeat(Math.max(1, Number(node.getAttribute?.('text:c') ?? 1) || 1))
    else if (node.nodeName === 'text:tab') text += '\t'
    else if (node.nodeName === 'text:line-break') text += '\n'
    const children = node.childNodes
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
  }
  return text
}

/** Every text:p and text:h in document order, nested ones (in lists, tables, notes) included. */
function paragraphsOf(root: XmlNode): string[] {
  const out: string[] = []
  const stack: XmlNode[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.nodeType !== ELEMENT || SKIPPED.has(node.nodeName)) continue
    // Paragraphs nested in this one (a footnote's body) are read after it.
    if (PARAGRAPHS.has(node.nodeName)) out.push(paragraphText(node))
    const children = node.childNodes
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
  }
  return out
}

interface XmlDocument {
  getElementsByTagName(name: string): ArrayLike<XmlNode & { textContent: string | null }>
}

async function xmlOf(zip: JSZip, path: string): Promise<XmlDocument | null> {
  const file = zip.file(path)
  if (!file) return null
  return new DOMParser().parseFromString(await file.async('string'), 'text/xml')
}

/** Reads an .odt into paragraphs and metadata. Throws ImportRejection with the user's reason. */
export async function readOdt(bytes: Uint8Array): Promise<DocumentText> {
  try {
    return await readPackage(bytes)
  } catch (error) {
    if (error instanceof ImportRejection) throw error
    throw new ImportRejection(`This .odt file is damaged (${errorText(error)}). Open it in LibreOffice and save it again.`)
  }
}

async function readPackage(bytes: Uint8Array): Promise<DocumentText> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new ImportRejection('This is not an OpenDocument .odt file (an .odt is a ZIP package, and this file is not one, or is damaged). Open it in LibreOffice and save it again.')
  }
  const mimetype = (await zip.file('mimetype')?.async('string'))?.trim() ?? ''
  if (zip.file('META-INF/manifest.xml') && (await zip.file('META-INF/manifest.xml')!.async('string')).includes('manifest:encryption-data')) {
    throw new ImportRejection('This OpenDocument file is password-protected. Open it in LibreOffice, remove the password (File › Properties › Security) and import it again.')
  }
  if (mimetype !== '' && mimetype !== 'application/vnd.oasis.opendocument.text') {
    throw new ImportRejection(`This OpenDocument file is not a text document (it is ${mimetype}). Save the text as .odt or .txt first.`)
  }
  const content = await xmlOf(zip, 'content.xml')
  const body = content?.getElementsByTagName('office:text')[0]
  if (!content || !body) throw new ImportRejection('This .odt file has no text part (content.xml is missing or damaged). Open it in LibreOffice and save it again.')
  const meta = await xmlOf(zip, 'meta.xml')
  const field = (name: string): string => meta?.getElementsByTagName(name)[0]?.textContent?.trim() ?? ''
  return {
    paragraphs: paragraphsOf(body),
    title: field('dc:title'),
    author: field('dc:creator') || field('meta:initial-creator'),
    date: parseDate(field('meta:creation-date') || field('dc:date')),
    language: normaliseLanguageTag(field('dc:language')),
  }
}
