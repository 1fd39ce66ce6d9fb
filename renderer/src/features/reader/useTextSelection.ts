import { useCallback, useEffect, useState, type RefObject } from 'react'
import { trimSpan, type TextSpan } from '../../domain/anchoring'
import { selectionSpan } from './text/domRanges'

const sameSpan = (a: TextSpan | null, b: TextSpan | null): boolean => a === b || (!!a && !!b && a.start === b.start && a.end === b.end)

/** The reader's text selection as body offsets (trimmed of surrounding space), or null. */
export function useTextSelection(textRef: RefObject<HTMLElement | null>, body: string): { selection: TextSpan | null; clearSelection: () => void } {
  const [selection, setSelection] = useState<TextSpan | null>(null)
  useEffect(() => {
    const update = (): void => {
      const root = textRef.current
      if (!root) return
      const raw = selectionSpan(root)
      const span = raw ? trimSpan(body, raw) : null
      const next = span && span.end > span.start ? span : null
      setSelection((current) => (sameSpan(current, next) ? current : next))
    }
    document.addEventListener('selectionchange', update)
    return () => document.removeEventListener('selectionchange', update)
  }, [body, textRef])
  const clearSelection = useCallback(() => {
    document.getSelection()?.removeAllRanges()
    setSelection(null)
  }, [])
  return { selection, clearSelection }
}
