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
