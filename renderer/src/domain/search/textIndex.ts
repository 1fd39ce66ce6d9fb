// A full-text index built to be saved and loaded whole, for libraries of 100,000 articles and
// more. An in-memory index of maps (MiniSearch and the like) holds a map entry per posting: at
// 100,000 articles, about fifteen million of them, gigabytes of heap, and a saved copy that
// takes longer to load than to rebuild. Here the postings live in typed arrays: a sorted term
// list with, per term, the documents that hold it (ascending) and a weight each. That base is
// immutable; documents added or changed since go to a small map-based delta, deletions to a
// liveness array, and compact() folds both into a new base (which is what gets saved).
//
// Ranking is BM25F (Robertson & Zaragoza): each document's fields are folded into one
// weighted term frequency and length by the caller. Every statistic is taken over the live
// documents at query time (document frequency, count, average length), so an index edited in
// place ranks exactly like one rebuilt from the same documents.

/** The index as saved: everything a search needs, in arrays that clone cheaply. */
export interface TextIndexSnapshot {
  format: typeof SNAPSHOT_FORMAT
  /** Document number → caller's id. */
  ids: string[]
  /** Document number → weighted length. */
  lengths: Float64Array
  /** Every term, sorted ascending (code unit order). */
  terms: string[]
  /** terms.length + 1 posting offsets: term t owns postings [starts[t], starts[t+1]). */
  starts: Uint32Array
  /** terms.length + 1 byte offsets into docs, likewise. */
  bytes: Uint32Array
  /**
   * Each term's document numbers, ascending, as varint-coded gaps (the first from 0): one or
   * two bytes a posting where four would hold the number itself.
   */
  docs: Uint8Array
  /** Weighted term frequency of each posting, capped at 255 (BM25 has long saturated by then). */
  weights: Uint8Array
}

export const SNAPSHOT_FORMAT = 'text-index-2'

/** The most a posting's weight can be. */
export const MAX_WEIGHT = 255

/** One analysed document: weighted frequency per term, and its weighted length. */
export interface AnalysedDocument {
  terms: Map<string, number>
  length: number
}

/** One word of a query: matched exactly, or (prefix) by every term that starts with it. */
export interface QueryTerm {
  term: string
  prefix: boolean
}

export interface ScoredHits {
  ids: string[]
  scores: number[]
}

const K1 = 1.2
const B = 0.7
/** How much a longer term that a prefix matches counts, as MiniSearch weighs prefix matches. */
const PREFIX_WEIGHT = 0.375

interface Delta {
  docs: number[]
  weights: number[]
}

const EMPTY_SNAPSHOT = (): TextIndexSnapshot => ({
  format: SNAPSHOT_FORMAT,
  ids: [],
  lengths: new Float64Array(0),
  terms: [],
  starts: new Uint32Array(1),
  bytes: new Uint32Array(1),
  docs: new Uint8Array(0),
  weights: new Uint8Array(0),
})

/** Thrown by TextIndex.fromSnapshot when a saved copy is not a consistent index. */
export class CorruptIndexError extends Error {
  override name = 'CorruptIndexError'
}

/** Index of the first term >= key in a sorted list. */
function lowerBound(terms: readonly string[], key: string): number {
  let low = 0
  let high = terms.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (terms[mid]! < key) low = mid + 1
    else high = mid
  }
  return low
}

/** Decodes postings [from, to) of a term starting at byte `at` into out; returns out. */
function decodeDocs(docs: Uint8Array, at: number, count: number, out: Uint32Array): Uint32Array {
  let doc = 0
  let byte = at
  for (let posting = 0; posting < count; posting++) {
    // Document numbers stay far below 2^28, so four bytes at most and 32-bit shifts suffice.
    let next = docs[byte++]!
    let gap = next & 0x7f
    for (let shift = 7; next >= 0x80; shift += 7) {
      next = docs[byte++]!
      gap |= (next & 0x7f) << shift
    }
    doc += gap
    out[posting] = doc
  }
  return out
}

/** Whether order[start, end) is already best first (score descending, then document number). */
function inOrder(order: Uint32Array, start: number, end: number, scores: Float64Array): boolean {
  for (let index = start + 1; index < end; index++) {
    const before = order[index - 1]!
    const after = order[index]!
    if (scores[before]! < scores[after]! || (scores[before] === scores[after] && before > after)) return false
  }
  return true
}

const RADIX_BITS = 11
const RADIX = 1 << RADIX_BITS
const radixCounts = new Uint32Array(RADIX)

