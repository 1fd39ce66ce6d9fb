#!/usr/bin/env python3
"""Independent reference for the agreement coefficients in renderer/src/domain/agreement.

Written straight from the formulas (Krippendorff 2011 for alpha, Cohen 1960 for kappa,
Krippendorff 2004: 251-256 for u-alpha) in exact fractions, by a different route than the
TypeScript: alpha sums delta over every pair of pairable values instead of using marginals and
closed forms, and u-alpha compares every pair of sections instead of sweeping. Standard library
only.

  python3 test/support/agreement_reference.py            published examples
  python3 test/support/agreement_reference.py cases.json  {"alpha": [...], "kappa": [...], "unitizing": [...]} -> JSON results
"""
import json
import sys
from fractions import Fraction as F


def delta(level, c, k, counts):
    if level == 'nominal':
        return 0 if c == k else 1
    if level == 'interval':
        return F(c - k) ** 2
    if level == 'ratio':
        return 0 if c + k == 0 else (F(c - k) / F(c + k)) ** 2
    lo, hi = min(c, k), max(c, k)  # ordinal
    return (sum(n for v, n in counts.items() if lo <= v <= hi) - F(counts[c] + counts[k], 2)) ** 2


def pairable(units, numeric):
    def present(v):
        return v is not None and (not numeric or isinstance(v, (int, float)))
    units = [[v for v in u if present(v)] for u in units]
    return [u for u in units if len(u) >= 2]


def alpha(units, level):
    units = pairable(units, level != 'nominal')
    values = [v for u in units for v in u]
    n = len(values)
    if n == 0:
        return None
    if len(set(values)) < 2:
        return None
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    d_o = sum(F(sum(delta(level, a, b, counts) for i, a in enumerate(u) for j, b in enumerate(u) if i != j), len(u) - 1) for u in units) / n
    d_e = F(sum(delta(level, a, b, counts) for i, a in enumerate(values) for j, b in enumerate(values) if i != j), n * (n - 1))
    return 1 - d_o / d_e


def percent(units):
    units = pairable(units, False)
    if not units:
        return None
    agreeing = sum(F(sum(1 for i, a in enumerate(u) for j, b in enumerate(u) if i != j and a == b), len(u) - 1) for u in units)
    return agreeing / sum(len(u) for u in units)


def kappa(pairs):
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
    n = len(pairs)
    if n == 0:
        return None
    p_o = F(sum(1 for a, b in pairs if a == b), n)
    categories = {a for a, _ in pairs} | {b for _, b in pairs}
    p_e = sum(F(sum(1 for a, _ in pairs if a == c), n) * F(sum(1 for _, b in pairs if b == c), n) for c in categories)
    return None if p_e == 1 else (p_o - p_e) / (1 - p_e)


def sections(spans, begin, end):
    out, position = [], begin
    for start, stop in spans:
        if start > position:
            out.append((position, start, False))
        out.append((start, stop, True))
        position = stop
    if position < end:
        out.append((position, end, False))
    return out


def section_delta(g, h):
    (bg, eg, ug), (bh, eh, uh) = g, h
    if ug and uh:
        return (bg - bh) ** 2 + (eg - eh) ** 2 if bg < eh and bh < eg else 0
    if ug and not uh:
        return (eg - bg) ** 2 if bh <= bg and eg <= eh else 0
    if uh and not ug:
        return (eh - bh) ** 2 if bg <= bh and eh <= eg else 0
    return 0


def coder_spans(segments, coder, category, begin, end):
    """A coder's units of one category, clipped to the continuum, overlapping ones merged."""
    spans = sorted((max(begin, s), min(end, s + l)) for c, cat, s, l in segments if c == coder and cat == category)
    merged = []
    for start, stop in spans:
        if stop <= start:
            continue
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def u_alpha(m, continua, category):
    """continua: [(begin, length, [(coder, category, start, length)])]."""
    total = sum(length for _, length, _ in continua)
    observed, lengths, gaps = 0, [], []
    for begin, length, segments in continua:
        end = begin + length
        per_coder = [sections(coder_spans(segments, i, category, begin, end), begin, end) for i in range(m)]
        for i in range(m):
            lengths += [e - b for b, e, u in per_coder[i] if u]
            gaps += [e - b for b, e, u in per_coder[i] if not u]
            for j in range(m):
                if i != j:
                    observed += sum(section_delta(g, h) for g in per_coder[i] for h in per_coder[j])
    if m < 2 or total == 0 or not lengths:
        return None
    d_o = F(observed, m * (m - 1) * total * total)
    count = len(lengths)
    numerator = sum(F((count - 1) * (2 * l ** 3 - 3 * l ** 2 + l), 3) + l * l * sum(g - l + 1 for g in gaps if g >= l) for l in lengths)
    d_e = F(2, total) * numerator / (m * total * (m * total - 1) - sum(l * (l - 1) for l in lengths))
    return None if d_e == 0 else 1 - d_o / d_e


def as_float(x):
    return None if x is None else float(x)


def published():
    k2011 = [list(u) for u in zip(
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None])]
    for level, value in [('nominal', .743), ('ordinal', .815), ('interval', .849), ('ratio', .797)]:
        print(f'Krippendorff 2011, 4x12 {level}: {float(alpha(k2011, level)):.6f} (published {value})')
    print(f'Krippendorff 2011, 4x12 percent agreement: {float(percent(k2011)):.6f} (DKPro .800)')
    binary = [list(u) for u in zip([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0])]
    print(f'Krippendorff 2011, binary: {float(alpha(binary, "nominal")):.6f} (published .095)')
    table = [(88, 1, 1), (14, 1, 2), (18, 1, 3), (10, 2, 1), (40, 2, 2), (10, 2, 3), (2, 3, 1), (6, 3, 2), (12, 3, 3)]
    print(f'Cohen 1960 p.45 kappa: {float(kappa([(a, b) for n, a, b in table for _ in range(n)])):.6f} (published .492)')
    k2004 = [(150, 300, [(0, 'c', 225, 70), (0, 'c', 370, 30), (1, 'c', 220, 80), (1, 'c', 355, 20), (1, 'c', 400, 20)])]
    print(f'Krippendorff 2004 p.254 u-alpha c: {float(u_alpha(2, k2004, "c")):.6f} (published .7286)')


def from_cases(path):
    with open(path) as handle:
        cases = json.load(handle)
    print(json.dumps({
        'alpha': [as_float(alpha(c['units'], c['level'])) for c in cases['alpha']],
        'percent': [as_float(percent(c['units'])) for c in cases['alpha']],
        'kappa': [as_float(kappa(c['pairs'])) for c in cases['kappa']],
        'unitizing': [as_float(u_alpha(c['coders'], [(x['begin'], x['length'], [(s['coder'], s['category'], s['start'], s['length']) for s in x['segments']]) for x in c['continua']], c['category'])) for c in cases['unitizing']],
    }))


if __name__ == '__main__':
    if len(sys.argv) > 1:
        from_cases(sys.argv[1])
    else:
        published()
