"""What the allocate benchmarks share: the benchmark's weights and an exact
reference split to check every timed result against.

Imported by scripts/bench_allocate_numpy.py and scripts/bench_python.py
(each run as a script, so this folder is on sys.path).
"""

from __future__ import annotations

from typing import List, Sequence


def lcg_weights(n: int) -> List[int]:
    """core/benches/allocate.rs's weights: a 64-bit LCG from
    0x2545F4914F6CDD1D, weight = 2000 + (state >> 33) mod 1 000 000."""
    state = 0x2545F4914F6CDD1D
    mask = (1 << 64) - 1
    out = []
    for _ in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        out.append(2000 + (state >> 33) % 1_000_000)
    return out


def exact_units(units: int, weights: Sequence[int]) -> List[int]:
    """Largest remainder in integers; ties to the larger weight, then the
    earlier position (andel's rule). Not timed: the reference."""
    whole = sum(weights)
    floors = [units * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(units * weights[i] % whole), -weights[i], i))
    for i in order[: units - sum(floors)]:
        floors[i] += 1
    return floors


def exact_ratio_units(units: int, weights: Sequence[int]) -> List[int]:
    """Largest ratio in integers: rounded down, then one unit each to the
    largest weights, ties to the earlier position (Dinero.js 2.x's rule,
    andel's `largest_ratio`). Not timed: the reference."""
    whole = sum(weights)
    floors = [units * w // whole for w in weights]
    order = sorted((i for i, w in enumerate(weights) if w > 0), key=lambda i: (-weights[i], i))
    for i in order[: units - sum(floors)]:
        floors[i] += 1
    return floors


def exact_dhondt_units(units: int, weights: Sequence[int]) -> List[int]:
    """D'Hondt (Jefferson) in integers and fractions: the `units` largest of
    the averages w/1, w/2, w/3, … of all weights, ties to the larger weight,
    then the earlier position (andel's rule). Not timed: the reference.

    Every average at or above λ = Σw/units is among the winners (there are
    ⌊units·w/Σw⌋ of them per weight, at most `units` in all), so those are
    given at once and the few units left go one by one to the next-best
    averages, from a heap."""
    import heapq
    from fractions import Fraction

    whole = sum(weights)
    counts = [units * w // whole for w in weights]
    heap = [(-Fraction(w, c + 1), -w, i) for i, (w, c) in enumerate(zip(weights, counts)) if w > 0]
    heapq.heapify(heap)
    for _ in range(units - sum(counts)):
        _, neg_w, i = heapq.heappop(heap)
        counts[i] += 1
        heapq.heappush(heap, (-Fraction(-neg_w, counts[i] + 1), neg_w, i))
    return counts


def runs_for(first_call_s: float, budget_s: float = 1.0, least: int = 3, most: int = 51) -> int:
    """How many timed runs follow the warm-up call: as many as fit in about
    `budget_s`, at least `least` and at most `most` (an odd count, so the
    median is one run). The Rust and Node runners use the same rule."""
    n = max(least, min(most, int(budget_s / max(first_call_s, 1e-9))))
    return n if n % 2 else n + 1