/**
 * Sorts keys[0, count) ascending, carrying docs along, stably (equal keys keep their order):
 * three passes of 11 bits over 32-bit keys, skipping a pass whose digit every key shares.
 * Returns the pair of arrays that holds the result (the inputs or the spares).
 */
function radixSort(keys: Uint32Array, docs: Uint32Array, spareKeys: Uint32Array, spareDocs: Uint32Array, count: number): { keys: Uint32Array; docs: Uint32Array } {
  let fromKeys = keys
  let fromDocs = docs
  let toKeys = spareKeys
  let toDocs = spareDocs
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    radixCounts.fill(0)
    for (let index = 0; index < count; index++) radixCounts[(fromKeys[index]! >>> shift) & (RADIX - 1)]!++
    if (radixCounts[(fromKeys[0]! >>> shift) & (RADIX - 1)] === count) continue
    let sum = 0
    for (let digit = 0; digit < RADIX; digit++) {
      const size = radixCounts[digit]!
      radixCounts[digit] = sum
      sum += size
    }
    for (let index = 0; index < count; index++) {
      const key = fromKeys[index]!
      const at = radixCounts[(key >>> shift) & (RADIX - 1)]!++
      toKeys[at] = key
      toDocs[at] = fromDocs[index]!
    }
    ;[fromKeys, toKeys] = [toKeys, fromKeys]
    ;[fromDocs, toDocs] = [toDocs, fromDocs]
  }
  return { keys: fromKeys, docs: fromDocs }
}

/** Appends value as a varint to a growable byte buffer. */
class ByteWriter {
  bytes = new Uint8Array(1 << 16)
  size = 0
  write(value: number): void {
    if (this.size + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes)
      this.bytes = grown
    }
    while (value >= 0x80) {
      this.bytes[this.size++] = (value & 0x7f) | 0x80
      value = Math.floor(value / 128)
    }
    this.bytes[this.size++] = value
  }
}

export class TextIndex {
  private base: TextIndexSnapshot
  /** Documents numbered from base.ids.length on, added since the base was built. */
  private readonly extraIds: string[] = []
  /** Document number → weighted length, base and added documents alike. */
  private lengths: Float64Array
  private readonly delta = new Map<string, Delta>()
  /** 1 for a live document number, 0 for one deleted or replaced. */
  private alive: Uint8Array
  private readonly numberOf = new Map<string, number>()
  private liveLength = 0
  private deltaPostings = 0
  /** Reused to decode one term's postings. */
  private scratch = new Uint32Array(1024)
  private scoreBuffer = new Float64Array(0)
  private matchedBuffer = new Uint8Array(0)
  /** Sort keys and document numbers of the hits, and a spare pair for the radix sort. */
  private rankBuffers = [new Uint32Array(0), new Uint32Array(0), new Uint32Array(0), new Uint32Array(0)] as const

  private constructor(base: TextIndexSnapshot) {
    this.base = base
    this.alive = new Uint8Array(Math.max(16, base.ids.length * 2))
    this.lengths = new Float64Array(this.alive.length)
    this.lengths.set(base.lengths)
    base.ids.forEach((id, doc) => {
      this.alive[doc] = 1
      this.numberOf.set(id, doc)
      this.liveLength += base.lengths[doc]!
    })
  }

  static empty(): TextIndex {
    return new TextIndex(EMPTY_SNAPSHOT())
  }

  /**
   * An index from a saved copy, after checking that its arrays fit together. With
   * `postings: false` every check but the decoding of each posting is made; the caller then
   * calls checkPostings() soon after (it reads every posting, the larger part of loading).
   * Until then a damaged posting can only give a wrong answer, not a crash.
   */
  static fromSnapshot(snapshot: TextIndexSnapshot, { postings = true }: { postings?: boolean } = {}): TextIndex {
    checkSnapshot(snapshot, postings)
    const index = new TextIndex(snapshot)
    // Each id numbered once: a repeated one would have been numbered over.
    if (index.numberOf.size !== snapshot.ids.length) fail('repeated ids')
    return index
  }

  /** Throws CorruptIndexError unless every posting of the saved base decodes to a document it holds. */
  checkPostings(): void {
    checkPostings(this.base)
  }

  /** Live documents. */
  get size(): number {
    return this.numberOf.size
  }

  /** Postings written since the last compact(), live or not: how far the delta has grown. */
  get pendingPostings(): number {
    return this.deltaPostings
  }

  has(id: string): boolean {
    return this.numberOf.has(id)
  }

  ids(): IterableIterator<string> {
    return this.numberOf.keys()
  }

  private get total(): number {
    return this.base.ids.length + this.extraIds.length
  }

