#!/usr/bin/env python3
"""The 1 000 000-weight split of core/benches/allocate.rs, timed in Python.

    python scripts/bench_allocate_numpy.py numpy    # needs numpy
    python scripts/bench_allocate_numpy.py andel    # needs andel (the Python binding)

Same input as the Rust benchmark: the weights come from the same 64-bit LCG
(state = state·6364136223846793005 + 1442695040888963407 mod 2^64, starting at
0x2545F4914F6CDD1D; weight = 2000 + (state >> 33) mod 1000000), the total is
123456789.01 and the unit 0.01, largest remainder.

``numpy`` times the usual spreadsheet-style float64 version (quota, floor,
argsort of the remainders), which is fast but inexact, and then counts where
it differs from the exact split, worked out separately with Python integers
(not timed). ``andel`` times ``andel.allocate`` from the binding, including
its argument conversion and its Decimal results, and checks its result
against the same exact split. Prints one line per measurement.
"""

from __future__ import annotations

import statistics
import sys
import time
from decimal import Decimal

from bench_common import exact_units, lcg_weights

N = 1_000_000
TOTAL = Decimal("123456789.01")
UNIT = Decimal("0.01")
UNITS = int(TOTAL / UNIT)  # 12 345 678 901 öre, exact: both are decimals
REPEAT = 10


def timed(fn, repeat: int = REPEAT) -> tuple[object, list[float]]:
    result = fn()  # warm-up, and the result to check
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return result, times


def show(label: str, times: list[float], note: str) -> None:
    best, median = min(times), statistics.median(times)
    print(
        f"{label}: median {median * 1e3:.1f} ms, best {best * 1e3:.1f} ms"
        f" = {median * 1e9 / N:.1f} ns/weight (median), {best * 1e9 / N:.1f} ns/weight (best)"
        f" over {len(times)} runs; {note}"
    )


def float_split(np, units: int, w):
    """The float64 largest remainder: quota, floor, argsort of remainders."""
    quotas = units * w / w.sum()
    floors = np.floor(quotas)
    remainders = quotas - floors
    left = int(round(units - floors.sum()))
    order = np.argsort(-remainders, kind="stable")
    floors[order[:left]] += 1
    return floors.astype(np.int64)


# A small split where the float64 version is not exact: 1 000 000 kronor by
# these weights leaves four remainders of exactly 1/2 for two units. The
# exact rule gives them to the two largest of those weights (439193 and
# 360037); in float64 the halves come out slightly different, and rounding
# noise decides instead.
TIE_UNITS = 1_000_000
TIE_WEIGHTS = [439193, 61035, 228328, 360037, 191285, 720122]


def bench_numpy(weights: list[int], exact: list[int]) -> None:
    import numpy as np

    w = np.array(weights, dtype=np.float64)
    got, times = timed(lambda: float_split(np, UNITS, w))
    got = got.tolist()
    differ = sum(1 for a, b in zip(got, exact) if a != b)
    off = sum(got) - UNITS
    show(
        f"numpy {np.__version__} float64 floor+argsort",
        times,
        f"{differ} of {N} parts differ from the exact split; sum off by {off} öre",
    )
    tie_float = float_split(np, TIE_UNITS, np.array(TIE_WEIGHTS, dtype=np.float64)).tolist()
    tie_exact = exact_units(TIE_UNITS, TIE_WEIGHTS)
    print(
        f"numpy float64 on {TIE_UNITS} by {TIE_WEIGHTS}: {tie_float}; exact: {tie_exact};"
        f" {'SAME' if tie_float == tie_exact else 'DIFFERENT'}"
    )


def bench_andel(weights: list[int], exact: list[int]) -> None:
    import andel

    def split():
        return andel.allocate(TOTAL, weights, unit=UNIT)

    got, times = timed(split)
    in_units = [int(a / UNIT) for a in got]
    differ = sum(1 for a, b in zip(in_units, exact) if a != b)
    show(
        f"andel {andel.__version__} Python binding (allocate, ints in, Decimals out)",
        times,
        f"{differ} of {N} parts differ from the exact split; sum = total: {sum(got) == TOTAL}",
    )


def main(argv: list[str]) -> int:
    if argv not in (["numpy"], ["andel"]):
        print(__doc__, file=sys.stderr)
        return 2
    weights = lcg_weights(N)
    exact = exact_units(UNITS, weights)
    if argv == ["numpy"]:
        bench_numpy(weights, exact)
    else:
        bench_andel(weights, exact)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
