import { anchorSpan } from '../../../renderer/src/domain/anchoring'
import type { TextAnchor } from '../../../renderer/src/domain/model'
import { segmentParagraphs, splitParagraphs } from '../../../renderer/src/domain/textLayout'

/** Times the anchoring core on a long body: anchors in place, drifted by an insertion, and edited. */
export function benchAnchoring(body: string, anchors: TextAnchor[]): { inPlace: number; drifted: number; fuzzyPerAnchor: number; segment: number } {
  const time = (run: () => void): number => {
    const started = performance.now()
    run()
    return performance.now() - started
  }
  const found = (text: string, list: TextAnchor[]): number => list.filter((anchor) => anchorSpan(text, anchor) !== null).length
  let count = 0
  const inPlace = time(() => (count = found(body, anchors)))
  if (count !== anchors.length) throw new Error(`in place: found ${count} of ${anchors.length}`)
  const shifted = 'A correction was added at the top of this article on Tuesday.\n\n' + body
  const drifted = time(() => (count = found(shifted, anchors)))
  if (count !== anchors.length) throw new Error(`drifted: found ${count} of ${anchors.length}`)
  // Change one character in the middle of each of 100 quotes.
  const sample = anchors.filter((_, index) => index % 20 === 0).slice(0, 100)
  let edited = shifted
  for (const anchor of [...sample].sort((a, b) => b.start - a.start)) {
    const at = anchor.start + 62 + Math.floor((anchor.end - anchor.start) / 2)
    edited = edited.slice(0, at) + (edited[at] === 'x' ? 'y' : 'x') + edited.slice(at + 1)
  }
  const fuzzy = time(() => (count = found(edited, sample)))
  if (count < sample.length * 0.9) throw new Error(`fuzzy: found only ${count} of ${sample.length}`)
  const paragraphs = splitParagraphs(body)
  const segment = time(() => segmentParagraphs(paragraphs, anchors.map((anchor, index) => ({ id: `c:${index}`, start: anchor.start, end: anchor.end }))))
  return { inPlace, drifted, fuzzyPerAnchor: fuzzy / sample.length, segment }
}
