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
