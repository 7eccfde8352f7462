#!/usr/bin/env python3
"""The Python package's benchmarks, side by side (run by scripts/bench-python;
a benchmark, never a test). Prints one line per measurement, per call or
per weight, and checks every result it times against an exact split worked
out here with Python integers (not timed).

1. ``andel.allocate`` of 7 weights (the reference populations and one
   zero), unit 1, Decimals out: target under 10 µs per call.
2. ``Plan.compute()`` of the reference plan (already read): target under
   200 µs per call.
3. 1 000 000 integer weights (the LCG of core/benches/allocate.rs), total
   123 456 789.01, unit 0.01, largest remainder, three ways:
   - andel with a numpy int64 array, int64 units out;
   - numpy float64 floor + argsort (inexact in general);
   - the ``apportionment`` package from PyPI, ``compute("largest_remainder",
     ..., fractions=True)`` (its exact mode; pure Python over numpy
     object arrays).
   Targets: andel at least 100x faster than apportionment, and faster than
   the numpy float64 version.

Environment: BENCH_APPORTIONMENT_SIZES (default "10000,100000,1000000")
chooses the sizes at which apportionment runs (it is slow: minutes at a
million).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import timeit
from decimal import Decimal

from bench_common import exact_units, lcg_weights
from typing import Any, Callable, List, Sequence, Tuple

import numpy as np

import andel

TOTAL = Decimal("123456789.01")
UNIT = Decimal("0.01")
UNITS = 12_345_678_901


def per_call(fn: Callable[[], object], number: int, repeat: int = 7) -> Tuple[float, float]:
    """(median, best) seconds per call over `repeat` rounds of `number` calls."""
    fn()
    rounds = [t / number for t in timeit.repeat(fn, number=number, repeat=repeat)]
    return statistics.median(rounds), min(rounds)


def once_each(fn: Callable[[], Any], repeat: int) -> Tuple[Any, List[float]]:
    result = fn()  # warm-up, and the result to check
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return result, times


def float_split(units: int, w: "np.ndarray[Any, Any]") -> "np.ndarray[Any, Any]":
    quotas = units * w / w.sum()
    floors = np.floor(quotas)
    left = int(round(units - floors.sum()))
    order = np.argsort(-(quotas - floors), kind="stable")
    floors[order[:left]] += 1
    return floors.astype(np.int64)


def small() -> None:
    weights = [15128, 45367, 102767, 10815, 25903, 28521, 0]
    expected = [Decimal(u) for u in exact_units(1_000_000, weights)]
    assert andel.allocate("1000000", weights, unit="1") == expected
    median, best = per_call(lambda: andel.allocate("1000000", weights, unit="1"), number=20_000)
    print(f"allocate, 7 weights (ints, str total): median {median * 1e6:.2f} µs, best {best * 1e6:.2f} µs per call [target < 10 µs]")
    total, unit = Decimal("1000000"), Decimal("1")
    median, best = per_call(lambda: andel.allocate(total, weights, unit=unit), number=20_000)
    print(f"allocate, 7 weights (Decimal total and unit): median {median * 1e6:.2f} µs, best {best * 1e6:.2f} µs per call")

    plan = andel.Plan.reference()
    result = plan.compute()
    # The reference case's 2021 figure for Hylte (tests/vectors).
    assert result.contribution("hylte", 2021) == Decimal("59163")
    median, best = per_call(plan.compute, number=500)
    print(f"Plan.compute(), reference plan: median {median * 1e6:.1f} µs, best {best * 1e6:.1f} µs per call [target < 200 µs]")
    median, best = per_call(lambda: plan.compute().to_dict(), number=200)
    print(f"Plan.compute().to_dict(), reference plan: median {median * 1e6:.1f} µs, best {best * 1e6:.1f} µs per call (all figures as Python values)")


def show(label: str, n: int, times: List[float], note: str) -> float:
    median, best = statistics.median(times), min(times)
    print(
        f"{label}, {n} weights: median {median * 1e3:.1f} ms = {median * 1e9 / n:.1f} ns/weight,"
        f" best {best * 1e3:.1f} ms, {len(times)} runs; {note}"
    )
    return median


def large() -> None:
    n = 1_000_000
    weights = lcg_weights(n)
    exact = exact_units(UNITS, weights)
    w_int = np.array(weights, dtype=np.int64)
    w_float = w_int.astype(np.float64)

    got, times = once_each(lambda: andel.allocate(TOTAL, w_int, unit=UNIT), repeat=10)
    ok = got.tolist() == exact
    t_andel = show(f"andel {andel.__version__} numpy int64 -> int64 units", n, times, f"exact: {ok}")

    got, times = once_each(lambda: float_split(UNITS, w_float), repeat=10)
    differ = sum(1 for a, b in zip(got.tolist(), exact) if a != b)
    t_float = show(f"numpy {np.__version__} float64 floor + argsort", n, times, f"{differ} parts differ from the exact split")
    print(f"andel vs numpy float64 at {n}: {t_float / t_andel:.2f}x faster")

    import apportionment.methods as ap

    sizes = [int(s) for s in os.environ.get("BENCH_APPORTIONMENT_SIZES", "10000,100000,1000000").split(",") if s]
    for size in sizes:
        part = weights[:size]
        part_exact = exact_units(UNITS, part)
        part_np = np.array(part, dtype=np.int64)
        # Its party names are strings (it writes them in tie messages).
        names = [str(i) for i in range(size)]
        start = time.perf_counter()
        theirs = ap.compute("largest_remainder", part, UNITS, fractions=True, parties=names)
        t_theirs = time.perf_counter() - start
        _, times = once_each(lambda: andel.allocate(TOTAL, part_np, unit=UNIT), repeat=10)
        t_ours = statistics.median(times)
        same = [int(x) for x in theirs] == part_exact
        print(
            f"apportionment 1.0 (fractions=True), {size} weights: {t_theirs:.2f} s (one run) ="
            f" {t_theirs * 1e9 / size:.0f} ns/weight, exact: {same};"
            f" andel {t_ours * 1e3:.2f} ms (median of 10): andel {t_theirs / t_ours:.0f}x faster"
        )


def main() -> int:
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, andel {andel.__version__} from {andel.__file__}")
    small()
    large()
    return 0


if __name__ == "__main__":
    sys.exit(main())
