// Every agreement figure is either a number or "undefined, because …". A coefficient computed on
// data that cannot support it (no units, one value, no variation) would come out as 0/0, or as a
// misleading 1.0; the screen and the export show the reason instead.

export type UndefinedReason =
  | 'too-few-coders'
  | 'no-units'
  | 'too-few-values'
  | 'no-variation'
  | 'no-quotes'
  | 'no-article-lengths'

export const UNDEFINED_REASONS: Readonly<Record<UndefinedReason, string>> = {
  'too-few-coders': 'fewer than two coders are compared',
  'no-units': 'there are no paired units to compare',
  'too-few-values': 'fewer than two pairable values (no unit was coded by two or more coders)',
  'no-variation': 'every coder gave every unit the same value, so chance agreement is total and the coefficient is 0/0',
  'no-quotes': 'no coder marked a quote in these articles',
  'no-article-lengths': 'the length of at least one article is unknown, so the text the coders unitized cannot be measured',
}

export type Estimate =
  | { defined: true; value: number; reason: null }
  | { defined: false; value: null; reason: UndefinedReason }

export function defined(value: number): Estimate {
  return { defined: true, value, reason: null }
}

export function undefinedBecause(reason: UndefinedReason): Estimate {
  return { defined: false, value: null, reason }
}
