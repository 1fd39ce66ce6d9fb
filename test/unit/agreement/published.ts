// Reliability data from published sources, exactly as printed there (and as DKPro Statistics
// and the `krippendorff` Python package type them into their tests). Each dataset names its
// source; the expected figures live in the tests that use them.

type Cell = number | string | null

/** Rows are coders, columns units, as the sources print them; turned into units (one row per unit). */
export function unitsFromCoderRows<V extends Cell>(rows: readonly (readonly V[])[]): V[][] {
  const width = rows[0]?.length ?? 0
  return Array.from({ length: width }, (_, unit) => rows.map((row) => row[unit]!))
}

/** A contingency table as (count, first coder's value, second coder's value) triples, expanded into pairs. */
export function pairsFromTable<V>(cells: readonly (readonly [number, V, V])[]): [V, V][] {
  return cells.flatMap(([count, a, b]) => Array.from({ length: count }, () => [a, b] as [V, V]))
}

/**
 * Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
 * Communication, University of Pennsylvania, https://repository.upenn.edu/asc_papers/43, section
 * "D. Any number of observers, any level of measurement, missing data": observers A–D, 12 units.
 * The same matrix is Krippendorff (2004: 230), DKPro Statistics Krippendorff2004Test
 * createExample3b, and the `krippendorff` package's test_ordinal_metric.
 */
export const KRIPPENDORFF_2011_MISSING = unitsFromCoderRows<number | null>([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
])

/** Krippendorff (2011), section "A. Binary or dichotomous data, two observers, no missing data". */
export const KRIPPENDORFF_2011_BINARY = unitsFromCoderRows<number>([
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
])

/** Krippendorff, K. (1980). Content Analysis. Sage, p. 133 (DKPro Krippendorff1980Test createExample1). */
export const KRIPPENDORFF_1980_DICHOTOMY: number[][] = [
  [0, 0], [1, 1], [0, 1], [0, 0], [0, 0], [0, 1], [0, 0], [0, 1], [1, 0], [0, 0],
]

/** Krippendorff (1980: 139), three coders, nine units (DKPro Krippendorff1980Test createExample2). */
export const KRIPPENDORFF_1980_THREE_CODERS: number[][] = [
  [1, 1, 1], [1, 2, 2], [2, 2, 2], [4, 4, 4], [1, 4, 4], [2, 2, 2], [1, 2, 3], [3, 3, 3], [2, 2, 2],
]

/** Krippendorff, K. (2004). Content Analysis, 2nd ed. Sage, p. 227 (DKPro Krippendorff2004Test createExample2). */
export const KRIPPENDORFF_2004_P227: string[][] = ['aa', 'ab', 'bb', 'bb', 'bb', 'bb', 'bc', 'cc', 'cc', 'cc', 'cc', 'cc'].map((pair) => [...pair])

/**
 * Krippendorff (2004: 230), symbols: B book, L letter, P phone, C computer, F folder
 * (DKPro Krippendorff2004Test createExample3). Nominal twin of KRIPPENDORFF_2011_MISSING.
 */
export const KRIPPENDORFF_2004_P230: (string | null)[][] = [
  ['B', 'B', null, 'B'], ['L', 'L', 'P', 'L'], ['P', 'P', 'P', 'P'], ['P', 'P', 'P', 'P'], ['L', 'L', 'L', 'L'], ['B', 'L', 'P', 'C'],
  ['C', 'C', 'C', 'C'], ['B', 'B', 'L', 'B'], ['L', 'L', 'L', 'L'], [null, 'F', 'F', 'F'], [null, null, 'B', 'B'], [null, null, 'P', null],
]

/**
 * Wikipedia, "Krippendorff's alpha", section "A computational example": three coders, 15 units
 * (the `krippendorff` Python package's test_nominal_metric_reliability_data and test_interval_metric).
 */
export const WIKIPEDIA_EXAMPLE = unitsFromCoderRows<number | null>([
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
])

