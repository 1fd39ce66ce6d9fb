// The one order for names, labels and titles, on screens and in files alike: case and accents
// aside, numbers by value ("Issue 2" before "Issue 10"). English rules, so an export, the
// library and the reader's next/previous agree with each other on every machine.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

export function compareText(a: string, b: string): number {
  return collator.compare(a, b)
}