  private lengthOf(doc: number): number {
    return this.lengths[doc]!
  }

  /** Adds a document, replacing any earlier version with the same id. */
  add(id: string, document: AnalysedDocument): void {
    this.remove(id)
    const doc = this.total
    this.extraIds.push(id)
    if (doc >= this.alive.length) {
      const grown = new Uint8Array(this.alive.length * 2)
      grown.set(this.alive)
      this.alive = grown
      const longer = new Float64Array(grown.length)
      longer.set(this.lengths)
      this.lengths = longer
    }
    this.lengths[doc] = document.length
    this.alive[doc] = 1
    this.numberOf.set(id, doc)
    this.liveLength += document.length
    for (const [term, weight] of document.terms) {
      let postings = this.delta.get(term)
      if (!postings) {
        postings = { docs: [], weights: [] }
        this.delta.set(term, postings)
      }
      postings.docs.push(doc)
      postings.weights.push(Math.min(MAX_WEIGHT, Math.max(0, Math.round(weight))))
      this.deltaPostings++
    }
  }

  remove(id: string): void {
    const doc = this.numberOf.get(id)
    if (doc === undefined) return
    this.numberOf.delete(id)
    this.alive[doc] = 0
    this.liveLength -= this.lengthOf(doc)
  }

  /**
   * The ids of the live documents that match every query term, best first, with their
   * scores. Equal scores keep document order.
   */
  search(query: readonly QueryTerm[], withScores = false): ScoredHits {
    const liveCount = this.numberOf.size
    if (query.length === 0 || liveCount === 0) return { ids: [], scores: [] }
    const total = this.total
    const { scores, matched, ranks } = this.buffers(total)
    const averageLength = this.liveLength / liveCount
    query.forEach((word, position) => {
      for (const { term, weight } of this.expand(word)) {
        this.scoreTerm(term, weight, position, liveCount, averageLength, scores, matched)
      }
    })
    const wanted = query.length
    let top = 0
    for (let doc = 0; doc < total; doc++) if (matched[doc] === wanted && scores[doc]! > top) top = scores[doc]!
    // Sort by score (descending), then document number: each hit's score rounded to 2^-31 of the
    // top one, as a 32-bit key (smaller is better), taken in document order and radix-sorted
    // stably, so equal keys stay in document order. A Float64Array sort of score and document
    // packed in one number took 8 ms of a 20 ms search with 75,000 hits.
    const scale = top > 0 ? Math.min(2 ** 31, Math.floor(2 ** 31 / top)) : 1
    const [keyBuffer, docBuffer, spareKeys, spareDocs] = ranks
    let count = 0
    for (let doc = 0; doc < total; doc++) {
      if (matched[doc] !== wanted) continue
      keyBuffer[count] = 2 ** 31 - Math.floor(scores[doc]! * scale)
      docBuffer[count++] = doc
    }
    const order = count === 0 ? docBuffer.subarray(0, 0) : radixSort(keyBuffer, docBuffer, spareKeys, spareDocs, count).docs.subarray(0, count)
    // Rounding can tie scores that differ by less than the rounding step: order those exactly.
    for (let start = 0; start < count; ) {
      let end = start + 1
      const bucket = Math.floor(scores[order[start]!]! * scale)
      while (end < count && Math.floor(scores[order[end]!]! * scale) === bucket) end++
      if (end - start > 1 && !inOrder(order, start, end, scores)) order.subarray(start, end).sort((a, b) => scores[b]! - scores[a]! || a - b)
      start = end
    }
    const baseIds = this.base.ids
    const baseCount = baseIds.length
    const ids = new Array<string>(count)
    for (let index = 0; index < count; index++) {
      const doc = order[index]!
      ids[index] = doc < baseCount ? baseIds[doc]! : this.extraIds[doc - baseCount]!
    }
    return { ids, scores: withScores ? Array.from(order, (doc) => scores[doc]!) : [] }
  }

  /**
   * Per-search arrays, kept between searches and cleared rather than allocated anew: fresh
   * typed arrays of a document's width each search (a megabyte at 100,000 documents) are
   * memory outside the heap, and enough of it brings on full garbage collections mid-search.
   * scores: each document's score so far; matched: how many query words it has matched so
   * far (a document stays a candidate while it has matched every earlier word); ranks: the
   * hits' sort keys and document numbers, and a spare pair for the radix sort.
   */
  private buffers(total: number): { scores: Float64Array; matched: Uint8Array; ranks: readonly [Uint32Array, Uint32Array, Uint32Array, Uint32Array] } {
    if (this.scoreBuffer.length < total) {
      const size = Math.ceil(total * 1.25) + 16
      this.scoreBuffer = new Float64Array(size)
      this.matchedBuffer = new Uint8Array(size)
      this.rankBuffers = [new Uint32Array(size), new Uint32Array(size), new Uint32Array(size), new Uint32Array(size)]
    } else {
      this.scoreBuffer.fill(0, 0, total)
      this.matchedBuffer.fill(0, 0, total)
    }
    return { scores: this.scoreBuffer, matched: this.matchedBuffer, ranks: this.rankBuffers }
  }

