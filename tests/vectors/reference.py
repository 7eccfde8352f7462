#!/usr/bin/env python3
"""An independent reference for andel's `allocate`, used to compute the
expected values of tests/vectors/allocate.json.

Deliberately naive and written from the textbook definitions, not from the
Rust code: every number is a `fractions.Fraction`, quota methods sort the
parts by their key, and divisor methods hand out ONE unit at a time to the
largest average.  Only when a total has too many units for that (the
"millions of units" vectors) does it switch to a second textbook definition
of the same methods -- "the N largest averages", found by a search for the
N-th largest average -- and on every smaller case the two are checked
against each other (see `python3 tests/vectors/reference.py --selftest`).

Rules (tests/vectors/README.md is the normative text):

* Every number is a text; it must be a plain decimal literal (optional
  sign, digits with an optional point, optional exponent) whose value a
  96-bit decimal with at most 28 decimals holds exactly, else
  `invalid_number`.
* Errors are checked in the README's order; see `allocate` below.
* units = |total| / unit must be whole; the parts are computed for the
  magnitude and negated for a negative total.
* Tie rule for every method: the larger weight first, then the earlier
  position.
* Overflow (the one rule that depends on the engine's arithmetic): with
  every weight written as an integer at the common scale of the weights
  (the most decimals any weight has once trailing zeros are removed), a
  quota method (largest_remainder, largest_ratio, in_order) overflows when
  units * (largest such integer) >= 2**128. Divisor methods fall back to
  big integers in the engine and never overflow there.
"""

from __future__ import annotations

import random
import re
import sys
from fractions import Fraction
from math import floor, isqrt

METHODS = (
    "largest_remainder",
    "largest_ratio",
    "in_order",
    "dhondt",
    "sainte_lague",
    "huntington_hill",
)
DIVISOR_METHODS = ("dhondt", "sainte_lague", "huntington_hill")
DEFAULT_UNIT = "0.01"
DEFAULT_METHOD = "largest_remainder"

# Above this many units, divisor methods use the N-largest-averages search
# instead of handing out units one at a time (which would take hours).
ONE_AT_A_TIME_LIMIT = 200_000

# A decimal literal. [0-9] and not \d: \d also matches non-ASCII digits.
_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
_MAX_MANTISSA = 2**96 - 1
_MAX_SCALE = 28


