/** "1 claim", "2,140 claims", "3 articles are": a count with its noun, for messages and summaries. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`
}
