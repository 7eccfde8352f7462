"""Property tests of andel.allocate against an independent reference.

The reference below is written from the textbook definitions with
fractions.Fraction, not from the Rust code: quota methods round every quota
down and hand the leftover units out by their rule; divisor methods hand out
one unit at a time to the largest average. Ties go to the larger weight,
then to the earlier position (the rule of tests/vectors/reference.py).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import List, Sequence

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import andel

settings.register_profile("andel", deadline=None, max_examples=150)
settings.load_profile("andel")

UNITS = [Decimal(u) for u in ("0.01", "1", "0.05", "1000", "0.5", "0.001")]


def _largest_first(keys: Sequence[object], weights: Sequence[Fraction], candidates: Sequence[int]) -> List[int]:
    """Candidates ordered by key, then larger weight, then earlier position."""
    return sorted(candidates, key=lambda i: (keys[i], weights[i], -i), reverse=True)


def reference(units: int, weights: Sequence[Fraction], method: str, first_divisor: Fraction = Fraction(1)) -> List[int]:
    """Units per part for `units` (>= 0) whole units shared by `weights`."""
    whole = sum(weights)
    positive = [i for i, w in enumerate(weights) if w > 0]
    quotas = [units * w / whole for w in weights]
    if method in ("largest_remainder", "largest_ratio", "in_order"):
        given = [q.numerator // q.denominator for q in quotas]
        left = units - sum(given)
        if method == "largest_remainder":
            order = _largest_first([q - g for q, g in zip(quotas, given)], weights, positive)
        elif method == "largest_ratio":
            order = _largest_first(list(weights), weights, positive)
        else:
            order = positive
        for i in order[:left]:
            given[i] += 1
        return given
    given = [0] * len(weights)
    if method == "huntington_hill":
        # Divisor sqrt(k(k+1)) is 0 for the first unit: every positive weight
        # gets one before anyone gets a second. Compare squared averages.
        if units < len(positive):
            raise ValueError("too_few_units")
        for i in positive:
            given[i] = 1
        for _ in range(units - len(positive)):
            keys = [w**2 / (k * (k + 1)) if w > 0 else Fraction(0) for w, k in zip(weights, given)]
            given[_largest_first(keys, weights, positive)[0]] += 1
        return given
    for _ in range(units):
        if method == "dhondt":
            divisors = [Fraction(k + 1) for k in given]
        else:  # sainte_lague: 1 (or the first divisor), 3, 5, ...
            divisors = [first_divisor if k == 0 else Fraction(2 * k + 1) for k in given]
        keys = [w / d for w, d in zip(weights, divisors)]
        given[_largest_first(keys, weights, positive)[0]] += 1
    return given


# A weight: up to 7 digits with up to 3 decimals (populations, percentages).
weight = st.builds(
    lambda digits, scale: Decimal(digits).scaleb(-scale),
    st.integers(0, 10**7),
    st.integers(0, 3),
)
weights_st = st.lists(weight, min_size=1, max_size=8).filter(lambda ws: any(w > 0 for w in ws))
unit_st = st.sampled_from(UNITS)
method_st = st.sampled_from(andel.METHODS)


def _total(count: int, unit: Decimal, negative: bool) -> Decimal:
    total = count * unit
    return -total if negative else total


@given(
    count=st.integers(0, 400),
    negative=st.booleans(),
    unit=unit_st,
    weights=weights_st,
    method=method_st,
)
def test_matches_the_reference(count: int, negative: bool, unit: Decimal, weights: List[Decimal], method: str) -> None:
    exact = [Fraction(w) for w in weights]
    total = _total(count, unit, negative)
    try:
        want = reference(count, exact, method)
    except ValueError as err:
        with pytest.raises(andel.AllocationError) as info:
            andel.allocate(total, weights, unit=unit, method=method)
        assert info.value.code == str(err)
        return
    got = andel.allocate(total, weights, unit=unit, method=method)
    sign = -1 if negative else 1
    assert got == [sign * k * unit for k in want]


@given(count=st.integers(0, 10**6), negative=st.booleans(), unit=unit_st, weights=weights_st)
def test_sainte_lague_first_divisor(count: int, negative: bool, unit: Decimal, weights: List[Decimal]) -> None:
    count %= 300
    divisor = Fraction(6, 5)
    got = andel.allocate(_total(count, unit, negative), weights, unit=unit, method="sainte_lague", first_divisor="1.2")
    sign = -1 if negative else 1
    assert got == [sign * k * unit for k in reference(count, [Fraction(w) for w in weights], "sainte_lague", divisor)]


def _allocate_or_skip(total: Decimal, weights: List[Decimal], unit: Decimal, method: str) -> List[Decimal]:
    try:
        return andel.allocate(total, weights, unit=unit, method=method)
    except andel.AllocationError as err:
        # The one refusal a valid split can meet: too few units for HH.
        assert err.code == "too_few_units" and method == "huntington_hill"
        assume(False)
        raise


@given(count=st.integers(0, 10**9), negative=st.booleans(), unit=unit_st, weights=weights_st, method=method_st)
def test_sum_is_exact_and_parts_are_whole_units(
    count: int, negative: bool, unit: Decimal, weights: List[Decimal], method: str
) -> None:
    if method in ("dhondt", "sainte_lague", "huntington_hill"):
        count %= 100_000  # keep the engine's divisor search quick
    total = _total(count, unit, negative)
    amounts = _allocate_or_skip(total, weights, unit, method)
    assert len(amounts) == len(weights)
    assert sum(Fraction(a) for a in amounts) == Fraction(total)
    for amount in amounts:
        assert (Fraction(amount) / Fraction(unit)).denominator == 1
        assert not (amount == 0 and str(amount).startswith("-")), "never -0"
        # Printed with the unit's decimals: 12.00 for öre, 12 for kronor,
        # 5000 (not 5E+3) for thousands.
        places = max(0, -unit.normalize().as_tuple().exponent)
        assert amount.as_tuple().exponent == -places, amount


@given(count=st.integers(0, 10**9), negative=st.booleans(), unit=unit_st, weights=weights_st)
def test_largest_remainder_is_within_one_unit_of_the_quota(
    count: int, negative: bool, unit: Decimal, weights: List[Decimal]
) -> None:
    total = _total(count, unit, negative)
    amounts = andel.allocate(total, weights, unit=unit)
    whole = sum(Fraction(w) for w in weights)
    for amount, w in zip(amounts, weights):
        quota = Fraction(total) * Fraction(w) / whole
        assert abs(Fraction(amount) - quota) < Fraction(unit)


@given(count=st.integers(0, 5_000), unit=unit_st, weights=weights_st, method=method_st)
def test_zero_weight_gets_zero(count: int, unit: Decimal, weights: List[Decimal], method: str) -> None:
    weights = weights + [Decimal(0)]
    amounts = _allocate_or_skip(count * unit, weights, unit, method)
    for amount, w in zip(amounts, weights):
        if w == 0:
            assert amount == 0


@given(
    count=st.integers(0, 5_000),
    unit=unit_st,
    weights=weights_st,
    method=method_st,
    factor=st.sampled_from([Decimal(f) for f in ("2", "3", "10", "0.5", "7.25", "1000")]),
)
def test_scaling_the_weights_changes_nothing(
    count: int, unit: Decimal, weights: List[Decimal], method: str, factor: Decimal
) -> None:
    total = count * unit
    scaled = [w * factor for w in weights]
    assert _allocate_or_skip(total, scaled, unit, method) == _allocate_or_skip(total, weights, unit, method)


@given(count=st.integers(0, 5_000), unit=unit_st, weights=weights_st, method=method_st)
def test_negating_the_total_negates_the_parts(count: int, unit: Decimal, weights: List[Decimal], method: str) -> None:
    total = count * unit
    plus = _allocate_or_skip(total, weights, unit, method)
    minus = andel.allocate(-total, weights, unit=unit, method=method)
    assert minus == [-a for a in plus]


@given(count=st.integers(1, 2_000), unit=unit_st, weights=weights_st, method=method_st)
def test_mapping_and_sequence_agree(count: int, unit: Decimal, weights: List[Decimal], method: str) -> None:
    named = {f"member {i}": w for i, w in enumerate(weights)}
    as_list = _allocate_or_skip(count * unit, weights, unit, method)
    as_dict = andel.allocate(count * unit, named, unit=unit, method=method)
    assert list(as_dict) == list(named)
    assert list(as_dict.values()) == as_list


def test_the_reference_itself() -> None:
    """Hand-checked cases, so a wrong reference cannot pass unnoticed."""
    thirds = [Fraction(1)] * 3
    assert reference(10, thirds, "largest_remainder") == [4, 3, 3]
    assert reference(10, [Fraction(1), Fraction(2)], "in_order") == [4, 6]  # 3.33 -> 3+1, 6.67 -> 6
    assert reference(10, [Fraction(1), Fraction(2), Fraction(2)], "largest_ratio") == [2, 4, 4]
    # 1790-style textbook example: D'Hondt favours the large party.
    assert reference(7, [Fraction(v) for v in (340, 280, 160, 60, 15)], "dhondt") == [3, 3, 1, 0, 0]
    assert reference(10, [Fraction(v) for v in (5100, 2900, 1400, 600)], "sainte_lague", Fraction(6, 5)) == [5, 3, 1, 1]
    assert reference(4, [Fraction(v) for v in (100, 1, 1)], "huntington_hill") == [2, 1, 1]
