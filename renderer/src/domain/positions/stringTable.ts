/** Gives each distinct string one index, in first-seen order: packed records store the indexes. */
export class StringTable {
  readonly list: string[] = []
  private readonly index = new Map<string, number>()
  of(value: string): number {
    let found = this.index.get(value)
    if (found === undefined) {
      found = this.list.length
      this.list.push(value)
      this.index.set(value, found)
    }
    return found
  }
}

/** A list of strings as one string and where each ends (read back with splitTexts). */
export interface TextList {
  text: string
  ends: Uint32Array
}

export function joinTexts(list: readonly string[]): TextList {
  const ends = new Uint32Array(list.length)
  let at = 0
  list.forEach((text, index) => {
    at += text.length
    ends[index] = at
  })
  return { text: list.join(''), ends }
}

export function splitTexts(list: TextList): string[] {
  const out = new Array<string>(list.ends.length)
  let start = 0
  for (let index = 0; index < list.ends.length; index++) {
    const end = list.ends[index]!
    out[index] = list.text.slice(start, end)
    start = end
  }
  return out
}

export function isTextList(value: unknown, length?: number): value is TextList {
  if (typeof value !== 'object' || value === null) return false
  const { text, ends } = value as Partial<TextList>
  if (typeof text !== 'string' || !(ends instanceof Uint32Array)) return false
  if (length !== undefined && ends.length !== length) return false
  // Indexed loops: these run once per start on cold code, where for…of over a typed array
  // costs an iterator step per element (61 ms for a 100,000-claim snapshot).
  let previous = 0
  for (let index = 0; index < ends.length; index++) {
    const end = ends[index]!
    if (end < previous) return false
    previous = end
  }
  return previous === text.length
}