/** Cohen, J. (1960). A Coefficient of Agreement for Nominal Scales. EPM 20(1): 37–46, p. 37 (DKPro Cohen1960Test createExample1). */
export const COHEN_1960_P37 = pairsFromTable<number>([
  [25, 1, 1], [12, 1, 2], [3, 1, 3], [13, 2, 1], [2, 2, 2], [15, 2, 3], [12, 3, 1], [16, 3, 2], [2, 3, 3],
])

/** Cohen (1960: 45) (DKPro Cohen1960Test createExample2). */
export const COHEN_1960_P45 = pairsFromTable<number>([
  [88, 1, 1], [14, 1, 2], [18, 1, 3], [10, 2, 1], [40, 2, 2], [10, 2, 3], [2, 3, 1], [6, 3, 2], [12, 3, 3],
])

/** Krippendorff (2004: 246), two tables with equal percent agreement (DKPro Krippendorff2004Test createExample4a/4b). */
export const KRIPPENDORFF_2004_P246_A = pairsFromTable<string>([
  [12, 'a', 'a'], [9, 'a', 'b'], [9, 'a', 'c'], [9, 'b', 'a'], [14, 'b', 'b'], [9, 'b', 'c'], [9, 'c', 'a'], [9, 'c', 'b'], [20, 'c', 'c'],
])
export const KRIPPENDORFF_2004_P246_B = pairsFromTable<string>([
  [12, 'a', 'a'], [18, 'a', 'b'], [18, 'a', 'c'], [14, 'b', 'b'], [18, 'b', 'c'], [20, 'c', 'c'],
])

/**
 * Krippendorff, K. (1995). On the reliability of unitizing contiguous data. Sociological
 * Methodology 25: 47–76, p. 57: Bertha and Bill's segments (example A) read as 24 coded units
 * (DKPro Krippendorff1995Test testDigitizedAgreement).
 */
export const KRIPPENDORFF_1995_DIGITIZED_A: [number, number][] = [
  [0, 0], [0, 0], [1, 0], [1, 0], [1, 1], [1, 1], [1, 1], [1, 1], [1, 0], [1, 0], [0, 0], [0, 0],
  [0, 0], [0, 0], [1, 0], [1, 1], [1, 1], [1, 0], [1, 0], [1, 0], [0, 0], [0, 0], [0, 0], [0, 0],
]

/** [start, length] of a segment. */
type Span = readonly [number, number]

/**
 * Krippendorff (1995: 57): four pairs of coders (A Bertha/Bill, B John/Jill, C Gerret/Gill,
 * D Heather/Hill) segmenting a continuum of 24, as DKPro Krippendorff1995Test createExample types it.
 */
export const KRIPPENDORFF_1995_UNITIZING: Readonly<Record<'A' | 'B' | 'C' | 'D', readonly [readonly Span[], readonly Span[]]>> = {
  A: [[[2, 8], [14, 6]], [[4, 4], [15, 2]]],
  B: [[[0, 18]], [[0, 2], [2, 1], [3, 1], [4, 1], [5, 1], [6, 3], [9, 1]]],
  C: [[[2, 6], [10, 2], [14, 4], [20, 2]], [[0, 2], [4, 4], [10, 4], [16, 2], [20, 2]]],
  D: [[[0, 2], [2, 8], [10, 4], [14, 6], [20, 4]], [[0, 4], [4, 4], [8, 7], [15, 2], [17, 7]]],
}

/**
 * Krippendorff (2004: 254): two coders on a continuum from 150 to 450, categories c and k
 * (DKPro unitizing Krippendorff2004Test createExample). [coder, start, length, category].
 */
export const KRIPPENDORFF_2004_P254 = {
  begin: 150,
  length: 300,
  segments: [
    [0, 225, 70, 'c'], [0, 370, 30, 'c'], [1, 220, 80, 'c'], [1, 355, 20, 'c'], [1, 400, 20, 'c'],
    [0, 180, 60, 'k'], [0, 300, 50, 'k'], [1, 180, 60, 'k'], [1, 300, 50, 'k'],
  ] as const,
}
