"""A plain Python `decimal` split, written the way a finance officer would
write it without a library: one of the peers of scripts/bench (timed by
scripts/bench_peers.py, checked there against the exact integer split).

Nothing clever on purpose: Decimal arithmetic with the default context
(28 significant digits), sorted() and heapq. The tie rules are andel's
(larger weight first, then the earlier position) so that the results can
be compared part by part.
"""

from __future__ import annotations

import heapq
from decimal import ROUND_DOWN, Decimal
from typing import List, Sequence


def largest_remainder(total: Decimal, weights: Sequence[Decimal], unit: Decimal) -> List[Decimal]:
    """Each part's quota `total · w / Σw`, rounded down to the unit; the units
    left over go one each to the largest remainders."""
    whole = sum(weights)
    quotas = [total * w / whole for w in weights]
    parts = [q.quantize(unit, rounding=ROUND_DOWN) for q in quotas]
    left = int((total - sum(parts)) / unit)
    order = sorted(range(len(weights)), key=lambda i: (quotas[i] - parts[i], weights[i]), reverse=True)
    for i in order[:left]:
        parts[i] += unit
    return parts


def dhondt(seats: int, weights: Sequence[Decimal]) -> List[int]:
    """D'Hondt as taught: hand out the seats one at a time, each to the
    highest average w / (seats so far + 1)."""
    won = [0] * len(weights)
    heap = [(-w, -w, i) for i, w in enumerate(weights) if w > 0]
    heapq.heapify(heap)
    for _ in range(seats):
        _, neg_w, i = heapq.heappop(heap)
        won[i] += 1
        heapq.heappush(heap, (neg_w / (won[i] + 1), neg_w, i))
    return won
