import { Lexer, type Token, type Tokens } from 'marked'
import { decodeEntities, DROPPED_ELEMENTS, textFromHtmlFragment } from './htmlText'

// Markdown to the stored plain text, through marked's lexer (CommonMark + GFM) rather than
// regular expressions: emphasis, links, tables and code come out as the words a reader sees,
// so a quote selected in the reader matches the words in the file.

export interface MarkdownText {
  text: string
  /** The first heading when the document opens with one; removed from `text`. */
  title: string
}

const OPEN_TAG = /^<([a-z][a-z0-9-]*)\b[^>]*>$/i
const CLOSE_TAG = /^<\/([a-z][a-z0-9-]*)\s*>$/i

class InlineWriter {
  /** Inline HTML elements whose content must not reach the text (<script> inside a paragraph). */
  private skipping: string | null = null

  write(tokens: Token[] | undefined): string {
    let out = ''
    for (const token of tokens ?? []) out += this.token(token)
    return out
  }

  private token(token: Token): string {
    if (token.type === 'html') {
      const raw = token.raw.trim()
      const close = CLOSE_TAG.exec(raw)
      if (this.skipping) {
        if (close && close[1]!.toLowerCase() === this.skipping) this.skipping = null
        return ''
      }
      const open = OPEN_TAG.exec(raw)
      if (open && DROPPED_ELEMENTS.has(open[1]!.toLowerCase()) && !raw.endsWith('/>')) this.skipping = open[1]!.toLowerCase()
      // Whole inline HTML (an <a> with its text) keeps its words; lone tags vanish.
      return open || close ? '' : textFromHtmlFragment(raw)
    }
    if (this.skipping) return ''
    switch (token.type) {
      case 'text':
        return 'tokens' in token && token.tokens ? this.write(token.tokens) : softBreaks(decodeEntities((token as Tokens.Text).text))
      case 'escape':
        return (token as Tokens.Escape).text
      case 'codespan':
        return decodeEntities((token as Tokens.Codespan).text)
      case 'br':
        return '\n'
      case 'image':
        return ''
      case 'checkbox':
        return (token as Tokens.Checkbox).checked ? '[x] ' : '[ ] '
      default:
        return 'tokens' in token && Array.isArray(token.tokens) ? this.write(token.tokens) : ''
    }
  }
}

function softBreaks(text: string): string {
  return text.replace(/\n/g, ' ')
}

function blocks(tokens: Token[], out: string[], indent = ''): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
      case 'paragraph':
        out.push(new InlineWriter().write((token as Tokens.Paragraph).tokens))
        break
      case 'text':
        out.push(new InlineWriter().write([token]))
        break
      case 'blockquote':
        blocks((token as Tokens.Blockquote).tokens, out, indent)
        break
      case 'list': {
        const list = token as Tokens.List
        const lines = list.items.map((item, index) => {
          const marker = list.ordered ? `${(typeof list.start === 'number' ? list.start : 1) + index}. ` : '• '
          const inner: string[] = []
          blocks(item.tokens, inner, `${indent}  `)
          return `${indent}${marker}${inner.join('\n')}`
        })
        out.push(lines.join('\n'))
        break
      }
      case 'code':
        out.push((token as Tokens.Code).text)
        break
      case 'table': {
        const table = token as Tokens.Table
        const row = (cells: Tokens.TableCell[]): string => cells.map((cell) => new InlineWriter().write(cell.tokens)).join('\t')
        out.push([row(table.header), ...table.rows.map(row)].join('\n'))
        break
      }
      case 'html':
        out.push(textFromHtmlFragment((token as Tokens.HTML).text))
        break
      default:
        // space, hr, def: nothing a reader reads.
        break
    }
  }
}

export function markdownToText(markdown: string): MarkdownText {
  const tokens = new Lexer({ gfm: true }).lex(markdown)
  const firstBlock = tokens.find((token) => token.type !== 'space')
  let title = ''
  let rest: Token[] = tokens
  if (firstBlock?.type === 'heading') {
    title = new InlineWriter().write((firstBlock as Tokens.Heading).tokens).trim()
    rest = tokens.filter((token) => token !== firstBlock)
  }
  const out: string[] = []
  blocks(rest, out)
  return { title, text: out.map((block) => block.trim()).filter((block) => block !== '').join('\n\n') }
}
