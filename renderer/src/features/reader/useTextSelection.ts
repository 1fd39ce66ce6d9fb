import { useCallback, useEffect, useState, type RefObject } from 'react'
import { trimSpan, type TextSpan } from '../../domain/anchoring'
import { selectionSpan } from './text/domRanges'

const sameSpan = (a: TextSpan | null, b: TextSpan | null): boolean => a === b || (!!a && !!b && a.start === b.start && a.end === b.end)

/** The reader's text selection as body offsets (trimmed of surrounding space), or null. */
export function useTextSelection(textRef: RefObject<HTMLElement | null>, body: string): { selection: TextSpan | null; clearSelection: () => void } {
  // A span holds only for the text it was taken from: offsets into another body mean nothing
  // (and the reader puts a selection back after a redraw, which must not carry it over).
  const [taken, setTaken] = useState<{ body: string; span: TextSpan | null }>({ body, span: null })
  const selection = taken.body === body ? taken.span : null
  useEffect(() => {
    const update = (): void => {
      const root = textRef.current
      if (!root) return
      const raw = selectionSpan(root)
      const span = raw ? trimSpan(body, raw) : null
      const next = span && span.end > span.start ? span : null
      setTaken((current) => (current.body === body && sameSpan(current.span, next) ? current : { body, span: next }))
    }
    document.addEventListener('selectionchange', update)
    return () => document.removeEventListener('selectionchange', update)
  }, [body, textRef])
  const clearSelection = useCallback(() => {
    document.getSelection()?.removeAllRanges()
    setTaken((current) => (current.span === null ? current : { body: current.body, span: null }))
  }, [])
  return { selection, clearSelection }
}
