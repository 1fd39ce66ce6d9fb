import type { TextDirection } from '../../../domain/model'

/** The words being tagged, as they read in the article (right to left for Arabic). */
export function QuotePreview({ text, direction, error }: { text: string; direction: TextDirection; error?: string }) {
  return (
    <figure className="quote-preview">
      <figcaption className="visually-hidden">Selected text</figcaption>
      <blockquote dir={direction}>{text.length > 400 ? `${text.slice(0, 400)}…` : text}</blockquote>
      {error && <p className="field-error">{error}</p>}
    </figure>
  )
}