  /** The terms a query word stands for, in term order (so sums add up in the same order). */
  private expand(word: QueryTerm): { term: string; weight: number }[] {
    const weightOf = (term: string): number => (term === word.term ? 1 : (PREFIX_WEIGHT * word.term.length) / (word.term.length + 0.3 * (term.length - word.term.length)))
    if (!word.prefix) return this.hasTerm(word.term) ? [{ term: word.term, weight: 1 }] : []
    const found = new Set<string>()
    const terms = this.base.terms
    for (let index = lowerBound(terms, word.term); index < terms.length && terms[index]!.startsWith(word.term); index++) found.add(terms[index]!)
    for (const term of this.delta.keys()) if (term.startsWith(word.term)) found.add(term)
    return Array.from(found)
      .sort()
      .map((term) => ({ term, weight: weightOf(term) }))
  }

  private hasTerm(term: string): boolean {
    if (this.delta.has(term)) return true
    const index = lowerBound(this.base.terms, term)
    return this.base.terms[index] === term
  }

  /** A base term's postings, decoded into the scratch buffer (valid until the next call). */
  private basePostings(term: string): { docs: Uint32Array; from: number; count: number } | null {
    const { base } = this
    const index = lowerBound(base.terms, term)
    if (base.terms[index] !== term) return null
    const from = base.starts[index]!
    const count = base.starts[index + 1]! - from
    if (this.scratch.length < count) this.scratch = new Uint32Array(count * 2)
    return { docs: decodeDocs(base.docs, base.bytes[index]!, count, this.scratch), from, count }
  }

  private scoreTerm(term: string, weight: number, position: number, liveCount: number, averageLength: number, scores: Float64Array, matched: Uint8Array): void {
    const { base, alive, lengths } = this
    const found = this.basePostings(term)
    const delta = this.delta.get(term)
    let frequency = 0
    if (found) for (let posting = 0; posting < found.count; posting++) frequency += alive[found.docs[posting]!]!
    if (delta) for (const doc of delta.docs) frequency += alive[doc]!
    if (frequency === 0) return
    const idf = Math.log(1 + (liveCount - frequency + 0.5) / (frequency + 0.5))
    const visit = (doc: number, tf: number): void => {
      if (alive[doc] === 0 || matched[doc]! < position) return
      const normalised = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[doc]!) / averageLength))
      scores[doc]! += weight * idf * normalised
      matched[doc] = position + 1
    }
    if (found) for (let posting = 0; posting < found.count; posting++) visit(found.docs[posting]!, base.weights[found.from + posting]!)
    if (delta) for (let posting = 0; posting < delta.docs.length; posting++) visit(delta.docs[posting]!, delta.weights[posting]!)
  }

  /**
   * Folds the delta and the deletions into a new base, numbering the live documents afresh
   * (in their old order), and returns it: the form to save.
   */
  compact(): TextIndexSnapshot {
    const { base, alive } = this
    const baseCount = base.ids.length
    const total = this.total
    const renumber = new Int32Array(total).fill(-1)
    const ids: string[] = []
    const lengths: number[] = []
    for (let doc = 0; doc < total; doc++) {
      if (!alive[doc]) continue
      renumber[doc] = ids.length
      ids.push(doc < baseCount ? base.ids[doc]! : this.extraIds[doc - baseCount]!)
      lengths.push(this.lengthOf(doc))
    }
    const deltaTerms = Array.from(this.delta.keys()).sort()
    const terms: string[] = []
    const starts: number[] = [0]
    const byteStarts: number[] = [0]
    const docs = new ByteWriter()
    let weights = new Uint8Array(Math.max(16, base.weights.length + this.deltaPostings))
    let size = 0
    let previous = 0
    const push = (doc: number, weight: number): void => {
      const renumbered = renumber[doc]!
      if (renumbered < 0) return
      docs.write(renumbered - previous)
      previous = renumbered
      if (size === weights.length) {
        const grown = new Uint8Array(weights.length * 2)
        grown.set(weights)
        weights = grown
      }
      weights[size++] = weight
    }
    let baseIndex = 0
    let deltaIndex = 0
    while (baseIndex < base.terms.length || deltaIndex < deltaTerms.length) {
      const baseTerm = base.terms[baseIndex]
      const deltaTerm = deltaTerms[deltaIndex]
      const term = deltaTerm === undefined || (baseTerm !== undefined && baseTerm <= deltaTerm) ? baseTerm! : deltaTerm
      const start = size
      previous = 0
      if (baseTerm === term) {
        const found = this.basePostings(term)!
        for (let posting = 0; posting < found.count; posting++) push(found.docs[posting]!, base.weights[found.from + posting]!)
        baseIndex++
      }
      if (deltaTerm === term) {
        // Delta documents are numbered after every base document, so the list stays ascending.
        const postings = this.delta.get(term)!
        for (let posting = 0; posting < postings.docs.length; posting++) push(postings.docs[posting]!, postings.weights[posting]!)
        deltaIndex++
      }
      if (size > start) {
        terms.push(term)
        starts.push(size)
        byteStarts.push(docs.size)
      }
    }
    const snapshot: TextIndexSnapshot = {
      format: SNAPSHOT_FORMAT,
      ids,
      lengths: Float64Array.from(lengths),
      terms,
      starts: Uint32Array.from(starts),
      bytes: Uint32Array.from(byteStarts),
      docs: docs.bytes.slice(0, docs.size),
      weights: weights.slice(0, size),
    }
    this.reset(snapshot)
    return snapshot
  }

  private reset(snapshot: TextIndexSnapshot): void {
    const fresh = new TextIndex(snapshot)
    this.base = fresh.base
    this.alive = fresh.alive
    this.extraIds.length = 0
    this.lengths = fresh.lengths
    this.delta.clear()
    this.deltaPostings = 0
    this.numberOf.clear()
    for (const [id, doc] of fresh.numberOf) this.numberOf.set(id, doc)
    this.liveLength = fresh.liveLength
  }
}

