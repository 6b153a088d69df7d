"""An independent reference for the analysis core, written from the rules as
documented (not from the Rust code paths): the benefit index, the category
rules, SMAA with Python's own generator, and the weight-stability intervals
solved in closed form (the Rust code scans and bisects).

Reads a JSON list of cases on stdin, writes a JSON list of results on stdout.
Needs nothing beyond the Python standard library.
"""

import json
import math
import random
import sys

DEEPEN, CONTINUE, REDUCE = 75.0, 55.0, 40.0
MIN_RESPONDENTS = 3
LOW_GOAL_FIT = 0.34
TIE = 1e-9


def index(benefit, weights):
    num = den = 0.0
    for b, w in zip(benefit, weights):
        if b is None or not (math.isfinite(w) and w > 0):
            continue
        num += w * b
        den += w
    return num / den if den > 0 else None


def category(m, idx):
    if idx is None or max(m["respondents"] or [0]) < MIN_RESPONDENTS:
        return "insufficient_evidence"
    if m["indirect"] and idx < CONTINUE:
        return "terminate"
    if idx >= DEEPEN:
        c = "deepen"
    elif idx >= CONTINUE:
        c = "continue"
    elif idx >= REDUCE:
        c = "reduce"
    else:
        c = "terminate"
    fit = m["goal_fit"]
    if c == "continue" and m["dev_coop"] and fit is not None and fit < LOW_GOAL_FIT:
        c = "reduce"
    return c


def smaa(ms, intervals, draws, seed):
    rng = random.Random(seed)
    counts = [dict.fromkeys(
        ["deepen", "continue", "reduce", "terminate", "insufficient_evidence"], 0) for _ in ms]
    for _ in range(draws):
        w = [lo + (hi - lo) * rng.random() for lo, hi in intervals]
        for m, count in zip(ms, counts):
            count[category(m, index(m["benefit"], w))] += 1
    return [{k: v / draws for k, v in c.items()} for c in counts]


def linear(m, base, i):
    """The index along the moved weight t is (a + b t) / (c + d t)."""
    r = 1.0 / (1.0 - base[i])
    s = t = 0.0
    for j, (b, w) in enumerate(zip(m["benefit"], base)):
        if j != i and b is not None and w > 0:
            s += b * w
            t += w
    bi = m["benefit"][i] if i < len(m["benefit"]) else None
    p, v = (1.0, bi) if bi is not None else (0.0, 0.0)
    return r * s, v * p - r * s, r * t, p - r * t


def roots_linear(a, b):
    return [-a / b] if b != 0 else []


def roots_quadratic(a, b, c):
    # When both memberships have evidence on every criterion their
    # denominators are constant and the t^2 term is rounding noise.
    if abs(a) <= 1e-12 * max(abs(b), abs(c), 1e-300):
        return roots_linear(c, b)
    disc = b * b - 4 * a * c
    if disc < 0:
        return []
    # The cancellation-free form of the two roots.
    q = -0.5 * (b + math.copysign(math.sqrt(disc), b))
    return [q / a] + ([c / q] if q != 0 else [])


def moved(base, i, t):
    rest = 1.0 - base[i]
    return [t if j == i else w * (1.0 - t) / rest for j, w in enumerate(base)]


def holds(ms, base_idx, base_cat, w):
    idx = [index(m["benefit"], w) for m in ms]
    if any(category(m, x) != c for m, x, c in zip(ms, idx, base_cat)):
        return False
    for a in range(len(ms)):
        for b in range(len(ms)):
            if base_idx[a] is None or base_idx[b] is None:
                continue
            if base_idx[a] > base_idx[b] + TIE:
                if idx[a] is None or idx[b] is None or idx[b] > idx[a] + TIE:
                    return False
    return True


def stability(ms, weights):
    total = sum(weights)
    base = [w / total for w in weights]
    base_idx = [index(m["benefit"], base) for m in ms]
    base_cat = [category(m, x) for m, x in zip(ms, base_idx)]
    out = []
    for i in range(len(base)):
        lines = [linear(m, base, i) for m in ms]
        points = {0.0, 1.0, base[i]}
        for a, b, c, d in lines:
            for theta in (DEEPEN, CONTINUE, REDUCE):
                points.update(roots_linear(a - theta * c, b - theta * d))
            points.update(roots_linear(c, d))
        for x in range(len(lines)):
            for y in range(x + 1, len(lines)):
                a1, b1, c1, d1 = lines[x]
                a2, b2, c2, d2 = lines[y]
                # (a1 + b1 t)(c2 + d2 t) = (a2 + b2 t)(c1 + d1 t)
                points.update(roots_quadratic(
                    b1 * d2 - b2 * d1, a1 * d2 + b1 * c2 - a2 * d1 - b2 * c1, a1 * c2 - a2 * c1))
        points = sorted(p for p in points if 0.0 <= p <= 1.0)
        ok = lambda u, v: holds(ms, base_idx, base_cat, moved(base, i, (u + v) / 2))
        k = points.index(base[i])
        lo = base[i]
        for j in range(k, 0, -1):
            if not ok(points[j - 1], points[j]):
                break
            lo = points[j - 1]
        hi = base[i]
        for j in range(k, len(points) - 1):
            if not ok(points[j], points[j + 1]):
                break
            hi = points[j + 1]
        out.append([lo, hi])
    return out


def run(case):
    ms = case["memberships"]
    weights = case["weights"]
    total = sum(weights)
    base = [w / total for w in weights]
    idx = [index(m["benefit"], base) for m in ms]
    return {
        "index": idx,
        "category": [category(m, x) for m, x in zip(ms, idx)],
        "smaa": smaa(ms, case["intervals"], case["draws"], case["seed"]),
        "stability_all": stability(ms, weights),
        "stability_each": [stability([m], weights) for m in ms],
    }


if __name__ == "__main__":
    json.dump([run(c) for c in json.load(sys.stdin)], sys.stdout)