class RefError(Exception):
    """A refused input, carrying the stable error code."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def decimals(x: Fraction) -> int:
    """The number of decimals of x once trailing zeros are removed
    (x must be a terminating decimal)."""
    s = 0
    while (x * 10**s).denominator != 1:
        s += 1
    return s


def parse_number(text: str) -> Fraction:
    """The exact value of a decimal text, or RefError('invalid_number')."""
    if not isinstance(text, str):
        raise RefError("invalid_number")
    t = text.strip()
    if not _NUMBER.fullmatch(t):
        raise RefError("invalid_number")
    mantissa, _, exponent = t.lower().partition("e")
    value = Fraction(mantissa)  # exact: a plain decimal literal
    if exponent:
        e = int(exponent)
        if abs(e) > 100:  # far outside what a 96-bit decimal can hold
            raise RefError("invalid_number")
        value *= Fraction(10) ** e
    s = decimals(value)
    if s > _MAX_SCALE or abs(value * 10**s) > _MAX_MANTISSA:
        raise RefError("invalid_number")
    return value


def format_amount(amount: Fraction, unit: Fraction) -> str:
    """An amount with exactly as many decimals as the unit has once trailing
    zeros are removed; a leading '-' for negatives, never '-0'."""
    s = decimals(unit)
    m = amount * 10**s
    assert m.denominator == 1, (amount, unit)
    m = m.numerator
    sign = "-" if m < 0 else ""
    digits = str(abs(m))
    if s == 0:
        return sign + digits
    digits = digits.rjust(s + 1, "0")
    return f"{sign}{digits[:-s]}.{digits[-s:]}"


# --- quota methods -------------------------------------------------------


def quotas(units: int, weights: list[Fraction]) -> list[Fraction]:
    """The exact quotas units * w / sum(w)."""
    total = sum(weights)
    return [units * w / total for w in weights]


def _round_down_then(units: int, weights: list[Fraction], order) -> list[int]:
    """Every quota rounded down, then one unit each to the positive-weight
    parts first in `order` until all units are handed out."""
    q = quotas(units, weights)
    counts = [floor(x) for x in q]
    left = units - sum(counts)
    positive = [i for i, w in enumerate(weights) if w > 0]
    assert 0 <= left <= len(positive)
    for i in sorted(positive, key=lambda i: order(i, q))[:left]:
        counts[i] += 1
    return counts


def largest_remainder(units, weights):
    # Largest fractional remainder first; ties: larger weight, earlier part.
    return _round_down_then(
        units, weights, lambda i, q: (-(q[i] - floor(q[i])), -weights[i], i)
    )


def largest_ratio(units, weights):
    # Largest weight first; ties: earlier part.
    return _round_down_then(units, weights, lambda i, q: (-weights[i], i))


def in_order(units, weights):
    return _round_down_then(units, weights, lambda i, q: i)


# --- divisor methods -----------------------------------------------------
#
# An average is represented so that comparing representations compares the
# averages: (1, 0) for an infinite average (Huntington-Hill's first unit),
# else (0, value); for Huntington-Hill the value is the SQUARED average
# w^2 / (k(k+1)), which orders the same way and stays rational.


def divisor(method: str, first: Fraction, k: int) -> Fraction:
    """d(k), the divisor of the (k+1)-th unit of a part (not for HH)."""
    if method == "dhondt":
        return Fraction(k + 1)
    if method == "sainte_lague":
        return first if k == 0 else Fraction(2 * k + 1)
    raise ValueError(method)


def average(method: str, first: Fraction, w: Fraction, k: int):
    if method == "huntington_hill":
        return (1, Fraction(0)) if k == 0 else (0, w * w / (k * (k + 1)))
    return (0, w / divisor(method, first, k))


def one_at_a_time(method, first, units, weights) -> list[int]:
    """Hand out the units one by one, each to the largest next average;
    ties: larger weight, then earlier part."""
    counts = [0] * len(weights)
    positive = [i for i, w in enumerate(weights) if w > 0]
    for _ in range(units):
        best = max(
            positive,
            key=lambda i: (average(method, first, weights[i], counts[i]), weights[i], -i),
        )
        counts[best] += 1
    return counts


def _count_at_least(method, first, w: Fraction, v) -> int:
    """How many of the averages of weight w are >= v (v finite, > 0)."""
    _, v = v
    if method == "dhondt":  # w/(k+1) >= v  <=>  k+1 <= w/v
        return floor(w / v)
    if method == "sainte_lague":  # d(0) = first, then 3, 5, 7, ...
        x = w / v
        return int(first <= x) + max(0, floor((x - 1) / 2))
    # huntington_hill, v is the squared average: k = 0 always counts, and
    # w^2/(k(k+1)) >= v  <=>  k(k+1) <= X = floor(w^2/v) for k >= 1.
    big_x = floor(w * w / v)
    k = (isqrt(4 * big_x + 1) - 1) // 2  # largest k with k(k+1) <= X
    while (k + 1) * (k + 2) <= big_x:
        k += 1
    while k * (k + 1) > big_x:
        k -= 1
    return k + 1


def n_largest_averages(method, first, units, weights) -> list[int]:
    """The N largest averages of all parts, ordered by value, then larger
    weight, then earlier part; each part receives as many units as it has
    averages among them.  The N-th largest value v* is found exactly: for
    each part, the smallest k with count(>= w/d(k)) >= N gives a candidate,
    and v* is the largest candidate."""
    positive = [i for i, w in enumerate(weights) if w > 0]
    if method == "huntington_hill" and units <= len(positive):
        # Only infinite averages are needed: one unit each, in tie order.
        order = sorted(positive, key=lambda i: (-weights[i], i))
        counts = [0] * len(weights)
        for i in order[:units]:
            counts[i] += 1
        return counts
    k0 = 1 if method == "huntington_hill" else 0

    def count(v):
        return sum(_count_at_least(method, first, weights[i], v) for i in positive)

    best = None
    for i in positive:
        lo, hi = k0, k0 + 1
        while count(average(method, first, weights[i], hi)) < units:
            lo, hi = hi, hi * 2
        while lo < hi:  # smallest k in [lo, hi] with count >= units
            mid = (lo + hi) // 2
            if count(average(method, first, weights[i], mid)) >= units:
                hi = mid
            else:
                lo = mid + 1
        candidate = average(method, first, weights[i], lo)
        if best is None or candidate > best:
            best = candidate
    counts = [0] * len(weights)
    at_threshold = []
    for i in positive:
        above = _count_at_least(method, first, weights[i], best)
        # Averages equal to v* go last, in tie order.
        k = above - 1
        equal = 0
        while k >= k0 and average(method, first, weights[i], k) == best:
            equal += 1
            k -= 1
        counts[i] = above - equal
        at_threshold += [i] * equal
    left = units - sum(counts)
    at_threshold.sort(key=lambda i: (-weights[i], i))
    for i in at_threshold[:left]:
        counts[i] += 1
    assert sum(counts) == units
    return counts


def apportion(method, first, units, weights) -> list[int]:
    if method == "largest_remainder":
        return largest_remainder(units, weights)
    if method == "largest_ratio":
        return largest_ratio(units, weights)
    if method == "in_order":
        return in_order(units, weights)
    if units <= ONE_AT_A_TIME_LIMIT:
        return one_at_a_time(method, first, units, weights)
    return n_largest_averages(method, first, units, weights)


# --- the whole call, with its errors ------------------------------------


def allocate(total, weights, unit=DEFAULT_UNIT, method=DEFAULT_METHOD, first_divisor=None):
    """The amounts (as formatted strings) for one vector case, or raises
    RefError with the error code.  Every number argument is a text."""
    # 1. Texts that are not numbers: total, unit, first divisor, weights.
    t = parse_number(total)
    u = parse_number(unit)
    fd = None if first_divisor is None else parse_number(first_divisor)
    ws = [parse_number(w) for w in weights]
    # The method name is a text too; checked right after the numbers.
    if method not in METHODS:
        raise RefError("unknown_method")
    # 2. The unit must be positive.
    if u <= 0:
        raise RefError("invalid_unit")
    # 3. A first divisor only for Sainte-Lague, and in (0, 3].
    if fd is not None and (method != "sainte_lague" or not 0 < fd <= 3):
        raise RefError("invalid_first_divisor")
    # 4. The total must be a whole number of units.
    n = t / u
    if n.denominator != 1:
        raise RefError("not_multiple_of_unit")
    units = abs(n.numerator)
    # 5.-7. Weights: some, none negative, not all zero.
    if not ws:
        raise RefError("empty_weights")
    if any(w < 0 for w in ws):
        raise RefError("negative_weight")
    if all(w == 0 for w in ws):
        raise RefError("zero_weights")
    # 8. Overflow: units times the largest weight at the common scale, for
    # the quota methods (the divisor methods fall back to big integers).
    scale = max(decimals(w) for w in ws)
    quota_method = method in ("largest_remainder", "largest_ratio", "in_order")
    if quota_method and units * max(ws) * 10**scale >= 2**128:
        raise RefError("overflow")
    # 9. Huntington-Hill gives every positive weight a unit first.
    if method == "huntington_hill" and units < sum(1 for w in ws if w > 0):
        raise RefError("too_few_units")
    first = fd if fd is not None else Fraction(1)
    counts = apportion(method, first, units, ws)
    assert sum(counts) == units
    sign = -1 if n < 0 else 1
    return [format_amount(sign * c * u, u) for c in counts]


def cross_check(method, first, units, weights) -> None:
    """Asserts that both textbook definitions of a divisor method agree."""
    a = one_at_a_time(method, first, units, weights)
    b = n_largest_averages(method, first, units, weights)
    assert a == b, (method, first, units, weights, a, b)


def selftest(rounds: int = 3000, seed: int = 1) -> None:
    """Random cross-checks of one-at-a-time against N-largest-averages, with
    many equal weights and averages so the tie rule is exercised."""
    rng = random.Random(seed)
    firsts = [Fraction(1), Fraction(6, 5), Fraction(7, 5), Fraction(1, 2), Fraction(3)]
    for _ in range(rounds):
        n = rng.randint(1, 7)
        weights = [Fraction(rng.choice([0, 1, 2, 3, 4, 6, 12, rng.randint(1, 999)]), rng.choice([1, 1, 4, 10])) for _ in range(n)]
        if not any(weights):
            weights[0] = Fraction(1)
        positive = sum(1 for w in weights if w > 0)
        method = rng.choice(DIVISOR_METHODS)
        units = rng.randint(positive if method == "huntington_hill" else 0, 60)
        first = rng.choice(firsts)
        cross_check(method, first, units, weights)
    print(f"selftest: {rounds} random divisor-method cases agree")


if __name__ == "__main__":
    if sys.argv[1:] == ["--selftest"]:
        selftest()
    else:
        sys.exit("usage: reference.py --selftest  (the generator is make_allocate.py)")