const fail = (why: string): never => {
  throw new CorruptIndexError(`The saved search index is damaged (${why}).`)
}

/** Throws CorruptIndexError unless the snapshot's parts fit together (and, with postings, every posting). */
function checkSnapshot(snapshot: TextIndexSnapshot, postings: boolean): void {
  if (typeof snapshot !== 'object' || snapshot === null) fail('not an object')
  const { format, ids, lengths, terms, starts, bytes, docs, weights } = snapshot
  if (format !== SNAPSHOT_FORMAT) fail(`format ${String(format)}`)
  if (!Array.isArray(ids) || !Array.isArray(terms)) fail('lists missing')
  if (!(lengths instanceof Float64Array) || !(starts instanceof Uint32Array) || !(bytes instanceof Uint32Array) || !(docs instanceof Uint8Array) || !(weights instanceof Uint8Array)) {
    fail('arrays missing')
  }
  if (lengths.length !== ids.length) fail('lengths')
  if (starts.length !== terms.length + 1 || starts[0] !== 0 || starts[terms.length] !== weights.length) fail('posting offsets')
  if (bytes.length !== terms.length + 1 || bytes[0] !== 0 || bytes[terms.length] !== docs.length) fail('byte offsets')
  if (ids.length >= 2 ** 28) fail('too many documents')
  for (let index = 0; index < terms.length; index++) {
    if (typeof terms[index] !== 'string' || (index > 0 && !(terms[index - 1]! < terms[index]!))) fail('term order')
    const count = starts[index + 1]! - starts[index]!
    if (count <= 0 || bytes[index + 1]! <= bytes[index]!) fail('empty term')
  }
  if (postings) checkPostings(snapshot)
}

function checkPostings(snapshot: TextIndexSnapshot): void {
  const { ids, terms, starts, bytes, docs } = snapshot
  for (let index = 0; index < terms.length; index++) {
    const count = starts[index + 1]! - starts[index]!
    // Every posting decodes within its term's bytes, ascending, to a document that exists.
    let doc = 0
    let byte = bytes[index]!
    const end = bytes[index + 1]!
    for (let posting = 0; posting < count; posting++) {
      if (byte >= end) fail('posting bytes')
      let next = docs[byte++]!
      let gap = next & 0x7f
      for (let shift = 7; next >= 0x80; shift += 7) {
        if (byte >= end || shift > 21) fail('posting bytes')
        next = docs[byte++]!
        gap |= (next & 0x7f) << shift
      }
      if (posting > 0 && gap === 0) fail('posting order')
      doc += gap
      if (doc >= ids.length) fail('posting range')
    }
    if (byte !== end) fail('posting bytes')
  }
}
